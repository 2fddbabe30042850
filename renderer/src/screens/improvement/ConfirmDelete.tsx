/** A delete button that asks once more before it deletes (a problem goes with its actions and history). */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

export function ConfirmDelete({ onDelete, what }: { onDelete: () => void; what: string }) {
  const { t } = useTranslation();
  const [asking, setAsking] = useState(false);
  if (!asking)
    return (
      <button
        type="button"
        className="button small ghost danger"
        data-action={`delete-${what}`}
        onClick={() => setAsking(true)}
      >
        {t('improvement.delete')}
      </button>
    );
  return (
    <span className="improvement-confirm" role="group">
      <button
        type="button"
        className="button small danger secondary"
        data-action={`confirm-delete-${what}`}
        onClick={onDelete}
      >
        {t('improvement.confirmDelete')}
      </button>
      <button type="button" className="button small ghost" onClick={() => setAsking(false)}>
        {t('improvement.cancel')}
      </button>
    </span>
  );
}
