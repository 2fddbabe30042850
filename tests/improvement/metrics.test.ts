/**
 * Problems suggested by an analysis and the figures targets are measured on, from a hand-made
 * analysis result holding only what these functions read; every expected value worked out below.
 */
import { describe, expect, it } from 'vitest';
import { metricValue, suggestProblems } from '../../main/improvement/metrics';
import type { AnalysisResult } from '../../shared/analysis';

const stat = (score100: number, distribution: [number, number][]) => ({
  ok: true as const,
  score100,
  top2: distribution.filter(([v]) => v >= 4).reduce((s, [, share]) => s + share, 0),
  distribution: distribution.map(([value, share]) => ({ value, count: share * 100, share })),
});

// a1: bottom two boxes 0.1 + 0.1 = 20 %, top two 0.3 + 0.2 = 50 %.
// a2: bottom two 0.3 = 30 %, top two 0.7 = 70 %.
// Dimension A: dissatisfied (20 + 30) / 2 = 25 %, top-2-box (50 + 70) / 2 = 60 %.
const result = {
  index: { ok: true, score100: 70 },
  nps: { ok: true, nps: 12.5 },
  satisfaction: null,
  items: [
    {
      name: 'a1',
      dimension: 'A',
      points: 5,
      score: stat(66, [
        [1, 0.1],
        [2, 0.1],
        [3, 0.3],
        [4, 0.3],
        [5, 0.2],
      ]),
    },
    {
      name: 'a2',
      dimension: 'A',
      points: 5,
      score: stat(70, [
        [2, 0.3],
        [4, 0.7],
      ]),
    },
  ],
  dimensions: [
    {
      id: 'A',
      name: { en: 'Responsiveness' },
      items: ['a1', 'a2'],
      score: { ok: true, score100: 68 },
    },
  ],
  priorities: [
    {
      rank: 1,
      id: 'A',
      kind: 'dimension',
      label: { en: 'Responsiveness' },
      importance: 0.5,
      performance: 68,
      urgency: 1,
    },
    {
      rank: 2,
      id: 'a1',
      kind: 'item',
      label: { en: 'Replies fast' },
      importance: 0.2,
      performance: 66,
      urgency: 0.5,
    },
  ],
  texts: [
    {
      question: 'improve',
      themes: [
        {
          id: 'slow',
          label: { 'zh-CN': '响应慢', en: 'Slow' },
          dimension: 'A',
          count: 25,
          share: 0.25,
          quotes: ['太慢'],
          meanScore: 55,
          dissatisfiedShare: 0.6,
          responseIds: [],
        },
        {
          id: 'praise',
          label: { 'zh-CN': '表扬', en: 'Praise' },
          dimension: null,
          count: 30,
          share: 0.3,
          quotes: [],
          meanScore: 90,
          dissatisfiedShare: 0.05,
          responseIds: [],
        },
        {
          id: 'cost',
          label: { 'zh-CN': '价格高', en: 'Cost' },
          dimension: null,
          count: 10,
          share: 0.1,
          quotes: [],
          meanScore: 60,
          dissatisfiedShare: 0.4,
          responseIds: [],
        },
      ],
    },
  ],
} as unknown as AnalysisResult;

describe('figures an action is measured on', () => {
  it('reads the index, a dimension, an item, NPS and a top-2-box share', () => {
    expect(metricValue(result, { kind: 'index', ref: null })).toBe(70);
    expect(metricValue(result, { kind: 'dimension', ref: 'A' })).toBe(68);
    expect(metricValue(result, { kind: 'item', ref: 'a2' })).toBe(70);
    expect(metricValue(result, { kind: 'nps', ref: null })).toBe(12.5);
    expect(metricValue(result, { kind: 'top2', ref: 'A' })).toBeCloseTo(60, 10);
    expect(metricValue(result, { kind: 'top2', ref: 'a1' })).toBeCloseTo(50, 10);
    expect(metricValue(result, { kind: 'dimension', ref: 'missing' })).toBeNull();
  });
});

describe('problems suggested by an analysis', () => {
  // Thresholds for this test: urgent from 120, important from 60.
  const suggestions = suggestProblems(result, { urgentAt: 120, importantAt: 60 });

  it('takes the frequency of a priority entry from its dissatisfied share and its impact from importance and score', () => {
    // A: importance 0.5 above the median 0.2 → churn high (3); performance 68 < 70 → word of mouth high (3).
    // 25 % x 6 = 150 → urgent. Baseline: the dimension score 68.
    expect(suggestions.find((s) => s.sourceRef === 'dimension:A')).toMatchObject({
      frequency: 25,
      churnRisk: 3,
      wordOfMouth: 3,
      reason: { score: 150, priority: 'urgent' },
      metric: { kind: 'dimension', ref: 'A' },
      baseline: 68,
    });
    // a1: importance 0.2 not above the median → churn medium (2); 66 < 70 → high (3). 20 % x 5 = 100 → important.
    expect(suggestions.find((s) => s.sourceRef === 'item:a1')).toMatchObject({
      frequency: 20,
      churnRisk: 2,
      wordOfMouth: 3,
      reason: { score: 100, priority: 'important' },
      baseline: 66,
    });
  });

  it('suggests complaint themes with their frequency and leaves praise out', () => {
    // slow: 25 % of open answers, 60 % of them dissatisfied → word of mouth high: 25 x (2 + 3) = 125 → urgent.
    expect(suggestions.find((s) => s.sourceRef === 'improve:slow')).toMatchObject({
      source: 'theme',
      frequency: 25,
      reason: { score: 125, priority: 'urgent' },
      baseline: 68,
    });
    // cost: no dimension but 40 % dissatisfied: 10 x 4 = 40 → normal, no metric to target.
    expect(suggestions.find((s) => s.sourceRef === 'improve:cost')).toMatchObject({
      frequency: 10,
      reason: { score: 40, priority: 'normal' },
      metric: null,
      baseline: null,
    });
    expect(suggestions.some((s) => s.sourceRef === 'improve:praise')).toBe(false);
  });

  it('lists the highest score first', () => {
    expect(suggestions.map((s) => s.sourceRef)).toEqual([
      'dimension:A',
      'improve:slow',
      'item:a1',
      'improve:cost',
    ]);
  });
});
