import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RecordCounts } from '../../../../shared/contract';
import { useAppStore } from '../../stores/app';
import { useJobsStore } from '../../stores/jobs';
import { usePrivacyStore } from '../../stores/privacy';
import './privacy.css';

const COUNT_KEYS: (keyof RecordCounts)[] = [
  'surveys',
  'surveyVersions',
  'waves',
  'customers',
  'responses',
  'answers',
];

function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** Backup to a chosen file, and restore from a file or a listed backup, with the warning first. */
function BackupFiles({
  confirming,
  setConfirming,
}: {
  confirming: { path?: string } | null;
  setConfirming: (value: { path?: string } | null) => void;
}) {
  const { t } = useTranslation();
  const info = useAppStore((s) => s.info);
  const busy = usePrivacyStore((s) => s.busy);
  const saved = usePrivacyStore((s) => s.backupSaved);
  const restored = usePrivacyStore((s) => s.restored);
  const backupToFile = usePrivacyStore((s) => s.backupToFile);
  const restore = usePrivacyStore((s) => s.restore);
  return (
    <div className="backup-files" data-testid="backup-files">
      <h3>{t('privacy.backup.title')}</h3>
      <p className="field-help">{t('privacy.backup.toFileHelp')}</p>
      <div className="actions">
        <button
          type="button"
          className="button secondary"
          data-action="backup-to-file"
          disabled={busy === 'backup'}
          onClick={() => void backupToFile()}
        >
          {busy === 'backup' ? t('privacy.backup.saving') : t('privacy.backup.toFile')}
        </button>
        <button
          type="button"
          className="button secondary"
          data-action="restore-from-file"
          onClick={() => setConfirming({})}
        >
          {t('privacy.backup.fromFile')}
        </button>
      </div>
      {info?.runtime === 'host' && (
        <p className="field-help">{t('privacy.backup.pickInBrowser')}</p>
      )}
      {saved && (
        <p className="notice-bar good" role="status" data-testid="backup-saved">
          {t('privacy.backup.saved', { path: saved.path, size: formatBytes(saved.sizeBytes) })}
        </p>
      )}
      {confirming && !restored && (
        <div className="backup-restore" data-testid="restore-confirm">
          <strong>{t('privacy.backup.restoreTitle')}</strong>
          {confirming.path && <p className="path">{confirming.path}</p>}
          <p>{t('privacy.backup.restoreWarning')}</p>
          <div className="actions">
            <button
              type="button"
              className="button"
              data-action="restore-confirm"
              disabled={busy === 'restore'}
              onClick={() => void restore(confirming.path).then(() => setConfirming(null))}
            >
              {busy === 'restore'
                ? t('privacy.backup.restoring')
                : t('privacy.backup.restoreConfirm')}
            </button>
            <button type="button" className="button ghost" onClick={() => setConfirming(null)}>
              {t('privacy.cancel')}
            </button>
          </div>
        </div>
      )}
      {restored && (
        <div className="notice-bar good" role="status" data-testid="restore-done">
          <span>
            {t('privacy.backup.restored', { from: restored.restoredFrom, kept: restored.keptAs })}
          </span>
          <button
            type="button"
            className="button"
            data-action="reload"
            onClick={() => window.location.reload()}
          >
            {t('privacy.backup.reload')}
          </button>
        </div>
      )}
    </div>
  );
}

export function DatabasePanel() {
  const [confirming, setConfirming] = useState<{ path?: string } | null>(null);
  const { t, i18n } = useTranslation();
  const info = useAppStore((s) => s.info);
  const refreshInfo = useAppStore((s) => s.refreshInfo);
  const backups = useJobsStore((s) => s.backups);
  const loadBackups = useJobsStore((s) => s.loadBackups);

  useEffect(() => {
    void loadBackups();
  }, [loadBackups]);

  if (!info) return <div className="card">{t('common.loading')}</div>;
  return (
    <div className="card database" data-testid="database-info">
      <div className="card-head">
        <h2>{t('settings.database')}</h2>
        <button type="button" className="button ghost" onClick={() => void refreshInfo()}>
          {t('settings.refresh')}
        </button>
      </div>
      <dl className="facts">
        <dt>{t('settings.dbPath')}</dt>
        <dd className="path">{info.dbPath}</dd>
        <dt>{t('settings.schemaVersion')}</dt>
        <dd data-testid="schema-version">
          {info.schemaVersion} / {info.latestSchemaVersion}
        </dd>
        <dt>{t('settings.appVersion')}</dt>
        <dd>{info.appVersion}</dd>
        <dt>{t('settings.runtime')}</dt>
        <dd>{t(`runtime.${info.runtime}`)}</dd>
        <dt>{t('settings.deviceId')}</dt>
        <dd className="path">{info.deviceId}</dd>
      </dl>
      <h3>{t('settings.counts')}</h3>
      <div className="counts">
        {COUNT_KEYS.map((key) => (
          <div key={key} className="count" data-count={key}>
            <span className="count-value">{info.counts[key].toLocaleString(i18n.language)}</span>
            <span className="count-label">{t(`counts.${key}`)}</span>
          </div>
        ))}
      </div>
      <h3>{t('settings.backups')}</h3>
      {backups.length === 0 ? (
        <p className="muted">{t('settings.noBackups')}</p>
      ) : (
        <table className="table" data-testid="backups">
          <tbody>
            {backups.slice(0, 6).map((backup) => (
              <tr key={backup.path}>
                <td>{new Date(backup.createdAt).toLocaleString(i18n.language)}</td>
                <td>{t(`settings.backupReason.${backup.reason}`)}</td>
                <td className="num">{formatBytes(backup.sizeBytes)}</td>
                <td className="num">
                  <button
                    type="button"
                    className="button ghost"
                    data-action="restore-backup"
                    onClick={() => setConfirming({ path: backup.path })}
                  >
                    {t('privacy.backup.restore')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <BackupFiles confirming={confirming} setConfirming={setConfirming} />
    </div>
  );
}
