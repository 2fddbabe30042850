/**
 * The pure part of double entry and typist statistics: comparing two passes answer by answer,
 * and summing each typist's card statistics into rates. Data in, result out.
 */
import type {
  EntryPass,
  OperatorStats,
  PaperEntryStats,
  PaperMismatch,
} from '../../shared/api/paper';
import type { AnswerValue, Answers } from '../../shared/questionnaire/runtime';

/** Card numbers in numeric order ("9" before "10"). */
export function byCardNo(a: string, b: string): number {
  return Number(a) - Number(b) || a.localeCompare(b);
}

/** Equal answers compare equal however they were keyed: choice lists in any order, "" as none. */
export function normalized(value: AnswerValue | undefined): string {
  if (value === undefined || value === null || value === '') return 'null';
  if (Array.isArray(value)) return value.length ? JSON.stringify([...value].sort()) : 'null';
  return JSON.stringify(value);
}

/** Sums the stats of each typist's saved cards; the rates follow from the sums. */
export function operatorStats(
  cards: { pass: EntryPass; operator: string | null; stats: PaperEntryStats }[],
): OperatorStats[] {
  const groups = new Map<string, OperatorStats>();
  for (const { pass, operator, stats } of cards) {
    const key = `${pass}\u0000${operator ?? ''}`;
    const g = groups.get(key) ?? {
      ...{ pass, operator, cards: 0, keystrokes: 0, corrections: 0, rejected: 0, answers: 0 },
      ...{ durationMs: 0, cardsPerHour: null, keystrokesPerCard: 0, keystrokesPerAnswer: null },
      errorsPerCard: 0,
    };
    g.cards += 1;
    g.keystrokes += stats.keystrokes;
    g.corrections += stats.corrections;
    g.rejected += stats.rejected ?? 0;
    g.answers += stats.answers ?? 0;
    g.durationMs += stats.durationMs;
    groups.set(key, g);
  }
  return [...groups.values()]
    .map((g) => ({
      ...g,
      cardsPerHour: g.durationMs > 0 ? g.cards / (g.durationMs / 3_600_000) : null,
      keystrokesPerCard: g.keystrokes / g.cards,
      keystrokesPerAnswer: g.answers > 0 ? g.keystrokes / g.answers : null,
      errorsPerCard: (g.rejected + g.corrections) / g.cards,
    }))
    .sort((a, b) => a.pass - b.pass || (a.operator ?? '').localeCompare(b.operator ?? ''));
}

/** What both passes hold: each card's answers, in questionnaire order of variables. */
export function diffPasses(
  first: Map<string, { id: string; answers: Answers }>,
  second: Map<string, Answers>,
  unfinished: Set<string>,
  order: Map<string, number>,
) {
  const rank = (name: string) => order.get(name.replace(/_other$/, '')) ?? order.size;
  const mismatches: PaperMismatch[] = [];
  let comparedCards = 0;
  for (const [cardNo, one] of [...first].sort(([a], [b]) => byCardNo(a, b))) {
    const two = second.get(cardNo);
    if (!two) continue;
    comparedCards += 1;
    const names = [...new Set([...Object.keys(one.answers), ...Object.keys(two)])];
    for (const variable of names.sort((a, b) => rank(a) - rank(b) || a.localeCompare(b))) {
      const [a, b] = [one.answers[variable] ?? null, two[variable] ?? null];
      if (normalized(a) !== normalized(b)) {
        mismatches.push({ cardNo, responseId: one.id, variable, first: a, second: b });
      }
    }
  }
  const missing = (from: Map<string, unknown>, other: Map<string, unknown>) =>
    [...from.keys()].filter((c) => !other.has(c) && !unfinished.has(c)).sort(byCardNo);
  return {
    mismatches,
    missingSecond: missing(first, second),
    missingFirst: missing(second, first),
    unfinished: [...unfinished].sort(byCardNo),
    comparedCards,
  };
}
