/**
 * The analysis job under way (progress, cancel), why the last one stopped, or what its result
 * verified in the improvement loop.
 */
import { useTranslation } from 'react-i18next';
import { useAnalysisStore } from '../../stores/analysis';
import { VerifiedNotice } from './VerifiedNotice';

export function RunStatus() {
  const { t } = useTranslation();
  const run = useAnalysisStore((s) => s.run);
  const hasResult = useAnalysisStore((s) => s.result !== null);
  const cancel = useAnalysisStore((s) => s.cancel);
  const runNow = useAnalysisStore((s) => s.runNow);

  if (run.status === 'running' || run.status === 'starting') {
    const { done, total } = run.progress;
    return (
      <div className="analysis-run" data-testid="analysis-progress" role="status">
        <span>
          {total > 0 ? t('analysis.run.progress', { done, total }) : t('analysis.run.starting')}
        </span>
        <progress max={total || 1} value={total ? done : undefined} />
        <button
          type="button"
          className="button small secondary"
          data-action="cancel-analysis"
          disabled={run.status === 'starting'}
          onClick={() => void cancel()}
        >
          {t('analysis.run.cancel')}
        </button>
      </div>
    );
  }
  if (run.status === 'failed' || run.status === 'cancelled') {
    return (
      <div
        className={run.status === 'failed' ? 'notice-bar warn' : 'notice-bar analysis-stopped'}
        data-testid="analysis-stopped"
        data-status={run.status}
        role="alert"
      >
        <span>
          {run.status === 'failed'
            ? t('analysis.run.failed', { message: run.error ?? '' })
            : t('analysis.run.cancelled')}
          {hasResult && ` ${t('analysis.run.previousShown')}`}
        </span>
        <button
          type="button"
          className="button small"
          data-action="rerun-analysis"
          onClick={() => void runNow()}
        >
          {t('analysis.run.again')}
        </button>
      </div>
    );
  }
  return <VerifiedNotice />;
}
