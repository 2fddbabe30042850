/** A new passphrase typed twice, with a strength hint; used for key pairs and package passphrases. */
import { useTranslation } from 'react-i18next';
import { MIN_PASSPHRASE, passphraseStrength } from './passphrase';

export interface PassphraseDraft {
  value: string;
  repeat: string;
}

/** The passphrase when it can be used: long enough and typed the same twice. */
export function acceptedPassphrase(draft: PassphraseDraft): string | null {
  return [...draft.value].length >= MIN_PASSPHRASE && draft.value === draft.repeat
    ? draft.value
    : null;
}

export function PassphraseFields({
  draft,
  onChange,
  label,
  repeatLabel,
  field,
  disabled = false,
}: {
  draft: PassphraseDraft;
  onChange: (draft: PassphraseDraft) => void;
  label: string;
  repeatLabel: string;
  /** data-field prefix for tests: `<field>` and `<field>-repeat`. */
  field: string;
  disabled?: boolean;
}) {
  const { t } = useTranslation();
  const strength = passphraseStrength(draft.value);
  const short = draft.value.length > 0 && [...draft.value].length < MIN_PASSPHRASE;
  const mismatch = draft.repeat.length > 0 && draft.repeat !== draft.value;
  return (
    <div className="passphrase-fields">
      <div className="passphrase-row">
        <label className="field">
          <span className="field-label">{label}</span>
          <input
            className={short ? 'input invalid' : 'input'}
            type="password"
            autoComplete="new-password"
            data-field={field}
            value={draft.value}
            disabled={disabled}
            onChange={(e) => onChange({ ...draft, value: e.target.value })}
          />
        </label>
        <label className="field">
          <span className="field-label">{repeatLabel}</span>
          <input
            className={mismatch ? 'input invalid' : 'input'}
            type="password"
            autoComplete="new-password"
            data-field={`${field}-repeat`}
            value={draft.repeat}
            disabled={disabled}
            onChange={(e) => onChange({ ...draft, repeat: e.target.value })}
          />
        </label>
      </div>
      {draft.value.length > 0 && (
        <div className="strength" data-strength={strength} aria-live="polite">
          <span className="strength-bar" aria-hidden="true">
            <span />
          </span>
          <span>
            {t('syncUi.strength.label')}: <strong>{t(`syncUi.strength.levels.${strength}`)}</strong>
          </span>
        </div>
      )}
      {short && <p className="field-error">{t('syncUi.export.tooShort')}</p>}
      {mismatch && <p className="field-error">{t('syncUi.export.mismatch')}</p>}
      {strength === 'weak' || strength === 'fair'
        ? draft.value.length > 0 && <p className="muted small">{t('syncUi.strength.hint')}</p>
        : null}
    </div>
  );
}
