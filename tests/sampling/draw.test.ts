/**
 * The draw: reproducible from its seed, always-include members present with certainty, and
 * design weights equal to inverse inclusion probabilities that sum to each stratum's size.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_SAMPLING, sampleDesign } from '../../shared/sampling';
import { drawSample, pickWithoutReplacement, stratumSeed } from '../../main/sampling/draw';
import type { SamplingUnit } from '../../main/sampling/plan';
import { seededRandom } from '../../main/analysis/random';

function register(spec: Record<string, number>): SamplingUnit[] {
  const units: SamplingUnit[] = [];
  for (const [type, count] of Object.entries(spec)) {
    for (let i = 0; i < count; i++) {
      const n = String(units.length + 1).padStart(5, '0');
      units.push({ id: `id-${n}`, code: `C${n}`, values: { type } });
    }
  }
  return units;
}

const byType = sampleDesign.parse({ strata: ['type'] });
const ids = (members: { customerId: string }[]) => members.map((m) => m.customerId).sort();

describe('drawSample', () => {
  const units = register({ A: 250, B: 100, C: 99 });

  it('draws the same customers from the same seed', () => {
    const first = drawSample(units, byType, DEFAULT_SAMPLING, 20261123);
    const again = drawSample(units, byType, DEFAULT_SAMPLING, 20261123);
    expect(ids(again.members)).toEqual(ids(first.members));
  });

  it('draws the same sample whatever order the register arrives in', () => {
    const first = drawSample(units, byType, DEFAULT_SAMPLING, 7);
    const reversed = drawSample([...units].reverse(), byType, DEFAULT_SAMPLING, 7);
    expect(ids(reversed.members)).toEqual(ids(first.members));
  });

  it('draws a different sample from a different seed', () => {
    const first = ids(drawSample(units, byType, DEFAULT_SAMPLING, 1).members);
    const second = ids(drawSample(units, byType, DEFAULT_SAMPLING, 2).members);
    expect(second).not.toEqual(first);
    // Same sizes, though: 75 + 30 + 99.
    expect(second).toHaveLength(204);
  });

  it('draws the planned number per stratum, without duplicates', () => {
    const { members } = drawSample(units, byType, DEFAULT_SAMPLING, 42);
    const count = (key: string) => members.filter((m) => m.stratum === key).length;
    expect([count('A'), count('B'), count('C')]).toEqual([75, 30, 99]);
    expect(new Set(members.map((m) => m.customerId)).size).toBe(members.length);
  });

  it('keeps a stratum draw unchanged when another stratum changes', () => {
    const before = drawSample(units, byType, DEFAULT_SAMPLING, 9).members.filter(
      (m) => m.stratum === 'A',
    );
    const grown = drawSample(register({ A: 250, B: 140, C: 99 }), byType, DEFAULT_SAMPLING, 9);
    expect(ids(grown.members.filter((m) => m.stratum === 'A'))).toEqual(ids(before));
  });

  it('includes always-include customers with probability 1 and weight 1', () => {
    const design = sampleDesign.parse({
      strata: ['type'],
      alwaysInclude: ['C00001', 'C00002', 'C00003', 'C00004', 'C00005'],
    });
    for (const seed of [1, 2, 3]) {
      const { members } = drawSample(units, design, DEFAULT_SAMPLING, seed);
      const certain = members.filter((m) => m.certain);
      expect(ids(certain)).toEqual(['id-00001', 'id-00002', 'id-00003', 'id-00004', 'id-00005']);
      for (const m of certain) expect([m.inclusionProbability, m.weight]).toEqual([1, 1]);
    }
  });

  it('weights drawn members by the inverse inclusion probability: stratum A of 250 with 5 certain', () => {
    const design = sampleDesign.parse({
      strata: ['type'],
      alwaysInclude: ['C00001', 'C00002', 'C00003', 'C00004', 'C00005'],
    });
    const a = drawSample(units, design, DEFAULT_SAMPLING, 11).members.filter(
      (m) => m.stratum === 'A',
    );
    const drawn = a.filter((m) => !m.certain);
    // n = ceil(0.3 x 250) = 75, of which 5 certain: 70 drawn from the other 245.
    // pi = 70 / 245 = 2 / 7; weight = 245 / 70 = 3.5. Sum: 5 x 1 + 70 x 3.5 = 250 = N.
    expect(drawn).toHaveLength(70);
    for (const m of drawn) {
      expect(m.inclusionProbability).toBeCloseTo(2 / 7, 12);
      expect(m.weight).toBe(3.5);
      expect(m.weight * m.inclusionProbability).toBeCloseTo(1, 12);
    }
    expect(a.reduce((sum, m) => sum + m.weight, 0)).toBeCloseTo(250, 9);
  });

  it('makes the weights of every stratum sum to its population: 250, 100 and 99', () => {
    const { members } = drawSample(units, byType, DEFAULT_SAMPLING, 5);
    const sum = (key: string) =>
      members.filter((m) => m.stratum === key).reduce((s, m) => s + m.weight, 0);
    // A: 75 x 250/75; B: 30 x 100/30; C: 99 x 1.
    expect(sum('A')).toBeCloseTo(250, 9);
    expect(sum('B')).toBeCloseTo(100, 9);
    expect(sum('C')).toBe(99);
    expect(members.find((m) => m.stratum === 'B')!.weight).toBeCloseTo(10 / 3, 12);
  });
});

describe('pickWithoutReplacement', () => {
  it('picks each item with the same chance: 3 of 6 over 6,000 draws, each about half the time', () => {
    const random = seededRandom(123);
    const hits = new Map<number, number>();
    for (let i = 0; i < 6000; i++) {
      for (const item of pickWithoutReplacement([1, 2, 3, 4, 5, 6], 3, random.next)) {
        hits.set(item, (hits.get(item) ?? 0) + 1);
      }
    }
    // Expected 3,000 each; the binomial sd is sqrt(6000 x 0.5 x 0.5) = 38.7, so +-200 is > 5 sd.
    for (const item of [1, 2, 3, 4, 5, 6])
      expect(Math.abs(hits.get(item)! - 3000)).toBeLessThan(200);
  });

  it('derives different stratum seeds for different strata and seeds', () => {
    expect(stratumSeed(1, 'A')).not.toBe(stratumSeed(1, 'B'));
    expect(stratumSeed(1, 'A')).not.toBe(stratumSeed(2, 'A'));
    expect(stratumSeed(1, '华东')).toBe(stratumSeed(1, '华东'));
  });
});
