/**
 * Segments: the index and dimensions per group of one attribute (customer type, region...), with
 * the significance test the engine chose, said in words a manager can act on.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { SegmentAttribute, SegmentResult } from '../../../../shared/analysis';
import { useAnalysisStore } from '../../stores/analysis';
import {
  attributeText,
  effectSize,
  measureLabel,
  one,
  pText,
  reasonText,
  significant,
  useLabel,
  valueText,
} from './format';
import { SegmentChart } from './SegmentChart';

function testLine(t: TFunction, test: SegmentResult['test'], groups: number): string {
  if (test.kind === 'welch') {
    return t('analysis.segments.welch', {
      t: test.t.toFixed(2),
      df: Math.round(test.df),
      p: pText(test.p),
      g: test.effect.toFixed(2),
      size: t(`analysis.segments.effect.${effectSize(test)}`),
    });
  }
  if (test.kind === 'anova') {
    return t('analysis.segments.anova', {
      groups,
      df1: test.df1,
      df2: test.df2,
      F: test.F.toFixed(2),
      p: pText(test.p),
      welchP: pText(test.welchP),
      eta: test.effect.toFixed(3),
      size: t(`analysis.segments.effect.${effectSize(test)}`),
    });
  }
  return t('analysis.segments.noTest', { reason: reasonText(t, test.reason) });
}

function Verdict({ segment }: { segment: SegmentResult }) {
  const { t } = useTranslation();
  const { test } = segment;
  if (test.kind === 'none') return null;
  // Lower case inside an English sentence; Chinese has no case.
  const name = t(`analysis.attribute.${segment.attribute}`).toLowerCase();
  const yes = significant(test.p);
  return (
    <p
      className={yes ? 'verdict significant' : 'verdict'}
      data-testid="segment-verdict"
      data-significant={yes}
    >
      {yes ? t('analysis.segments.differ', { name }) : t('analysis.segments.noDiffer', { name })}
    </p>
  );
}

function MeasureTable({ segment }: { segment: SegmentResult }) {
  const { t } = useTranslation();
  const label = useLabel();
  const result = useAnalysisStore((s) => s.result)!;
  const openDrill = useAnalysisStore((s) => s.openDrill);
  const indexP = segment.test.kind === 'none' ? null : segment.test.p;
  const measures = [
    { id: 'index', p: indexP, value: (k: number) => segment.groups[k]!.score100 },
    ...result.dimensions.map((d) => ({
      id: d.id,
      p: segment.dimensionP[d.id] ?? null,
      value: (k: number) => segment.groups[k]!.dimensions[d.id] ?? null,
    })),
  ];
  return (
    <div className="table-scroll">
      <table className="data-table segment-table" data-testid="segment-table">
        <thead>
          <tr>
            <th>{t('analysis.segments.measure')}</th>
            {segment.groups.map((g) => (
              <th key={g.value} className="num">
                <button
                  type="button"
                  className="link-button"
                  data-group={g.value}
                  title={t('analysis.drill.openGroup')}
                  onClick={() =>
                    openDrill({
                      kind: 'group',
                      attribute: segment.attribute,
                      value: g.value,
                      n: g.n,
                    })
                  }
                >
                  {valueText(t, segment.attribute, g.value)}
                </button>
                <span className="muted small group-n">n={g.n}</span>
              </th>
            ))}
            <th className="num">{t('analysis.segments.p')}</th>
          </tr>
        </thead>
        <tbody>
          {measures.map((m) => {
            const values = segment.groups.map((_, k) => m.value(k));
            const known = values.filter((v): v is number => v !== null);
            const [low, high] = [Math.min(...known), Math.max(...known)];
            return (
              <tr key={m.id} data-measure={m.id}>
                <td>{measureLabel(t, label, result, m.id)}</td>
                {values.map((v, k) => (
                  <td
                    key={segment.groups[k]!.value}
                    className={
                      significant(m.p) && known.length > 1
                        ? v === high
                          ? 'num high'
                          : v === low
                            ? 'num low'
                            : 'num'
                        : 'num'
                    }
                  >
                    {one(v)}
                  </td>
                ))}
                <td
                  className={significant(m.p) ? 'num sig' : 'num'}
                  data-significant={significant(m.p)}
                >
                  {pText(m.p)}
                  {significant(m.p) && (
                    <span className="sig-mark"> {t('analysis.segments.sigMark')}</span>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

export function SegmentsTab() {
  const { t } = useTranslation();
  const result = useAnalysisStore((s) => s.result);
  const openDrill = useAnalysisStore((s) => s.openDrill);
  const [chosen, setChosen] = useState<SegmentAttribute>('type');
  if (!result) return null;
  if (result.segments.length === 0) {
    return <p className="card notice">{t('analysis.segments.none')}</p>;
  }
  const segment = result.segments.find((s) => s.attribute === chosen) ?? result.segments[0]!;
  const pairs = segment.pairwise.filter((pair) => significant(pair.p));
  return (
    <section className="card" data-testid="segments-tab" data-attribute={segment.attribute}>
      <div className="card-head wrap">
        <h2>{t('analysis.segments.title')}</h2>
        <div className="segmented" role="group" aria-label={t('analysis.segments.by')}>
          {result.segments.map((s) => (
            <button
              key={s.attribute}
              type="button"
              className={s.attribute === segment.attribute ? 'segment selected' : 'segment'}
              aria-pressed={s.attribute === segment.attribute}
              data-attribute={s.attribute}
              onClick={() => setChosen(s.attribute)}
            >
              {attributeText(t, s.attribute)}
            </button>
          ))}
        </div>
      </div>
      <Verdict segment={segment} />
      <p className="muted small" data-testid="segment-test">
        {testLine(t, segment.test, segment.groups.length)}
      </p>
      {segment.smallGroups.length > 0 && (
        <p className="notice-bar warn" data-testid="small-groups">
          {t('analysis.segments.smallGroups', {
            groups: segment.smallGroups.map((g) => valueText(t, segment.attribute, g)).join('、'),
          })}
        </p>
      )}
      <SegmentChart
        result={result}
        segment={segment}
        onGroup={(k) => {
          const g = segment.groups[k];
          if (g) openDrill({ kind: 'group', attribute: segment.attribute, value: g.value, n: g.n });
        }}
      />
      <p className="muted small">{t('analysis.segments.clickHint')}</p>
      <MeasureTable segment={segment} />
      {pairs.length > 0 && (
        <div className="pairs" data-testid="segment-pairs">
          <h3>{t('analysis.segments.pairs')}</h3>
          <ul>
            {pairs.map((pair) => (
              <li key={`${pair.a}|${pair.b}`}>
                {t('analysis.segments.pair', {
                  a: valueText(t, segment.attribute, pair.a),
                  b: valueText(t, segment.attribute, pair.b),
                  difference: one(Math.abs(pair.difference)),
                  higher: valueText(t, segment.attribute, pair.difference > 0 ? pair.a : pair.b),
                  p: pText(pair.p),
                })}
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
