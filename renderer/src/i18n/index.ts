import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { resources } from '../../../shared/i18n';
import { localeFromSystem, type Locale } from '../../../shared/locale';

void i18next.use(initReactI18next).init({
  resources,
  lng: localeFromSystem(navigator.language),
  fallbackLng: 'en',
  initAsync: false,
  interpolation: { escapeValue: false },
});

export function applyLocale(locale: Locale): void {
  if (i18next.language !== locale) void i18next.changeLanguage(locale);
  document.documentElement.lang = locale;
}

export default i18next;
