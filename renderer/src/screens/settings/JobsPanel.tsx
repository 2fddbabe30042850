import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { JobState } from '../../../../shared/contract';
import { sortedJobs, useJobsStore } from '../../stores/jobs';

function JobOutcome({ job }: { job: JobState }) {
  const { t } = useTranslation();
  if (job.status === 'failed') return <span className="bad">{job.error?.message}</span>;
  if (job.status !== 'done') return null;
  const result = job.result as { ok?: boolean; problems?: string[]; path?: string } | null;
  if (job.kind === 'db.verify') {
    return result?.ok ? (
      <span className="good">{t('jobs.verifyOk')}</span>
    ) : (
      <span className="bad">{result?.problems?.slice(0, 3).join('; ')}</span>
    );
  }
  if (job.kind === 'package.import') {
    const totals = (job.result as { preview?: { totals?: Record<string, number> } } | null)?.preview
      ?.totals;
    return (
      <span className="good">
        {t('jobs.packageImported', {
          new: totals?.new ?? 0,
          updated: totals?.updated ?? 0,
          conflicts: totals?.conflicts ?? 0,
        })}
      </span>
    );
  }
  if (job.kind !== 'db.backup')
    return result?.path ? (
      <span className="good">{t('jobs.savedTo', { path: result.path })}</span>
    ) : null;
  return <span className="good">{t('jobs.backupDone', { path: result?.path ?? '' })}</span>;
}

export function JobsPanel() {
  const { t } = useTranslation();
  const jobs = useJobsStore((s) => s.jobs);
  const start = useJobsStore((s) => s.start);
  const cancel = useJobsStore((s) => s.cancel);
  const loadJobs = useJobsStore((s) => s.loadJobs);

  useEffect(() => {
    void loadJobs();
  }, [loadJobs]);

  const list = sortedJobs(jobs).slice(0, 8);
  return (
    <div className="card jobs" data-testid="jobs">
      <h2>{t('jobs.title')}</h2>
      <div className="actions">
        <button type="button" className="button" onClick={() => void start({ kind: 'db.backup' })}>
          {t('settings.backupNow')}
        </button>
        <button
          type="button"
          className="button secondary"
          onClick={() => void start({ kind: 'db.verify' })}
        >
          {t('settings.verifyNow')}
        </button>
      </div>
      {list.length === 0 ? (
        <p className="muted">{t('jobs.none')}</p>
      ) : (
        <ul className="job-list">
          {list.map((job) => {
            const percent =
              job.progress.total > 0
                ? Math.round((job.progress.done / job.progress.total) * 100)
                : 0;
            return (
              <li
                key={job.id}
                className={`job ${job.status}`}
                data-job-kind={job.kind}
                data-job-status={job.status}
              >
                <div className="job-head">
                  <strong>{t(`jobs.kind.${job.kind}`)}</strong>
                  <span className={`status ${job.status}`}>{t(`jobs.status.${job.status}`)}</span>
                  {job.status === 'running' && (
                    <button
                      type="button"
                      className="button ghost small"
                      onClick={() => void cancel(job.id)}
                    >
                      {t('jobs.cancel')}
                    </button>
                  )}
                </div>
                <progress
                  max={100}
                  value={job.status === 'done' ? 100 : percent}
                  aria-label={t(`jobs.kind.${job.kind}`)}
                />
                <JobOutcome job={job} />
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
