/**
 * The field-work service through the real dispatcher on a temporary database: starting with
 * consent, one committed answer per call, completing with skip logic, flags, abandon, resume.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ApiError } from '../../shared/errors';
import { questionSchema, type SurveyDefinition } from '../../shared/questionnaire/model';
import type { Consent, ResponseRecord, ResponseSummary } from '../../shared/responses';
import type { SurveyDetail } from '../../shared/surveys';
import { startTestServices } from '../helpers/services';
import type { RunningServices } from '../../main/services/start';

let dir: string;
let services: RunningServices;

async function call<T>(method: string, input: unknown): Promise<T> {
  const result = await services.dispatch(method, input);
  if (!result.ok) throw Object.assign(new Error(result.error.message), { apiError: result.error });
  return result.value as T;
}

/** Calls a method that must fail and returns its error. */
async function failure(method: string, input: unknown): Promise<ApiError> {
  const result = await services.dispatch(method, input);
  if (result.ok) throw new Error(`${method} succeeded but should have failed`);
  return result.error;
}

const consent = (versionNo = 1): Consent => ({
  given: true,
  method: 'verbal',
  versionNo,
  givenAt: new Date().toISOString(),
});

/** A page with the types the customer-service template lacks: number, matrix, range. */
const extraPage = {
  id: 'p_extra',
  title: { 'zh-CN': '补充', en: 'Extra' },
  relevant: '',
  questions: [
    questionSchema.parse({
      type: 'number',
      id: 'visits',
      name: 'visits',
      label: { 'zh-CN': '拜访次数', en: 'Visits' },
      min: 0,
      max: 100,
    }),
    questionSchema.parse({
      type: 'matrix',
      id: 'site',
      name: 'site',
      label: { 'zh-CN': '现场', en: 'On site' },
      items: [
        { id: 'site_clean', name: 'site_clean', label: { 'zh-CN': '整洁', en: 'Clean' } },
        { id: 'site_staff', name: 'site_staff', label: { 'zh-CN': '人员', en: 'Staff' } },
      ],
    }),
    questionSchema.parse({
      type: 'calculate',
      id: 'resp_mean',
      name: 'resp_mean',
      label: {},
      calculation: '(${resp_1} + ${resp_2} + ${resp_3}) div 3',
    }),
    questionSchema.parse({
      type: 'range',
      id: 'wait',
      name: 'wait',
      label: { 'zh-CN': '等待时间', en: 'Waiting time' },
      choices: [
        { value: 'lt30', label: { 'zh-CN': '30 分钟以内', en: 'Under 30 min' } },
        { value: 'gt30', label: { 'zh-CN': '30 分钟以上', en: 'Over 30 min' } },
      ],
    }),
  ],
};

/** The customer-service template plus the extra page, published as version 1. */
async function publishedSurvey(): Promise<SurveyDetail> {
  const survey = await call<SurveyDetail>('surveys.create', {
    template: 'customer-service',
    language: 'zh-CN',
  });
  const definition: SurveyDefinition = {
    ...survey.definition,
    pages: [...survey.definition.pages, extraPage],
  };
  await call('surveys.saveDraft', { id: survey.id, definition });
  await call('surveys.publish', { id: survey.id });
  return survey;
}

async function startInterview(surveyId: string, channel = 'interview'): Promise<ResponseRecord> {
  return call<ResponseRecord>('responses.start', {
    surveyId,
    waveId: null,
    customerId: null,
    channel,
    consent: consent(),
  });
}

const answer = (id: string, variable: string, value: unknown) =>
  call('responses.answer', { id, variable, value });
const get = (id: string) => call<ResponseRecord>('responses.get', { id });

const LIKERTS = [
  'resp_1',
  'resp_2',
  'resp_3',
  'reso_1',
  'reso_2',
  'reso_3',
  'prof_1',
  'prof_2',
  'prof_3',
  'comm_1',
  'comm_2',
  'comm_3',
  'value_1',
  'value_2',
  'value_3',
  'overall',
];

