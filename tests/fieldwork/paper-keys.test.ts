/**
 * The typist's keys through the pure state machine the paper-entry screen runs: codes,
 * two-digit codes, NPS 10, skip logic, refusals, going back, "no answer", consent; and the
 * printed codes shown for stored values.
 */
import { describe, expect, it } from 'vitest';
import { definitionSchema, type SurveyDefinition } from '../../shared/questionnaire/model';
import { instantiateTemplate } from '../../shared/questionnaire/templates';
import {
  allEntryFields,
  nextCardNumber,
  parseDateEntry,
} from '../../renderer/src/screens/fieldwork/paper/fields';
import { valueFromEntry, valueText } from '../../renderer/src/screens/fieldwork/paper/format';
import {
  fieldsOf,
  initialState,
  replay,
  type EntryContext,
  type EntryEffect,
} from '../../renderer/src/screens/fieldwork/paper/keys';

const afterSales = instantiateTemplate('after-sales');
const lb = (zh: string) => ({ 'zh-CN': zh, en: zh });

/** Twelve provinces (two-digit codes), NPS, a number 0-20, a multiple choice of at most 2. */
const mixed: SurveyDefinition = definitionSchema.parse({
  formatVersion: 1,
  title: lb('混合'),
  languages: ['zh-CN'],
  defaultLanguage: 'zh-CN',
  consent: { text: lb('同意'), required: true },
  pages: [
    {
      id: 'p1',
      title: lb('一'),
      questions: [
        {
          type: 'single',
          id: 'province',
          name: 'province',
          label: lb('省份'),
          required: true,
          choices: Array.from({ length: 12 }, (_, i) => ({
            value: `p${i + 1}`,
            label: lb(`省${i + 1}`),
          })),
        },
        { type: 'nps', id: 'nps', name: 'nps', label: lb('推荐'), required: true },
        { type: 'number', id: 'visits', name: 'visits', label: lb('次数'), min: 0, max: 20 },
        {
          type: 'multiple',
          id: 'channels',
          name: 'channels',
          label: lb('渠道'),
          maxSelections: 2,
          choices: ['web', 'phone', 'shop'].map((v) => ({ value: v, label: lb(v) })),
        },
        { type: 'text', id: 'remark', name: 'remark', label: lb('备注') },
      ],
    },
  ],
});

function contextFor(definition: SurveyDefinition, entered: string[] = []): EntryContext {
  const set = new Set(entered);
  return { definition, entered: set, nextCardNo: (after) => nextCardNumber(after, set) };
}

/** Keys as the typist presses them: "Enter", "Backspace"... or single characters. */
function type(definition: SurveyDefinition, keys: string[], entered: string[] = []) {
  const ctx = contextFor(definition, entered);
  const result = replay(initialState('1'), keys, ctx);
  return { ...result, ctx, fields: fieldsOf(result.state, ctx) };
}

const answersOf = (effects: EntryEffect[]) =>
  Object.fromEntries(effects.flatMap((e) => (e.type === 'answer' ? [[e.variable, e.value]] : [])));
const chars = (text: string) => [...text];

