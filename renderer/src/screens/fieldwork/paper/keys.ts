/**
 * The keystrokes of paper entry, as a pure state machine: key in, new state and effects out
 * (start the card, commit an answer, save the card). No I/O and no clock of its own, so the
 * unit tests and bench/paper-entry.ts replay scripted cards through exactly what the screen runs.
 *
 * Keys, per field kind:
 * - choice: the printed code picks the option and moves on at once. When a code is also the
 *   start of a longer one (NPS "1" and "10", or "10" and "100"), it waits for the next key:
 *   "0" makes 10, Enter or Tab confirms 1, any other key confirms 1 and then counts for the
 *   next question. No timer, so a fast typist never races the screen.
 * - multi: codes toggle (space separates, ignored), Enter ends the question.
 * - text / number / date / other: typed into the input, Enter or Tab ends.
 * - "-" or "." as the first key: no answer (refused when the question is required).
 * - Backspace on an empty field: back to the previous question. Escape: leave the batch.
 * - Y before the first answer: toggles the card's consent box (ticked by default).
 * After the last question, Enter saves the card, and the next card starts with the next number
 * (Backspace on its first question edits the number). A 20-question card of single-key codes
 * takes 21 keystrokes.
 */
import type { PaperEntryStats } from '../../../../../shared/api/paper';
import type { SurveyDefinition } from '../../../../../shared/questionnaire/model';
import {
  checkAnswer,
  toggleChoice,
  type AnswerProblem,
  type AnswerValue,
  type Answers,
} from '../../../../../shared/questionnaire/runtime';
import { entryFields, isTyped, parseDateEntry, type EntryField } from './fields';

export type Refusal =
  | { code: 'no_such_code'; key: string }
  | { code: 'answer'; problem: AnswerProblem }
  | { code: 'bad_number' | 'bad_date' | 'card_missing' | 'card_digits' | 'card_locked' }
  | { code: 'card_exists'; card: string }
  | { code: 'consent_required' | 'consent_locked' | 'save_with_enter' };

export interface EntryState {
  /** card: the card-number field; answer: a question; review: all keyed, Enter saves. */
  phase: 'card' | 'answer' | 'review';
  cardNo: string;
  consent: boolean;
  /** A start effect was sent for this card (the card number and consent are fixed). */
  started: boolean;
  answers: Answers;
  index: number;
  /** Pending code digits, or the typed text of a typed field. */
  buffer: string;
  /** The choices of a multiple-choice question being keyed. */
  draft: string[];
  refusal: Refusal | null;
  /** Counts refusals, so the screen can shake again on each one. */
  refusals: number;
  stats: { keystrokes: number; corrections: number; rejected: number; startedAt: number | null };
  /** The card saved last. */
  saved: string | null;
}

export interface EntryContext {
  definition: SurveyDefinition;
  /** Card numbers already saved in this pass. */
  entered: ReadonlySet<string>;
  /** The number suggested for the card after `after`. */
  nextCardNo: (after: string) => string;
  now?: () => Date;
}

export type EntryEvent =
  { type: 'key'; key: string; at: number } | { type: 'input'; value: string };

export type EntryEffect =
  | { type: 'start'; cardNo: string; consent: boolean }
  | { type: 'answer'; cardNo: string; variable: string; value: AnswerValue }
  | { type: 'save'; cardNo: string; stats: PaperEntryStats }
  | { type: 'exit' };

/** `handled` false: let the browser's input take the key (typed text, card-number digits). */
export interface Step {
  state: EntryState;
  effects: EntryEffect[];
  handled: boolean;
}

export function initialState(cardNo: string, phase: 'card' | 'answer' = 'card'): EntryState {
  return {
    phase,
    cardNo,
    consent: true,
    started: false,
    answers: {},
    index: 0,
    buffer: '',
    draft: [],
    refusal: null,
    refusals: 0,
    stats: { keystrokes: 0, corrections: 0, rejected: 0, startedAt: null },
    saved: null,
  };
}

// Answers are never changed in place, so the fields of one answers object are worked out once.
const fieldCache = new WeakMap<Answers, { definition: SurveyDefinition; fields: EntryField[] }>();

