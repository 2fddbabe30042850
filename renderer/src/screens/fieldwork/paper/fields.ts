/**
 * The fields of a paper card as the typist keys them: every shown question in the printed
 * order (numberedQuestions), matrix items one by one, and the "other, please specify" text
 * right after its choice when that choice is ticked. Pure: recomputed after every answer.
 */
import {
  entryOptions,
  matrixEntryOptions,
  numberedQuestions,
  type EntryOption,
} from '../../../../../shared/questionnaire/entry-codes';
import {
  hasChoices,
  type LocalizedText,
  type Question,
  type SurveyDefinition,
} from '../../../../../shared/questionnaire/model';
import { visiblePages, type Answers } from '../../../../../shared/questionnaire/runtime';

/** choice: one code picks; multi: codes toggle, Enter ends; the rest are typed and end with Enter. */
export type FieldKind = 'choice' | 'multi' | 'text' | 'number' | 'date' | 'other';

export interface EntryField {
  /** The variable the field stores (a matrix item's own name, `<name>_other` for the text). */
  variable: string;
  question: Question;
  /** The number printed on the card. */
  number: number;
  /** Matrix item text and its position (a, b, c...), or null. */
  item: { label: LocalizedText; index: number } | null;
  kind: FieldKind;
  options: EntryOption[];
}

function kindOf(question: Question): FieldKind {
  switch (question.type) {
    case 'multiple':
      return 'multi';
    case 'number':
      return 'number';
    case 'date':
      return 'date';
    case 'text':
      return 'text';
    default:
      return 'choice';
  }
}

function otherTicked(question: Question, answers: Answers): boolean {
  if (!hasChoices(question)) return false;
  const other = question.choices.find((c) => c.other);
  if (!other) return false;
  const value = answers[question.name];
  return Array.isArray(value) ? value.includes(other.value) : value === other.value;
}

// The fields are rebuilt after every key: numbering and codes are worked out once per definition.
const numbered = new WeakMap<SurveyDefinition, ReturnType<typeof numberedQuestions>>();
const codes = new WeakMap<Question, EntryOption[]>();

function optionsOf(question: Question): EntryOption[] {
  let options = codes.get(question);
  if (!options) {
    options = question.type === 'matrix' ? matrixEntryOptions(question) : entryOptions(question);
    codes.set(question, options);
  }
  return options;
}

function build(
  definition: SurveyDefinition,
  shown: (question: Question) => boolean,
  withOther: (question: Question) => boolean,
): EntryField[] {
  let list = numbered.get(definition);
  if (!list) {
    list = numberedQuestions(definition);
    numbered.set(definition, list);
  }
  const fields: EntryField[] = [];
  for (const { number, question } of list) {
    if (question.type === 'note' || !shown(question)) continue;
    if (question.type === 'matrix') {
      const options = optionsOf(question);
      question.items.forEach((item, index) =>
        fields.push({
          variable: item.name,
          question,
          number,
          item: { label: item.label, index },
          kind: 'choice',
          options,
        }),
      );
      continue;
    }
    const options = optionsOf(question);
    fields.push({
      variable: question.name,
      question,
      number,
      item: null,
      kind: kindOf(question),
      options,
    });
    if (withOther(question)) {
      fields.push({
        variable: `${question.name}_other`,
        question,
        number,
        item: null,
        kind: 'other',
        options: [],
      });
    }
  }
  return fields;
}

/** The fields the typist keys now: shown questions only, "other" text when other is ticked. */
export function entryFields(
  definition: SurveyDefinition,
  answers: Answers,
  now?: () => Date,
): EntryField[] {
  const shown = new Set(
    visiblePages(definition, answers, now).flatMap((p) => p.questions.map((q) => q.id)),
  );
  return build(
    definition,
    (q) => shown.has(q.id),
    (q) => otherTicked(q, answers),
  );
}

/** Every field a card can have, by variable (for showing and correcting stored values). */
export function allEntryFields(definition: SurveyDefinition): Map<string, EntryField> {
  const fields = build(
    definition,
    () => true,
    (q) => hasChoices(q) && q.choices.some((c) => c.other),
  );
  return new Map(fields.map((f) => [f.variable, f]));
}

/** Whether a field takes typed text (the browser's input edits it) rather than codes. */
export function isTyped(kind: FieldKind): boolean {
  return kind === 'text' || kind === 'number' || kind === 'date' || kind === 'other';
}

/**
 * A date as typists key it: 2026-11-20, 2026/11/20, 2026.11.20 or 20261120; null if it is not
 * a real calendar date. Times as HH:MM.
 */
export function parseDateEntry(text: string, mode: 'date' | 'datetime' | 'time'): string | null {
  const pad = (n: string) => n.padStart(2, '0');
  const time = /^(\d{1,2})[:.](\d{2})$/;
  if (mode === 'time') {
    const m = time.exec(text.trim());
    return m && Number(m[1]) < 24 && Number(m[2]) < 60 ? `${pad(m[1]!)}:${m[2]}` : null;
  }
  const [datePart = '', timePart] = text.trim().split(/\s+|T/);
  const m =
    /^(\d{4})(\d{2})(\d{2})$/.exec(datePart) ??
    /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(datePart);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const check = new Date(Date.UTC(y, mo - 1, d));
  if (check.getUTCFullYear() !== y || check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d) {
    return null;
  }
  const date = `${m[1]}-${pad(m[2]!)}-${pad(m[3]!)}`;
  if (mode === 'date') return timePart === undefined ? date : null;
  const t = time.exec(timePart ?? '');
  return t ? `${date}T${pad(t[1]!)}:${t[2]}` : null;
}

/**
 * The card to suggest after `after`: in the second pass the next first-pass card still to key
 * (`expected`, in card order); otherwise the next number not saved yet, keeping leading zeros
 * ("009" → "010").
 */
export function nextCardNumber(
  after: string,
  entered: ReadonlySet<string>,
  expected: readonly string[] = [],
): string {
  const pending = expected.filter((c) => !entered.has(c) && c !== after);
  const later = pending.find((c) => Number(c) > Number(after));
  if (later ?? pending[0]) return (later ?? pending[0])!;
  let n = Number(after);
  if (!Number.isFinite(n) || after === '') n = 0;
  for (;;) {
    n += 1;
    const candidate = String(n).padStart(after.length, '0');
    if (!entered.has(candidate)) return candidate;
  }
}
