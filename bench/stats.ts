/**
 * The statistics layer on a wave-sized data set: descriptive statistics of every item plus the
 * item correlation matrix, for 100,000 respondents × 20 Likert items (Float64Array columns,
 * NaN = no answer, as the analysis engine loads them). Reported as a ratio to simply summing
 * the same 2,000,000 numbers in the same run, so the figure compares across machines.
 * Target: descriptive + correlations under 1 s (the whole analysis has about a second).
 *
 * Scenarios: complete answers without weights (the fast listwise path), and 2% missing answers
 * with respondent weights (the pairwise path the engine takes for real waves).
 */
import { performance } from 'node:perf_hooks';
import { correlationMatrix } from '../main/analysis/stats/correlation';
import { descriptive } from '../main/analysis/stats/descriptive';

export interface StatsBenchScenario {
  label: string;
  sumMs: number;
  descriptiveMs: number;
  correlationMs: number;
  totalMs: number;
  /** totalMs / sumMs */
  ratio: number;
}

export interface StatsBench {
  respondents: number;
  items: number;
  scenarios: StatsBenchScenario[];
}

/** Deterministic Likert answers 1..5 correlated through a shared respondent tendency. */
function syntheticItems(respondents: number, items: number, missingShare: number): Float64Array[] {
  let state = 0x2545f491;
  const uniform = (): number => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 4294967296;
  };
  const tendency = Float64Array.from({ length: respondents }, () => uniform() * 2 - 1);
  return Array.from({ length: items }, () =>
    Float64Array.from(tendency, (t) => {
      if (uniform() < missingShare) return Number.NaN;
      return Math.min(5, Math.max(1, Math.round(3 + 1.5 * t + (uniform() * 2 - 1) * 1.2)));
    }),
  );
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
}

function timeMs(rounds: number, body: () => void): number {
  body(); // warm-up: JIT and allocation
  const times: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const start = performance.now();
    body();
    times.push(performance.now() - start);
  }
  return median(times);
}

function scenario(
  label: string,
  columns: Float64Array[],
  weights: Float64Array | undefined,
  rounds: number,
): StatsBenchScenario {
  let sink = 0;
  const sumMs = timeMs(rounds, () => {
    let total = 0;
    for (const column of columns) {
      for (let i = 0; i < column.length; i++) {
        const value = column[i] ?? 0;
        if (value === value) total += value; // skip NaN like the statistics do
      }
    }
    sink += total;
  });
  const options = weights ? { weights } : {};
  const descriptiveMs = timeMs(rounds, () => {
    for (const column of columns) {
      const result = descriptive(column, { ...options, categories: [1, 2, 3, 4, 5] });
      if (result.ok) sink += result.mean;
    }
  });
  const correlationMs = timeMs(rounds, () => {
    const result = correlationMatrix(columns, options);
    if (result.ok) sink += result.r[0]?.[1] ?? 0;
  });
  if (Number.isNaN(sink)) throw new Error('unreachable: keeps the work from being optimised away');
  const totalMs = descriptiveMs + correlationMs;
  return { label, sumMs, descriptiveMs, correlationMs, totalMs, ratio: totalMs / sumMs };
}

export function benchStats(respondents = 100_000, items = 20, rounds = 5): StatsBench {
  const complete = syntheticItems(respondents, items, 0);
  const withMissing = syntheticItems(respondents, items, 0.02);
  const weights = Float64Array.from({ length: respondents }, (_, i) => 0.5 + (i % 4) * 0.5);
  return {
    respondents,
    items,
    scenarios: [
      scenario('complete, unweighted', complete, undefined, rounds),
      scenario('2% missing, weighted', withMissing, weights, rounds),
    ],
  };
}

/** Prints the figures; true when every scenario stays under the 1 s target. */
export function reportStats(): boolean {
  const result = benchStats();
  let passed = true;
  for (const s of result.scenarios) {
    console.log(
      `stats ${result.respondents}x${result.items} ${s.label}: descriptive ${s.descriptiveMs.toFixed(1)} ms + correlations ${s.correlationMs.toFixed(1)} ms = ${s.totalMs.toFixed(1)} ms; sum ${s.sumMs.toFixed(2)} ms; ratio ${s.ratio.toFixed(1)}  target total <= 1000 ms`,
    );
    if (s.totalMs > 1000) passed = false;
  }
  return passed;
}

// Run directly (tsx bench/stats.ts), not when bench/run.ts imports it.
if (process.argv[1]?.endsWith('stats.ts')) reportStats();
