/** The headline cards: overall index, the overall-satisfaction item, NPS and who was analysed. */
import { useTranslation } from 'react-i18next';
import type { AnalysisResult, NpsResult } from '../../../../shared/analysis';
import { FLAG_RULES } from '../../../../shared/responses';
import { useAnalysisStore } from '../../stores/analysis';
import { one, percent, reasonText, scalePoints, targetOn100, two, useLabel } from './format';

/** Below this many analysed responses, figures swing too much to compare closely. */
const SMALL_SAMPLE = 30;

/** "Target 84.0 · 8.8 to go" or "Target 84.0 · reached". */
export function TargetLine({ value, target }: { value: number; target: number | null }) {
  const { t } = useTranslation();
  if (target === null) return null;
  const gap = target - value;
  return (
    <p className={gap > 0 ? 'score-target below' : 'score-target reached'} data-testid="target">
      {gap > 0
        ? t('analysis.overview.targetToGo', { target: one(target), gap: one(gap) })
        : t('analysis.overview.targetReached', { target: one(target), gap: one(-gap) })}
    </p>
  );
}

export function Unavailable({ reason }: { reason: string }) {
  const { t } = useTranslation();
  return (
    <p className="unavailable" data-testid="unavailable" data-reason={reason}>
      {reasonText(t, reason)}
    </p>
  );
}

function IndexCard({ result }: { result: AnalysisResult }) {
  const { t } = useTranslation();
  const targets = useAnalysisStore((s) => s.targets);
  const { index, request } = result;
  const target = targets.find((x) => x.metric === 'index' || x.metric === 'overall');
  return (
    <article className="card score-card" data-testid="index-card">
      <h2>{t('analysis.overview.index')}</h2>
      {index.ok ? (
        <>
          <p className="score-value">
            <span data-testid="index-value">{one(index.score100)}</span>
            <small>{t('analysis.overview.of100')}</small>
          </p>
          <p className="muted small">
            {t('analysis.overview.meanOf', {
              mean: two(index.mean),
              points: scalePoints(result),
              n: index.n,
            })}
          </p>
          <p className="muted small">
            {t('analysis.overview.highShare', { share: percent(index.high) })}
          </p>
          <TargetLine
            value={index.score100}
            target={
              target ? targetOn100(target.target, scalePoints(result), request.conversion) : null
            }
          />
        </>
      ) : (
        <Unavailable reason={index.reason} />
      )}
    </article>
  );
}

function SatisfactionCard({ result }: { result: AnalysisResult }) {
  const { t } = useTranslation();
  const label = useLabel();
  const targets = useAnalysisStore((s) => s.targets);
  const satisfaction = result.satisfaction;
  if (!satisfaction) return null;
  const item = result.items.find((i) => i.name === satisfaction.question);
  const points = item?.points ?? 5;
  const target = targets.find((x) => x.metric === satisfaction.question && x.metric !== 'overall');
  const { score } = satisfaction;
  return (
    <article className="card score-card" data-testid="satisfaction-card">
      <h2>{t('analysis.overview.satisfaction')}</h2>
      <p className="score-question" title={label(item?.label)}>
        {label(item?.label)}
      </p>
      {score.ok ? (
        <>
          <p className="score-value">
            <span>{one(score.score100)}</span>
            <small>{t('analysis.overview.of100')}</small>
          </p>
          <p className="muted small">
            {t('analysis.overview.top2', { share: percent(score.top2) })} ·{' '}
            {t('analysis.overview.meanOnly', { mean: two(score.mean), points })}
          </p>
          <TargetLine
            value={score.score100}
            target={target ? targetOn100(target.target, points, result.request.conversion) : null}
          />
        </>
      ) : (
        <Unavailable reason={score.reason} />
      )}
    </article>
  );
}

function NpsBar({ nps }: { nps: NpsResult }) {
  const { t } = useTranslation();
  const parts = [
    ['promoters', nps.promoterShare, nps.promoters],
    ['passives', nps.passiveShare, nps.passives],
    ['detractors', nps.detractorShare, nps.detractors],
  ] as const;
  return (
    <>
      <div className="nps-bar" aria-hidden="true">
        {parts.map(([name, share]) => (
          <span key={name} className={`nps-part ${name}`} style={{ width: `${share * 100}%` }} />
        ))}
      </div>
      <ul className="nps-legend">
        {parts.map(([name, share, count]) => (
          <li key={name} data-nps={name}>
            <span className={`swatch ${name}`} />
            {t(`analysis.overview.${name}`)} {percent(share, 0)}{' '}
            <span className="muted">({Math.round(count)})</span>
          </li>
        ))}
      </ul>
    </>
  );
}

function NpsCard({ result }: { result: AnalysisResult }) {
  const { t } = useTranslation();
  const targets = useAnalysisStore((s) => s.targets);
  const nps = result.nps;
  if (!nps) return null;
  const target = targets.find((x) => x.metric === 'nps');
  return (
    <article className="card score-card" data-testid="nps-card">
      <h2>{t('analysis.overview.nps')}</h2>
      {nps.ok ? (
        <>
          <p className="score-value">
            <span data-testid="nps-value">{one(nps.nps)}</span>
            <small>{t('analysis.overview.npsRange')}</small>
          </p>
          <p className="muted small">
            {nps.ci
              ? t('analysis.overview.npsCi', { lower: one(nps.ci.lower), upper: one(nps.ci.upper) })
              : t('analysis.overview.npsNoCi')}
          </p>
          <NpsBar nps={nps} />
          <TargetLine value={nps.nps} target={target ? target.target : null} />
        </>
      ) : (
        <Unavailable reason={nps.reason} />
      )}
    </article>
  );
}

function CleaningCard({ result }: { result: AnalysisResult }) {
  const { t } = useTranslation();
  const { cleaning, request } = result;
  const rules = FLAG_RULES.filter((rule) => cleaning.excludedByRule[rule]);
  return (
    <article className="card score-card" data-testid="cleaning-card">
      <h2>{t('analysis.overview.sample')}</h2>
      <p className="score-value">
        <span data-testid="analysed-n">{cleaning.analysed}</span>
        <small>{t('analysis.overview.ofTotal', { total: cleaning.total })}</small>
      </p>
      <p className="muted small">
        {request.quality === 'clean'
          ? t('analysis.overview.cleanRule')
          : t('analysis.overview.allRule')}
      </p>
      <ul className="cleaning-list">
        {request.quality === 'clean' && (
          <li data-testid="excluded-n">
            {t('analysis.overview.excluded', { n: cleaning.excluded })}
          </li>
        )}
        {rules.map((rule) => (
          <li key={rule} className="cleaning-rule" data-rule={rule}>
            {t(`register.rule.${rule}`)}: {cleaning.excludedByRule[rule]}
          </li>
        ))}
        {cleaning.incomplete > 0 && (
          <li>{t('analysis.overview.incomplete', { n: cleaning.incomplete })}</li>
        )}
      </ul>
      {cleaning.analysed < SMALL_SAMPLE && (
        <p className="small-sample" data-testid="small-sample">
          {t('analysis.overview.smallSample', { n: SMALL_SAMPLE })}
        </p>
      )}
    </article>
  );
}

export function ScoreCards({ result }: { result: AnalysisResult }) {
  return (
    <div className="score-cards">
      <IndexCard result={result} />
      <SatisfactionCard result={result} />
      <NpsCard result={result} />
      <CleaningCard result={result} />
    </div>
  );
}
