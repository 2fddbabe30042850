/**
 * The cleaning rules (剔除无效问卷): every rule on small hand-made responses, then the same rules
 * through the field-work service, with thresholds read from the settings.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  DEFAULT_CLEANING_RULES,
  findDuplicates,
  flagsFor,
  isAnalysable,
  mergeFlags,
  type DuplicateCandidate,
} from '../../main/fieldwork/flags';
import type { RunningServices } from '../../main/services/start';
import { definitionSchema, type SurveyDefinition } from '../../shared/questionnaire/model';
import type { Answers } from '../../shared/questionnaire/runtime';
import { likert, nps, single, choices, tx } from '../../shared/questionnaire/templates/build';
import type {
  CleaningRules,
  FlagRule,
  QualityFlag,
  ResponseRecord,
  Wave,
} from '../../shared/responses';
import type { SurveyDetail } from '../../shared/surveys';
import { startTestServices } from '../helpers/services';
import { useTempDir } from '../helpers/temp-dir';

const rules = (patch: Partial<CleaningRules> = {}): CleaningRules => ({
  ...DEFAULT_CLEANING_RULES,
  ...patch,
});

function definitionWith(questions: unknown[]): SurveyDefinition {
  return definitionSchema.parse({
    formatVersion: 1,
    title: tx(['测试', 'Test']),
    languages: ['zh-CN', 'en'],
    defaultLanguage: 'zh-CN',
    pages: [{ id: 'p1', title: {}, relevant: '', questions }],
  });
}

const fiveScales = ['q1', 'q2', 'q3', 'q4', 'q5'].map((n) => likert(n, [n, n], null));
const scaleSurvey = definitionWith([...fiveScales, nps('nps', ['推荐', 'Recommend'])]);
const fourScaleSurvey = definitionWith(fiveScales.slice(0, 4));
const matrixItems = ['m1', 'm2', 'm3'].map((n) => ({ id: n, name: n, label: tx([n, n]) }));
const matrixSurvey = definitionWith([
  likert('q1', ['q1', 'q1'], null),
  likert('q2', ['q2', 'q2'], null),
  { id: 'grid', name: 'grid', label: tx(['表格', 'Grid']), type: 'matrix', items: matrixItems },
]);
const kinds = choices([
  ['a', ['甲', 'A']],
  ['b', ['乙', 'B']],
]);
const valueSurvey = definitionWith([
  { id: 'age', name: 'age', label: tx(['年龄', 'Age']), type: 'number', min: 18, max: 99 },
  likert('q1', ['q1', 'q1'], null, { required: false }),
  single('kind', ['类型', 'Kind'], kinds, { required: false }),
  { ...likert('why', ['原因', 'Why'], null), required: false, relevant: "${kind} = 'b'" },
]);

const START = '2026-03-02T09:00:00.000Z';
const after = (seconds: number) => new Date(Date.parse(START) + seconds * 1000).toISOString();
const same = (value: number, names: string[]): Answers =>
  Object.fromEntries(names.map((n) => [n, value]));
const rulesOf = (flags: QualityFlag[]) => flags.map((f) => f.rule);
/** A flag as a rule raises it, before any reviewer decides. */
const raised = (rule: FlagRule, detail: QualityFlag['detail']): QualityFlag => ({
  rule,
  detail,
  override: null,
});

describe('too fast', () => {
  const subject = (seconds: number) => ({
    definition: scaleSurvey,
    answers: {},
    startedAt: START,
    completedAt: after(seconds),
  });

  it('flags a response completed in 119 seconds against the 120-second default', () => {
    expect(flagsFor(subject(119), rules())).toEqual([
      raised('too_fast', { seconds: 119, limit: 120 }),
    ]);
  });

  it('does not flag a response that took exactly 120 seconds', () => {
    expect(flagsFor(subject(120), rules())).toEqual([]);
  });

  it('follows a changed threshold', () => {
    expect(rulesOf(flagsFor(subject(200), rules({ tooFastSeconds: 300 })))).toEqual(['too_fast']);
    expect(flagsFor(subject(119), rules({ tooFastSeconds: 60 }))).toEqual([]);
  });

  it('does not judge a response that is not complete', () => {
    expect(flagsFor({ ...subject(1), completedAt: null }, rules())).toEqual([]);
  });
});

