/** Cancelling a long export: checked between batches of rows, where stopping leaves nothing open. */
import { AppError } from '../../shared/errors';

export function throwIfCancelled(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new AppError('JOB_CANCELLED');
}

/** Lets streams drain and messages (a cancel) arrive, then checks for a cancel. */
export async function pause(signal: AbortSignal | undefined): Promise<void> {
  throwIfCancelled(signal);
  await new Promise((resolve) => setImmediate(resolve));
  throwIfCancelled(signal);
}

/** Progress and cancel of a row-by-row writer. */
export interface RowProgress {
  /** Called with the number of rows written so far. */
  onRows?: (done: number) => void;
  signal?: AbortSignal | undefined;
}
