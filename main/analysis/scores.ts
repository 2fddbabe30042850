/**
 * Scores per item, dimension and the overall index (DOMAIN.md "Scoring"): respondent-level
 * dimension scores are the mean of the dimension's items (reverse-coded items flipped), the index
 * is the weighted mean of dimension scores, and every score is shown on a 100-point scale.
 */
import type { DimensionResult, ItemResult, Score } from '../../shared/analysis';
import { variablesOf, type SurveyDefinition } from '../../shared/questionnaire/model';
import { cronbachAlpha } from './stats/reliability';
import { descriptive } from './stats/descriptive';
import { highSatisfactionShare, reverseCode, toHundred, topBoxShare, type HundredPointMethod } from './stats/scores';

export interface ScaleItem {
  name: string;
  label: ItemResult['label'];
  dimension: string | null;
  points: number;
  reverse: boolean;
  /** Answers of the analysed respondents, reverse-coded where needed; NaN = none. */
  values: Float64Array;
}

/** Likert and matrix items of the questionnaire with their analysed answers. */
export function scaleItems(definition: SurveyDefinition, numeric: Map<string, Float64Array>, rows: Int32Array): ScaleItem[] {
  const items: ScaleItem[] = [];
  for (const { name, question } of variablesOf(definition)) {
    if (question.type !== 'likert' && question.type !== 'matrix') continue;
    const item = question.type === 'matrix' ? question.items.find((i) => i.name === name)! : null;
    const reverse = item ? item.reverse : question.type === 'likert' && question.reverse;
    const source = numeric.get(name);
    const values = new Float64Array(rows.length);
    for (let i = 0; i < rows.length; i++) {
      const v = source ? source[rows[i]!]! : Number.NaN;
      values[i] = Number.isNaN(v) ? Number.NaN : reverse ? reverseCode(v, question.points) : v;
    }
    items.push({
      name,
      label: item ? item.label : question.label,
      dimension: item ? (item.dimension ?? question.dimension) : question.dimension,
      points: question.points,
      reverse,
      values,
    });
  }
  return items;
}

/** A score from answers on a 1..points scale (or respondent-level averages of such answers). */
export function scoreOf(values: Float64Array, points: number, weights: Float64Array, conversion: HundredPointMethod, categories: boolean): Score {
  const d = descriptive(values, { weights, ...(categories ? { categories: Array.from({ length: points }, (_, i) => i + 1) } : {}) });
  if (!d.ok) return { ok: false, reason: d.reason };
  const other: HundredPointMethod = conversion === 'ratio' ? 'range' : 'ratio';
  const hundred = new Float64Array(values.length);
  for (let i = 0; i < values.length; i++) hundred[i] = Number.isNaN(values[i]!) ? Number.NaN : toHundred(values[i]!, points, conversion);
  const top = categories ? topBoxShare(values, { points, boxes: 2, weights }) : null;
  const high = highSatisfactionShare(hundred, { weights });
  return {
    ok: true,
    n: d.n,
    nWeighted: d.nWeighted,
    missing: d.missing,
    mean: d.mean,
    sd: d.spread.ok ? d.spread.sd : null,
    median: d.median,
    score100: toHundred(d.mean, points, conversion),
    score100Other: toHundred(d.mean, points, other),
    top2: top?.ok ? top.share : null,
    high: high.ok ? high.share : null,
    distribution: categories ? d.distribution.map((x) => ({ value: x.value, count: x.count, share: x.share })) : [],
  };
}

/** Each respondent's mean over the items they answered; NaN when they answered fewer than half. */
export function rowMeans(columns: Float64Array[], n: number): Float64Array {
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let sum = 0;
    let count = 0;
    for (const column of columns) {
      const v = column[i]!;
      if (!Number.isNaN(v)) {
        sum += v;
        count++;
      }
    }
    out[i] = count > 0 && count * 2 >= columns.length ? sum / count : Number.NaN;
  }
  return out;
}

export interface DimensionScores {
  results: DimensionResult[];
  /** Respondent-level dimension scores (1..points), by dimension id. */
  perRespondent: Map<string, Float64Array>;
  /** Respondent-level overall index (weighted mean of dimension scores). */
  index: Float64Array;
  points: number;
}

export function dimensionScores(
  definition: SurveyDefinition,
  items: ScaleItem[],
  weights: Float64Array,
  conversion: HundredPointMethod,
): DimensionScores {
  const n = weights.length;
  const perRespondent = new Map<string, Float64Array>();
  const results: DimensionResult[] = [];
  const points = items[0]?.points ?? 5;
  for (const dimension of definition.dimensions) {
    const own = items.filter((i) => i.dimension === dimension.id);
    if (own.length === 0) continue;
    const scores = rowMeans(own.map((i) => i.values), n);
    perRespondent.set(dimension.id, scores);
    const alpha = own.length >= 2 ? cronbachAlpha(own.map((i) => i.values), { weights, names: own.map((i) => i.name) }) : null;
    const target = definition.targets.find((t) => t.metric === dimension.id);
    results.push({
      id: dimension.id,
      name: dimension.name,
      weight: dimension.weight,
      items: own.map((i) => i.name),
      score: scoreOf(scores, own[0]!.points, weights, conversion, false),
      alpha: !alpha
        ? { ok: false, reason: 'not_enough_items' }
        : alpha.ok
          ? { ok: true, alpha: alpha.alpha, ifDeleted: alpha.items.map((x) => ({ item: x.name, alpha: x.alphaIfDeleted, itemTotal: x.correctedItemTotal })) }
          : { ok: false, reason: alpha.reason },
      target: target ? { baseline: target.baseline, target: target.target } : null,
    });
  }
  const index = new Float64Array(n);
  const dims = results.map((r) => ({ weight: r.weight, scores: perRespondent.get(r.id)! }));
  for (let i = 0; i < n; i++) {
    let sum = 0;
    let total = 0;
    for (const d of dims) {
      const v = d.scores[i]!;
      if (!Number.isNaN(v) && d.weight > 0) {
        sum += v * d.weight;
        total += d.weight;
      }
    }
    index[i] = total > 0 ? sum / total : Number.NaN;
  }
  return { results, perRespondent, index, points };
}

export function itemResults(items: ScaleItem[], weights: Float64Array, conversion: HundredPointMethod): ItemResult[] {
  return items.map((item) => ({
    name: item.name,
    label: item.label,
    dimension: item.dimension,
    points: item.points,
    reverse: item.reverse,
    score: scoreOf(item.values, item.points, weights, conversion, true),
  }));
}
