/**
 * Drivers: what moves overall satisfaction (importance = correlation with it) against how well it
 * scores (performance), and the ranked list of what to improve first.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAnalysisStore } from '../../stores/analysis';
import { QUADRANT_COLOURS } from './charts';
import { DriverScatter } from './DriverScatter';
import { one, percent, quadrantLines, two, useLabel } from './format';

export function DriversTab() {
  const { t } = useTranslation();
  const label = useLabel();
  const result = useAnalysisStore((s) => s.result);
  const [kind, setKind] = useState<'dimension' | 'item'>('dimension');
  if (!result) return null;
  const { drivers } = result;
  // The target is not a driver of itself (r = 1 would only squash the chart).
  const shown = drivers.list.filter((d) => d.kind === kind && d.id !== drivers.target);
  const priorities = result.priorities.filter((p) => p.kind === kind && p.id !== drivers.target);
  const lines = quadrantLines(result, kind);
  const targetItem = result.items.find((i) => i.name === drivers.target);
  const targetName = targetItem ? label(targetItem.label) : t('analysis.index');
  const quadrantOf = new Map(drivers.list.map((d) => [d.id, d.quadrant]));

  return (
    <section className="card" data-testid="drivers-tab">
      <div className="card-head wrap">
        <h2>{t('analysis.drivers.title')}</h2>
        <div className="segmented" role="group" aria-label={t('analysis.drivers.level')}>
          {(['dimension', 'item'] as const).map((k) => (
            <button
              key={k}
              type="button"
              className={kind === k ? 'segment selected' : 'segment'}
              aria-pressed={kind === k}
              data-kind={k}
              onClick={() => setKind(k)}
            >
              {t(`analysis.drivers.kinds.${k}`)}
            </button>
          ))}
        </div>
      </div>
      <p className="muted small">
        {t('analysis.drivers.explain', { target: targetName })}
        {drivers.rSquared !== null &&
          ` ${t('analysis.drivers.rSquared', { share: percent(drivers.rSquared, 0) })}`}
      </p>
      {lines && shown.length >= 2 ? (
        <div className="drivers-layout">
          <DriverScatter
            drivers={shown}
            lines={lines}
            ranks={kind === 'item' ? new Map(priorities.map((p, k) => [p.id, k + 1])) : null}
          />
          <div className="priority-list">
            <h3>{t('analysis.drivers.priorities')}</h3>
            <table className="data-table" data-testid="priority-list">
              <thead>
                <tr>
                  <th className="num">#</th>
                  <th>{t(`analysis.drivers.kinds.${kind}`)}</th>
                  <th className="num">{t('analysis.drivers.r')}</th>
                  <th className="num">{t('analysis.drivers.score')}</th>
                </tr>
              </thead>
              <tbody>
                {priorities.map((p, k) => {
                  const quadrant = quadrantOf.get(p.id) ?? null;
                  return (
                    <tr key={p.id} data-priority={p.id} data-quadrant={quadrant ?? ''}>
                      <td className="num">{k + 1}</td>
                      <td>
                        <span
                          className="quadrant-dot"
                          style={{ background: quadrant ? QUADRANT_COLOURS[quadrant] : '#8a94a0' }}
                          title={quadrant ? t(`analysis.drivers.quadrant.${quadrant}`) : ''}
                        />
                        {label(p.label)}
                      </td>
                      <td className="num">{two(p.importance)}</td>
                      <td className="num">{one(p.performance)}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
            <p className="muted small">
              {t('analysis.drivers.priorityHelp')}
              {kind === 'item' && ` ${t('analysis.drivers.numbered')}`}
            </p>
          </div>
        </div>
      ) : (
        <p className="notice" data-testid="drivers-unavailable">
          {t('analysis.drivers.notEnough')}
        </p>
      )}
    </section>
  );
}
