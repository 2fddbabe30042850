/**
 * The sampling plan: stratum sizes follow DOMAIN.md's rule (base >= 100 -> at least 30 %; a
 * smaller base -> everyone, or at least 50) and the fixed rules, on crafted populations. Every
 * expected size is worked out by hand in the comments.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_SAMPLING, sampleDesign, type SampleDesignInput } from '../../shared/sampling';
import { planSample, stratumSampleSize, type SamplingUnit } from '../../main/sampling/plan';

const domain = { kind: 'domain' } as const;

function population(spec: Record<string, number>): SamplingUnit[] {
  const units: SamplingUnit[] = [];
  for (const [type, count] of Object.entries(spec)) {
    for (let i = 0; i < count; i++) {
      const n = String(units.length + 1).padStart(5, '0');
      units.push({
        id: `id-${n}`,
        code: `C${n}`,
        values: { type, region: i % 2 ? '华东' : '华南' },
      });
    }
  }
  return units;
}

const design = (input: SampleDesignInput) => sampleDesign.parse(input);

describe('stratumSampleSize', () => {
  it('samples 30 % of a stratum of exactly 100 customers: 30', () => {
    expect(stratumSampleSize(100, 0, domain, DEFAULT_SAMPLING)).toEqual({
      size: 30,
      basis: 'fraction',
    });
  });

  it('samples 75 of 250 (250 x 0.3 = 75, not 76 from floating-point noise)', () => {
    expect(stratumSampleSize(250, 0, domain, DEFAULT_SAMPLING).size).toBe(75);
  });

  it('rounds a fraction up: 30 % of 101 is 30.3, so 31 customers', () => {
    expect(stratumSampleSize(101, 0, domain, DEFAULT_SAMPLING).size).toBe(31);
  });

  it('surveys everyone in a stratum of 99 by default', () => {
    expect(stratumSampleSize(99, 0, domain, DEFAULT_SAMPLING)).toEqual({ size: 99, basis: 'all' });
  });

  it('takes at least 50 of 99 when the user chose "at least 50" for small strata', () => {
    const rule = { kind: 'domain', smallStratum: 'atLeast' } as const;
    expect(stratumSampleSize(99, 0, rule, DEFAULT_SAMPLING)).toEqual({
      size: 50,
      basis: 'atLeast',
    });
  });

  it('takes all 40 of a stratum smaller than 50 even under "at least 50"', () => {
    const rule = { kind: 'domain', smallStratum: 'atLeast' } as const;
    expect(stratumSampleSize(40, 0, rule, DEFAULT_SAMPLING).size).toBe(40);
  });

  it('follows changed defaults: base 200 and 40 % make 150 customers a small stratum, 200 give 80', () => {
    const defaults = { ...DEFAULT_SAMPLING, minBase: 200, minFraction: 0.4 };
    expect(stratumSampleSize(150, 0, domain, defaults)).toEqual({ size: 150, basis: 'all' });
    expect(stratumSampleSize(200, 0, domain, defaults)).toEqual({ size: 80, basis: 'fraction' });
  });

  it('caps a fixed size at the stratum size: 20 wanted of 15 -> 15', () => {
    expect(stratumSampleSize(15, 0, { kind: 'fixedSize', size: 20 }, DEFAULT_SAMPLING).size).toBe(
      15,
    );
    expect(stratumSampleSize(300, 0, { kind: 'fixedSize', size: 20 }, DEFAULT_SAMPLING).size).toBe(
      20,
    );
  });

  it('rounds a fixed fraction up: 10 % of 95 is 9.5 -> 10; of 250 -> 25', () => {
    const rule = { kind: 'fixedFraction', fraction: 0.1 } as const;
    expect(stratumSampleSize(95, 0, rule, DEFAULT_SAMPLING).size).toBe(10);
    expect(stratumSampleSize(250, 0, rule, DEFAULT_SAMPLING).size).toBe(25);
  });

  it('raises the size to the always-include members when they outnumber it: 40 strategic of 100 -> 40', () => {
    expect(stratumSampleSize(100, 40, domain, DEFAULT_SAMPLING)).toEqual({
      size: 40,
      basis: 'certainOnly',
    });
  });
});

describe('planSample', () => {
  it('sizes each stratum of a crafted register: 250 -> 75, 100 -> 30, 99 -> 99 (total 204 of 449)', () => {
    const plan = planSample(
      population({ 新客户: 250, 老客户: 100, 高价值客户: 99 }),
      design({ strata: ['type'] }),
      DEFAULT_SAMPLING,
    );
    const sizes = Object.fromEntries(
      plan.strata.map((s) => [s.key, [s.population, s.sampleSize, s.basis]]),
    );
    expect(sizes).toEqual({
      新客户: [250, 75, 'fraction'],
      老客户: [100, 30, 'fraction'],
      高价值客户: [99, 99, 'all'],
    });
    expect(plan.population).toBe(449);
    expect(plan.sampleSize).toBe(204);
  });

  it('shows the weight of a drawn member per stratum: 250 / 75 = 3.333..., 99 / 99 = 1', () => {
    const plan = planSample(
      population({ A: 250, B: 99 }),
      design({ strata: ['type'] }),
      DEFAULT_SAMPLING,
    );
    expect(plan.strata[0]!.weight).toBeCloseTo(10 / 3, 12);
    expect(plan.strata[0]!.fraction).toBeCloseTo(0.3, 12);
    expect(plan.strata[1]!.weight).toBe(1);
  });

  it('crosses two attributes into strata: type x region, 100 A-customers split 50/50 by region', () => {
    const plan = planSample(
      population({ A: 100 }),
      design({ strata: ['type', 'region'] }),
      DEFAULT_SAMPLING,
    );
    expect(plan.strata.map((s) => [s.key, s.population, s.sampleSize])).toEqual([
      // Each half has fewer than 100 customers, so everyone in both is surveyed.
      ['A | 华东', 50, 50],
      ['A | 华南', 50, 50],
    ]);
    expect(plan.strata[0]!.values).toEqual({ type: 'A', region: '华东' });
  });

  it('puts customers without the attribute in their own stratum "—"', () => {
    const units: SamplingUnit[] = [
      { id: 'a', code: null, values: { region: '华北' } },
      { id: 'b', code: null, values: { region: null } },
      { id: 'c', code: null, values: {} },
    ];
    const plan = planSample(units, design({ strata: ['region'] }), DEFAULT_SAMPLING);
    expect(plan.strata.map((s) => [s.key, s.population])).toEqual([
      ['—', 2],
      ['华北', 1],
    ]);
  });

  it('treats the whole register as one stratum when no attribute is chosen', () => {
    const plan = planSample(population({ A: 150, B: 50 }), design({}), DEFAULT_SAMPLING);
    // 200 customers >= 100 -> 30 % = 60.
    expect(plan.strata.map((s) => [s.key, s.population, s.sampleSize])).toEqual([['*', 200, 60]]);
  });

  it('counts always-include customers (by code or id) in their stratum and lists unknown codes', () => {
    const units = population({ A: 250 });
    const plan = planSample(
      units,
      design({ strata: ['type'], alwaysInclude: ['C00001', 'id-00002', 'C99999'] }),
      DEFAULT_SAMPLING,
    );
    const stratum = plan.strata[0]!;
    expect(stratum.certain).toBe(2);
    expect(stratum.sampleSize).toBe(75);
    // 73 drawn from the other 248: weight 248 / 73.
    expect(stratum.weight).toBeCloseTo(248 / 73, 12);
    expect(plan.unknownIncludes).toEqual(['C99999']);
  });

  it('applies a stratum’s own rule: everyone of 250 high-value, 20 of 99 new, the general rule elsewhere', () => {
    const units = population({ 高价值客户: 250, 新客户: 99, 老客户: 100 });
    const plan = planSample(
      units,
      design({
        strata: ['type'],
        overrides: {
          高价值客户: { kind: 'all' },
          新客户: { kind: 'fixedSize', size: 20 },
          不存在: { kind: 'all' },
        },
      }),
      DEFAULT_SAMPLING,
    );
    expect(plan.strata.map((s) => [s.key, s.sampleSize, s.basis, s.weight])).toEqual([
      ['新客户', 20, 'sizeChosen', 99 / 20],
      ['老客户', 30, 'fraction', 100 / 30],
      ['高价值客户', 250, 'allChosen', 1],
    ]);
    // 20 + 30 + 250; the override for a stratum that does not exist changes nothing.
    expect(plan.sampleSize).toBe(300);
  });

  it('never takes a stratum key like "constructor" for an override', () => {
    const units: SamplingUnit[] = [{ id: 'a', code: null, values: { type: 'constructor' } }];
    const plan = planSample(units, design({ strata: ['type'] }), DEFAULT_SAMPLING);
    expect(plan.strata[0]).toMatchObject({ key: 'constructor', sampleSize: 1, basis: 'all' });
  });
});
