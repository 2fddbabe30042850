/**
 * Starts long jobs in worker threads, tracks their state, forwards progress as events and cancels
 * on request. A worker that ignores a cancel is terminated after a grace period.
 */
import { randomUUID } from 'node:crypto';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { JobStartInput, JobState } from '../../shared/contract';
import { AppError } from '../../shared/errors';
import type { Locale } from '../../shared/locale';
import { errorMessage } from '../../shared/i18n';
import type { WorkerData, WorkerMessage } from './protocol';

const CANCEL_GRACE_MS = 3000;
const KEEP_FINISHED = 50;

export interface JobManagerOptions {
  dbPath: string;
  backupsDir: string;
  nativeBinding?: string;
  locale: () => Locale;
  onChange: (job: JobState) => void;
  /** The built worker file; defaults to worker.js/.ts beside this module. */
  workerFile?: URL;
}

/**
 * Creates the worker for one job. In the Electron bundle the worker is the built `worker.js` beside
 * this module; under tsx and tests it is the TypeScript source, loaded through tsx's own API
 * because Node 20 ignores `--import` loaders in a worker's execArgv.
 */
function spawnWorker(data: WorkerData, workerFile?: URL): Worker {
  if (workerFile) return new Worker(workerFile, { workerData: data });
  if (!import.meta.url.endsWith('.ts')) {
    return new Worker(new URL('./worker.js', import.meta.url), { workerData: data });
  }
  const tsxApi = createRequire(import.meta.url).resolve('tsx/cjs/api');
  const source = fileURLToPath(new URL('./worker.ts', import.meta.url));
  const bootstrap = `require(${JSON.stringify(tsxApi)}).require(${JSON.stringify(source)}, ${JSON.stringify(source)});`;
  return new Worker(bootstrap, { eval: true, workerData: data });
}

export class JobManager {
  private readonly jobs = new Map<string, JobState>();
  private readonly workers = new Map<string, Worker>();

  constructor(private readonly options: JobManagerOptions) {}

  list(): JobState[] {
    return [...this.jobs.values()].sort((a, b) => b.startedAt.localeCompare(a.startedAt));
  }

  get(id: string): JobState {
    const job = this.jobs.get(id);
    if (!job) throw new AppError('JOB_NOT_FOUND', { id });
    return job;
  }

  start(input: JobStartInput): JobState {
    const id = randomUUID();
    const job: JobState = {
      id,
      kind: input.kind,
      status: 'running',
      progress: { done: 0, total: 0 },
      startedAt: new Date().toISOString(),
      finishedAt: null,
      result: null,
      error: null,
    };
    this.jobs.set(id, job);
    const data: WorkerData = {
      input,
      dbPath: this.options.dbPath,
      backupsDir: this.options.backupsDir,
      ...(this.options.nativeBinding ? { nativeBinding: this.options.nativeBinding } : {}),
    };
    const worker = spawnWorker(data, this.options.workerFile);
    this.workers.set(id, worker);
    worker.on('message', (message: WorkerMessage) => this.onMessage(id, message));
    worker.on('error', (error) =>
      this.finish(id, 'failed', null, {
        code: 'INTERNAL',
        message: errorMessage('INTERNAL', { detail: error.message }, this.options.locale()),
      }),
    );
    worker.on('exit', () => {
      this.workers.delete(id);
      if (this.jobs.get(id)?.status === 'running') {
        this.finish(id, 'failed', null, {
          code: 'INTERNAL',
          message: errorMessage('INTERNAL', { detail: 'worker exited' }, this.options.locale()),
        });
      }
    });
    this.emit(job);
    this.prune();
    return { ...job };
  }

  cancel(id: string): JobState {
    const job = this.get(id);
    const worker = this.workers.get(id);
    if (job.status !== 'running' || !worker) return { ...job };
    worker.postMessage({ type: 'cancel' });
    const timer = setTimeout(() => {
      if (this.jobs.get(id)?.status === 'running') {
        this.finish(id, 'cancelled', null, null);
        void worker.terminate();
      }
    }, CANCEL_GRACE_MS);
    timer.unref();
    return { ...job };
  }

  /** Resolves when the job has left the running state (for the CLI and tests). */
  waitFor(id: string): Promise<JobState> {
    return new Promise((resolve) => {
      const poll = () => {
        const job = this.get(id);
        if (job.status !== 'running') resolve({ ...job });
        else setTimeout(poll, 20);
      };
      poll();
    });
  }

  async shutdown(): Promise<void> {
    await Promise.all([...this.workers.values()].map((worker) => worker.terminate()));
  }

  private onMessage(id: string, message: WorkerMessage): void {
    const job = this.jobs.get(id);
    if (!job || job.status !== 'running') return;
    switch (message.type) {
      case 'progress':
        job.progress = message.progress;
        this.emit(job);
        break;
      case 'done':
        this.finish(id, 'done', message.result, null);
        break;
      case 'failed':
        if (message.code === 'JOB_CANCELLED') this.finish(id, 'cancelled', null, null);
        else
          this.finish(id, 'failed', null, {
            code: message.code,
            message: errorMessage(message.code, message.params, this.options.locale()),
          });
        break;
    }
  }

  private finish(
    id: string,
    status: JobState['status'],
    result: unknown,
    error: JobState['error'],
  ): void {
    const job = this.jobs.get(id);
    if (!job || job.status !== 'running') return;
    job.status = status;
    job.result = result;
    job.error = error;
    job.finishedAt = new Date().toISOString();
    this.emit(job);
  }

  private emit(job: JobState): void {
    this.options.onChange({ ...job, progress: { ...job.progress } });
  }

  private prune(): void {
    const finished = this.list().filter((job) => job.status !== 'running');
    for (const old of finished.slice(KEEP_FINISHED)) this.jobs.delete(old.id);
  }
}
