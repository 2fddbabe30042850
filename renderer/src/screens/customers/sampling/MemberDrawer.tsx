/** One sampled customer: contact outcome with a note (only allowed moves), history and notes. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { canMove, type SampleMember } from '../../../../../shared/sampling';
import { useSamplingStore } from '../../../stores/sampling';
import { localMinute } from './format';

/** The contact outcomes a user records (never back to "not contacted"). */
export const MARKS = ['reminded', 'interviewed', 'refused', 'unreachable'] as const;

export function MemberDrawer({ member }: { member: SampleMember }) {
  const { t } = useTranslation();
  const history = useSamplingStore((s) => s.history);
  const openHistory = useSamplingStore((s) => s.openHistory);
  const saveNotes = useSamplingStore((s) => s.saveNotes);
  const mark = useSamplingStore((s) => s.mark);
  const busy = useSamplingStore((s) => s.busy);
  const [notes, setNotes] = useState(member.notes);
  const [note, setNote] = useState('');
  return (
    <aside className="card sampling-drawer" data-testid="member-drawer" aria-label={member.name}>
      <div className="card-head">
        <h2>{member.name}</h2>
        <button type="button" className="button ghost" onClick={() => void openHistory(null)}>
          {t('sampling.list.close')}
        </button>
      </div>
      <p className="muted">
        {[member.code, member.contact, member.phone, member.email].filter(Boolean).join(' · ')}
      </p>
      <p>
        <span className={`contact-status status-${member.status}`}>
          {t(`sampling.status.${member.status}`)}
        </span>
      </p>
      <label className="field">
        <span className="field-label">{t('sampling.list.contactNote')}</span>
        <input
          className="input"
          data-field="contact-note"
          value={note}
          onChange={(e) => setNote(e.target.value)}
        />
      </label>
      <div className="sampling-drawer-marks">
        {MARKS.map((status) => (
          <button
            key={status}
            type="button"
            className={`button status-button status-${status}`}
            data-mark-one={status}
            disabled={busy || !canMove(member.status, status)}
            onClick={() =>
              void mark(status, { customerIds: [member.customerId], note }).then(() => setNote(''))
            }
          >
            {t(`sampling.mark.${status}`)}
          </button>
        ))}
      </div>
      <h3>{t('sampling.list.history')}</h3>
      {history.length === 0 ? (
        <p className="muted">{t('sampling.list.noHistory')}</p>
      ) : (
        <ol className="sampling-history">
          {history.map((event, k) => (
            <li key={k}>
              <span className="mono small">{localMinute(event.at)}</span>{' '}
              <strong>{t(`sampling.status.${event.status}`)}</strong>
              {event.actor ? ` · ${event.actor}` : ''}
              {event.note ? ` · ${event.note}` : ''}
            </li>
          ))}
        </ol>
      )}
      <label className="field">
        <span className="field-label">{t('sampling.columns.notes')}</span>
        <textarea
          className="input"
          rows={3}
          value={notes}
          onChange={(e) => setNotes(e.target.value)}
        />
      </label>
      <button
        type="button"
        className="button secondary"
        onClick={() => void saveNotes(member.customerId, notes)}
      >
        {t('sampling.list.saveNotes')}
      </button>
    </aside>
  );
}