function fieldsFor(answers: Answers, ctx: EntryContext): EntryField[] {
  const hit = fieldCache.get(answers);
  if (hit?.definition === ctx.definition && !ctx.now) return hit.fields;
  const fields = entryFields(ctx.definition, answers, ctx.now);
  fieldCache.set(answers, { definition: ctx.definition, fields });
  return fields;
}

export function fieldsOf(state: EntryState, ctx: EntryContext): EntryField[] {
  return fieldsFor(state.answers, ctx);
}

const NO_ANSWER = new Set(['-', '.']);
const isDigit = (key: string) => /^\d$/.test(key);
const printable = (key: string) => key.length === 1;

function refuse(state: EntryState, refusal: Refusal, keep: Partial<EntryState> = {}): Step {
  const stats = { ...state.stats, rejected: state.stats.rejected + 1 };
  return {
    state: { ...state, ...keep, refusal, refusals: state.refusals + 1, stats },
    effects: [],
    handled: true,
  };
}

const ok = (state: EntryState, effects: EntryEffect[] = [], handled = true): Step => ({
  state: { ...state, refusal: null },
  effects,
  handled,
});

const corrected = (state: EntryState): EntryState => ({
  ...state,
  stats: { ...state.stats, corrections: state.stats.corrections + 1 },
});

/** Makes field `index` the active one, showing what it holds. */
function focus(state: EntryState, index: number, fields: EntryField[]): EntryState {
  if (index >= fields.length) return { ...state, phase: 'review', index, buffer: '', draft: [] };
  const field = fields[Math.max(0, index)]!;
  const value = state.answers[field.variable];
  return {
    ...state,
    phase: 'answer',
    index: Math.max(0, index),
    buffer: isTyped(field.kind) && value !== undefined && value !== null ? String(value) : '',
    draft: field.kind === 'multi' && Array.isArray(value) ? value : [],
  };
}

function problemOf(
  field: EntryField,
  answers: Answers,
  value: AnswerValue,
  ctx: EntryContext,
): Refusal | null {
  const empty = value === null || value === '' || (Array.isArray(value) && value.length === 0);
  if (field.kind === 'other')
    return empty ? { code: 'answer', problem: { code: 'other_missing' } } : null;
  if (field.item) {
    return empty && field.question.required
      ? { code: 'answer', problem: { code: 'required' } }
      : null;
  }
  const problem = checkAnswer(
    field.question,
    { ...answers, [field.variable]: value },
    ctx.now,
  ).find((p) => p.code !== 'other_missing');
  return problem ? { code: 'answer', problem } : null;
}

/** Stores a field's value, drops answers skip logic now hides, and moves to the next field. */
function commit(state: EntryState, field: EntryField, value: AnswerValue, ctx: EntryContext): Step {
  const refusal = problemOf(field, state.answers, value, ctx);
  // A refused typed value stays in the field to be corrected; a refused code is cleared.
  if (refusal) return refuse(state, refusal, { buffer: isTyped(field.kind) ? state.buffer : '' });
  const effects: EntryEffect[] = [];
  if (!state.started) {
    if (ctx.definition.consent.required && !state.consent)
      return refuse(state, { code: 'consent_required' });
    effects.push({ type: 'start', cardNo: state.cardNo, consent: state.consent });
  }
  const answers: Answers = { ...state.answers };
  if (value === null) delete answers[field.variable];
  else answers[field.variable] = value;
  effects.push({ type: 'answer', cardNo: state.cardNo, variable: field.variable, value });
  let fields = fieldsFor(answers, ctx);
  // Hiding one answer can hide more (skip logic on a hidden question): repeat until stable.
  for (let hidden = stale(answers, fields); hidden.length; hidden = stale(answers, fields)) {
    for (const variable of hidden) {
      delete answers[variable];
      effects.push({ type: 'answer', cardNo: state.cardNo, variable, value: null });
    }
    fields = fieldsFor(answers, ctx);
  }
  const at = fields.findIndex((f) => f.variable === field.variable);
  const next = focus({ ...state, answers, started: true }, at + 1, fields);
  return ok(next, effects);
}

function stale(answers: Answers, fields: EntryField[]): string[] {
  const shown = new Set(fields.map((f) => f.variable));
  return Object.keys(answers).filter((v) => !shown.has(v));
}

