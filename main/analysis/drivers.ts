/**
 * Key drivers: how strongly each dimension (and item) goes with overall satisfaction (Pearson r,
 * standardized regression weights), the importance x performance matrix with the means as cross
 * lines, and the priority list: high importance and low performance first.
 */
import type { DriverResult, PriorityItem } from '../../shared/analysis';
import type { LocalizedText } from '../../shared/questionnaire/model';
import { pearson } from './stats/correlation';
import { standardizedRegression } from './stats/regression';

export interface DriverInput {
  id: string;
  kind: 'dimension' | 'item';
  label: LocalizedText;
  values: Float64Array;
  /** Performance on 100 points. */
  performance: number | null;
}

export function keyDrivers(
  target: Float64Array,
  inputs: DriverInput[],
  weights: Float64Array,
): { rSquared: number | null; list: DriverResult[]; priorities: PriorityItem[] } {
  const dimensions = inputs.filter((i) => i.kind === 'dimension');
  const regression = dimensions.length >= 2 ? standardizedRegression(target, dimensions.map((d) => d.values), { weights, names: dimensions.map((d) => d.id) }) : null;
  const betas = new Map(regression?.ok ? regression.coefficients.map((c) => [c.name, c.beta]) : []);
  const list: DriverResult[] = inputs.map((input) => {
    const r = pearson(input.values, target, { weights });
    return {
      id: input.id,
      kind: input.kind,
      label: input.label,
      importance: r.ok ? r.r : null,
      p: r.ok ? r.p : null,
      beta: betas.get(input.id) ?? null,
      performance: input.performance,
      quadrant: null,
    };
  });
  // Quadrants separately for dimensions and items: each set's own means are the cross lines.
  for (const kind of ['dimension', 'item'] as const) {
    const set = list.filter((d) => d.kind === kind && d.importance !== null && d.performance !== null);
    if (set.length < 2) continue;
    const meanImportance = set.reduce((s, d) => s + d.importance!, 0) / set.length;
    const meanPerformance = set.reduce((s, d) => s + d.performance!, 0) / set.length;
    for (const d of set) {
      const important = d.importance! >= meanImportance;
      const good = d.performance! >= meanPerformance;
      d.quadrant = important ? (good ? 'strength' : 'priority') : good ? 'maintain' : 'secondary';
    }
  }
  return { rSquared: regression?.ok ? regression.rSquared : null, list, priorities: priorityList(list) };
}

/**
 * Urgency = importance z-score minus performance z-score within each kind, so the list starts
 * with what matters most and scores worst. Items come after dimensions when tied.
 */
export function priorityList(drivers: DriverResult[]): PriorityItem[] {
  const out: Omit<PriorityItem, 'rank'>[] = [];
  for (const kind of ['dimension', 'item'] as const) {
    const set = drivers.filter((d) => d.kind === kind && d.importance !== null && d.performance !== null);
    if (set.length < 2) continue;
    const stats = (values: number[]) => {
      const m = values.reduce((a, b) => a + b, 0) / values.length;
      const sd = Math.sqrt(values.reduce((a, b) => a + (b - m) ** 2, 0) / (values.length - 1)) || 1;
      return { m, sd };
    };
    const imp = stats(set.map((d) => d.importance!));
    const perf = stats(set.map((d) => d.performance!));
    for (const d of set) {
      out.push({
        id: d.id,
        kind,
        label: d.label,
        importance: d.importance!,
        performance: d.performance!,
        urgency: (d.importance! - imp.m) / imp.sd - (d.performance! - perf.m) / perf.sd,
      });
    }
  }
  return out
    .sort((a, b) => (a.kind === b.kind ? b.urgency - a.urgency : a.kind === 'dimension' ? -1 : 1))
    .map((p, i) => ({ ...p, rank: i + 1 }));
}
