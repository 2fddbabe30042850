/**
 * The sampling plan (pure): customers grouped into strata by the chosen attributes, and each
 * stratum's sample size by the chosen rule (DOMAIN.md "Planning": a base of 100 or more -> at
 * least 30 %; a smaller base -> everyone, or at least 50). Always-include customers (strategic
 * accounts) are taken with certainty and count towards their stratum's size.
 */
import type {
  PlanStratum,
  SampleDesign,
  SamplePlan,
  SamplingDefaults,
  StratumAttribute,
  StratumBasis,
  StratumOverride,
} from '../../shared/sampling';

/** A customer as sampling sees it: an id, a code, and the values it can be stratified by. */
export interface SamplingUnit {
  id: string;
  code: string | null;
  values: Partial<Record<StratumAttribute, string | null>>;
}

/** What a missing attribute value is shown as in a stratum key. */
export const MISSING_VALUE = '—';

/** A stratum with its members, in a stable order (by id), for the draw. */
export interface StratumGroup {
  stratum: PlanStratum;
  certain: SamplingUnit[];
  others: SamplingUnit[];
}

export function stratumKey(unit: SamplingUnit, strata: readonly StratumAttribute[]): string {
  if (strata.length === 0) return '*';
  return strata.map((attribute) => unit.values[attribute] || MISSING_VALUE).join(' | ');
}

/**
 * The sample size of a stratum of `population` customers, `certain` of them always included.
 * Fractions round up: 30 % of 101 customers is 31, never 30.
 */
export function stratumSampleSize(
  population: number,
  certain: number,
  rule: SampleDesign['rule'] | StratumOverride,
  defaults: SamplingDefaults,
): { size: number; basis: StratumBasis } {
  let size: number;
  let basis: StratumBasis;
  if (rule.kind === 'all') {
    size = population;
    basis = 'allChosen';
  } else if (rule.kind === 'fixedSize') {
    size = Math.min(rule.size, population);
    basis = 'fixedSize';
  } else if (rule.kind === 'fixedFraction') {
    size = Math.min(population, roundUp(rule.fraction * population));
    basis = 'fixedFraction';
  } else if (population >= defaults.minBase) {
    size = Math.min(population, roundUp(defaults.minFraction * population));
    basis = 'fraction';
  } else if ((rule.smallStratum ?? defaults.smallStratum) === 'all') {
    size = population;
    basis = 'all';
  } else {
    size = Math.min(population, defaults.smallMin);
    basis = 'atLeast';
  }
  if (certain > size) return { size: certain, basis: 'certainOnly' };
  return { size, basis };
}

// 0.3 * 250 is 75.00000000000001 in floating point; it must stay 75.
function roundUp(value: number): number {
  return Math.ceil(value - 1e-9);
}

/** Groups the customers into strata and sizes each one; the plan is what `drawSample` draws. */
export function groupStrata(
  units: readonly SamplingUnit[],
  design: SampleDesign,
  defaults: SamplingDefaults,
): { groups: StratumGroup[]; unknownIncludes: string[] } {
  const wanted = new Set(design.alwaysInclude);
  const matched = new Set<string>();
  const byKey = new Map<
    string,
    { values: PlanStratum['values']; certain: SamplingUnit[]; others: SamplingUnit[] }
  >();
  for (const unit of [...units].sort((a, b) => compare(a.id, b.id))) {
    const key = stratumKey(unit, design.strata);
    let entry = byKey.get(key);
    if (!entry) {
      const values: PlanStratum['values'] = {};
      for (const attribute of design.strata)
        values[attribute] = unit.values[attribute] || MISSING_VALUE;
      entry = { values, certain: [], others: [] };
      byKey.set(key, entry);
    }
    const byId = wanted.has(unit.id);
    const byCode = unit.code !== null && wanted.has(unit.code);
    if (byId) matched.add(unit.id);
    if (byCode) matched.add(unit.code!);
    (byId || byCode ? entry.certain : entry.others).push(unit);
  }
  const groups = [...byKey.entries()]
    .sort(([a], [b]) => compare(a, b))
    .map(([key, entry]): StratumGroup => {
      const population = entry.certain.length + entry.others.length;
      const certain = entry.certain.length;
      const override = Object.hasOwn(design.overrides, key) ? design.overrides[key] : undefined;
      const sized = stratumSampleSize(population, certain, override ?? design.rule, defaults);
      const { size } = sized;
      // A chosen size is labelled as chosen for this stratum, unless always-include raised it.
      const basis =
        override?.kind === 'fixedSize' && sized.basis === 'fixedSize' ? 'sizeChosen' : sized.basis;
      return {
        stratum: {
          key,
          values: entry.values,
          population,
          certain,
          sampleSize: size,
          fraction: population === 0 ? 0 : size / population,
          weight: size > certain ? (population - certain) / (size - certain) : null,
          basis,
        },
        certain: entry.certain,
        others: entry.others,
      };
    });
  return { groups, unknownIncludes: design.alwaysInclude.filter((v) => !matched.has(v)) };
}

export function planSample(
  units: readonly SamplingUnit[],
  design: SampleDesign,
  defaults: SamplingDefaults,
): SamplePlan {
  const { groups, unknownIncludes } = groupStrata(units, design, defaults);
  const strata = groups.map((g) => g.stratum);
  return {
    design,
    strata,
    population: strata.reduce((sum, s) => sum + s.population, 0),
    sampleSize: strata.reduce((sum, s) => sum + s.sampleSize, 0),
    unknownIncludes,
  };
}

// Code-point order, independent of the machine's locale, so a seed draws the same everywhere.
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
