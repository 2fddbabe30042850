import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDesignerStore } from '../../stores/designer';

export function PublishPanel() {
  const { t } = useTranslation();
  const detail = useDesignerStore((s) => s.detail)!;
  const changes = useDesignerStore((s) => s.changes);
  const problems = useDesignerStore((s) => s.problems);
  const { loadChanges, publish } = useDesignerStore.getState();
  const [done, setDone] = useState<number | null>(null);
  const errors = problems.filter((p) => p.severity === 'error').length;

  useEffect(() => {
    void loadChanges();
  }, [loadChanges, detail.editingVersion, detail.editingStatus]);

  if (detail.editingStatus === 'published') {
    return (
      <div className="publish-panel" data-testid="publish-panel">
        <p className="good">{done ? t('designer.publishedNow', { version: done }) : t('designer.nothingToPublish', { version: detail.editingVersion })}</p>
        <p className="muted">{t('designer.editCreatesDraft')}</p>
      </div>
    );
  }
  return (
    <div className="publish-panel" data-testid="publish-panel">
      <h3>{t('designer.changesSince', { version: detail.publishedVersion ?? 0 })}</h3>
      {!changes ? (
        <p className="muted">{t('common.loading')}</p>
      ) : changes.changes.length === 0 ? (
        <p className="muted">{detail.publishedVersion ? t('designer.noChanges') : t('designer.firstVersion')}</p>
      ) : (
        <ul className="change-list">
          {changes.changes.map((change) => (
            <li key={`${change.kind}-${change.name}`} className={`change ${change.kind}`}>
              <span className="chip">{t(`designer.change.${change.kind}`)}</span> <span className="mono">{change.name}</span> {change.label}
              <div className="muted small">{change.detail}</div>
            </li>
          ))}
        </ul>
      )}
      {changes && changes.incompatible.length > 0 && <p className="bad">{t('designer.incompatibleHelp')}</p>}
      {errors > 0 && <p className="bad">{t('designer.fixErrorsFirst', { count: errors })}</p>}
      <button
        type="button"
        className="button big"
        data-action="publish"
        disabled={errors > 0 || (changes?.incompatible.length ?? 0) > 0}
        onClick={() => void publish().then((ok) => ok && setDone(detail.editingVersion))}
      >
        {t('designer.publishVersion', { version: detail.editingVersion })}
      </button>
    </div>
  );
}