describe('keying a paper card', () => {
  it('takes one key per closed answer and one Enter per card, skipping what skip logic hides', () => {
    // solved = 1 (yes) hides "what is still not solved?"; "-" leaves the optional suggestion blank.
    const keys = ['Enter', '1', '2', '4', '5', '4', '1', '4', '5', '9', '-', 'Enter'];
    const { effects, state } = type(afterSales, keys);
    expect(effects[0]).toEqual({ type: 'start', cardNo: '1', consent: true });
    expect(answersOf(effects)).toEqual({
      service_kind: 'repair',
      time_to_fix: 'h24',
      timeliness: 4,
      engineer_skill: 5,
      engineer_manner: 4,
      solved: 'yes',
      fix_quality: 4,
      overall: 5,
      nps: 9,
      suggestion: null,
    });
    const save = effects.find((e) => e.type === 'save');
    expect(save).toMatchObject({
      cardNo: '1',
      stats: { keystrokes: 12, corrections: 0, rejected: 0, answers: 10 },
    });
    // The next card is ready at once, with the next number.
    expect(state).toMatchObject({
      phase: 'answer',
      cardNo: '2',
      index: 0,
      saved: '1',
      answers: {},
    });
  });

  it('asks the question skip logic shows, and drops its answer when a corrected answer hides it again', () => {
    const { state, fields, effects } = type(afterSales, [
      'Enter',
      '1',
      '2',
      '4',
      '5',
      '4',
      '3',
      ...chars('没修好'),
      'Enter',
    ]);
    expect(fields.map((f) => f.variable)).toContain('remaining');
    expect(state.answers.remaining).toBe('没修好');
    expect(
      effects.filter((e) => e.type === 'answer').map((e) => e.type === 'answer' && e.variable),
    ).toContain('remaining');
    // Back from fix_quality into the text, delete it (3 characters), back again to solved: 1 = yes.
    const ctx = contextFor(afterSales);
    const back = replay(
      state,
      ['Backspace', ...Array<string>(3).fill('Backspace'), 'Backspace', '1'],
      ctx,
    );
    expect(back.state.answers.solved).toBe('yes');
    expect(back.state.answers).not.toHaveProperty('remaining');
    expect(back.effects).toContainEqual({
      type: 'answer',
      cardNo: '1',
      variable: 'remaining',
      value: null,
    });
    expect(fieldsOf(back.state, ctx)[back.state.index]!.variable).toBe('fix_quality');
  });

  it('waits after a two-digit code’s first digit and takes 01-12', () => {
    const { state } = type(mixed, ['Enter', '1', '1']);
    expect(state.answers.province).toBe('p11');
    const early = type(mixed, ['Enter', '0', '9']);
    expect(early.state.answers.province).toBe('p9');
    const wrong = type(mixed, ['Enter', '1', '5']);
    expect(wrong.state.refusal).toEqual({ code: 'no_such_code', key: '15' });
    expect(wrong.state.answers).toEqual({});
    expect(wrong.state.stats.rejected).toBe(1);
  });

  it('reads NPS "1" then "0" as 10, "1" Enter as 1, and "1" then another key as 1 plus that key for the next field', () => {
    expect(type(mixed, ['Enter', '0', '3', '1', '0']).state.answers.nps).toBe(10);
    const one = type(mixed, ['Enter', '0', '3', '1', 'Enter']);
    expect(one.state.answers.nps).toBe(1);
    expect(one.fields[one.state.index]!.variable).toBe('visits');
    // "-" confirms 1 and then marks the optional number "no answer".
    const typeAhead = type(mixed, ['Enter', '0', '3', '1', '-']);
    expect(typeAhead.state.answers.nps).toBe(1);
    expect(typeAhead.fields[typeAhead.state.index]!.variable).toBe('channels');
  });

  it('refuses an out-of-range value at once and keeps the field until it is corrected', () => {
    const { state, fields } = type(mixed, ['Enter', '0', '3', '8', ...chars('25'), 'Enter']);
    expect(state.refusal).toEqual({ code: 'answer', problem: { code: 'above_max', max: 20 } });
    expect(state.refusals).toBe(1);
    expect(fields[state.index]!.variable).toBe('visits');
    expect(state.answers).not.toHaveProperty('visits');
    const fixed = replay(state, ['Backspace', 'Backspace', '2', 'Enter'], contextFor(mixed));
    expect(fixed.state.answers.visits).toBe(2);
    expect(fixed.state.refusal).toBeNull();
    expect(type(afterSales, ['Enter', '7']).state.refusal).toEqual({
      code: 'no_such_code',
      key: '7',
    });
  });

  it('toggles multiple-choice codes, refuses a third choice over the maximum, and ends with Enter', () => {
    const { state } = type(mixed, ['Enter', '0', '3', '9', '-', '1', ' ', '3', '1', '1', 'Enter']);
    expect(state.answers.channels).toEqual(['shop', 'web']);
    const tooMany = type(mixed, ['Enter', '0', '3', '9', '-', '1', '2', '3']);
    expect(tooMany.state.refusal).toEqual({
      code: 'answer',
      problem: { code: 'too_many', max: 2 },
    });
    expect(tooMany.state.draft).toEqual(['web', 'phone']);
  });

  it('marks an optional question "no answer" with - or ., and refuses that for a required one', () => {
    expect(type(mixed, ['Enter', '0', '3', '9', '.']).state.answers).not.toHaveProperty('visits');
    const required = type(mixed, ['Enter', '-']);
    expect(required.state.refusal).toEqual({ code: 'answer', problem: { code: 'required' } });
    expect(required.state.index).toBe(0);
  });

  it('goes back with Backspace on an empty field, and to the card number before anything is saved', () => {
    const { state, fields } = type(mixed, ['Enter', '0', '3', 'Backspace']);
    expect(fields[state.index]!.variable).toBe('province');
    expect(state.stats.corrections).toBe(1);
    const retyped = replay(state, ['1', '2'], contextFor(mixed));
    expect(retyped.state.answers.province).toBe('p12');
    expect(type(mixed, ['Enter', 'Backspace']).state.phase).toBe('card');
    expect(type(mixed, ['Enter', '0', '1', 'Backspace', 'Backspace']).state.refusal).toEqual({
      code: 'card_locked',
    });
  });

  it('toggles consent with Y before the first answer and refuses to start a required-consent card without it', () => {
    const { state } = type(mixed, ['y', 'Enter', '0', '1']);
    expect(state.consent).toBe(false);
    expect(state.refusal).toEqual({ code: 'consent_required' });
    expect(type(mixed, ['Enter', '0', '1', 'y']).state.refusal).toEqual({ code: 'consent_locked' });
  });

  it('refuses a card number already saved in this pass', () => {
    expect(type(mixed, ['Enter'], ['1']).state.refusal).toEqual({ code: 'card_exists', card: '1' });
  });

  it('suggests the next number with its zeros, and in the second pass the next first-pass card', () => {
    expect(nextCardNumber('009', new Set(['010']))).toBe('011');
    expect(nextCardNumber('3', new Set(['3', '5']), ['3', '5', '8', '12'])).toBe('8');
    expect(nextCardNumber('12', new Set(['3', '12']), ['3', '5', '12'])).toBe('5');
  });

  it('asks for the "other" text right after the other choice, and drops it when the choice is undone', () => {
    const cs = instantiateTemplate('customer-service');
    const likerts = Array<string>(16).fill('4');
    const { state, fields } = type(cs, [
      'Enter',
      ...likerts,
      '8',
      '-',
      '-',
      '-',
      '6',
      'Enter',
      ...chars('巡检'),
      'Enter',
    ]);
    expect(state.answers).toMatchObject({ service_type: ['other'], service_type_other: '巡检' });
    expect(fields[state.index]!.variable).toBe('service_date');
    // Back to the text (Backspace deletes it, then goes back), untick 6, tick 1: the text goes.
    const back = replay(
      state,
      ['Backspace', 'Backspace', 'Backspace', 'Backspace', '6', '1', 'Enter'],
      contextFor(cs),
    );
    expect(back.state.answers.service_type).toEqual(['consult']);
    expect(back.state.answers).not.toHaveProperty('service_type_other');
    expect(back.effects).toContainEqual({
      type: 'answer',
      cardNo: '1',
      variable: 'service_type_other',
      value: null,
    });
  });

  it('shows stored values with their printed codes and reads a reviewer’s typed correction back', () => {
    const fields = allEntryFields(mixed);
    expect(valueText(fields.get('province'), 'p11', 'zh-CN')).toBe('11 省11');
    expect(valueText(fields.get('channels'), ['web', 'shop'], 'zh-CN')).toBe('1 web，3 shop');
    expect(valueText(fields.get('nps'), 10, 'zh-CN')).toBe('10');
    expect(valueFromEntry(fields.get('province')!, '03')).toEqual({ value: 'p3' });
    expect(valueFromEntry(fields.get('province')!, '13')).toBeNull();
    expect(valueFromEntry(fields.get('channels')!, '1 3')).toEqual({ value: ['web', 'shop'] });
    expect(valueFromEntry(fields.get('visits')!, '-')).toEqual({ value: null });
    expect(valueFromEntry(fields.get('remark')!, ' 很好 ')).toEqual({ value: '很好' });
  });

  it('reads dates as typists key them and refuses impossible ones', () => {
    expect(parseDateEntry('20261120', 'date')).toBe('2026-11-20');
    expect(parseDateEntry('2026/1/5', 'date')).toBe('2026-01-05');
    expect(parseDateEntry('2026-02-30', 'date')).toBeNull();
    expect(parseDateEntry('9:05', 'time')).toBe('09:05');
  });
});
