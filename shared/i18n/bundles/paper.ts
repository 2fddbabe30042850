/** Texts of the paper screens, in both languages (same keys; a test checks). */
export const paperTexts = {
  en: { paper: {} },
  'zh-CN': { paper: {} },
};