/** Every required answer of the template, varied so no straight-lining flag appears; no call-back. */
async function answerRequired(id: string): Promise<void> {
  for (const [i, name] of LIKERTS.entries()) await answer(id, name, (i % 5) + 1);
  await answer(id, 'nps', 9);
  await answer(id, 'service_type', ['consult']);
  await answer(id, 'callback', 'no');
}

beforeEach(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'surveydesk-fieldwork-'));
  services = await startTestServices(path.join(dir, 'db.sqlite'));
});
afterEach(async () => {
  await services.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('starting an interview', () => {
  it('refuses a survey that has no published version (NOT_PUBLISHED)', async () => {
    const draft = await call<SurveyDetail>('surveys.create', {
      template: 'customer-service',
      language: 'zh-CN',
    });
    const error = await failure('responses.start', {
      surveyId: draft.id,
      waveId: null,
      customerId: null,
      channel: 'interview',
      consent: consent(),
    });
    expect(error.code).toBe('NOT_PUBLISHED');
    expect(await call<ResponseSummary[]>('responses.resumable', {})).toEqual([]);
  });

  it('refuses to start without consent when the questionnaire requires it (CONSENT_REQUIRED)', async () => {
    const survey = await publishedSurvey();
    const error = await failure('responses.start', {
      surveyId: survey.id,
      waveId: null,
      customerId: null,
      channel: 'interview',
      consent: null,
    });
    expect(error.code).toBe('CONSENT_REQUIRED');
    expect(await call<ResponseSummary[]>('responses.resumable', {})).toEqual([]);
  });

  it('records the consent with its method, questionnaire version and time, and links the customer', async () => {
    const survey = await publishedSurvey();
    const customer = await call<{ id: string }>('customers.create', {
      name: '华东精密制造有限公司',
      code: 'C202405001',
      type: '高价值客户',
    });
    const given = {
      given: true,
      method: 'signed',
      versionNo: 1,
      givenAt: '2026-11-23T09:30:00.000Z',
    };
    const started = await call<ResponseRecord>('responses.start', {
      surveyId: survey.id,
      waveId: null,
      customerId: customer.id,
      channel: 'interview',
      consent: given,
    });
    const record = await get(started.id);
    expect(record).toMatchObject({
      status: 'in_progress',
      channel: 'interview',
      versionNo: 1,
      customerName: '华东精密制造有限公司',
      consent: given,
      answers: {},
    });
  });
});

describe('answers, one commit each', () => {
  it('stores numbers, text, lists, matrix items and "other" texts and reads them back with their types', async () => {
    const survey = await publishedSurvey();
    const { id } = await startInterview(survey.id);
    const given = {
      resp_1: 4,
      nps: 0,
      improve: '响应速度还可以更快一些',
      service_date: '2026-11-20',
      service_type: ['consult', 'other'],
      service_type_other: '上门巡检',
      callback: 'phone',
      visits: 12,
      site_clean: 5,
      site_staff: 2,
      wait: 'lt30',
    };
    for (const [variable, value] of Object.entries(given)) await answer(id, variable, value);
    const record = await get(id);
    expect(record.answers).toEqual(given);
    expect(record.answerCount).toBe(Object.keys(given).length);
  });

  it('replaces an answer, and removes it when the value is null, an empty list or empty text', async () => {
    const survey = await publishedSurvey();
    const { id } = await startInterview(survey.id);
    await answer(id, 'resp_1', 2);
    await answer(id, 'resp_1', 5);
    await answer(id, 'service_type', ['consult']);
    await answer(id, 'improve', '流程繁琐');
    expect((await get(id)).answers).toEqual({
      resp_1: 5,
      service_type: ['consult'],
      improve: '流程繁琐',
    });
    await answer(id, 'resp_1', null);
    await answer(id, 'service_type', []);
    await answer(id, 'improve', '');
    expect((await get(id)).answers).toEqual({});
  });

  it('refuses a variable the questionnaire does not have (INVALID_INPUT) and stores nothing', async () => {
    const survey = await publishedSurvey();
    const { id } = await startInterview(survey.id);
    const error = await failure('responses.answer', { id, variable: 'no_such_question', value: 3 });
    expect(error.code).toBe('INVALID_INPUT');
    expect(error.issues?.[0]?.path).toBe('no_such_question');
    // "Other" texts exist only for questions that have an "other" choice.
    expect(
      (await failure('responses.answer', { id, variable: 'callback_other', value: 'x' })).code,
    ).toBe('INVALID_INPUT');
    expect((await get(id)).answers).toEqual({});
  });

  it.each([
    ['a Likert answer given as text', 'resp_1', '4'],
    ['a multiple choice given as one string', 'service_type', 'consult'],
    ['a text given as a list', 'improve', ['a']],
    ['a single choice given as a number', 'callback', 1],
    ['an "other" text given as a number', 'service_type_other', 7],
    ['a matrix item given as text', 'site_clean', 'good'],
    ['a boolean', 'resp_1', true],
    ['an object', 'improve', { text: 'x' }],
  ])('refuses %s (INVALID_INPUT) and stores nothing', async (_what, variable, value) => {
    const survey = await publishedSurvey();
    const { id } = await startInterview(survey.id);
    expect((await failure('responses.answer', { id, variable, value })).code).toBe('INVALID_INPUT');
    expect((await get(id)).answers).toEqual({});
  });

  it('keeps the page where the interview stands, given with an answer or on its own, and the notes', async () => {
    const survey = await publishedSurvey();
    const { id } = await startInterview(survey.id);
    await call('responses.answer', {
      id,
      variable: 'resp_1',
      value: 3,
      position: { page: 0, question: 'resp_1' },
    });
    expect((await get(id)).position).toEqual({ page: 0, question: 'resp_1' });
    await call('responses.position', { id, position: { page: 2 } });
    await call('responses.notes', { id, notes: '客户提到上次投诉处理慢' });
    expect(await get(id)).toMatchObject({ position: { page: 2 }, notes: '客户提到上次投诉处理慢' });
  });
});

describe('completing', () => {
  it('refuses while a visible required answer is missing (ANSWERS_INCOMPLETE) and names it', async () => {
    const survey = await publishedSurvey();
    const { id } = await startInterview(survey.id);
    await answerRequired(id);
    await answer(id, 'nps', null);
    const error = await failure('responses.complete', { id });
    expect(error.code).toBe('ANSWERS_INCOMPLETE');
    expect(error.issues).toEqual([{ path: 'nps', message: 'required' }]);
    expect((await get(id)).status).toBe('in_progress');
  });

  it('ignores required questions hidden by skip logic, and asks for them once they are shown', async () => {
    const survey = await publishedSurvey();
    const { id } = await startInterview(survey.id);
    await answerRequired(id);
    // callback = phone shows contact_name and phone, both required.
    await answer(id, 'callback', 'phone');
    const error = await failure('responses.complete', { id });
    expect(error.issues?.map((i) => i.path)).toEqual(['contact_name', 'phone']);
    await answer(id, 'callback', 'no');
    const done = await call<ResponseRecord>('responses.complete', { id });
    expect(done.status).toBe('complete');
  });

  it('sets the completion time and flags a response finished under the too-fast threshold', async () => {
    const survey = await publishedSurvey();
    const { id } = await startInterview(survey.id);
    await answerRequired(id);
    const done = await call<ResponseRecord>('responses.complete', { id });
    expect(done.completedAt).not.toBeNull();
    expect(Date.parse(done.completedAt!)).toBeGreaterThanOrEqual(Date.parse(done.startedAt));
    expect(done.flags.map((f) => f.rule)).toEqual(['too_fast']);
    expect(done.flags[0]!.detail).toMatchObject({ limit: 120 });
    expect(done.history.map((h) => h.action)).toEqual(['complete']);
    expect(await call<ResponseSummary[]>('responses.resumable', {})).toEqual([]);
  });

  it('stores calculated fields with the completed response', async () => {
    const survey = await publishedSurvey();
    const r = await startInterview(survey.id);
    await answerRequired(r.id);
    expect((await get(r.id)).answers.resp_mean).toBeUndefined();
    await call('responses.complete', { id: r.id });
    // resp_1..3 were answered 1, 2, 3: (1 + 2 + 3) div 3 = 2.
    expect((await get(r.id)).answers.resp_mean).toBe(2);
  });

  it('does not flag an interview that took longer than the threshold', async () => {
    const survey = await publishedSurvey();
    const { id, startedAt } = await startInterview(survey.id);
    await answerRequired(id);
    const sevenMinutesLater = new Date(Date.parse(startedAt) + 7 * 60_000).toISOString();
    const done = services.ctx.fieldwork.complete(id, sevenMinutesLater);
    expect(done).toMatchObject({ status: 'complete', completedAt: sevenMinutesLater, flags: [] });
  });

  it('refuses further answers to a completed response (CONFLICT) and keeps the stored ones', async () => {
    const survey = await publishedSurvey();
    const { id } = await startInterview(survey.id);
    await answerRequired(id);
    await call('responses.complete', { id });
    const before = (await get(id)).answers;
    expect((await failure('responses.answer', { id, variable: 'resp_1', value: 1 })).code).toBe(
      'CONFLICT',
    );
    expect((await failure('responses.complete', { id })).code).toBe('CONFLICT');
    expect((await get(id)).answers).toEqual(before);
  });
});

describe('abandoning and resuming', () => {
  it('abandons an interview: its answers are kept, it is no longer resumable and takes no answers', async () => {
    const survey = await publishedSurvey();
    const { id } = await startInterview(survey.id);
    await answer(id, 'resp_1', 2);
    const abandoned = await call<ResponseRecord>('responses.abandon', { id });
    expect(abandoned).toMatchObject({
      status: 'abandoned',
      completedAt: null,
      answers: { resp_1: 2 },
    });
    expect(await call<ResponseSummary[]>('responses.resumable', {})).toEqual([]);
    expect((await failure('responses.answer', { id, variable: 'resp_1', value: 3 })).code).toBe(
      'CONFLICT',
    );
  });

  it('offers only the in-progress interviews of this device, newest first', async () => {
    const survey = await publishedSurvey();
    const older = await startInterview(survey.id);
    await answer(older.id, 'resp_1', 4);
    await new Promise((resolve) => setTimeout(resolve, 5)); // a later updated_at, to the millisecond
    const newer = await startInterview(survey.id);
    await answer(newer.id, 'resp_1', 3);
    await answer(newer.id, 'resp_2', 3);
    const kiosk = await startInterview(survey.id, 'kiosk');
    const finished = await startInterview(survey.id);
    await answerRequired(finished.id);
    await call('responses.complete', { id: finished.id });
    const abandoned = await startInterview(survey.id);
    await call('responses.abandon', { id: abandoned.id });
    const elsewhere = await startInterview(survey.id);
    services.ctx.db
      .prepare('UPDATE responses SET device_id = ? WHERE id = ?')
      .run('another-laptop', elsewhere.id);

    const resumable = await call<ResponseSummary[]>('responses.resumable', {});
    expect(resumable.map((r) => r.id)).toEqual([newer.id, older.id]);
    expect(resumable[0]).toMatchObject({
      channel: 'interview',
      status: 'in_progress',
      answerCount: 2,
    });
    expect(resumable.map((r) => r.id)).not.toContain(kiosk.id);
  });
});
