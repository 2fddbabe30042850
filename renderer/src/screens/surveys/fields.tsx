/** Form fields of the designer: all languages side by side, expressions checked as you type. */
import { useId, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { expressionErrorMessage, parseExpression } from '../../../../shared/questionnaire/expression';
import type { LocalizedText, SurveyLanguage } from '../../../../shared/questionnaire/model';
import { useAppStore } from '../../stores/app';

const LANGUAGE_NAMES: Record<SurveyLanguage, string> = { 'zh-CN': '简体中文', 'zh-TW': '繁體中文', en: 'English' };

export function languageName(lang: SurveyLanguage): string {
  return LANGUAGE_NAMES[lang];
}

export function LocalizedField({ label, value, languages, onChange, multiline = false, required = false, name }: {
  label: string;
  value: LocalizedText;
  languages: SurveyLanguage[];
  onChange: (value: LocalizedText) => void;
  multiline?: boolean;
  required?: boolean;
  name?: string;
}) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <fieldset className="field localized" data-field={name}>
      <legend>{label}</legend>
      <div className={`lang-columns cols-${languages.length}`}>
        {languages.map((lang) => {
          const text = value[lang] ?? '';
          const missing = required && !text.trim();
          const props = {
            id: `${id}-${lang}`,
            className: missing ? 'input missing' : 'input',
            value: text,
            lang,
            'data-lang': lang,
            placeholder: missing ? t('designer.missingTranslation') : '',
            onChange: (e: { target: { value: string } }) => onChange({ ...value, [lang]: e.target.value }),
          };
          return (
            <label key={lang} className="lang-column" htmlFor={`${id}-${lang}`}>
              <span className="lang-tag">
                {languageName(lang)}
                {missing && <span className="missing-mark"> · {t('designer.missing')}</span>}
              </span>
              {multiline ? <textarea rows={3} {...props} /> : <input {...props} />}
            </label>
          );
        })}
      </div>
    </fieldset>
  );
}

export function ExpressionField({ label, value, onChange, help, name }: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  help?: string;
  name: string;
}) {
  const locale = useAppStore((s) => s.locale);
  const error = useMemo(() => {
    if (!value.trim()) return null;
    const parsed = parseExpression(value);
    return parsed.ok ? null : parsed.error;
  }, [value]);
  return (
    <label className="field" data-field={name}>
      <span className="field-label">{label}</span>
      <input className={error ? 'input mono invalid' : 'input mono'} value={value} spellCheck={false} onChange={(e) => onChange(e.target.value)} aria-invalid={!!error} />
      {error ? (
        <span className="field-error" role="alert" data-testid={`${name}-error`}>
          {expressionErrorMessage(error, locale)}
          <span className="mono caret-line">
            {value}
            {'\n'}
            {' '.repeat(error.position)}^
          </span>
        </span>
      ) : (
        help && <span className="field-help">{help}</span>
      )}
    </label>
  );
}

export function TextField({ label, value, onChange, mono = false, name, invalid }: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  mono?: boolean;
  name?: string;
  invalid?: string | null;
}) {
  return (
    <label className="field" data-field={name}>
      <span className="field-label">{label}</span>
      <input className={`input${mono ? ' mono' : ''}${invalid ? ' invalid' : ''}`} value={value} spellCheck={!mono} onChange={(e) => onChange(e.target.value)} />
      {invalid && <span className="field-error">{invalid}</span>}
    </label>
  );
}

export function NumberField({ label, value, onChange, integer = false, name }: {
  label: string;
  value: number | null;
  onChange: (value: number | null) => void;
  integer?: boolean;
  name?: string;
}) {
  return (
    <label className="field small-field" data-field={name}>
      <span className="field-label">{label}</span>
      <input className="input" type="number" step={integer ? 1 : 'any'} value={value ?? ''} onChange={(e) => onChange(e.target.value === '' ? null : Number(e.target.value))} />
    </label>
  );
}

export function Toggle({ label, checked, onChange, name }: { label: string; checked: boolean; onChange: (checked: boolean) => void; name?: string }) {
  return (
    <label className="toggle" data-field={name}>
      <input type="checkbox" checked={checked} onChange={(e) => onChange(e.target.checked)} />
      <span>{label}</span>
    </label>
  );
}