describe('straight-lining', () => {
  const names = ['q1', 'q2', 'q3', 'q4', 'q5'];
  const check = (
    definition: SurveyDefinition,
    answers: Answers,
    patch: Partial<CleaningRules> = {},
  ) => flagsFor({ definition, answers, startedAt: START, completedAt: null }, rules(patch));

  it('flags all 5s across five scale items', () => {
    expect(check(scaleSurvey, same(5, names))).toEqual([
      raised('straight_lining', { value: 5, items: 5 }),
    ]);
  });

  it('flags all 1s (the other extreme)', () => {
    expect(check(scaleSurvey, same(1, names))[0]?.detail).toEqual({ value: 1, items: 5 });
  });

  it('does not flag all 3s: the same answer, but not an extreme', () => {
    expect(check(scaleSurvey, same(3, names))).toEqual([]);
  });

  it('does not flag when one answer differs', () => {
    expect(check(scaleSurvey, { ...same(5, names), q3: 4 })).toEqual([]);
  });

  it('does not count the 0-10 recommendation question as a scale item', () => {
    expect(check(scaleSurvey, { ...same(5, names), nps: 0 })[0]?.detail).toEqual({
      value: 5,
      items: 5,
    });
  });

  it('does not flag four items, below the minimum of five', () => {
    expect(check(fourScaleSurvey, same(5, names.slice(0, 4)))).toEqual([]);
  });

  it('flags four items when the minimum is lowered to four', () => {
    const flags = check(fourScaleSurvey, same(5, names.slice(0, 4)), { straightLiningMinItems: 4 });
    expect(flags[0]?.detail).toEqual({ value: 5, items: 4 });
  });

  it('counts each matrix item as a scale item', () => {
    const answers = same(1, ['q1', 'q2', 'm1', 'm2', 'm3']);
    expect(check(matrixSurvey, answers)[0]?.detail).toEqual({ value: 1, items: 5 });
    expect(check(matrixSurvey, { ...answers, m3: undefined } as unknown as Answers)).toEqual([]);
  });
});

describe('missing key fields', () => {
  const check = (answers: Answers, keyFields: string[]) =>
    flagsFor(
      { definition: scaleSurvey, answers, startedAt: START, completedAt: null },
      rules({ keyFields }),
    );

  it('names every configured key field that is empty or absent', () => {
    expect(check({ customer_name: '' }, ['customer_name', 'contact'])).toEqual([
      raised('missing_key', { fields: 'customer_name, contact' }),
    ]);
    expect(check({ contact: [] }, ['contact'])[0]?.detail).toEqual({ fields: 'contact' });
  });

  it('does not flag when the key fields are answered, or when none are configured', () => {
    expect(
      check({ customer_name: '李雷', contact: '138 0000 0000' }, ['customer_name', 'contact']),
    ).toEqual([]);
    expect(check({}, [])).toEqual([]);
  });
});

describe('wrong values', () => {
  const check = (answers: Answers) =>
    flagsFor({ definition: valueSurvey, answers, startedAt: START, completedAt: null }, rules());

  it('flags a number outside its range, a point off the scale and an unknown choice', () => {
    expect(check({ age: 150, q1: 9, kind: 'zzz' })).toEqual([
      raised('wrong_value', { fields: 'age, q1, kind' }),
    ]);
    expect(check({ age: 17 })[0]?.detail).toEqual({ fields: 'age' });
  });

  it('does not call an unanswered required question a wrong value', () => {
    expect(check({})).toEqual([]);
    expect(check({ age: 18 })).toEqual([]);
    expect(check({ age: 99, q1: 5, kind: 'a' })).toEqual([]);
  });

  it('ignores a value of a question the skip logic hides', () => {
    expect(check({ age: 40, kind: 'a', why: 9 })).toEqual([]);
    expect(check({ age: 40, kind: 'b', why: 9 })[0]?.detail).toEqual({ fields: 'why' });
  });
});

