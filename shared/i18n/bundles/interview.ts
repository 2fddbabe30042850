/** Texts of the interview screens, in both languages (same keys; a test checks). */
export const interviewTexts = {
  en: { interview: {} },
  'zh-CN': { interview: {} },
};
