/** The retention period of personal details, what it would remove now, and "remove now". */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  RETENTION_MAX_DAYS,
  RETENTION_MIN_DAYS,
  type PurgeCounts,
} from '../../../../shared/privacy';
import { usePrivacyStore } from '../../stores/privacy';

/** The on/off choice and the number of days; starts from the saved setting (keyed on it). */
function RetentionForm({ savedDays }: { savedDays: number | null }) {
  const { t } = useTranslation();
  const busy = usePrivacyStore((s) => s.busy);
  const saveRetention = usePrivacyStore((s) => s.saveRetention);
  const [enabled, setEnabled] = useState(savedDays !== null);
  const [days, setDays] = useState(String(savedDays ?? 365));
  const [saved, setSaved] = useState(false);

  const value = Number(days);
  const valid =
    Number.isInteger(value) && value >= RETENTION_MIN_DAYS && value <= RETENTION_MAX_DAYS;

  return (
    <>
      <form
        className="field-row"
        onSubmit={(e) => {
          e.preventDefault();
          if (enabled && !valid) return;
          void saveRetention(enabled ? value : null).then(setSaved);
        }}
      >
        <div className="segmented">
          <button
            type="button"
            className={enabled ? 'segment' : 'segment selected'}
            data-action="retention-off"
            onClick={() => {
              setEnabled(false);
              setSaved(false);
            }}
          >
            {t('privacy.retentionOff')}
          </button>
          <button
            type="button"
            className={enabled ? 'segment selected' : 'segment'}
            data-action="retention-on"
            onClick={() => {
              setEnabled(true);
              setSaved(false);
            }}
          >
            {t('privacy.retentionDays')}
          </button>
        </div>
        {enabled && (
          <label className="field small-field">
            <span className="field-label">{t('privacy.days')}</span>
            <input
              className={valid ? 'input' : 'input invalid'}
              data-field="retention-days"
              type="number"
              inputMode="numeric"
              min={RETENTION_MIN_DAYS}
              max={RETENTION_MAX_DAYS}
              value={days}
              onChange={(e) => {
                setDays(e.target.value);
                setSaved(false);
              }}
            />
          </label>
        )}
        <button
          type="submit"
          className="button"
          data-action="retention-save"
          disabled={busy === 'retention'}
        >
          {t('privacy.retentionSave')}
        </button>
      </form>
      {saved && (
        <p className="good" role="status">
          {t('privacy.retentionSaved')}
        </p>
      )}
    </>
  );
}

export function RetentionSection() {
  const { t, i18n } = useTranslation();
  const retention = usePrivacyStore((s) => s.retention);
  const purged = usePrivacyStore((s) => s.purged);
  const busy = usePrivacyStore((s) => s.busy);
  const purgeNow = usePrivacyStore((s) => s.purgeNow);
  const date = (iso: string) => new Date(iso).toLocaleDateString(i18n.language);

  return (
    <div className="card privacy-retention" data-testid="retention">
      <h2>{t('privacy.retention')}</h2>
      <p className="muted">{t('privacy.retentionHelp')}</p>
      {retention && <RetentionForm key={String(retention.days)} savedDays={retention.days} />}
      {retention?.days != null && retention.preview && retention.cutoff && (
        <div className="privacy-preview" data-testid="retention-preview">
          <p>
            {t('privacy.retentionCutoff', { date: date(retention.cutoff) })}{' '}
            {t('privacy.preview', { ...retention.preview })}
          </p>
          <button
            type="button"
            className="button secondary"
            data-action="purge-now"
            disabled={busy === 'purge' || !somethingToPurge(retention.preview)}
            onClick={() => void purgeNow()}
          >
            {t('privacy.purgeNow')}
          </button>
        </div>
      )}
      {purged && (
        <p className="notice-bar good" role="status" data-testid="retention-purged">
          {t('privacy.purged', { ...purged })}
        </p>
      )}
      {retention?.lastPurge && (
        <p className="muted small">
          {t('privacy.lastPurge', {
            date: new Date(retention.lastPurge.at).toLocaleString(i18n.language),
            responses: retention.lastPurge.counts.responses,
          })}{' '}
          ({t(`privacy.trigger.${retention.lastPurge.trigger}`)})
        </p>
      )}
    </div>
  );
}

/** Whether a purge would clear anything: answers, customer contacts, sample notes or follow-ups. */
function somethingToPurge(counts: PurgeCounts): boolean {
  return (
    counts.responses +
      counts.customers +
      counts.sampleNotes +
      counts.contactNotes +
      counts.followUps >
    0
  );
}
