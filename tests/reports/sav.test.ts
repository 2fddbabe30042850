/**
 * The SPSS export read back by our own minimal reader, and by PSPP and R's haven when they are
 * installed (Debian: pspp, r-cran-haven).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeSav } from '../../main/reports/exports/sav';
import { SPSS_EPOCH_OFFSET } from '../../main/reports/exports/sav-format';
import { openRawData, readDefinition, type RawData } from '../../main/reports/raw-data';
import type { SurveyDefinition } from '../../shared/questionnaire/model';
import {
  CONTACT_NAME,
  FORMULA_TEXTS,
  LONG_TEXT,
  exportFixture,
  type ExportFixture,
} from './export-fixture';
import { readSav, type SavRead } from './sav-reader';

const has = (command: string) => spawnSync('sh', ['-c', `command -v ${command}`]).status === 0;
const hasPspp = has('pspp-convert');
const hasHaven = has('Rscript') && spawnSync('Rscript', ['-e', 'library(haven)']).status === 0;

let dir: string;
let fx: ExportFixture;
let definition: SurveyDefinition;
let savPath: string;
let data: RawData;
let sav: SavRead;

function open(includePersonal = false): RawData {
  return openRawData(
    fx.db,
    definition,
    { surveyId: fx.demo.surveyId },
    { lang: 'zh-CN', includePersonal },
  );
}

const column = (name: string) => sav.variables.findIndex((v) => v.name === name);
const caseOf = (id: string) => sav.cases.find((c) => c[column('response_id')] === id)!;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'surveydesk-sav-'));
  fx = await exportFixture(path.join(dir, 'app.sqlite'));
  definition = readDefinition(fx.db, fx.demo.surveyId).definition;
  savPath = path.join(dir, 'data.sav');
  data = open();
  await writeSav(data, savPath, { labels: 'labels', fileLabel: '客户服务满意度调查' });
  sav = readSav(fs.readFileSync(savPath));
}, 60_000);

afterAll(async () => {
  await fx.services.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('the SPSS export', () => {
  it('is an uncompressed UTF-8 system file with the number of cases in its header', () => {
    expect(sav.caseCount).toBe(300);
    expect(sav.cases).toHaveLength(300);
    expect(sav.encoding).toBe('UTF-8');
    expect(sav.characterCode).toBe(65001);
    expect(sav.fileLabel).toBe('客户服务满意度调查');
  });

  it('has one variable per raw-data column, with long names and labels in questionnaire order', () => {
    expect(sav.variables.map((v) => v.name)).toEqual(data.columns.map((c) => c.name));
    expect(sav.variables.every((v) => /^[A-Z][A-Z0-9_.@#$]{0,7}$/.test(v.shortName))).toBe(true);
    expect(new Set(sav.variables.map((v) => v.shortName)).size).toBe(sav.variables.length);
    expect(sav.variables[column('resp_1')]!.label).toBe('服务人员能够及时响应我的咨询或需求');
    expect(column('phone')).toBe(-1);
  });

  it('labels scale points and codes choices as numbers with value labels', () => {
    expect([...sav.variables[column('resp_1')]!.valueLabels]).toEqual([
      [1, '非常不同意'],
      [2, '不同意'],
      [3, '一般'],
      [4, '同意'],
      [5, '非常同意'],
    ]);
    expect([...sav.variables[column('callback')]!.valueLabels]).toEqual([
      [1, '可以，请电话联系我'],
      [2, '不需要'],
    ]);
    expect([...sav.variables[column('service_type_consult')]!.valueLabels.keys()]).toEqual([0, 1]);
    const answer = fx.db
      .prepare("SELECT value_text FROM answers WHERE variable = 'callback' AND response_id = ?")
      .get(fx.personalId) as { value_text: string };
    expect(caseOf(fx.personalId)[column('callback')]).toBe(answer.value_text === 'phone' ? 1 : 2);
  });

  it('writes the stored codes as value labels with codes', async () => {
    const file = path.join(dir, 'codes.sav');
    await writeSav(open(), file, { labels: 'codes', fileLabel: 'x' });
    const codes = readSav(fs.readFileSync(file));
    expect([
      ...codes.variables[
        codes.variables.findIndex((v) => v.name === 'callback')
      ]!.valueLabels.values(),
    ]).toEqual(['phone', 'no']);
  });

  it('keeps numbers, leaves unanswered questions system-missing and dates as SPSS dates', () => {
    const row = fx.db
      .prepare("SELECT value_num FROM answers WHERE variable = 'resp_1' AND response_id = ?")
      .get(fx.quotedId) as { value_num: number };
    expect(caseOf(fx.quotedId)[column('resp_1')]).toBe(row.value_num);
    expect(sav.cases.every((c) => c[column('service_date')] === null)).toBe(true);
    expect(sav.variables[column('started_at')]!.format).toEqual({
      type: 22,
      width: 20,
      decimals: 0,
    });
    const started = fx.db
      .prepare('SELECT started_at FROM responses WHERE id = ?')
      .get(fx.quotedId) as { started_at: string };
    const seconds = caseOf(fx.quotedId)[column('started_at')] as number;
    expect(new Date((seconds - SPSS_EPOCH_OFFSET) * 1000).toISOString()).toBe(started.started_at);
  });

  it('writes texts in UTF-8 exactly, a 1,203-byte answer as a very long string, formulas as plain text', () => {
    expect(sav.variables[column('improve')]!.width).toBe(Buffer.byteLength(LONG_TEXT));
    expect(caseOf(fx.longId)[column('improve')]).toBe(LONG_TEXT);
    fx.formulaIds.forEach((id, k) =>
      expect(caseOf(id)[column('staff_id')]).toBe(FORMULA_TEXTS[k]!.trimEnd()),
    );
  });

  it('includes the personal-data questions only when asked for', async () => {
    const file = path.join(dir, 'personal.sav');
    await writeSav(open(true), file, { labels: 'labels', fileLabel: 'x' });
    const personal = readSav(fs.readFileSync(file));
    const name = personal.variables.findIndex((v) => v.name === 'contact_name');
    const id = personal.variables.findIndex((v) => v.name === 'response_id');
    expect(personal.cases.find((c) => c[id] === fx.personalId)![name]).toBe(CONTACT_NAME);
  });

  it.skipIf(!hasPspp)('is read by PSPP (pspp-convert) with every case and variable', () => {
    const out = path.join(dir, 'pspp.csv');
    const run = spawnSync('pspp-convert', [savPath, out], { encoding: 'utf8' });
    expect(run.status, run.stderr).toBe(0);
    const rows = parse(fs.readFileSync(out, 'utf8'), { bom: true });
    expect(rows[0]).toEqual(data.columns.map((c) => c.name));
    expect(rows).toHaveLength(301);
    const improve = rows[0]!.indexOf('improve');
    expect(rows.find((r) => r[0] === fx.longId)![improve]).toBe(LONG_TEXT);
  });

  it.skipIf(!hasHaven)("is read by R's haven with labels and value labels", () => {
    const script = `d <- haven::read_sav(${JSON.stringify(savPath)}); cat(nrow(d), ncol(d), attr(d$resp_1, "label"), paste(names(attr(d$resp_1, "labels")), collapse = "|"), max(nchar(d$improve)), sep = "\\n")`;
    const run = spawnSync('Rscript', ['-e', script], { encoding: 'utf8' });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout.trim().split('\n')).toEqual([
      '300',
      String(data.columns.length),
      '服务人员能够及时响应我的咨询或需求',
      '非常不同意|不同意|一般|同意|非常同意',
      String([...LONG_TEXT].length),
    ]);
  });
});
