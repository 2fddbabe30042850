/** Texts of the kiosk screens, in both languages (same keys; a test checks). */
export const kioskTexts = {
  en: { kiosk: {} },
  'zh-CN': { kiosk: {} },
};