describe('duplicates within a wave', () => {
  const candidate = (
    id: string,
    hour: number,
    patch: Partial<DuplicateCandidate> = {},
  ): DuplicateCandidate => ({
    id,
    customerId: null,
    batchId: null,
    cardNo: null,
    answers: { q1: hour, q2: hour, q3: hour },
    startedAt: `2026-03-02T${String(hour).padStart(2, '0')}:00:00.000Z`,
    ...patch,
  });

  it('flags the later of two responses from the same customer, naming the first', () => {
    const found = findDuplicates([
      candidate('later', 10, { customerId: 'C1' }),
      candidate('other', 11, { customerId: 'C2' }),
      candidate('first', 9, { customerId: 'C1' }),
    ]);
    expect([...found.keys()]).toEqual(['later']);
    expect(found.get('later')).toEqual(raised('duplicate', { of: 'first', why: 'customer' }));
  });

  it('names the first response, not the previous one, when a customer answers three times', () => {
    const found = findDuplicates(
      ['a', 'b', 'c'].map((id, i) => candidate(id, 9 + i, { customerId: 'C1' })),
    );
    expect(found.get('b')?.detail.of).toBe('a');
    expect(found.get('c')?.detail.of).toBe('a');
  });

  it('flags the same paper card (batch and card number) typed in twice', () => {
    const found = findDuplicates([
      candidate('p1', 9, { batchId: 'B1', cardNo: '007' }),
      candidate('p2', 10, { batchId: 'B1', cardNo: '007' }),
      candidate('p3', 11, { batchId: 'B2', cardNo: '007' }),
    ]);
    expect([...found.keys()]).toEqual(['p2']);
    expect(found.get('p2')?.detail).toEqual({ of: 'p1', why: 'card' });
  });

  it('flags identical answers from different customers, but only with at least three answers', () => {
    const answers = { q1: 4, q2: 5, q3: 4 };
    const found = findDuplicates([
      candidate('x', 9, { customerId: 'C1', answers }),
      candidate('y', 10, { customerId: 'C2', answers: { q3: 4, q2: 5, q1: 4 } }),
    ]);
    expect(found.get('y')?.detail).toEqual({ of: 'x', why: 'answers' });
    const short = findDuplicates([
      candidate('x', 9, { answers: { q1: 4, q2: 5 } }),
      candidate('y', 10, { answers: { q1: 4, q2: 5 } }),
    ]);
    expect(short.size).toBe(0);
  });
});

describe('merging recomputed flags with reviewers’ decisions', () => {
  const override = { keep: true, by: '张敏', at: START, comment: '客户确实很熟悉流程' };

  it('keeps an override on a flag that is still raised, takes the new detail, drops vanished flags', () => {
    const previous: QualityFlag[] = [
      { rule: 'too_fast', detail: { seconds: 90, limit: 120 }, override },
      raised('missing_key', { fields: 'contact' }),
    ];
    const next: QualityFlag[] = [
      raised('too_fast', { seconds: 90, limit: 300 }),
      raised('straight_lining', { value: 5, items: 5 }),
    ];
    expect(mergeFlags(previous, next)).toEqual([
      { rule: 'too_fast', detail: { seconds: 90, limit: 300 }, override },
      raised('straight_lining', { value: 5, items: 5 }),
    ]);
  });
});

describe('whether a response takes part in analysis', () => {
  const flag = (keep: boolean | null): QualityFlag => ({
    rule: 'too_fast',
    detail: {},
    override: keep === null ? null : { keep, by: 'a', at: START, comment: 'c' },
  });

  it('takes complete responses whose flags are all kept by a reviewer', () => {
    expect(isAnalysable('complete', [])).toBe(true);
    expect(isAnalysable('complete', [flag(true)])).toBe(true);
  });

  it('leaves out standing or confirmed flags and responses that are not complete', () => {
    expect(isAnalysable('complete', [flag(null)])).toBe(false);
    expect(isAnalysable('complete', [flag(false)])).toBe(false);
    expect(isAnalysable('complete', [flag(true), flag(null)])).toBe(false);
    expect(isAnalysable('void', [])).toBe(false);
    expect(isAnalysable('in_progress', [])).toBe(false);
    expect(isAnalysable('abandoned', [])).toBe(false);
  });
});

