/** Cells read as answers, times, durations, channels and consent. */
import { describe, expect, it } from 'vitest';
import { readAnswer, readOptionFlag } from '../../main/imports/cells';
import { parseChannel, parseConsent, parseDuration, parseInstant } from '../../main/imports/fields';
import { allQuestions, type Question } from '../../shared/questionnaire/model';
import { customerServiceTemplate } from '../../shared/questionnaire/templates/customer-service';

const question = (name: string): Question =>
  allQuestions(customerServiceTemplate).find((q) => q.name === name)!;

describe('reading answers', () => {
  it('reads Likert points as numbers or by their labels, and refuses points off the scale', () => {
    expect(readAnswer(question('resp_1'), '4')).toEqual({ ok: true, value: 4 });
    expect(readAnswer(question('resp_1'), '4.0')).toEqual({ ok: true, value: 4 });
    expect(readAnswer(question('resp_1'), '同意')).toEqual({ ok: true, value: 4 });
    expect(readAnswer(question('resp_1'), 'strongly agree')).toEqual({ ok: true, value: 5 });
    expect(readAnswer(question('resp_1'), '6')).toMatchObject({
      ok: false,
      code: 'out_of_scale',
      params: { min: 1, max: 5 },
    });
    expect(readAnswer(question('resp_1'), '3.5')).toMatchObject({
      ok: false,
      code: 'out_of_scale',
    });
    expect(readAnswer(question('nps'), '0')).toEqual({ ok: true, value: 0 });
    expect(readAnswer(question('nps'), '11')).toMatchObject({
      ok: false,
      code: 'out_of_scale',
      params: { min: 0, max: 10 },
    });
  });

  it('reads single choice by code, by code in another case, or by label in any language', () => {
    for (const text of ['phone', 'PHONE', '可以，请电话联系我', 'Yes, by phone']) {
      expect(readAnswer(question('callback'), text)).toEqual({ ok: true, value: 'phone' });
    }
    expect(readAnswer(question('callback'), 'later')).toMatchObject({
      ok: false,
      code: 'unknown_choice',
      params: { value: 'later' },
    });
  });

  it('reads multiple choice with any usual separator, in questionnaire order', () => {
    for (const text of [
      'complaint;consult',
      'consult complaint',
      '咨询┋投诉',
      'Enquiry, Complaint',
      '咨询、投诉',
      'consult|complaint',
    ]) {
      expect(readAnswer(question('service_type'), text)).toEqual({
        ok: true,
        value: ['consult', 'complaint'],
      });
    }
    expect(readAnswer(question('service_type'), 'consult;repair')).toMatchObject({
      ok: false,
      code: 'unknown_choice',
      params: { value: 'repair' },
    });
  });

  it('reads dates as ISO text and refuses impossible ones', () => {
    expect(readAnswer(question('service_date'), '2026-3-2')).toEqual({
      ok: true,
      value: '2026-03-02',
    });
    expect(readAnswer(question('service_date'), '2026/03/02 00:00:00')).toEqual({
      ok: true,
      value: '2026-03-02',
    });
    expect(readAnswer(question('service_date'), '2026-02-30')).toMatchObject({
      ok: false,
      code: 'bad_date',
    });
    expect(readAnswer(question('service_date'), '02.03.2026')).toMatchObject({
      ok: false,
      code: 'bad_date',
    });
  });

  it('reads 0/1 option columns', () => {
    expect(['1', '0', '', 'x', '是', 'no'].map(readOptionFlag)).toEqual([
      true,
      false,
      false,
      true,
      true,
      false,
    ]);
    expect(readOptionFlag('2')).toBeNull();
  });
});

describe('reading response fields', () => {
  it('reads times without a zone as local time, and ISO times with their zone', () => {
    const local = new Date(2026, 2, 2, 9, 30, 15).getTime();
    for (const text of [
      '2026-03-02 09:30:15',
      '2026/3/2 9:30:15',
      '2026年3月2日 09:30:15',
      '2026-03-02T09:30:15',
    ]) {
      expect(parseInstant(text)?.getTime()).toBe(local);
    }
    expect(parseInstant('2026-03-02T01:30:15Z')?.toISOString()).toBe('2026-03-02T01:30:15.000Z');
    expect(parseInstant('2026-03-02T09:30:15+08:00')?.toISOString()).toBe(
      '2026-03-02T01:30:15.000Z',
    );
    expect(parseInstant('2026-02-30 09:00')).toBeNull();
    expect(parseInstant('yesterday')).toBeNull();
  });

  it('reads durations as online tools write them', () => {
    const cases: [string, number][] = [
      ['125', 125],
      ['125.5', 125.5],
      ['2:05', 125],
      ['0:02:05', 125],
      ['125秒', 125],
      ['2分5秒', 125],
      ['2 min 5 s', 125],
      ['1小时2分', 3720],
      ['3m20s', 200],
    ];
    for (const [text, seconds] of cases) expect(parseDuration(text), text).toBe(seconds);
    expect(parseDuration('2.5', 'minutes')).toBe(150);
    for (const text of ['-5', 'soon', '5 days', '2分钟左右'])
      expect(parseDuration(text), text).toBeNull();
  });

  it('reads channels and consent from codes and common words', () => {
    expect(['interview', '面访', 'Kiosk', '纸质', 'online', '问卷星'].map(parseChannel)).toEqual([
      'interview',
      'interview',
      'kiosk',
      'paper',
      'import',
      null,
    ]);
    expect(['yes', '是', '同意', 'no', '否', 'perhaps'].map(parseConsent)).toEqual([
      true,
      true,
      true,
      false,
      false,
      null,
    ]);
  });
});
