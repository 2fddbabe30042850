/** Beside the questions: the interviewer's notes (saved after a pause and on leaving the field). */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useInterviewStore } from '../../../stores/interview';

export function NotesPanel() {
  const { t } = useTranslation();
  const notes = useInterviewStore((s) => s.notes);
  const setNotes = useInterviewStore((s) => s.setNotes);
  const flush = useInterviewStore((s) => s.flush);
  const breakOff = useInterviewStore((s) => s.breakOff);
  const [confirming, setConfirming] = useState(false);

  return (
    <aside className="iv-side">
      <div className="card iv-notes">
        <label className="field">
          <span className="field-label">{t('interview.notes.title')}</span>
          <textarea
            className="input"
            data-field="interview-notes"
            rows={8}
            value={notes}
            placeholder={t('interview.notes.placeholder')}
            onChange={(e) => setNotes(e.target.value)}
            onBlur={() => void flush()}
          />
          <span className="field-help">{t('interview.notes.help')}</span>
        </label>
      </div>
      <div className="iv-break-off">
        {confirming ? (
          <div
            className="card iv-confirm"
            role="alertdialog"
            aria-label={t('interview.breakOff.button')}
          >
            <p>{t('interview.breakOff.confirm')}</p>
            <div className="iv-actions">
              <button
                type="button"
                className="button secondary"
                onClick={() => setConfirming(false)}
              >
                {t('interview.breakOff.no')}
              </button>
              <button
                type="button"
                className="button danger"
                data-action="confirm-break-off"
                onClick={() => void breakOff()}
              >
                {t('interview.breakOff.yes')}
              </button>
            </div>
          </div>
        ) : (
          <button
            type="button"
            className="button ghost"
            data-action="break-off"
            onClick={() => setConfirming(true)}
          >
            {t('interview.breakOff.button')}
          </button>
        )}
      </div>
    </aside>
  );
}
