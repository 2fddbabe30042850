import { AppError } from '../../shared/errors';
import type { HandlersFor } from './handlers';

export const fileHandlers: HandlersFor<'files.'> = {
  'files.open': async (input, ctx) => {
    if (!ctx.platform.openPath)
      throw new AppError('NOT_AVAILABLE', { what: `"open file" (${input.path})` });
    await ctx.platform.openPath(input.path, input.reveal);
    return { ok: true as const };
  },
};
