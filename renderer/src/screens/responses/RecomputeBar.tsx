/** "Recompute flags" for the wave chosen in the filters, with the counts per rule it returns. */
import { useTranslation } from 'react-i18next';
import { FLAG_RULES } from '../../../../shared/responses';
import { useResponsesStore } from '../../stores/responses';

export function RecomputeButton() {
  const { t } = useTranslation();
  const waveId = useResponsesStore((s) => s.filter.waveId);
  const recompute = useResponsesStore((s) => s.recompute);
  return (
    <div className="recompute">
      <button
        type="button"
        className="button secondary"
        data-action="recompute"
        disabled={!waveId}
        title={waveId ? undefined : t('register.recompute.needWave')}
        onClick={() => void recompute()}
      >
        {t('register.recompute.button')}
      </button>
      {!waveId && <span className="muted small">{t('register.recompute.chooseWave')}</span>}
    </div>
  );
}

export function RecomputeResult() {
  const { t } = useTranslation();
  const recount = useResponsesStore((s) => s.recount);
  const waves = useResponsesStore((s) => s.waves);
  const clear = useResponsesStore((s) => s.clearRecount);
  if (!recount) return null;
  const wave = waves.find((w) => w.id === recount.waveId)?.name ?? '';
  const total = Object.values(recount.counts).reduce((a, b) => a + b, 0);
  return (
    <div className="recount card" data-testid="recount" role="status">
      <strong>{t('register.recompute.title', { wave })}</strong>
      {total === 0 ? (
        <span className="muted">{t('register.recompute.none')}</span>
      ) : (
        <ul className="recount-list">
          {FLAG_RULES.map((rule) => (
            <li key={rule} data-rule={rule} className={recount.counts[rule] ? undefined : 'muted'}>
              <span className={`chip flag flag-${rule} open`}>{t(`register.rule.${rule}`)}</span>
              <strong className="recount-n">{recount.counts[rule] ?? 0}</strong>
            </li>
          ))}
        </ul>
      )}
      <button type="button" className="button ghost small" onClick={clear}>
        {t('register.recompute.hide')}
      </button>
    </div>
  );
}
