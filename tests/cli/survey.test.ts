import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportSurveyJson } from '../../main/xlsform/json';
import { TEMPLATES } from '../../shared/questionnaire/templates';
import { runCli } from '../helpers/cli';

let dir: string;
let db: string;

const surveydesk = (...args: string[]) => runCli([...args, '--db', db], { timeout: 60_000 });

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'surveydesk-cli-survey-'));
  db = path.join(dir, 'db.sqlite');
  expect(surveydesk('init').code).toBe(0);
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('surveydesk survey', () => {
  it('imports a JSON questionnaire, lists it, exports it as XLSForm and checks the export', () => {
    const json = path.join(dir, 'after-sales.survey.json');
    fs.writeFileSync(json, exportSurveyJson(TEMPLATES['after-sales']));
    const imported = surveydesk('survey', 'import', json);
    expect(imported.code).toBe(0);
    const code = imported.stdout.split(/\s+/)[0]!;
    expect(code).toMatch(/^SV\d{4}-\d{3}$/);
    expect(surveydesk('survey', 'list').stdout).toContain('售后服务反馈表');

    const xlsx = path.join(dir, 'out', 'after-sales.xlsx');
    const exported = surveydesk('survey', 'export', code, '--format', 'xlsform', '--out', xlsx);
    expect(exported.code).toBe(0);
    expect(fs.readFileSync(xlsx).subarray(0, 2).toString()).toBe('PK');
    const check = surveydesk('survey', 'check', xlsx);
    expect(check.code).toBe(0);
    expect(check.stdout).not.toMatch(/^Error:/m);
  });

  it('check exits 1 and names the problem for a questionnaire with a broken reference', () => {
    const broken = structuredClone(TEMPLATES['after-sales']);
    broken.pages[0]!.questions[0]!.relevant = '${nowhere} = 1';
    const file = path.join(dir, 'broken.survey.json');
    fs.writeFileSync(file, exportSurveyJson(broken));
    const check = surveydesk('survey', 'check', file);
    expect(check.code).toBe(1);
    expect(check.stdout).toContain('${nowhere}');
  });

  it('refuses a file that is not a workbook, with a clear message, and stores nothing', () => {
    const before = surveydesk('survey', 'list', '--json');
    const bad = path.join(dir, 'not-a-form.xlsx');
    fs.writeFileSync(bad, 'this is not a spreadsheet');
    const result = surveydesk('survey', 'import', bad);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/could not be imported/);
    expect(surveydesk('survey', 'list', '--json').stdout).toBe(before.stdout);
  });
});
