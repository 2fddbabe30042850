/**
 * The reproducible draw (pure): within each stratum, simple random sampling without replacement
 * of the customers not included with certainty, with a PRNG seeded from the user's seed and the
 * stratum's key, so one stratum's draw does not change when another stratum changes. Design
 * weights are inverse inclusion probabilities: each stratum's weights sum to its population.
 */
import { seededRandom } from '../analysis/random';
import type { SampleDesign, SamplePlan, SamplingDefaults } from '../../shared/sampling';
import { groupStrata, type SamplingUnit } from './plan';

/** One drawn customer. */
export interface DrawnMember {
  customerId: string;
  stratum: string;
  inclusionProbability: number;
  weight: number;
  certain: boolean;
}

export interface DrawResult {
  plan: SamplePlan;
  members: DrawnMember[];
}

/** FNV-1a over the seed and the stratum key: a 32-bit seed per stratum. */
export function stratumSeed(seed: number, key: string): number {
  let hash = 0x811c9dc5;
  for (const ch of `${seed >>> 0}:${key}`) {
    const code = ch.codePointAt(0)!;
    hash ^= code & 0xffff;
    hash = Math.imul(hash, 0x01000193);
    if (code > 0xffff) {
      hash ^= code >>> 16;
      hash = Math.imul(hash, 0x01000193);
    }
  }
  return hash >>> 0;
}

/** Picks `count` of `items` at random (a partial Fisher-Yates shuffle); the input is not changed. */
export function pickWithoutReplacement<T>(
  items: readonly T[],
  count: number,
  next: () => number,
): T[] {
  const pool = [...items];
  const take = Math.min(count, pool.length);
  for (let i = 0; i < take; i++) {
    const j = i + Math.floor(next() * (pool.length - i));
    [pool[i], pool[j]] = [pool[j]!, pool[i]!];
  }
  return pool.slice(0, take);
}

export function drawSample(
  units: readonly SamplingUnit[],
  design: SampleDesign,
  defaults: SamplingDefaults,
  seed: number,
): DrawResult {
  const { groups, unknownIncludes } = groupStrata(units, design, defaults);
  const members: DrawnMember[] = [];
  for (const { stratum, certain, others } of groups) {
    for (const unit of certain) {
      members.push({
        customerId: unit.id,
        stratum: stratum.key,
        inclusionProbability: 1,
        weight: 1,
        certain: true,
      });
    }
    const draws = stratum.sampleSize - stratum.certain;
    if (draws <= 0) continue;
    const random = seededRandom(stratumSeed(seed, stratum.key));
    const probability = draws / others.length;
    for (const unit of pickWithoutReplacement(others, draws, random.next)) {
      members.push({
        customerId: unit.id,
        stratum: stratum.key,
        inclusionProbability: probability,
        // Computed as a ratio, not 1/probability, so the stratum's weights add up to N exactly.
        weight: others.length / draws,
        certain: false,
      });
    }
  }
  const strata = groups.map((g) => g.stratum);
  return {
    plan: {
      design,
      strata,
      population: strata.reduce((sum, s) => sum + s.population, 0),
      sampleSize: members.length,
      unknownIncludes,
    },
    members,
  };
}