function back(state: EntryState, fields: EntryField[]): Step {
  if (state.index > 0) return ok(focus(corrected(state), state.index - 1, fields));
  if (state.started) return refuse(state, { code: 'card_locked' });
  return ok({ ...corrected(state), phase: 'card', buffer: '', draft: [] });
}

function keyCard(state: EntryState, key: string, ctx: EntryContext): Step {
  if (key === 'y' || key === 'Y') return ok({ ...state, consent: !state.consent });
  if (key === 'Escape') return ok(state, [{ type: 'exit' }]);
  if (key === 'Enter' || key === 'Tab') {
    if (!state.cardNo) return refuse(state, { code: 'card_missing' });
    if (ctx.entered.has(state.cardNo))
      return refuse(state, { code: 'card_exists', card: state.cardNo });
    return ok(focus(state, 0, fieldsOf(state, ctx)));
  }
  if (key === 'Backspace') return ok(corrected(state), [], false);
  if (isDigit(key) || !printable(key)) return ok(state, [], false);
  return refuse(state, { code: 'card_digits' });
}

function keyChoice(state: EntryState, field: EntryField, key: string, ctx: EntryContext): Step {
  const codes = field.options.map((o) => o.code);
  const exact = (code: string) => field.options.find((o) => o.code === code);
  const longer = (prefix: string) =>
    codes.some((c) => c.length > prefix.length && c.startsWith(prefix));
  const pick = (s: EntryState, code: string): Step => {
    const option = exact(code)!;
    if (field.kind === 'choice') return commit({ ...s, buffer: '' }, field, option.value, ctx);
    if (field.question.type !== 'multiple') return ok(s);
    const draft = toggleChoice(field.question, s.draft, String(option.value));
    const max = field.question.maxSelections;
    if (max !== null && draft.length > max) {
      return refuse(s, { code: 'answer', problem: { code: 'too_many', max } }, { buffer: '' });
    }
    return ok({ ...s, buffer: '', draft });
  };
  // A complete code waiting for a possible longer one: any key that does not extend it confirms it.
  const pending = state.buffer !== '' && exact(state.buffer) !== undefined;
  if (isDigit(key)) {
    const typed = state.buffer + key;
    if (longer(typed)) return ok({ ...state, buffer: typed });
    if (exact(typed)) return pick(state, typed);
    if (pending) return then(pick(state, state.buffer), key, ctx);
    return refuse(state, { code: 'no_such_code', key: typed }, { buffer: '' });
  }
  if (pending && key !== 'Backspace' && key !== 'Escape') {
    const confirmed = pick(state, state.buffer);
    const ends =
      field.kind === 'multi' ? key === ' ' : key === 'Enter' || key === 'Tab' || key === ' ';
    return ends ? confirmed : then(confirmed, key, ctx);
  }
  if (key === 'Backspace') {
    if (state.buffer) return ok({ ...corrected(state), buffer: '' });
    if (field.kind === 'multi' && state.draft.length)
      return ok({ ...corrected(state), draft: state.draft.slice(0, -1) });
    return back(state, fieldsOf(state, ctx));
  }
  if (key === ' ' && field.kind === 'multi') return ok(state);
  if (state.buffer)
    return refuse(state, { code: 'no_such_code', key: state.buffer }, { buffer: '' });
  if (key === 'Enter' || key === 'Tab' || key === 'ArrowDown') {
    if (field.kind === 'multi')
      return commit(state, field, state.draft.length ? state.draft : null, ctx);
    const current = state.answers[field.variable];
    return current !== undefined
      ? ok(focus(state, state.index + 1, fieldsOf(state, ctx)))
      : commit(state, field, null, ctx);
  }
  if (NO_ANSWER.has(key)) return commit({ ...state, draft: [] }, field, null, ctx);
  return refuse(state, { code: 'no_such_code', key });
}

