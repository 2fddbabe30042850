/**
 * `surveydesk import-responses` run as a separate process the way a user runs it, on a
 * database with a published survey.
 */
import fs from 'node:fs';
import iconv from 'iconv-lite';
import { beforeEach, describe, expect, it } from 'vitest';
import type { ImportResult } from '../../shared/api/imports';
import { inspect } from '../helpers/db';
import { startTestServices } from '../helpers/services';
import { useTempDir } from '../helpers/temp-dir';
import { goodRows, publishedSurvey, toCsv } from '../imports/fixture';
import { runCli } from '../helpers/cli';

const surveydesk = (...args: string[]) => runCli(args);

describe('surveydesk import-responses', () => {
  const temp = useTempDir('cli-import');
  let db: string;
  let code: string;

  beforeEach(async () => {
    db = temp.join('app.sqlite');
    const services = await startTestServices(db);
    try {
      code = (await publishedSurvey(services)).code;
    } finally {
      await services.close();
    }
  });

  const responses = () =>
    inspect(db, (d) => d.prepare('SELECT count(*) FROM responses').pluck().get());
  const write = (name: string, data: string | Buffer) => {
    const file = temp.join(name);
    fs.writeFileSync(file, data);
    return file;
  };

  it('imports a GBK CSV into a wave and says how each column was read', () => {
    const file = write('问卷星导出.csv', iconv.encode(toCsv(goodRows()), 'gbk'));
    const result = surveydesk(
      'import-responses',
      file,
      '--survey',
      code,
      '--wave',
      '2026 Q1',
      '--db',
      db,
    );
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('客户编号 -> customer');
    expect(result.stdout).toContain('The file was read as GB18030 text.');
    expect(result.stdout).toContain(`Imported 2 responses into ${code}.`);
    expect(responses()).toBe(2);
    const wave = inspect(db, (d) =>
      d
        .prepare('SELECT DISTINCT w.name FROM responses r JOIN waves w ON w.id = r.wave_id')
        .pluck()
        .all(),
    );
    expect(wave).toEqual(['2026 Q1']);
  });

  it('prints every problem with its row, column and value, stores nothing and exits 1', () => {
    const rows = goodRows();
    rows[2] = rows[2]!.map((cell, i) =>
      rows[0]![i] === 'callback' ? 'maybe' : rows[0]![i] === 'nps' ? '11' : cell,
    );
    const file = write('bad.csv', toCsv(rows));
    const result = surveydesk('import-responses', file, '--survey', code, '--db', db);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('2 problems; nothing was imported:');
    expect(result.stderr).toContain(
      'row 3, column “nps”, value “11”: Not a point of the 0–10 scale.',
    );
    expect(result.stderr).toContain(
      'row 3, column “callback”, value “maybe”: “maybe” is not a choice of callback',
    );
    expect(responses()).toBe(0);

    const zh = surveydesk(
      'import-responses',
      file,
      '--survey',
      code,
      '--db',
      db,
      '--lang',
      'zh-CN',
    );
    expect(zh.code).toBe(1);
    expect(zh.stderr).toContain('第 3 行，列“nps”，值“11”：不在 0–10 的量表范围内。');
  });

  it('checks without storing on --dry-run', () => {
    const file = write('r.csv', toCsv(goodRows()));
    const result = surveydesk('import-responses', file, '--survey', code, '--db', db, '--dry-run');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Dry run: 2 responses can be imported');
    expect(responses()).toBe(0);
  });

  it('takes --map and prints the result as JSON with --json', () => {
    const rows = goodRows();
    rows[0]![22] = '推荐意愿';
    rows[0]![27] = 'IP';
    const file = write('r.csv', toCsv(rows));
    const result = surveydesk(
      'import-responses',
      file,
      '--survey',
      code,
      '--db',
      db,
      '--json',
      '--map',
      '推荐意愿=nps,IP=ignore',
    );
    expect(result.code).toBe(0);
    const parsed = JSON.parse(result.stdout) as ImportResult;
    expect(parsed.imported).toBe(2);
    expect(parsed.columns).toContainEqual({ column: '推荐意愿', field: 'nps' });
    expect(parsed.columns).toContainEqual({ column: 'IP', field: 'ignore' });
  });

  it('refuses a survey without --survey or a file that does not exist', () => {
    expect(
      surveydesk('import-responses', temp.join('none.csv'), '--survey', code, '--db', db).code,
    ).toBe(2);
    const file = write('r.csv', toCsv(goodRows()));
    const missing = surveydesk('import-responses', file, '--db', db);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('--survey');
  });
});