describe('flags through the field-work service', () => {
  const temp = useTempDir('flags');
  let services: RunningServices;
  let survey: SurveyDetail;
  let wave: Wave;
  let sequence = 0;

  async function call<T>(method: string, input: unknown): Promise<T> {
    const result = await services.dispatch(method, input);
    if (!result.ok)
      throw Object.assign(new Error(result.error.message), { code: result.error.code });
    return result.value as T;
  }

  /** A complete after-sales response that took `seconds`, with every scale answer at `scale`. */
  function respond(
    seconds: number,
    scale: number,
    options: { customer?: string; nps?: number } = {},
  ) {
    const fw = services.ctx.fieldwork;
    sequence += 1;
    const startedAt = after(sequence * 3600);
    const r = fw.start({
      surveyId: survey.id,
      waveId: wave.id,
      customerId: options.customer ?? null,
      channel: 'interview',
      interviewer: '王芳',
      consent: { given: true, method: 'verbal', versionNo: 1, givenAt: startedAt },
      startedAt,
    });
    const answers: Answers = {
      service_kind: 'repair',
      time_to_fix: 'h4',
      solved: 'yes',
      nps: options.nps ?? sequence % 11,
      ...same(scale, ['timeliness', 'engineer_skill', 'engineer_manner', 'fix_quality', 'overall']),
    };
    for (const [name, value] of Object.entries(answers)) fw.answer(r.id, name, value);
    return fw.complete(r.id, new Date(Date.parse(startedAt) + seconds * 1000).toISOString());
  }
  const flagsOf = (id: string) => services.ctx.fieldwork.record(id).flags;

  beforeEach(async () => {
    sequence = 0;
    services = await startTestServices(temp.join('db.sqlite'));
    survey = await call<SurveyDetail>('surveys.create', {
      template: 'after-sales',
      language: 'zh-CN',
    });
    await call('surveys.publish', { id: survey.id });
    wave = await call<Wave>('waves.create', { surveyId: survey.id, name: '2026 Q1' });
    await call('settings.update', { operatorName: '张敏' });
  });
  afterEach(async () => {
    await services.close();
  });

  it('flags on completion with the thresholds in the settings, and recomputes when they change', async () => {
    const quick = respond(100, 4);
    const medium = respond(200, 2);
    const liner = respond(400, 5);
    expect(rulesOf(quick.flags)).toEqual(['too_fast']);
    expect(rulesOf(liner.flags)).toEqual(['straight_lining']);
    expect(await call('responses.recomputeFlags', { waveId: wave.id })).toEqual({
      too_fast: 1,
      straight_lining: 1,
    });

    await call('settings.update', { cleaning: { tooFastSeconds: 300, straightLiningMinItems: 6 } });
    expect(await call('responses.recomputeFlags', { waveId: wave.id })).toEqual({ too_fast: 2 });
    expect(flagsOf(medium.id)).toEqual([raised('too_fast', { seconds: 200, limit: 300 })]);
    expect(flagsOf(liner.id)).toEqual([]);

    await call('settings.update', { cleaning: { keyFields: ['suggestion'] } });
    expect(await call('responses.recomputeFlags', { waveId: wave.id })).toEqual({
      too_fast: 2,
      missing_key: 3,
    });
  });

  it('keeps a reviewer’s override when the flags are recomputed', async () => {
    const quick = respond(90, 4);
    const kept = await call<ResponseRecord>('responses.overrideFlag', {
      id: quick.id,
      rule: 'too_fast',
      keep: true,
      comment: '老客户，熟悉问卷',
    });
    const override = kept.flags[0]?.override;
    expect(override).toMatchObject({ keep: true, by: '张敏', comment: '老客户，熟悉问卷' });
    expect(kept.history.at(-1)).toMatchObject({
      action: 'flag_kept',
      actor: '张敏',
      variable: 'too_fast',
    });

    await call('settings.update', { cleaning: { tooFastSeconds: 100 } });
    await call('responses.recomputeFlags', { waveId: wave.id });
    expect(flagsOf(quick.id)).toEqual([
      { rule: 'too_fast', detail: { seconds: 90, limit: 100 }, override },
    ]);
    expect(isAnalysable('complete', flagsOf(quick.id))).toBe(true);
  });

  it('flags the same customer twice in a wave and clears it when the first is voided', async () => {
    const customer = await call<{ id: string }>('customers.create', {
      name: '华东精密制造有限公司',
    });
    const first = respond(600, 4, { customer: customer.id });
    const second = respond(600, 3, { customer: customer.id });
    expect(flagsOf(first.id)).toEqual([]);
    expect(flagsOf(second.id)).toEqual([raised('duplicate', { of: first.id, why: 'customer' })]);
    expect(await call('responses.recomputeFlags', { waveId: wave.id })).toEqual({ duplicate: 1 });

    await call('responses.void', { id: first.id, reason: '录入了错误的客户' });
    expect(flagsOf(second.id)).toEqual([]);
  });

  it('clears an identical-answers duplicate when an edit makes the answers differ', async () => {
    const first = respond(600, 4, { nps: 7 });
    const copy = respond(600, 4, { nps: 7 });
    expect(flagsOf(copy.id)).toEqual([raised('duplicate', { of: first.id, why: 'answers' })]);
    await call('responses.edit', { id: copy.id, answers: { nps: 8 }, comment: '核对纸卷后更正' });
    expect(flagsOf(copy.id)).toEqual([]);
  });

  it('re-flags an edited response and records the edit in its history', async () => {
    const r = respond(600, 4);
    const edited = await call<ResponseRecord>('responses.edit', {
      id: r.id,
      answers: { overall: 9, timeliness: 4 },
      comment: '按纸质问卷更正',
    });
    expect(edited.revision).toBe(2);
    expect(rulesOf(edited.flags)).toEqual(['wrong_value']);
    expect(edited.flags[0]?.detail).toEqual({ fields: 'overall' });
    expect(edited.history.filter((h) => h.action === 'edit')).toEqual([
      expect.objectContaining({
        revision: 2,
        actor: '张敏',
        variable: 'overall',
        oldValue: 4,
        newValue: 9,
        comment: '按纸质问卷更正',
      }),
    ]);
  });
});
