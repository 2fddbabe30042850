/** A small sign that every answer so far is committed, or that one is still on its way. */
import { useTranslation } from 'react-i18next';
import { useInterviewStore } from '../../../stores/interview';

export function SaveIndicator() {
  const { t, i18n } = useTranslation();
  const save = useInterviewStore((s) => s.save);
  const retry = useInterviewStore((s) => s.retry);

  if (save.failed.length > 0) {
    return (
      <span className="iv-save failed" data-testid="save-state" data-state="failed" role="alert">
        <span className="iv-save-dot" aria-hidden="true" />
        {t('interview.save.failed')}
        <button type="button" className="button small secondary" onClick={() => void retry()}>
          {t('interview.save.retry')}
        </button>
      </span>
    );
  }
  const state = save.pending > 0 ? 'saving' : save.savedAt ? 'saved' : 'idle';
  const time = save.savedAt?.toLocaleTimeString(i18n.language, {
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  });
  return (
    <span
      className={`iv-save ${state}`}
      data-testid="save-state"
      data-state={state}
      aria-live="polite"
    >
      <span className="iv-save-dot" aria-hidden="true" />
      {state === 'saving'
        ? t('interview.save.saving')
        : state === 'saved'
          ? t('interview.save.saved', { time })
          : t('interview.save.allSaved')}
    </span>
  );
}
