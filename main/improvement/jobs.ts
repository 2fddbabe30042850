/**
 * The improvement jobs, run in a worker thread with its own connection because each analyses a
 * wave: `improvement.suggest` (the problems a wave's analysis suggests) and `improvement.evaluate`
 * (verifies earlier waves' actions and computes the standards with this wave).
 */
import type { JobStartInput } from '../../shared/contract';
import { AppError } from '../../shared/errors';
import type { JobRunContext } from '../jobs/kinds';
import { improvementService } from './service';

function cancelled(ctx: JobRunContext): void {
  if (ctx.signal.aborted) throw new AppError('JOB_CANCELLED');
}

export async function runImprovementSuggest(
  input: JobStartInput,
  ctx: JobRunContext,
): Promise<unknown> {
  if (input.kind !== 'improvement.suggest')
    throw new Error('improvement suggest runner called for another job');
  ctx.progress({ done: 0, total: 1 });
  const suggestions = await improvementService(ctx.db).suggestions(input.surveyId, input.waveId);
  cancelled(ctx);
  ctx.progress({ done: 1, total: 1 });
  return suggestions;
}

export async function runImprovementEvaluate(
  input: JobStartInput,
  ctx: JobRunContext,
): Promise<unknown> {
  if (input.kind !== 'improvement.evaluate')
    throw new Error('improvement evaluate runner called for another job');
  ctx.progress({ done: 0, total: 1 });
  // The writes happen after the analysis, in one go: a cancel before them leaves nothing half-done.
  const result = await improvementService(ctx.db).evaluateWave(input.surveyId, input.waveId, () =>
    cancelled(ctx),
  );
  ctx.progress({ done: 1, total: 1 });
  return result;
}
