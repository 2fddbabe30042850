/**
 * The paper-batch service on a temporary database through the real dispatcher: batches, the
 * first pass as paper responses, the second pass kept apart, the comparison, resolution with
 * history, verification refused while anything differs or is missing, and the typists'
 * statistics worked out by hand.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type {
  OperatorStats,
  PaperBatch,
  PaperBatchDetail,
  PaperComparison,
} from '../../shared/api/paper';
import type { ApiError } from '../../shared/errors';
import type { ResponseRecord } from '../../shared/responses';
import type { SurveyDetail } from '../../shared/surveys';
import { operatorStats } from '../../main/fieldwork/paper-compare';
import type { RunningServices } from '../../main/services/start';
import { startTestServices } from '../helpers/services';

let dir: string;
let services: RunningServices;

async function call<T>(method: string, input: unknown): Promise<T> {
  const result = await services.dispatch(method, input);
  if (!result.ok) throw Object.assign(new Error(result.error.message), { apiError: result.error });
  return result.value as T;
}

async function failure(method: string, input: unknown): Promise<ApiError> {
  const result = await services.dispatch(method, input);
  if (result.ok) throw new Error(`${method} succeeded but should have failed`);
  return result.error;
}

const typist = (operatorName: string) => call('settings.update', { operatorName });
const card = {
  service_kind: 'repair',
  time_to_fix: 'h4',
  timeliness: 4,
  engineer_skill: 5,
  engineer_manner: 4,
  solved: 'yes',
  fix_quality: 4,
  overall: 5,
  nps: 9,
};
const stats = { keystrokes: 12, corrections: 1, rejected: 0, answers: 10, durationMs: 30_000 };

/** Keys one card as the entry screen does: start, one commit per answer, finish. */
async function keyCard(
  batchId: string,
  pass: 1 | 2,
  cardNo: string,
  answers: Record<string, unknown> = card,
  finish = true,
) {
  const { responseId } = await call<{ responseId: string | null }>('paper.startCard', {
    batchId,
    pass,
    cardNo,
    consent: true,
  });
  for (const [variable, value] of Object.entries(answers)) {
    if (pass === 1) await call('responses.answer', { id: responseId, variable, value });
    else await call('paper.secondAnswer', { batchId, cardNo, variable, value });
  }
  if (finish) await call('paper.finishCard', { batchId, pass, cardNo, stats });
  return responseId;
}

async function newBatch(doubleEntry = true, batchNo = 'SH-01'): Promise<PaperBatch> {
  const survey = await call<SurveyDetail>('surveys.create', {
    template: 'after-sales',
    language: 'zh-CN',
  });
  await call('surveys.publish', { id: survey.id });
  return call<PaperBatch>('paper.createBatch', {
    surveyId: survey.id,
    waveId: null,
    event: '2026 上海展会',
    batchDate: '2026-11-20',
    batchNo,
    doubleEntry,
  });
}

