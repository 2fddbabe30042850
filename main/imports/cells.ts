/**
 * One cell of an imported file read as the answer its question stores: scale points as numbers
 * (or their point labels), choices by code or by label in any survey language, multiple choice
 * as "a;b", "a b", 问卷星's "a┋b" or one 0/1 column per option, dates as ISO text.
 */
import type { Choice, Question } from '../../shared/questionnaire/model';
import type { AnswerValue } from '../../shared/questionnaire/runtime';
import type { IssueCode } from './issues';

export type CellReading =
  | { ok: true; value: AnswerValue }
  | { ok: false; code: IssueCode; params: Record<string, string | number> };

const ok = (value: AnswerValue): CellReading => ({ ok: true, value });
const fail = (code: IssueCode, params: Record<string, string | number> = {}): CellReading => ({
  ok: false,
  code,
  params,
});

const fold = (text: string) => text.normalize('NFKC').trim().toLowerCase();

/** A choice by its code, then by its code in any case, then by its label in any language. */
export function findChoice(choices: Choice[], text: string): Choice | undefined {
  const t = text.trim();
  return (
    choices.find((c) => c.value === t) ??
    choices.find((c) => c.value.toLowerCase() === t.toLowerCase()) ??
    choices.find((c) =>
      Object.values(c.label).some((label) => label !== undefined && fold(label) === fold(t)),
    )
  );
}

const choiceList = (choices: Choice[]) =>
  choices
    .map((c) => c.value)
    .slice(0, 12)
    .join(', ') + (choices.length > 12 ? ', …' : '');

/** A number written plainly; "4.0" is 4, thousands separators are not guessed at. */
function numberOf(text: string): number | null {
  const t = text.trim().normalize('NFKC');
  if (!/^[+-]?(\d+(\.\d*)?|\.\d+)(e[+-]?\d+)?$/i.test(t)) return null;
  return Number(t);
}

function scalePoint(
  text: string,
  points: number,
  pointLabels: Record<string, string | undefined>[],
  min = 1,
): CellReading {
  const n = numberOf(text);
  if (n !== null) {
    return Number.isInteger(n) && n >= min && n <= points
      ? ok(n)
      : fail('out_of_scale', { min, max: points });
  }
  const at = pointLabels.findIndex((label) =>
    Object.values(label).some((l) => l !== undefined && fold(l) === fold(text)),
  );
  return at >= 0 ? ok(at + 1) : fail('out_of_scale', { min, max: points });
}

/** Separators tried in order: one that splits the cell into known choices wins. */
const SEPARATORS = [/[;；|┋]/, /[,，、]/, /\s+/];

function multipleChoice(
  question: Extract<Question, { type: 'multiple' }>,
  text: string,
): CellReading {
  const whole = findChoice(question.choices, text);
  if (whole) return ok([whole.value]);
  let firstUnknown: string | null = null;
  for (const separator of SEPARATORS) {
    const tokens = text
      .split(separator)
      .map((t) => t.trim())
      .filter((t) => t !== '');
    if (tokens.length < 2) continue;
    const found = tokens.map((t) => findChoice(question.choices, t));
    if (found.every((c) => c !== undefined)) {
      // In questionnaire order, as the entry screens store a selection.
      return ok(question.choices.filter((c) => found.includes(c)).map((c) => c.value));
    }
    firstUnknown ??= tokens[found.findIndex((c) => c === undefined)]!;
  }
  return fail('unknown_choice', {
    value: firstUnknown ?? text.trim(),
    variable: question.name,
    choices: choiceList(question.choices),
  });
}

const pad2 = (n: number) => String(n).padStart(2, '0');

function validDay(y: number, m: number, d: number): boolean {
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** Dates as the entry screens store them: `YYYY-MM-DD`, `YYYY-MM-DDTHH:MM[:SS]`, `HH:MM[:SS]`. */
function dateValue(mode: 'date' | 'datetime' | 'time', text: string): CellReading {
  const t = text.trim();
  const time = /^(\d{1,2}):(\d{2})(?::(\d{2}))?$/;
  if (mode === 'time') {
    const m = time.exec(t);
    if (!m || Number(m[1]) > 23 || Number(m[2]) > 59 || Number(m[3] ?? 0) > 59) {
      return fail('bad_date', { expected: 'HH:MM' });
    }
    return ok(`${pad2(Number(m[1]))}:${m[2]}${m[3] ? `:${m[3]}` : ''}`);
  }
  const m = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/.exec(t);
  const expected = mode === 'date' ? 'YYYY-MM-DD' : 'YYYY-MM-DD HH:MM';
  if (!m || !validDay(Number(m[1]), Number(m[2]), Number(m[3])))
    return fail('bad_date', { expected });
  const day = `${m[1]}-${pad2(Number(m[2]))}-${pad2(Number(m[3]))}`;
  if (mode === 'date') {
    // A spreadsheet's midnight is a plain date; any other time of day is not.
    return m[4] === undefined || (Number(m[4]) === 0 && m[5] === '00' && (m[6] ?? '00') === '00')
      ? ok(day)
      : fail('bad_date', { expected });
  }
  if (m[4] === undefined) return fail('bad_date', { expected });
  if (Number(m[4]) > 23 || Number(m[5]) > 59 || Number(m[6] ?? 0) > 59)
    return fail('bad_date', { expected });
  return ok(`${day}T${pad2(Number(m[4]))}:${m[5]}${m[6] ? `:${m[6]}` : ''}`);
}

/** Reads a non-empty cell for `question` (a matrix cell is one item on the matrix's scale). */
export function readAnswer(question: Question, text: string): CellReading {
  switch (question.type) {
    case 'likert':
    case 'matrix':
      return scalePoint(text, question.points, question.pointLabels);
    case 'nps':
      return scalePoint(text, 10, [], 0);
    case 'number': {
      const n = numberOf(text);
      return n === null ? fail('not_a_number') : ok(n);
    }
    case 'single':
    case 'dropdown':
    case 'range': {
      const choice = findChoice(question.choices, text);
      return choice
        ? ok(choice.value)
        : fail('unknown_choice', {
            value: text.trim(),
            variable: question.name,
            choices: choiceList(question.choices),
          });
    }
    case 'multiple':
      return multipleChoice(question, text);
    case 'date':
      return dateValue(question.mode, text);
    default:
      return ok(text.trim());
  }
}

const CHOSEN = new Set(['1', 'true', 'yes', 'y', 'x', '是', '选中', '√', '✓']);
const NOT_CHOSEN = new Set(['0', 'false', 'no', 'n', '否', '未选中', '']);

/** A 0/1 option column: true = chosen. */
export function readOptionFlag(text: string): boolean | null {
  const t = fold(text);
  if (CHOSEN.has(t)) return true;
  if (NOT_CHOSEN.has(t)) return false;
  return null;
}
