/** Texts of the analysis screen, in both languages (same keys; a test checks). */
export const analysisTexts = {
  en: { analysis: {} },
  'zh-CN': { analysis: {} },
};
