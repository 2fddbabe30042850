import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { RecordCounts } from '../../../../shared/contract';
import { useAppStore } from '../../stores/app';
import { useJobsStore } from '../../stores/jobs';

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

export function DatabasePanel() {
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
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
