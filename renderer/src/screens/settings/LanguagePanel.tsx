import { useTranslation } from 'react-i18next';
import type { Locale } from '../../../../shared/locale';
import { useAppStore } from '../../stores/app';

/** Language names are written in their own language, so anyone can find theirs. */
const CHOICES: { value: Locale | null; label: string | null }[] = [
  { value: 'zh-CN', label: '简体中文' },
  { value: 'en', label: 'English' },
  { value: null, label: null },
];

export function LanguagePanel() {
  const { t } = useTranslation();
  const settings = useAppStore((s) => s.settings);
  const setLocale = useAppStore((s) => s.setLocale);
  const chosen = settings?.locale ?? null;
  return (
    <div className="card">
      <h2>{t('settings.language')}</h2>
      <p className="muted">{t('settings.languageHelp')}</p>
      <div className="segmented" role="radiogroup" aria-label={t('settings.language')}>
        {CHOICES.map((choice) => (
          <button
            key={choice.value ?? 'system'}
            type="button"
            role="radio"
            aria-checked={chosen === choice.value}
            data-locale={choice.value ?? 'system'}
            className={chosen === choice.value ? 'segment selected' : 'segment'}
            onClick={() => void setLocale(choice.value)}
          >
            {choice.label ?? t('settings.followSystem')}
          </button>
        ))}
      </div>
    </div>
  );
}
