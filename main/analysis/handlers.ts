import type { HandlersFor } from '../api/handlers';
import { getThemes, setThemes } from './themes';

export const analysisHandlers: HandlersFor<'analysis.'> = {
  'analysis.themes': (_input, ctx) => getThemes(ctx.db),
  'analysis.setThemes': (input, ctx) => setThemes(ctx.db, input.themes),
};
