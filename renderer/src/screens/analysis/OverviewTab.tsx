/** Overview: the headline cards, every dimension against its target, and what to improve first. */
import { useTranslation } from 'react-i18next';
import type { AnalysisResult } from '../../../../shared/analysis';
import { useAnalysisStore } from '../../stores/analysis';
import { one, scalePoints, score100, targetOn100, useLabel } from './format';
import { ScoreCards, Unavailable } from './ScoreCards';

function DimensionBars({ result }: { result: AnalysisResult }) {
  const { t } = useTranslation();
  const label = useLabel();
  const scores = result.dimensions.map((d) => score100(d.score));
  const known = scores.filter((s): s is number => s !== null);
  const lowest = known.length > 1 ? Math.min(...known) : null;
  if (result.dimensions.length === 0) {
    return <p className="muted">{t('analysis.overview.noDimensions')}</p>;
  }
  return (
    <ul className="dimension-bars" data-testid="dimension-bars">
      {result.dimensions.map((d, k) => {
        const score = scores[k] ?? null;
        const target = d.target
          ? targetOn100(d.target.target, scalePoints(result), result.request.conversion)
          : null;
        return (
          <li key={d.id} className="dimension-bar" data-dimension={d.id}>
            <span className="dimension-name">
              {label(d.name)}
              {score !== null && score === lowest && (
                <span className="badge warn">{t('analysis.overview.lowest')}</span>
              )}
            </span>
            <span className="bar-track">
              {score !== null && <span className="bar-fill" style={{ width: `${score}%` }} />}
              {target !== null && (
                <span
                  className="bar-target"
                  style={{ left: `${Math.min(100, target)}%` }}
                  title={t('analysis.overview.targetShort', { target: one(target) })}
                />
              )}
            </span>
            <span className="dimension-score num">
              {d.score.ok ? one(d.score.score100) : <Unavailable reason={d.score.reason} />}
            </span>
            <span className="dimension-target muted small">
              {target !== null ? t('analysis.overview.targetShort', { target: one(target) }) : ''}
            </span>
          </li>
        );
      })}
    </ul>
  );
}

function ImproveFirst({ result }: { result: AnalysisResult }) {
  const { t } = useTranslation();
  const label = useLabel();
  const setTab = useAnalysisStore((s) => s.setTab);
  const first = result.priorities.filter((p) => p.kind === 'dimension').slice(0, 3);
  if (first.length === 0) return null;
  return (
    <section className="card" data-testid="improve-first">
      <div className="card-head">
        <h2>{t('analysis.overview.improveFirst')}</h2>
        <button type="button" className="button small ghost" onClick={() => setTab('drivers')}>
          {t('analysis.overview.seeDrivers')}
        </button>
      </div>
      <ol className="improve-list">
        {first.map((p) => (
          <li key={p.id}>
            <strong>{label(p.label)}</strong>{' '}
            <span className="muted">
              {t('analysis.overview.improveWhy', {
                score: one(p.performance),
                r: p.importance.toFixed(2),
              })}
            </span>
          </li>
        ))}
      </ol>
    </section>
  );
}

export function OverviewTab() {
  const { t } = useTranslation();
  const result = useAnalysisStore((s) => s.result);
  if (!result) return null;
  return (
    <div className="analysis-overview">
      <ScoreCards result={result} />
      <div className="overview-lower">
        <section className="card">
          <div className="card-head">
            <h2>{t('analysis.overview.dimensions')}</h2>
            <span className="muted small">
              {t(`analysis.conversion.${result.request.conversion}`)}
            </span>
          </div>
          <DimensionBars result={result} />
        </section>
        <ImproveFirst result={result} />
      </div>
    </div>
  );
}
