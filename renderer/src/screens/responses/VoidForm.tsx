/** Voiding asks for a reason; the response stays in the register, marked void. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useResponsesStore } from '../../stores/responses';

export function VoidForm({ onDone, onCancel }: { onDone: () => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const voidResponse = useResponsesStore((s) => s.voidResponse);
  const [reason, setReason] = useState('');
  return (
    <form
      className="void-form card"
      data-testid="void-form"
      onSubmit={(e) => {
        e.preventDefault();
        if (reason.trim()) void voidResponse(reason.trim()).then((ok) => ok && onDone());
      }}
    >
      <h3>{t('register.void.title')}</h3>
      <p className="muted small">{t('register.void.help')}</p>
      <label className="field">
        <span className="field-label">{t('register.void.reason')}</span>
        <textarea
          className="input"
          rows={2}
          data-field="void-reason"
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          autoFocus
        />
      </label>
      <div className="form-actions">
        <button
          type="submit"
          className="button danger-fill"
          data-action="confirm-void"
          disabled={!reason.trim()}
        >
          {t('register.void.confirm')}
        </button>
        <button type="button" className="button ghost" onClick={onCancel}>
          {t('register.void.cancel')}
        </button>
      </div>
    </form>
  );
}
