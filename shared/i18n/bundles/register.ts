/** Texts of the register screens, in both languages (same keys; a test checks). */
export const registerTexts = {
  en: { register: {} },
  'zh-CN': { register: {} },
};
