/**
 * Items: every scale question with its score, top-2 share and answer distribution, grouped by
 * dimension with the dimension's reliability (Cronbach's alpha) and alpha if the item were dropped.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DimensionResult, ItemResult } from '../../../../shared/analysis';
import { useAnalysisStore } from '../../stores/analysis';
import { LIKERT_COLOURS, LIKERT_INK } from './charts';
import { one, percent, reasonText, two, useLabel } from './format';

function colourIndex(value: number, points: number): number {
  const k = points > 1 ? Math.round(((value - 1) / (points - 1)) * (LIKERT_COLOURS.length - 1)) : 0;
  return Math.max(0, Math.min(LIKERT_COLOURS.length - 1, k));
}

function colourOf(value: number, points: number): string {
  return LIKERT_COLOURS[colourIndex(value, points)]!;
}

/** White on the dark ends, dark ink on the pale middle (yellow, light green). */
function inkOf(value: number, points: number): string {
  return LIKERT_INK[colourIndex(value, points)]!;
}

function LikertBar({ item }: { item: ItemResult }) {
  if (!item.score.ok) return null;
  return (
    <div
      className="likert-bar"
      role="img"
      aria-label={item.score.distribution
        .map((d) => `${d.value}: ${percent(d.share, 0)}`)
        .join(', ')}
    >
      {item.score.distribution.map((d) => (
        <span
          key={d.value}
          className="likert-part"
          style={{
            width: `${d.share * 100}%`,
            background: colourOf(d.value, item.points),
            color: inkOf(d.value, item.points),
          }}
          title={`${d.value}: ${d.count} (${percent(d.share)})`}
        >
          {d.share >= 0.08 ? percent(d.share, 0) : ''}
        </span>
      ))}
    </div>
  );
}

function Legend({ points }: { points: number }) {
  const { t } = useTranslation();
  return (
    <div className="likert-legend muted small">
      <span>{t('analysis.items.lowest')}</span>
      {Array.from({ length: points }, (_, k) => (
        <span
          key={k}
          className="likert-key"
          style={{ background: colourOf(k + 1, points), color: inkOf(k + 1, points) }}
        >
          {k + 1}
        </span>
      ))}
      <span>{t('analysis.items.highest')}</span>
    </div>
  );
}

function ItemRow({ item, dimension }: { item: ItemResult; dimension: DimensionResult | null }) {
  const { t } = useTranslation();
  const label = useLabel();
  const ifDeleted = dimension?.alpha.ok
    ? dimension.alpha.ifDeleted.find((x) => x.item === item.name)
    : undefined;
  const alpha = dimension?.alpha.ok ? dimension.alpha.alpha : null;
  // Dropping the item would raise alpha: the item may measure something else.
  const raises = ifDeleted?.alpha != null && alpha !== null && ifDeleted.alpha > alpha + 0.005;
  return (
    <tr data-item={item.name}>
      <td className="item-label">
        {label(item.label)}
        {item.reverse && <span className="badge">{t('analysis.items.reversed')}</span>}
      </td>
      {item.score.ok ? (
        <>
          <td className="num">{item.score.n}</td>
          <td className="num">{two(item.score.mean)}</td>
          <td className="num strong">{one(item.score.score100)}</td>
          <td className="num">{percent(item.score.top2)}</td>
          <td className="likert-cell">
            <LikertBar item={item} />
          </td>
        </>
      ) : (
        <td colSpan={5} className="unavailable">
          {reasonText(t, item.score.reason)}
        </td>
      )}
      <td
        className={raises ? 'num warn-text' : 'num'}
        title={raises ? t('analysis.items.raisesAlpha') : undefined}
      >
        {ifDeleted ? two(ifDeleted.alpha) : '–'}
      </td>
    </tr>
  );
}

function DimensionHead({ dimension }: { dimension: DimensionResult | null }) {
  const { t } = useTranslation();
  const label = useLabel();
  if (!dimension) {
    return (
      <tr className="dimension-head">
        <th colSpan={7}>{t('analysis.items.noDimension')}</th>
      </tr>
    );
  }
  const alpha = dimension.alpha;
  const quality = alpha.ok
    ? alpha.alpha >= 0.8
      ? 'good'
      : alpha.alpha >= 0.7
        ? 'fair'
        : 'poor'
    : null;
  return (
    <tr className="dimension-head" data-dimension={dimension.id}>
      <th colSpan={7}>
        <span>{label(dimension.name)}</span>
        <span className="muted">
          {dimension.score.ok ? ` · ${one(dimension.score.score100)}` : ''}
          {' · '}
          {alpha.ok
            ? t('analysis.items.alpha', {
                alpha: two(alpha.alpha),
                quality: t(`analysis.items.alphaQuality.${quality}`),
              })
            : t('analysis.items.alphaUnavailable', { reason: reasonText(t, alpha.reason) })}
        </span>
      </th>
    </tr>
  );
}

export function ItemsTab() {
  const { t } = useTranslation();
  const result = useAnalysisStore((s) => s.result);
  const [order, setOrder] = useState<'questionnaire' | 'lowest'>('questionnaire');
  if (!result) return null;
  const dimensionOf = new Map(result.dimensions.map((d) => [d.id, d]));
  const groups: { dimension: DimensionResult | null; items: ItemResult[] }[] =
    order === 'lowest'
      ? [
          {
            dimension: null,
            items: [...result.items].sort(
              (a, b) =>
                (a.score.ok ? a.score.score100 : 999) - (b.score.ok ? b.score.score100 : 999),
            ),
          },
        ]
      : [
          ...result.dimensions.map((d) => ({
            dimension: d,
            items: result.items.filter((i) => i.dimension === d.id),
          })),
          {
            dimension: null,
            items: result.items.filter((i) => !i.dimension || !dimensionOf.has(i.dimension)),
          },
        ].filter((g) => g.items.length > 0);

  return (
    <section className="card" data-testid="items-tab">
      <div className="card-head">
        <h2>{t('analysis.items.title')}</h2>
        <div className="segmented" role="group" aria-label={t('analysis.items.order')}>
          {(['questionnaire', 'lowest'] as const).map((o) => (
            <button
              key={o}
              type="button"
              className={order === o ? 'segment selected' : 'segment'}
              aria-pressed={order === o}
              data-order={o}
              onClick={() => setOrder(o)}
            >
              {t(`analysis.items.orders.${o}`)}
            </button>
          ))}
        </div>
      </div>
      <Legend points={result.items[0]?.points ?? 5} />
      <div className="table-scroll">
        <table className="data-table items-table">
          <thead>
            <tr>
              <th>{t('analysis.items.item')}</th>
              <th className="num">n</th>
              <th className="num">{t('analysis.items.mean')}</th>
              <th className="num">{t('analysis.items.score')}</th>
              <th className="num">{t('analysis.items.top2')}</th>
              <th>{t('analysis.items.distribution')}</th>
              <th className="num" title={t('analysis.items.ifDeletedHelp')}>
                {t('analysis.items.ifDeleted')}
              </th>
            </tr>
          </thead>
          {groups.map((g, k) => (
            <tbody key={g.dimension?.id ?? `none-${k}`}>
              {order === 'questionnaire' && <DimensionHead dimension={g.dimension} />}
              {g.items.map((item) => (
                <ItemRow
                  key={item.name}
                  item={item}
                  dimension={item.dimension ? (dimensionOf.get(item.dimension) ?? null) : null}
                />
              ))}
            </tbody>
          ))}
        </table>
      </div>
      <p className="muted small">{t('analysis.items.alphaHelp')}</p>
    </section>
  );
}
