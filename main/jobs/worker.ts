/** Entry point of a job's worker thread: opens its own connection, runs one job, reports back. */
import { parentPort, workerData } from 'node:worker_threads';
import type { JobStartInput } from '../../shared/contract';
import { AppError } from '../../shared/errors';
import { openWorkerConnection } from '../db/connection';
import { JOB_RUNNERS } from './kinds';
import type { WorkerData, WorkerMessage } from './protocol';

const data = workerData as WorkerData;
const controller = new AbortController();
const port = parentPort;
if (!port) throw new Error('main/jobs/worker.ts must run in a worker thread');

function send(message: WorkerMessage): void {
  port!.postMessage(message);
}

port.on('message', (message: { type: string }) => {
  if (message.type === 'cancel') controller.abort();
});

async function run(input: JobStartInput): Promise<void> {
  const db = openWorkerConnection(data.dbPath, data.nativeBinding);
  try {
    const result = await JOB_RUNNERS[input.kind](input, {
      db,
      backupsDir: data.backupsDir,
      signal: controller.signal,
      progress: (progress) => send({ type: 'progress', progress }),
    });
    send({ type: 'done', result });
  } catch (error) {
    if (error instanceof AppError) {
      send({ type: 'failed', code: error.code, params: error.params, detail: error.message });
    } else {
      send({
        type: 'failed',
        code: 'INTERNAL',
        params: { detail: String(error) },
        detail: String(error),
      });
    }
  } finally {
    db.close();
    port!.close();
  }
}

void run(data.input);
