import type { JobProgress, JobStartInput } from '../../shared/contract';
import type { ErrorCode, ErrorParams } from '../../shared/errors';

export interface WorkerData {
  input: JobStartInput;
  dbPath: string;
  backupsDir: string;
  nativeBinding?: string;
}

export type WorkerMessage =
  | { type: 'progress'; progress: JobProgress }
  | { type: 'done'; result: unknown }
  | { type: 'failed'; code: ErrorCode; params: ErrorParams; detail: string };
