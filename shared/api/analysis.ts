/** Analysis: the theme dictionary for open answers (the analysis itself runs as a job: 'analysis.run'). */
import { z } from 'zod';
import { method, noInput } from './method';

export const themeRule = z.strictObject({
  id: z.string().regex(/^[A-Za-z0-9_-]{1,40}$/),
  label: z.strictObject({ 'zh-CN': z.string().trim().min(1).max(60), en: z.string().trim().min(1).max(60) }),
  dimension: z.string().max(64).nullable(),
  keywords: z.array(z.string().trim().min(1).max(40)).min(1).max(100),
});
export type ThemeRuleInput = z.infer<typeof themeRule>;

export const analysisMethods = {
  /** The theme dictionary used for open answers (the built-in one until the user edits it). */
  'analysis.themes': method<ThemeRuleInput[]>()(noInput),
  'analysis.setThemes': method<ThemeRuleInput[]>()(z.strictObject({ themes: z.array(themeRule).max(200) })),
};
