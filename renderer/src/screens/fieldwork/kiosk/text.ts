/** The kiosk speaks the visitor's language, which may differ from the operator's app language. */
import type { TFunction } from 'i18next';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useKioskStore } from '../../../stores/kiosk';
import { interfaceLocale } from './flow';

export function useKioskT(): TFunction {
  const lang = useKioskStore((s) => s.lang);
  const { i18n } = useTranslation();
  return useMemo(() => i18n.getFixedT(interfaceLocale(lang)), [i18n, lang]);
}