function keyTyped(state: EntryState, field: EntryField, key: string, ctx: EntryContext): Step {
  if (key === 'Backspace') {
    return state.buffer ? ok(corrected(state), [], false) : back(state, fieldsOf(state, ctx));
  }
  if (NO_ANSWER.has(key) && state.buffer === '') return commit(state, field, null, ctx);
  if (key !== 'Enter' && key !== 'Tab') return ok(state, [], false);
  const text = state.buffer.trim();
  if (text === '') return commit(state, field, null, ctx);
  if (field.kind === 'number') {
    const n = Number(text.replace(',', '.'));
    return Number.isFinite(n)
      ? commit(state, field, n, ctx)
      : refuse(state, { code: 'bad_number' });
  }
  if (field.kind === 'date' && field.question.type === 'date') {
    const date = parseDateEntry(text, field.question.mode);
    return date ? commit(state, field, date, ctx) : refuse(state, { code: 'bad_date' });
  }
  return commit(state, field, text, ctx);
}

/** Re-applies a key that confirmed a pending code to the field that follows (type-ahead). */
function then(step: Step, key: string, ctx: EntryContext): Step {
  if (step.state.refusal) return step;
  const next = handle(step.state, key, ctx);
  return { state: next.state, effects: [...step.effects, ...next.effects], handled: true };
}

function handle(state: EntryState, key: string, ctx: EntryContext): Step {
  if (state.phase === 'card') return keyCard(state, key, ctx);
  if (key === 'Escape') return ok(state, [{ type: 'exit' }]);
  const fields = fieldsOf(state, ctx);
  if (state.phase === 'review') {
    if (key === 'Backspace' || key === 'ArrowUp')
      return ok(focus(corrected(state), fields.length - 1, fields));
    if (key !== 'Enter') return refuse(state, { code: 'save_with_enter' });
    return ok(state, [
      { type: 'save', cardNo: state.cardNo, stats: { ...statsOf(state), answers: fields.length } },
    ]);
  }
  const field = fields[state.index]!;
  if (key === 'ArrowUp' && state.index > 0)
    return ok(focus(corrected(state), state.index - 1, fields));
  if ((key === 'y' || key === 'Y') && !isTyped(field.kind)) {
    return state.started
      ? refuse(state, { code: 'consent_locked' })
      : ok({ ...state, consent: !state.consent });
  }
  return isTyped(field.kind) ? keyTyped(state, field, key, ctx) : keyChoice(state, field, key, ctx);
}

function statsOf(state: EntryState): Omit<PaperEntryStats, 'answers'> {
  const { keystrokes, corrections, rejected } = state.stats;
  return { keystrokes, corrections, rejected, durationMs: 0 };
}

/** One event: a key (counted in the card's statistics) or the typed text of the active input. */
export function press(state: EntryState, event: EntryEvent, ctx: EntryContext): Step {
  if (event.type === 'input') {
    if (state.phase === 'card')
      return ok({ ...state, cardNo: event.value.replace(/\D/g, '').slice(0, 12) });
    return ok({ ...state, buffer: event.value });
  }
  const startedAt = state.stats.startedAt ?? event.at;
  const counted = {
    ...state,
    stats: { ...state.stats, keystrokes: state.stats.keystrokes + 1, startedAt },
  };
  const step = handle(counted, event.key, ctx);
  const save = step.effects.find((e) => e.type === 'save');
  if (!save) return step;
  // The card is saved: its statistics close now, and the next card starts at once.
  save.stats.durationMs = Math.max(0, Math.round(event.at - startedAt));
  const next = initialState(ctx.nextCardNo(save.cardNo), 'answer');
  next.stats.startedAt = event.at;
  next.saved = save.cardNo;
  return { ...step, state: focus(next, 0, fieldsFor(next.answers, ctx)) };
}

/**
 * Replays keys as the browser would: keys the machine leaves to the input edit the text at its
 * end. For tests and the bench; the screen gets the same events from the real input.
 */
export function replay(state: EntryState, keys: string[], ctx: EntryContext, at = () => 0) {
  const effects: EntryEffect[] = [];
  for (const key of keys) {
    const step = press(state, { type: 'key', key, at: at() }, ctx);
    effects.push(...step.effects);
    state = step.state;
    if (step.handled) continue;
    const text = state.phase === 'card' ? state.cardNo : state.buffer;
    if (key === 'Backspace')
      state = press(state, { type: 'input', value: text.slice(0, -1) }, ctx).state;
    else if (printable(key)) state = press(state, { type: 'input', value: text + key }, ctx).state;
  }
  return { state, effects };
}
