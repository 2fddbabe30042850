/** Every package imported or refused on this machine, newest first. */
import { useTranslation } from 'react-i18next';
import { useSyncStore } from '../../../stores/sync';
import type { MergeCounts } from '../../../../../shared/sync';
import { formatTime, shortDevice } from './format';

/** The counts the log shows (older versions are left out: they never change anything). */
const COUNT_KEYS: (keyof MergeCounts)[] = ['new', 'updated', 'unchanged', 'conflicts', 'erased'];

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
                {COUNT_KEYS.map((key) => (
                  <th key={key} className="num">
                    {t(`syncUi.import.columns.${key}`)}
                  </th>
                ))}
                <th>{t('syncUi.log.columns.outcome')}</th>
              </tr>
            </thead>
            <tbody>
              {log.map((entry) => (
                <tr key={entry.id} data-outcome={entry.outcome}>
                  <td className="nowrap">
                    {formatTime(entry.importedAt, i18n.language)}
                    <span className="muted small package-log-written">
                      {t('syncUi.log.written', {
                        date: formatTime(entry.packageCreatedAt, i18n.language),
                      })}
                    </span>
                  </td>
                  <td className="package-log-file" title={entry.fileName}>
                    {entry.fileName}
                  </td>
                  <td className="mono small" title={entry.deviceId ?? undefined}>
                    {shortDevice(entry.deviceId)}
                  </td>
                  {COUNT_KEYS.map((key) => (
                    <td key={key} className="num" data-count={key}>
                      {entry.totals ? entry.totals[key] : '—'}
                    </td>
                  ))}
                  <td>
                    <span
                      className={
                        entry.outcome === 'rejected'
                          ? 'status failed nowrap'
                          : entry.outcome === 'applied'
                            ? 'status done nowrap'
                            : 'status nowrap'
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
