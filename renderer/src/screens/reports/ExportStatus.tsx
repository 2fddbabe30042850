/** The export under way (progress, cancel), the saved file, or why it stopped. */
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { useAppStore } from '../../stores/app';
import { useReportsStore } from '../../stores/reports';

function size(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

export function ExportStatus() {
  const { t } = useTranslation();
  const run = useReportsStore((s) => s.run);
  const cancel = useReportsStore((s) => s.cancel);
  // Opening files is the desktop app's: a page in a browser cannot start local programs.
  const desktop = useAppStore((s) => s.info?.runtime === 'electron');
  const open = (path: string, reveal: boolean) =>
    api.files
      .open({ path, reveal })
      .catch((error: unknown) => useAppStore.getState().showError(error));

  if (run.status === 'choosing' || run.status === 'starting' || run.status === 'running') {
    const { done, total } = run.progress;
    return (
      <div className="card reports-status" data-testid="report-progress" role="status">
        <span>
          {run.status === 'choosing'
            ? t('reports.choosing')
            : total > 0
              ? t('reports.progress', { done, total })
              : t('reports.starting')}
        </span>
        <progress max={total || 1} value={total ? done : undefined} />
        <button
          type="button"
          className="button secondary"
          data-action="cancel-report"
          disabled={run.status !== 'running'}
          onClick={() => void cancel()}
        >
          {t('reports.cancel')}
        </button>
      </div>
    );
  }
  if (run.status === 'done' && run.result) {
    const { result } = run;
    return (
      <div className="card reports-done" data-testid="report-done" role="status">
        <h2>{t('reports.done')}</h2>
        <p className="mono reports-path" data-testid="report-path">
          {result.path}
        </p>
        <p className="muted">
          {result.format === 'docx'
            ? t('reports.doneSize', { size: size(result.bytes) })
            : t('reports.doneFacts', { rows: result.rows, size: size(result.bytes) })}
        </p>
        {desktop ? (
          <div className="actions">
            <button type="button" className="button" onClick={() => void open(result.path, false)}>
              {t('reports.openFile')}
            </button>
            <button
              type="button"
              className="button secondary"
              onClick={() => void open(result.path, true)}
            >
              {t('reports.showInFolder')}
            </button>
          </div>
        ) : (
          <p className="muted small">{t('reports.openInDesktop')}</p>
        )}
        {result.warnings && result.warnings.length > 0 && (
          <div data-testid="report-warnings">
            <h3>{t('reports.warnings')}</h3>
            <ul>
              {result.warnings.map((warning) => (
                <li key={warning}>{warning}</li>
              ))}
            </ul>
          </div>
        )}
      </div>
    );
  }
  if (run.status === 'failed' || run.status === 'cancelled') {
    return (
      <div
        className={run.status === 'failed' ? 'card reports-stopped failed' : 'card reports-stopped'}
        data-testid="report-stopped"
        data-status={run.status}
        role="alert"
      >
        <span>
          {run.status === 'failed'
            ? t('reports.failed', { message: run.error ?? '' })
            : t('reports.cancelled')}
        </span>
      </div>
    );
  }
  return null;
}
