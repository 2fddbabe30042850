/**
 * The engine on six hand-made respondents, every expected value worked out by hand in the
 * comments (not taken from the engine's own output).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { analysisRequest, type AnalysisResult } from '../../shared/analysis';
import { definitionSchema } from '../../shared/questionnaire/model';
import type { QualityFlag } from '../../shared/responses';
import { ATTRIBUTES, type Dataset } from '../../main/analysis/dataset';
import { analyse } from '../../main/analysis/engine';
import { loadSegmenter } from '../../main/analysis/text';

const q = (name: string, extra: Record<string, unknown>) => ({
  id: name,
  name,
  label: { en: name },
  hint: {},
  required: false,
  relevant: '',
  constraint: '',
  constraintMessage: {},
  dimension: null,
  weight: 1,
  personal: false,
  ...extra,
});

const definition = definitionSchema.parse({
  formatVersion: 1,
  title: { en: 'Hand-made' },
  languages: ['en'],
  defaultLanguage: 'en',
  dimensions: [
    { id: 'A', name: { en: 'A' }, weight: 2 },
    { id: 'B', name: { en: 'B' }, weight: 1 },
  ],
  pages: [
    {
      id: 'p1',
      title: { en: 'p1' },
      relevant: '',
      questions: [
        q('a1', { type: 'likert', points: 5, dimension: 'A' }),
        q('a2', { type: 'likert', points: 5, dimension: 'A' }),
        q('b1', { type: 'likert', points: 5, dimension: 'B', reverse: true }),
        q('overall', { type: 'likert', points: 5 }),
        q('nps', { type: 'nps' }),
        q('improve', { type: 'text', multiline: true }),
        q('pick', {
          type: 'single',
          choices: [
            { value: 'x', label: { en: 'X' } },
            { value: 'y', label: { en: 'Y' } },
          ],
        }),
      ],
    },
  ],
});

const tooFast = (keep: boolean | null): QualityFlag => ({
  rule: 'too_fast',
  detail: { seconds: 50, limit: 120 },
  override:
    keep === null ? null : { keep, by: 'reviewer', at: '2026-01-01T00:00:00Z', comment: 'checked' },
});

//            r0        r1        r2 (too fast)  r3 (kept)  r4 (in progress)  r5
const a1 = [5, 3, 5, 4, 2, 1];
const a2 = [4, 3, 5, 2, 2, 2];
const b1 = [2, 4, 5, 1, 3, 5]; // reverse-coded: 6 - b1
const overall = [5, 3, 5, 4, 3, 1];
const nps = [10, 7, 10, 9, 5, 0];
const text = ['响应太慢', 'great service, keep it up', '好', null, null, '电话很难打通'];
const pick = ['x', 'y', 'x', 'x', 'y', 'y'];
const types = ['新客户', '老客户', '新客户', '新客户', '老客户', '老客户'];

function dataset(): Dataset {
  const n = 6;
  const attributes = Object.fromEntries(
    ATTRIBUTES.map((a) => [a, new Array<string | null>(n).fill(null)]),
  ) as Dataset['attributes'];
  attributes.type = types;
  attributes.wave = new Array<string>(n).fill('W1');
  return {
    n,
    ids: ['r0', 'r1', 'r2', 'r3', 'r4', 'r5'],
    waveIds: new Array<string>(n).fill('w1'),
    startedAt: new Array<string>(n).fill('2026-01-01T00:00:00Z'),
    attributes,
    // Imported attributes: a store (r0, r3 at 东区; r1, r5 at 西区; r2 analysed out) and an id.
    custom: new Map([
      ['门店', ['东区', '西区', '东区', '东区', null, '西区']],
      ['ref', ['A1', 'A2', 'A3', 'A4', 'A5', 'A6']],
    ]),
    flags: [[], [], [tooFast(null)], [tooFast(true)], [], []],
    statuses: ['complete', 'complete', 'complete', 'complete', 'in_progress', 'complete'],
    weights: new Float64Array(n).fill(1),
    numeric: new Map([
      ['a1', Float64Array.from(a1)],
      ['a2', Float64Array.from(a2)],
      ['b1', Float64Array.from(b1)],
      ['overall', Float64Array.from(overall)],
      ['nps', Float64Array.from(nps)],
    ]),
    choices: new Map([['pick', pick]]),
    texts: new Map([['improve', text]]),
    waves: [{ id: 'w1', name: 'W1', startsOn: null }],
  };
}

let result: AnalysisResult;
beforeAll(async () => {
  const request = analysisRequest.parse({ surveyId: '00000000-0000-4000-8000-000000000000' });
  result = await analyse(definition, 1, dataset(), request, { segment: await loadSegmenter() });
});

describe('the analysis engine on hand-made data', () => {
  it('analyses complete responses without a standing flag, and counts the excluded by rule', () => {
    // r4 is in progress; r2 is too fast; r3 is too fast but a reviewer kept it.
    expect(result.cleaning).toMatchObject({
      total: 6,
      incomplete: 1,
      excluded: 1,
      excludedByRule: { too_fast: 1 },
      analysed: 4,
    });
  });

  it('scores an item: mean, sample sd, top-2 box, 100-point conversions', () => {
    // a1 of r0, r1, r3, r5 = 5, 3, 4, 1: mean 3.25; squared deviations 3.0625 + 0.0625 + 0.5625 + 5.0625 = 8.75; sd = sqrt(8.75 / 3).
    const item = result.items.find((i) => i.name === 'a1')!.score;
    if (!item.ok) throw new Error(item.reason);
    expect(item.mean).toBe(3.25);
    expect(item.sd).toBeCloseTo(Math.sqrt(8.75 / 3), 12);
    expect(item.top2).toBe(0.5); // 5 and 4
    expect(item.score100).toBe(65); // 3.25 / 5 x 100
    expect(item.score100Other).toBeCloseTo(56.25, 12); // (3.25 - 1) / 4 x 100
    expect(item.distribution.map((d) => d.count)).toEqual([1, 0, 1, 1, 1]);
  });

  it('reverse-codes before scoring a dimension', () => {
    // B = 6 - b1 = 4, 2, 5, 1: mean 3 -> 60 points.
    const b = result.dimensions.find((d) => d.id === 'B')!.score;
    expect(b.ok && b.mean).toBe(3);
    expect(result.items.find((i) => i.name === 'b1')!.reverse).toBe(true);
  });

  it('makes the index the weighted mean of respondent dimension scores', () => {
    // A per respondent: 4.5, 3, 3, 1.5; index = (2A + B) / 3 = 13/3, 8/3, 11/3, 4/3: mean 3 -> 60.
    const a = result.dimensions.find((d) => d.id === 'A')!.score;
    expect(a.ok && a.mean).toBe(3);
    if (!result.index.ok) throw new Error(result.index.reason);
    expect(result.index.mean).toBeCloseTo(3, 12);
    expect(result.index.score100).toBeCloseTo(60, 12);
  });

  it('computes NPS from promoters minus detractors', () => {
    // 10, 7, 9, 0: promoters 2, passive 1, detractor 1 -> 50 % - 25 % = 25.
    expect(result.nps).toMatchObject({
      ok: true,
      promoters: 2,
      passives: 1,
      detractors: 1,
      nps: 25,
    });
  });

  it('compares two segments with Welch t on 100-point index scores', () => {
    // 新客户: 86.667, 73.333 (mean 80, s² 88.889); 老客户: 53.333, 26.667 (mean 40, s² 355.556).
    // t = 40 / sqrt(88.889/2 + 355.556/2) = 2.683282; df = 222.222² / (44.444² + 177.778²) = 25/17.
    const type = result.segments.find((s) => s.attribute === 'type')!;
    expect(type.groups.map((g) => [g.value, g.n, Number(g.mean!.toFixed(6))])).toEqual([
      ['新客户', 2, 80],
      ['老客户', 2, 40],
    ]);
    if (type.test.kind !== 'welch') throw new Error(type.test.kind);
    expect(Math.abs(type.test.t)).toBeCloseTo(40 / Math.sqrt(2000 / 9), 6);
    expect(type.test.df).toBeCloseTo(25 / 17, 6);
    expect(type.smallGroups).toEqual(['新客户', '老客户']);
  });

  it('compares the groups of an imported attribute the same way (attr:<name>)', () => {
    // 东区 = r0, r3 and 西区 = r1, r5: the same respondents as 新客户 and 老客户 above, so the
    // same hand-computed figures: means 80 and 40, t = 40 / sqrt(2000/9), df = 25/17.
    const store = result.segments.find((s) => s.attribute === 'attr:门店')!;
    expect(store.groups.map((g) => [g.value, g.n, Number(g.mean!.toFixed(6))])).toEqual([
      ['东区', 2, 80],
      ['西区', 2, 40],
    ]);
    if (store.test.kind !== 'welch') throw new Error(store.test.kind);
    expect(Math.abs(store.test.t)).toBeCloseTo(40 / Math.sqrt(2000 / 9), 6);
    expect(store.test.df).toBeCloseTo(25 / 17, 6);
    expect(result.attributeValues['attr:门店']).toEqual(['东区', '西区']);
    // An identifier (a different value for each respondent) is neither compared nor a filter.
    expect(result.segments.some((s) => s.attribute === 'attr:ref')).toBe(false);
    expect(result.attributeValues['attr:ref']).toBeUndefined();
  });

  it('cross-tabulates a choice question by segment', () => {
    const pick = result.crosstabs.find((c) => c.question === 'pick')!;
    expect(pick.groups).toEqual([
      { value: '新客户', n: 2, counts: [2, 0] },
      { value: '老客户', n: 2, counts: [0, 2] },
    ]);
  });

  it('counts themes in open answers with the satisfaction of those who raised them', () => {
    // Answered: r0 '响应太慢', r1 'great service...', r5 '电话很难打通'. Slow response: r0 (overall 5) and r5 (overall 1).
    const improve = result.texts.find((t) => t.question === 'improve')!;
    expect(improve.answered).toBe(3);
    const slow = improve.themes.find((t) => t.id === 'slow_response')!;
    expect(slow).toMatchObject({ count: 2, meanScore: 3, dissatisfiedShare: 0.5 });
    expect(slow.responseIds).toEqual(['r0', 'r5']);
  });
});

describe('key drivers', () => {
  it('never lists the satisfaction item as a driver of itself', () => {
    expect(result.drivers.target).toBe('overall');
    expect(result.drivers.list.map((d) => d.id)).not.toContain('overall');
    expect(result.priorities.map((p) => p.id)).not.toContain('overall');
  });
});
