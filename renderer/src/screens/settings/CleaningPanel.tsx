/**
 * The cleaning thresholds (剔除无效问卷): too fast, straight-lining and key fields. Saved with
 * settings.update; flags already on responses change only when a wave is recomputed.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CleaningRules } from '../../../../shared/responses';
import { useAppStore } from '../../stores/app';
import { useResponsesStore } from '../../stores/responses';

const VARIABLE = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;
const LIMITS = { tooFastSeconds: [0, 36_000], straightLiningMinItems: [2, 200] } as const;

function wholeNumber(text: string, [min, max]: readonly [number, number]): number | null {
  const n = Number(text.trim());
  return text.trim() !== '' && Number.isInteger(n) && n >= min && n <= max ? n : null;
}

function CleaningForm({
  rules,
  onSaved,
  onEdit,
}: {
  rules: CleaningRules;
  onSaved: () => void;
  onEdit: () => void;
}) {
  const { t } = useTranslation();
  const saveCleaning = useResponsesStore((s) => s.saveCleaning);
  const [tooFast, setTooFast] = useState(String(rules.tooFastSeconds));
  const [minItems, setMinItems] = useState(String(rules.straightLiningMinItems));
  const [keyFields, setKeyFields] = useState(rules.keyFields.join(', '));

  const tooFastValue = wholeNumber(tooFast, LIMITS.tooFastSeconds);
  const minItemsValue = wholeNumber(minItems, LIMITS.straightLiningMinItems);
  const names = keyFields.split(/[,，\s]+/).filter(Boolean);
  const badNames = names.filter((n) => !VARIABLE.test(n));
  const valid = tooFastValue !== null && minItemsValue !== null && badNames.length === 0;
  const numberError = (limits: readonly [number, number]) => (
    <span className="field-error">
      {t('register.cleaning.badNumber', { min: limits[0], max: limits[1] })}
    </span>
  );

  return (
    <form
      className="cleaning-form"
      onChange={onEdit}
      onSubmit={(e) => {
        e.preventDefault();
        if (!valid) return;
        const next = {
          tooFastSeconds: tooFastValue,
          straightLiningMinItems: minItemsValue,
          keyFields: [...new Set(names)],
        };
        void saveCleaning(next).then((ok) => ok && onSaved());
      }}
    >
      <label className="field" data-field="too-fast">
        <span className="field-label">{t('register.cleaning.tooFast')}</span>
        <input
          className={tooFastValue === null ? 'input narrow invalid' : 'input narrow'}
          inputMode="numeric"
          value={tooFast}
          onChange={(e) => setTooFast(e.target.value)}
        />
        {tooFastValue === null ? (
          numberError(LIMITS.tooFastSeconds)
        ) : (
          <span className="field-help">{t('register.cleaning.tooFastHelp')}</span>
        )}
      </label>
      <label className="field" data-field="straight-lining">
        <span className="field-label">{t('register.cleaning.straightLining')}</span>
        <input
          className={minItemsValue === null ? 'input narrow invalid' : 'input narrow'}
          inputMode="numeric"
          value={minItems}
          onChange={(e) => setMinItems(e.target.value)}
        />
        {minItemsValue === null ? (
          numberError(LIMITS.straightLiningMinItems)
        ) : (
          <span className="field-help">{t('register.cleaning.straightLiningHelp')}</span>
        )}
      </label>
      <label className="field" data-field="key-fields">
        <span className="field-label">{t('register.cleaning.keyFields')}</span>
        <input
          className={badNames.length ? 'input mono invalid' : 'input mono'}
          value={keyFields}
          onChange={(e) => setKeyFields(e.target.value)}
        />
        {badNames.length ? (
          <span className="field-error">
            {t('register.cleaning.badName', { names: badNames.join(', ') })}
          </span>
        ) : (
          <span className="field-help">{t('register.cleaning.keyFieldsHelp')}</span>
        )}
      </label>
      <button type="submit" className="button" data-action="save-cleaning" disabled={!valid}>
        {t('register.cleaning.save')}
      </button>
    </form>
  );
}

export function CleaningPanel() {
  const { t } = useTranslation();
  const rules = useAppStore((s) => s.settings?.cleaning);
  const [saved, setSaved] = useState(false);
  return (
    <div className="card" data-testid="cleaning-panel">
      <h2>{t('register.cleaning.title')}</h2>
      <p className="muted">{t('register.cleaning.help')}</p>
      {rules ? (
        // Keyed by the stored rules: after a save (here or in another window) the form shows them.
        <CleaningForm
          key={JSON.stringify(rules)}
          rules={rules}
          onSaved={() => setSaved(true)}
          onEdit={() => setSaved(false)}
        />
      ) : (
        <p className="muted">{t('common.loading')}</p>
      )}
      {saved && (
        <p className="good" role="status" data-testid="cleaning-saved">
          {t('register.cleaning.saved')}
        </p>
      )}
    </div>
  );
}
