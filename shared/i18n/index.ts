import i18next, { type i18n } from 'i18next';
import type { ErrorCode, ErrorParams } from '../errors';
import type { Locale } from '../locale';
import { BUNDLES } from './bundles';
import { en } from './en';
import { zhCN } from './zh-CN';

export const resources = {
  en: { translation: Object.assign({}, en, ...BUNDLES.map((b) => b.en)) as typeof en },
  'zh-CN': { translation: Object.assign({}, zhCN, ...BUNDLES.map((b) => b['zh-CN'])) as typeof en },
} as const;

/** A fresh i18next instance with all our texts; main and renderer each make their own. */
export function createI18n(locale: Locale): i18n {
  const instance = i18next.createInstance();
  void instance.init({
    resources,
    lng: locale,
    fallbackLng: 'en',
    initAsync: false,
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  return instance;
}

const translators = new Map<Locale, i18n>();

function translator(locale: Locale): i18n {
  let t = translators.get(locale);
  if (!t) {
    t = createI18n(locale);
    translators.set(locale, t);
  }
  return t;
}

/** The user-facing message for an error code, in the given language. */
export function errorMessage(code: ErrorCode, params: ErrorParams, locale: Locale): string {
  return translator(locale).t(`errors.${code}`, params);
}

/** A contract's custom validation message (`validation.<name>`) in the given language; other text unchanged. */
export function validationText(message: string, locale: Locale): string {
  const t = translator(locale);
  return message.startsWith('validation.') && t.exists(message) ? t.t(message) : message;
}
