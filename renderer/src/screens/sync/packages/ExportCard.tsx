/**
 * Writing a package: survey, scope, protection (public key by default when one is known, a
 * passphrase, or none with a warning), then the `package.export` job's progress and outcome.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client';
import { useAppStore } from '../../../stores/app';
import {
  lastExportTo,
  useSyncStore,
  type EncryptionMode,
  type ExportScopeKind,
} from '../../../stores/sync';
import { useSyncKeysStore } from '../../../stores/syncKeys';
import { acceptedPassphrase, PassphraseFields, type PassphraseDraft } from './PassphraseFields';
import { formatBytes, formatTime } from './format';

const SCOPES: ExportScopeKind[] = ['since-last', 'all', 'range', 'questionnaire'];
const MODES: EncryptionMode[] = ['key', 'passphrase', 'none'];

function ExportStatus() {
  const { t } = useTranslation();
  const run = useSyncStore((s) => s.exportRun);
  const cancel = useSyncStore((s) => s.cancelExport);
  const desktop = useAppStore((s) => s.info?.runtime === 'electron');

  if (run.status === 'choosing' || run.status === 'starting' || run.status === 'running') {
    const { done, total } = run.progress;
    return (
      <div className="package-status" data-testid="export-progress" role="status">
        <span>
          {run.status === 'choosing'
            ? t('syncUi.export.choosing')
            : total > 0
              ? t('syncUi.export.progress', { done, total })
              : t('syncUi.export.starting')}
        </span>
        <progress max={total || 1} value={total ? done : undefined} />
        <button
          type="button"
          className="button secondary"
          data-action="cancel-export"
          disabled={run.status !== 'running'}
          onClick={() => void cancel()}
        >
          {t('syncUi.export.cancel')}
        </button>
      </div>
    );
  }
  if (run.status === 'done' && run.result) {
    const { result } = run;
    const reveal = () =>
      api.files
        .open({ path: result.path, reveal: true })
        .catch((error: unknown) => useAppStore.getState().showError(error));
    return (
      <div className="package-status done" data-testid="export-done" role="status">
        <strong>{t('syncUi.export.done')}</strong>
        <span className="path" data-testid="export-path">
          {result.path}
        </span>
        <span className="muted" data-testid="export-facts">
          {t('syncUi.export.doneFacts', {
            responses: result.counts.responses,
            customers: result.counts.customers,
            tombstones: result.counts.tombstones,
            size: formatBytes(result.sizeBytes),
          })}
        </span>
        <span className={result.encryption === 'none' ? 'bad small' : 'good small'}>
          {t(`syncUi.export.encryptedWith.${result.encryption}`)}
        </span>
        {desktop && (
          <div className="actions">
            <button type="button" className="button secondary" onClick={() => void reveal()}>
              {t('syncUi.showInFolder')}
            </button>
          </div>
        )}
      </div>
    );
  }
  if (run.status === 'failed' || run.status === 'cancelled') {
    return (
      <div
        className="package-status stopped"
        data-testid="export-stopped"
        data-status={run.status}
        data-code={run.error?.code}
        role="alert"
      >
        {run.status === 'failed'
          ? t('syncUi.export.failed', { message: run.error?.message ?? '' })
          : t('syncUi.export.cancelled')}
      </div>
    );
  }
  return null;
}

export function ExportCard() {
  const { t, i18n } = useTranslation();
  const surveys = useSyncStore((s) => s.surveys);
  const lastExports = useSyncStore((s) => s.lastExports);
  const keys = useSyncKeysStore((s) => s.keys);
  const form = useSyncStore((s) => s.form);
  const status = useSyncStore((s) => s.exportRun.status);
  const setForm = useSyncStore((s) => s.setForm);
  const exportPackage = useSyncStore((s) => s.exportPackage);
  const go = useAppStore((s) => s.go);
  const [draft, setDraft] = useState<PassphraseDraft>({ value: '', repeat: '' });

  const lastExport = lastExportTo(form, lastExports);
  const busy = status === 'choosing' || status === 'starting' || status === 'running';
  const recipients = keys?.recipients ?? [];
  const passphrase = acceptedPassphrase(draft);
  const ready =
    !!form.surveyId &&
    (form.scope !== 'range' || (form.from !== '' && form.to !== '' && form.from <= form.to)) &&
    (form.encryption === 'key'
      ? !!form.recipientId
      : form.encryption === 'passphrase'
        ? !!passphrase
        : true);

  return (
    <form
      className="card package-card"
      data-testid="package-export"
      onSubmit={(e) => {
        e.preventDefault();
        if (ready) void exportPackage(passphrase);
      }}
    >
      <h2>{t('syncUi.export.title')}</h2>
      {surveys.length === 0 ? (
        <p className="muted" data-testid="export-no-survey">
          {t('syncUi.export.noSurvey')}
        </p>
      ) : (
        <fieldset className="package-fieldset" disabled={busy}>
          <label className="field">
            <span className="field-label">{t('syncUi.export.survey')}</span>
            <select
              className="input"
              data-field="export-survey"
              value={form.surveyId ?? ''}
              onChange={(e) => setForm({ surveyId: e.target.value })}
            >
              {surveys.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.code ? `${s.code} · ${s.title}` : s.title}
                </option>
              ))}
            </select>
          </label>

          <fieldset className="field">
            <legend>{t('syncUi.export.scope')}</legend>
            <div className="package-options">
              {SCOPES.map((scope) => (
                <label
                  key={scope}
                  className={form.scope === scope ? 'package-option selected' : 'package-option'}
                >
                  <input
                    type="radio"
                    name="export-scope"
                    data-scope={scope}
                    checked={form.scope === scope}
                    onChange={() => setForm({ scope })}
                  />
                  <span>{t(`syncUi.export.scopes.${scope}`)}</span>
                </label>
              ))}
            </div>
            <p className="muted small package-help">{t(`syncUi.export.scopeHelp.${form.scope}`)}</p>
            {form.scope === 'since-last' && (
              <p className="small package-help" data-testid="last-export">
                {lastExport
                  ? t('syncUi.export.lastExport', {
                      date: formatTime(lastExport.exportedAt, i18n.language),
                    })
                  : t('syncUi.export.noLastExport')}
              </p>
            )}
            {form.scope === 'range' && (
              <div className="field-row">
                <label className="field">
                  <span className="field-label">{t('syncUi.export.from')}</span>
                  <input
                    className="input"
                    type="date"
                    data-field="export-from"
                    value={form.from}
                    max={form.to || undefined}
                    onChange={(e) => setForm({ from: e.target.value })}
                  />
                </label>
                <label className="field">
                  <span className="field-label">{t('syncUi.export.to')}</span>
                  <input
                    className="input"
                    type="date"
                    data-field="export-to"
                    value={form.to}
                    min={form.from || undefined}
                    onChange={(e) => setForm({ to: e.target.value })}
                  />
                </label>
              </div>
            )}
            {form.scope === 'range' &&
              form.from !== '' &&
              form.to !== '' &&
              form.from > form.to && (
                <p className="field-error">{t('syncUi.export.rangeBackwards')}</p>
              )}
          </fieldset>

          <fieldset className="field">
            <legend>{t('syncUi.export.encryption')}</legend>
            <div className="segmented" role="radiogroup">
              {MODES.map((mode) => (
                <button
                  key={mode}
                  type="button"
                  role="radio"
                  aria-checked={form.encryption === mode}
                  className={form.encryption === mode ? 'segment selected' : 'segment'}
                  data-encryption={mode}
                  onClick={() => setForm({ encryption: mode })}
                >
                  {t(`syncUi.export.modes.${mode}`)}
                </button>
              ))}
            </div>
            {form.encryption !== 'none' && (
              <p className="muted small package-help">
                {t(`syncUi.export.modeHelp.${form.encryption}`)}
              </p>
            )}
          </fieldset>

          {form.encryption === 'key' &&
            (recipients.length === 0 ? (
              <div className="package-note" data-testid="export-no-recipient">
                <p>{t('syncUi.export.noRecipient')}</p>
                <button type="button" className="button secondary" onClick={() => go('settings')}>
                  {t('syncUi.export.toKeys')}
                </button>
              </div>
            ) : (
              <label className="field">
                <span className="field-label">{t('syncUi.export.recipient')}</span>
                <select
                  className="input"
                  data-field="export-recipient"
                  value={form.recipientId ?? ''}
                  onChange={(e) => setForm({ recipientId: e.target.value })}
                >
                  {recipients.map((r) => (
                    <option key={r.id} value={r.id}>
                      {r.name} · {r.fingerprint.split(' ').slice(0, 4).join(' ')}
                    </option>
                  ))}
                </select>
              </label>
            ))}
          {form.encryption === 'passphrase' && (
            <PassphraseFields
              draft={draft}
              onChange={setDraft}
              label={t('syncUi.export.passphrase')}
              repeatLabel={t('syncUi.export.repeat')}
              field="export-passphrase"
            />
          )}
          {form.encryption === 'none' && (
            <p className="package-warning" role="alert" data-testid="export-none-warning">
              {t('syncUi.export.noneWarning')}
            </p>
          )}
        </fieldset>
      )}
      {surveys.length > 0 && (
        <button
          type="submit"
          className="button package-submit"
          data-action="export-package"
          disabled={busy || !ready}
        >
          {t('syncUi.export.submit')}
        </button>
      )}
      <ExportStatus />
    </form>
  );
}