beforeEach(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'surveydesk-paper-'));
  services = await startTestServices(path.join(dir, 'db.sqlite'));
  await typist('王芳');
});
afterEach(async () => {
  await services.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('paper batches and the first pass', () => {
  it('creates a batch on the published version, lists it with its counts, and refuses a second batch number SH-01', async () => {
    const batch = await newBatch();
    expect(batch).toMatchObject({
      event: '2026 上海展会',
      batchDate: '2026-11-20',
      batchNo: 'SH-01',
      doubleEntry: true,
      status: 'open',
      versionNo: 1,
      operator: '王芳',
      firstPass: 0,
    });
    await keyCard(batch.id, 1, '1');
    await keyCard(batch.id, 1, '2', { service_kind: 'install' }, false);
    const [listed] = await call<PaperBatch[]>('paper.batches', { surveyId: batch.surveyId });
    expect(listed).toMatchObject({ id: batch.id, firstPass: 1, secondPass: 0, unfinished: 1 });
    const again = await failure('paper.createBatch', {
      surveyId: batch.surveyId,
      waveId: null,
      event: 'x',
      batchDate: '2026-11-21',
      batchNo: 'SH-01',
      doubleEntry: false,
    });
    expect(again.code).toBe('CONFLICT');
  });

  it('saves a card as a complete paper response with batch, card number, paper consent, the batch date as start, and its entry stats', async () => {
    const batch = await newBatch();
    const id = await keyCard(batch.id, 1, '7');
    const record = await call<ResponseRecord>('responses.get', { id });
    expect(record).toMatchObject({
      status: 'complete',
      channel: 'paper',
      batchId: batch.id,
      cardNo: '7',
      interviewer: '王芳',
      startedAt: '2026-11-20T00:00:00.000Z',
      answers: card,
      entryStats: stats,
    });
    expect(record.consent).toMatchObject({ given: true, method: 'paper', versionNo: 1 });
    // Typing takes seconds; the card is not "too fast" because its start is the day it was filled in.
    expect(record.flags.map((f) => f.rule)).not.toContain('too_fast');
    expect(
      (await failure('paper.startCard', { batchId: batch.id, pass: 1, cardNo: '7', consent: true }))
        .code,
    ).toBe('CARD_EXISTS');
  });

  it('starts an unfinished card again from empty instead of making a second response', async () => {
    const batch = await newBatch();
    const first = await keyCard(batch.id, 1, '3', { service_kind: 'return', timeliness: 1 }, false);
    const again = await keyCard(batch.id, 1, '3', { service_kind: 'repair' }, false);
    expect(again).toBe(first);
    expect((await call<ResponseRecord>('responses.get', { id: first })).answers).toEqual({
      service_kind: 'repair',
    });
    expect((await call<{ total: number }>('responses.list', { channel: 'paper' })).total).toBe(1);
  });

  it('refuses to save a card with a required answer missing, and a card without consent', async () => {
    const batch = await newBatch();
    await keyCard(batch.id, 1, '4', { service_kind: 'repair' }, false);
    const incomplete = await failure('paper.finishCard', {
      batchId: batch.id,
      pass: 1,
      cardNo: '4',
      stats,
    });
    expect(incomplete.code).toBe('ANSWERS_INCOMPLETE');
    expect(
      (
        await failure('paper.startCard', {
          batchId: batch.id,
          pass: 1,
          cardNo: '5',
          consent: false,
        })
      ).code,
    ).toBe('CONSENT_REQUIRED');
  });
});

describe('double entry', () => {
  async function bothPasses() {
    const batch = await newBatch();
    const ids = {
      '1': await keyCard(batch.id, 1, '1'),
      '2': await keyCard(batch.id, 1, '2'),
      '3': await keyCard(batch.id, 1, '3'),
    };
    await typist('李强');
    await keyCard(batch.id, 2, '1');
    await keyCard(batch.id, 2, '2', { ...card, timeliness: 2, nps: 10 });
    await keyCard(batch.id, 2, '4');
    await keyCard(batch.id, 2, '5', { service_kind: 'repair' }, false);
    return { batch, ids };
  }

  it('keeps the second pass out of the responses and refuses it to the first pass’s typist', async () => {
    const { batch } = await bothPasses();
    expect((await call<{ total: number }>('responses.list', { channel: 'paper' })).total).toBe(3);
    const detail = await call<PaperBatchDetail>('paper.batch', { id: batch.id });
    expect(
      detail.cards.filter((c) => c.pass === 2).map((c) => [c.cardNo, c.operator, c.finished]),
    ).toEqual([
      ['1', '李强', true],
      ['2', '李强', true],
      ['4', '李强', true],
      ['5', '李强', false],
    ]);
    await typist('王芳');
    expect(
      (await failure('paper.startCard', { batchId: batch.id, pass: 2, cardNo: '3', consent: true }))
        .code,
    ).toBe('SAME_OPERATOR');
  });

  it('lists mismatches per card and question, cards missing from either pass and unfinished ones, and refuses to verify', async () => {
    const { batch, ids } = await bothPasses();
    const result = await call<PaperComparison>('paper.compare', { id: batch.id });
    expect(result.mismatches).toEqual([
      { cardNo: '2', responseId: ids['2'], variable: 'timeliness', first: 4, second: 2 },
      { cardNo: '2', responseId: ids['2'], variable: 'nps', first: 9, second: 10 },
    ]);
    expect(result).toMatchObject({
      missingSecond: ['3'],
      missingFirst: ['4'],
      unfinished: ['5'],
      comparedCards: 2,
      verifiable: false,
    });
    const refused = await failure('paper.verify', { id: batch.id });
    expect(refused.code).toBe('BATCH_NOT_VERIFIED');
    expect(refused.message).toContain('2');
  });

  it('resolves mismatches through an edit with history, notes a kept value, refuses an out-of-range value, then verifies', async () => {
    const { batch, ids } = await bothPasses();
    await typist('张主管');
    // The second typist was right about timeliness: the response is edited, revision 2.
    await call('paper.resolve', {
      batchId: batch.id,
      cardNo: '2',
      variable: 'timeliness',
      value: 2,
    });
    const edited = await call<ResponseRecord>('responses.get', { id: ids['2'] });
    expect(edited.answers.timeliness).toBe(2);
    expect(edited.revision).toBe(2);
    expect(edited.history.at(-1)).toMatchObject({
      action: 'edit',
      actor: '张主管',
      variable: 'timeliness',
      oldValue: 4,
      newValue: 2,
      comment: 'paper double entry, card 2',
    });
    // The first typist was right about NPS: nothing changes but the history says who decided.
    expect(
      (
        await failure('paper.resolve', {
          batchId: batch.id,
          cardNo: '2',
          variable: 'nps',
          value: 11,
        })
      ).code,
    ).toBe('INVALID_INPUT');
    const after = await call<PaperComparison>('paper.resolve', {
      batchId: batch.id,
      cardNo: '2',
      variable: 'nps',
      value: 9,
    });
    expect(after.mismatches).toEqual([]);
    const kept = await call<ResponseRecord>('responses.get', { id: ids['2'] });
    expect(kept.revision).toBe(2);
    expect(kept.history.at(-1)).toMatchObject({
      action: 'double_entry_kept',
      variable: 'nps',
      oldValue: 10,
      newValue: 9,
    });
    // Still missing: card 3 in pass 2, card 4 in pass 1, card 5 unfinished.
    expect((await failure('paper.verify', { id: batch.id })).code).toBe('BATCH_NOT_VERIFIED');
    await typist('李强');
    await keyCard(batch.id, 2, '3');
    await keyCard(batch.id, 2, '5');
    await typist('王芳');
    await keyCard(batch.id, 1, '4');
    await keyCard(batch.id, 1, '5');
    const verified = await call<PaperBatch>('paper.verify', { id: batch.id });
    expect(verified).toMatchObject({
      status: 'verified',
      firstPass: 5,
      secondPass: 5,
      unfinished: 0,
    });
    expect(
      (await failure('paper.startCard', { batchId: batch.id, pass: 1, cardNo: '6', consent: true }))
        .code,
    ).toBe('CONFLICT');
  });

  it('does not verify a single-entry batch, and closes it as entered', async () => {
    const batch = await newBatch(false, 'SH-02');
    await keyCard(batch.id, 1, '1');
    expect(
      (await failure('paper.startCard', { batchId: batch.id, pass: 2, cardNo: '1', consent: true }))
        .code,
    ).toBe('CONFLICT');
    expect((await failure('paper.verify', { id: batch.id })).code).toBe('CONFLICT');
    expect((await call<PaperBatch>('paper.closeBatch', { id: batch.id })).status).toBe('entered');
  });
});

describe('typist statistics', () => {
  it('works out cards per hour, keystrokes and errors per card from the sums (checked by hand)', () => {
    const [a, b] = operatorStats([
      {
        pass: 1,
        operator: '王芳',
        stats: { keystrokes: 21, corrections: 1, rejected: 2, answers: 20, durationMs: 40_000 },
      },
      {
        pass: 1,
        operator: '王芳',
        stats: { keystrokes: 25, corrections: 3, rejected: 0, answers: 20, durationMs: 50_000 },
      },
      {
        pass: 2,
        operator: '李强',
        stats: { keystrokes: 30, corrections: 0, rejected: 0, answers: 20, durationMs: 0 },
      },
    ]);
    // 2 cards in 90 s = 80 cards/h; 46 keys / 2 cards = 23; 46 / 40 answers = 1.15; (2 + 4) / 2 = 3.
    expect(a).toEqual({
      pass: 1,
      operator: '王芳',
      cards: 2,
      keystrokes: 46,
      corrections: 4,
      rejected: 2,
      answers: 40,
      durationMs: 90_000,
      cardsPerHour: 80,
      keystrokesPerCard: 23,
      keystrokesPerAnswer: 1.15,
      errorsPerCard: 3,
    });
    expect(b).toMatchObject({
      pass: 2,
      operator: '李强',
      cards: 1,
      cardsPerHour: null,
      keystrokesPerCard: 30,
      errorsPerCard: 0,
    });
  });

  it('reports each typist of each pass of a batch', async () => {
    const batch = await newBatch();
    await keyCard(batch.id, 1, '1');
    await keyCard(batch.id, 1, '2');
    await typist('李强');
    await keyCard(batch.id, 2, '1');
    const rows = await call<OperatorStats[]>('paper.stats', { id: batch.id });
    // Each card: 12 keys, 1 correction, 30 s → 120 cards/h.
    expect(
      rows.map((r) => [
        r.pass,
        r.operator,
        r.cards,
        r.keystrokesPerCard,
        r.cardsPerHour,
        r.errorsPerCard,
      ]),
    ).toEqual([
      [1, '王芳', 2, 12, 120, 1],
      [2, '李强', 1, 12, 120, 1],
    ]);
  });
});
