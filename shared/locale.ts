export const LOCALES = ['zh-CN', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

/** Chinese system locales (zh, zh-CN, zh-Hans, zh-TW...) get the Chinese UI; all others English. */
export function localeFromSystem(systemLocale: string | undefined | null): Locale {
  return systemLocale && /^zh\b/i.test(systemLocale.replace('_', '-')) ? 'zh-CN' : 'en';
}
