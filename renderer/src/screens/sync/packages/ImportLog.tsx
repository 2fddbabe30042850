/** Every package imported or refused on this machine, newest first. */
import { useTranslation } from 'react-i18next';
import { useSyncStore } from '../../../stores/sync';
import { formatTime, shortDevice } from './format';

export function ImportLog() {
  const { t, i18n } = useTranslation();
  const log = useSyncStore((s) => s.log);
  return (
    <section className="card" data-testid="import-log">
      <h2>{t('syncUi.log.title')}</h2>
      {log.length === 0 ? (
        <p className="muted" data-testid="import-log-empty">
          {t('syncUi.log.empty')}
        </p>
      ) : (
        <div className="package-scroll">
          <table className="table package-table">
            <thead>
              <tr>
                <th>{t('syncUi.log.columns.importedAt')}</th>
                <th>{t('syncUi.log.columns.file')}</th>
                <th>{t('syncUi.log.columns.device')}</th>
                <th>{t('syncUi.log.columns.createdAt')}</th>
                <th className="num">{t('syncUi.log.columns.counts')}</th>
                <th>{t('syncUi.log.columns.outcome')}</th>
              </tr>
            </thead>
            <tbody>
              {log.map((entry) => (
                <tr key={entry.id} data-outcome={entry.outcome}>
                  <td className="nowrap">{formatTime(entry.importedAt, i18n.language)}</td>
                  <td className="path">{entry.fileName}</td>
                  <td className="mono small" title={entry.deviceId ?? undefined}>
                    {shortDevice(entry.deviceId)}
                  </td>
                  <td className="nowrap">{formatTime(entry.packageCreatedAt, i18n.language)}</td>
                  <td className="num nowrap" data-testid="log-counts">
                    {entry.totals
                      ? [
                          entry.totals.new,
                          entry.totals.updated,
                          entry.totals.unchanged,
                          entry.totals.conflicts,
                          entry.totals.erased,
                        ].join(' / ')
                      : '—'}
                  </td>
                  <td>
                    <span
                      className={
                        entry.outcome === 'rejected'
                          ? 'status failed'
                          : entry.outcome === 'applied'
                            ? 'status done'
                            : 'status'
                      }
                    >
                      {t(`syncUi.log.outcome.${entry.outcome}`)}
                    </span>
                    {entry.error && (
                      <span className="small muted package-log-error" title={entry.error.message}>
                        {entry.error.message}
                      </span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
