/**
 * A reviewer's decision on each quality flag: keep the response anyway, or confirm that it is
 * excluded. Both need a comment; who decided and when is shown from the stored override.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { QualityFlag } from '../../../../shared/responses';
import { useResponsesStore } from '../../stores/responses';
import { FlagChip } from './FlagChip';
import { dateTime, flagReason, shortId } from './format';

function Decision({ flag, onDone }: { flag: QualityFlag; onDone: () => void }) {
  const { t } = useTranslation();
  const overrideFlag = useResponsesStore((s) => s.overrideFlag);
  const [keep, setKeep] = useState<boolean | null>(null);
  const [comment, setComment] = useState('');
  const rule = t(`register.rule.${flag.rule}`);
  if (keep === null) {
    return (
      <div className="flag-actions">
        <button
          type="button"
          className="button secondary small"
          data-action="keep"
          title={t('register.override.keepTitle', { rule })}
          onClick={() => setKeep(true)}
        >
          {t('register.override.keep')}
        </button>
        <button
          type="button"
          className="button secondary small danger"
          data-action="exclude"
          title={t('register.override.excludeTitle', { rule })}
          onClick={() => setKeep(false)}
        >
          {t('register.override.exclude')}
        </button>
      </div>
    );
  }
  return (
    <form
      className="flag-decision"
      data-testid="flag-decision"
      onSubmit={(e) => {
        e.preventDefault();
        if (comment.trim())
          void overrideFlag(flag.rule, keep, comment.trim()).then((ok) => ok && onDone());
      }}
    >
      <p className="small">
        {t(keep ? 'register.override.keepTitle' : 'register.override.excludeTitle', { rule })}
      </p>
      <label className="field">
        <span className="field-label">{t('register.override.comment')}</span>
        <textarea
          className="input"
          rows={2}
          data-field="override-comment"
          value={comment}
          onChange={(e) => setComment(e.target.value)}
          autoFocus
        />
      </label>
      <div className="form-actions">
        <button
          type="submit"
          className="button"
          data-action="save-decision"
          disabled={!comment.trim()}
        >
          {t('register.override.save')}
        </button>
        <button type="button" className="button ghost" onClick={() => setKeep(null)}>
          {t('register.edit.cancel')}
        </button>
      </div>
    </form>
  );
}

function FlagItem({ flag, readOnly }: { flag: QualityFlag; readOnly: boolean }) {
  const { t } = useTranslation();
  const open = useResponsesStore((s) => s.open);
  const [changing, setChanging] = useState(false);
  const o = flag.override;
  const other =
    flag.rule === 'duplicate' && typeof flag.detail.of === 'string' ? flag.detail.of : null;
  return (
    <li className="flag-item" data-flag-item={flag.rule}>
      <div className="flag-line">
        <FlagChip flag={flag} />
        <span>{flagReason(flag, t)}</span>
        {other && (
          <button
            type="button"
            className="button ghost small"
            data-action="open-original"
            onClick={() => void open(other)}
          >
            {t('register.override.open', { id: shortId(other) })}
          </button>
        )}
      </div>
      {o && !changing ? (
        <div
          className={o.keep ? 'flag-override kept' : 'flag-override excluded'}
          data-testid="flag-override"
        >
          {t(o.keep ? 'register.override.keptBy' : 'register.override.excludedBy', {
            by: o.by,
            at: dateTime(o.at),
            comment: o.comment,
          })}
          {!readOnly && (
            <button type="button" className="button ghost small" onClick={() => setChanging(true)}>
              {t('register.override.change')}
            </button>
          )}
        </div>
      ) : (
        !readOnly && <Decision flag={flag} onDone={() => setChanging(false)} />
      )}
    </li>
  );
}

/** `readOnly` for a void response: it is out of the analysis anyway, so there is nothing to decide. */
export function FlagReview({ flags, readOnly }: { flags: QualityFlag[]; readOnly: boolean }) {
  const { t } = useTranslation();
  if (flags.length === 0) return <p className="muted">{t('register.detail.noFlags')}</p>;
  return (
    <ul className="flag-list plain-list">
      {flags.map((flag) => (
        <FlagItem key={flag.rule} flag={flag} readOnly={readOnly} />
      ))}
    </ul>
  );
}
