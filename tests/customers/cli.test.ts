/** `surveydesk customers` run as a separate process the way a user runs it. */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import iconv from 'iconv-lite';
import { beforeEach, describe, expect, it } from 'vitest';
import { inspect } from '../helpers/db';
import { startTestServices } from '../helpers/services';
import { useTempDir } from '../helpers/temp-dir';

const BIN = path.resolve(import.meta.dirname, '../../bin/surveydesk.mjs');

function surveydesk(...args: string[]) {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    encoding: 'utf8',
    env: { ...process.env, LANG: 'C.UTF-8', LC_ALL: '' },
    timeout: 30_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const LIST = [
  '客户编号,客户名称,阶段,客户状态,区域,联系电话',
  'C202405001,华信科技有限公司,C轮,稳定期,华东,13800138000',
  'C202405002,远航物流,A轮,试用期,华南,0755-86543210',
].join('\r\n');

describe('surveydesk customers', () => {
  const temp = useTempDir('cli-customers');
  let db: string;

  beforeEach(async () => {
    db = temp.join('app.sqlite');
    const services = await startTestServices(db);
    await services.close();
  });

  const customers = () =>
    inspect(db, (d) => d.prepare('SELECT code, stage, region FROM customers ORDER BY code').all());
  const file = temp.join.bind(temp);

  it('refuses a list whose stage column holds something else, naming each row, and stores nothing', () => {
    const csv = file('crm.csv');
    fs.writeFileSync(csv, iconv.encode(LIST, 'gbk'));
    const run = surveydesk('customers', 'import', csv, '--db', db, '--lang', 'zh-CN');
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('有 2 个问题，未导入任何客户');
    expect(run.stderr).toContain(
      '第 2 行，列“阶段”，值“C轮”：合作阶段只能是试用期、稳定期或续约期',
    );
    expect(customers()).toEqual([]);
  });

  it('imports with a mapping, then lists and searches the register', () => {
    const csv = file('crm.csv');
    fs.writeFileSync(csv, iconv.encode(LIST, 'gbk'));
    const dry = surveydesk(
      'customers',
      'import',
      csv,
      '--db',
      db,
      '--lang',
      'en',
      '--map',
      '阶段=ignore,客户状态=stage',
      '--dry-run',
    );
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain('Dry run: 2 new, 0 updated, 0 unchanged; nothing was stored.');
    expect(customers()).toEqual([]);
    const run = surveydesk(
      'customers',
      'import',
      csv,
      '--db',
      db,
      '--lang',
      'en',
      '--map',
      '阶段=ignore,客户状态=stage',
    );
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Imported: 2 new, 0 updated, 0 unchanged.');
    expect(run.stdout).toMatch(/Backup before the import: .*surveydesk-import-.*\.sqlite/);
    expect(customers()).toEqual([
      { code: 'C202405001', stage: '稳定期', region: '华东' },
      { code: 'C202405002', stage: '试用期', region: '华南' },
    ]);
    const listed = surveydesk('customers', 'list', '远航', '--db', db, '--lang', 'en');
    expect(listed.code).toBe(0);
    expect(listed.stdout).toBe('C202405002\t远航物流\t-\t试用期\t华南\t-\n1 customers (1 shown)\n');
  });

  it('exits 2 on a mapping to a field the register does not have', () => {
    const csv = file('crm.csv');
    fs.writeFileSync(csv, LIST);
    const run = surveydesk('customers', 'import', csv, '--db', db, '--map', '阶段=funding');
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('funding');
  });
});
