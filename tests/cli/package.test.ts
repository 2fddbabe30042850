/**
 * `surveydesk package` and `surveydesk keys` as a user runs them: separate processes on two
 * database files (the manager's and a field laptop's); passphrases only through the environment.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, runCli } from '../helpers/cli';
import { addCustomer, addResponse, openMachine, seedSurvey } from '../sync/fixture';

const PHONE = '13655554444';
const MANAGER_SECRET = 'manager passphrase 2026';

let dir: string;
let managerDb: string;
let laptopDb: string;

const surveydesk = (args: string[], env: Record<string, string> = {}) =>
  runCli(args, { env: { SURVEYDESK_PASSPHRASE: '', ...env }, input: '', timeout: 60_000 });

function countResponses(db: string): number {
  const info = spawnSync(process.execPath, [BIN, 'info', '--db', db, '--json'], {
    encoding: 'utf8',
  });
  return (JSON.parse(info.stdout) as { counts: { responses: number } }).counts.responses;
}

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'surveydesk-cli-package-'));
  const manager = await openMachine(dir, 'manager', true);
  const laptop = await openMachine(dir, 'laptop', true);
  seedSurvey(manager.db);
  seedSurvey(laptop.db);
  const customer = addCustomer(laptop.db, { code: 'C-77', name: '南方仪器', phone: PHONE });
  for (let i = 1; i <= 3; i++)
    addResponse(laptop, { q1: i, phone: PHONE }, { customerId: customer });
  managerDb = manager.file;
  laptopDb = laptop.file;
  manager.db.close();
  laptop.db.close();
}, 60_000);

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('surveydesk package and keys', () => {
  it('makes the manager key, exports a package to it from the laptop, imports it on the manager', () => {
    const noSecret = surveydesk(['keys', 'create', '--name', '总部', '--db', managerDb]);
    expect(noSecret.code).toBe(2);
    expect(noSecret.stderr).toContain('SURVEYDESK_PASSPHRASE');

    const created = surveydesk(
      ['keys', 'create', '--name', '总部', '--db', managerDb, '--lang', 'zh-CN'],
      { SURVEYDESK_PASSPHRASE: MANAGER_SECRET },
    );
    expect(created.code).toBe(0);
    expect(created.stdout).toMatch(/本机密钥：总部，指纹 [0-9a-f]{4} /);
    const keyFile = path.join(dir, 'manager.sdkey');
    expect(surveydesk(['keys', 'export', '--out', keyFile, '--db', managerDb]).code).toBe(0);

    const unchosen = surveydesk([
      'package',
      'export',
      '--survey',
      'CS-2026',
      '--out',
      path.join(dir, 'x.sdpkg'),
      '--db',
      laptopDb,
    ]);
    expect(unchosen.code).toBe(2);
    expect(unchosen.stderr).toContain('--to-key');

    const pkg = path.join(dir, 'laptop.sdpkg');
    const exported = surveydesk([
      'package',
      'export',
      '--survey',
      'CS-2026',
      '--out',
      pkg,
      '--to-key',
      keyFile,
      '--db',
      laptopDb,
    ]);
    expect(exported.stderr).toBe('');
    expect(exported.code).toBe(0);
    expect(exported.stdout).toMatch(/3 responses, 6 answers, 1 customers/);
    expect(fs.readFileSync(pkg).includes(Buffer.from(PHONE))).toBe(false);
    // The next export with the key now known picks it by default.
    const byDefault = surveydesk([
      'package',
      'export',
      '--survey',
      'CS-2026',
      '--out',
      path.join(dir, 'again.sdpkg'),
      '--since-last',
      '--db',
      laptopDb,
    ]);
    expect(byDefault.code).toBe(0);
    expect(byDefault.stdout).toMatch(/0 responses/);

    const locked = surveydesk(['package', 'inspect', pkg, '--db', managerDb, '--lang', 'zh-CN']);
    expect(locked.code).toBe(2);
    expect(locked.stderr).toContain('请输入本机私钥的口令');

    const inspected = surveydesk(['package', 'inspect', pkg, '--db', managerDb], {
      SURVEYDESK_PASSPHRASE: MANAGER_SECRET,
    });
    expect(inspected.code).toBe(0);
    expect(inspected.stdout).toMatch(/Responses: new 3, updated 0/);

    const dry = surveydesk(['package', 'import', pkg, '--dry-run', '--db', managerDb], {
      SURVEYDESK_PASSPHRASE: MANAGER_SECRET,
    });
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain('Dry run: nothing was written.');
    expect(countResponses(managerDb)).toBe(0);

    const imported = surveydesk(['package', 'import', pkg, '--db', managerDb, '--lang', 'zh-CN'], {
      SURVEYDESK_PASSPHRASE: MANAGER_SECRET,
    });
    expect(imported.code).toBe(0);
    expect(imported.stdout).toMatch(/答卷：新增 3/);
    expect(imported.stdout).toMatch(/导入完成。导入前的备份：.*surveydesk-import-/);
    expect(countResponses(managerDb)).toBe(3);

    const twice = surveydesk(['package', 'import', pkg, '--db', managerDb], {
      SURVEYDESK_PASSPHRASE: MANAGER_SECRET,
    });
    expect(twice.code).toBe(0);
    expect(twice.stdout).toContain('Already imported');
    expect(countResponses(managerDb)).toBe(3);
    // A dozen CLI processes in a row: slow on a loaded two-core CI machine.
  }, 120_000);

  it('refuses a tampered package and bad input with exit 2 and a message', () => {
    const pkg = path.join(dir, 'plain.sdpkg');
    expect(
      surveydesk([
        'package',
        'export',
        '--survey',
        'CS-2026',
        '--out',
        pkg,
        '--plain',
        '--db',
        laptopDb,
      ]).stderr,
    ).toContain('not encrypted');
    const bytes = fs.readFileSync(pkg);
    const at = bytes.indexOf(Buffer.from('"status":"complete"'));
    const tampered = path.join(dir, 'tampered.sdpkg');
    // Stored deflated: flip a byte somewhere inside the responses entry's compressed data instead.
    const copy = Buffer.from(bytes);
    const target = at >= 0 ? at : Math.floor(copy.length / 2);
    copy[target]! ^= 0x20;
    fs.writeFileSync(tampered, copy);
    const refused = surveydesk([
      'package',
      'import',
      tampered,
      '--db',
      managerDb,
      '--lang',
      'zh-CN',
    ]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/未导入任何内容/);

    const missing = surveydesk(['package', 'export', '--out', pkg, '--db', laptopDb]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('--survey');
    const badRange = surveydesk([
      'package',
      'export',
      '--survey',
      'CS-2026',
      '--out',
      pkg,
      '--plain',
      '--range',
      'March',
      '--db',
      laptopDb,
    ]);
    expect(badRange.code).toBe(2);
    expect(
      surveydesk(['package', 'inspect', path.join(dir, 'nope.sdpkg'), '--db', managerDb]).code,
    ).toBe(2);
  }, 120_000);
});
