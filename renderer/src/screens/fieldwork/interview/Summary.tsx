/** Step 4: what was recorded (time taken, answers, consent, flags for the reviewer), then the next one. */
import { useTranslation } from 'react-i18next';
import { useInterviewStore } from '../../../stores/interview';

function minutesAndSeconds(from: string, to: string): { minutes: number; seconds: number } {
  const total = Math.max(0, Math.round((Date.parse(to) - Date.parse(from)) / 1000));
  return { minutes: Math.floor(total / 60), seconds: total % 60 };
}

export function Summary({ onExit }: { onExit: () => void }) {
  const { t } = useTranslation();
  const result = useInterviewStore((s) => s.result);
  const nextInterview = useInterviewStore((s) => s.nextInterview);
  if (!result) return null;
  const complete = result.status === 'complete';
  const duration = minutesAndSeconds(result.startedAt, result.completedAt ?? result.updatedAt);

  return (
    <div className="iv-step iv-summary" data-testid="interview-summary" data-status={result.status}>
      <div className="card iv-card">
        <h2 className={complete ? 'good' : undefined}>
          {complete ? `✓ ${t('interview.done.title')}` : t('interview.done.abandoned')}
        </h2>
        <dl className="facts iv-facts">
          <dt>{t('interview.done.customer')}</dt>
          <dd>{result.customerName ?? t('interview.noCustomer')}</dd>
          <dt>{t('interview.done.duration')}</dt>
          <dd data-testid="summary-duration">{t('interview.done.minutes', duration)}</dd>
          <dt>{t('interview.done.answers')}</dt>
          <dd data-testid="summary-answers">{result.answerCount}</dd>
          <dt>{t('interview.done.consent')}</dt>
          <dd>
            {result.consent
              ? t('interview.done.consentGiven', {
                  method: t(`interview.consent.method.${result.consent.method}`),
                  version: result.consent.versionNo,
                })
              : t('interview.done.noConsent')}
          </dd>
        </dl>
        {result.flags.length > 0 && (
          <div className="iv-flags">
            <h3>{t('interview.done.flags')}</h3>
            <ul>
              {result.flags.map((flag) => (
                <li key={flag.rule} data-flag={flag.rule}>
                  {t(`interview.flag.${flag.rule}`, flag.detail)}
                </li>
              ))}
            </ul>
          </div>
        )}
        <div className="iv-actions">
          <button type="button" className="button secondary" onClick={onExit}>
            ← {t('interview.exit')}
          </button>
          <button
            type="button"
            className="button big"
            data-action="next-interview"
            autoFocus
            onClick={nextInterview}
          >
            {t('interview.done.next')} →
          </button>
        </div>
      </div>
    </div>
  );
}
