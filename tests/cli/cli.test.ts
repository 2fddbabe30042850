import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LATEST_SCHEMA_VERSION } from '../../main/db/migrations';
import { runCli } from '../helpers/cli';

const surveydesk = (...args: string[]) => runCli(args);

describe('the surveydesk command', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'surveydesk-cli-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('prints info for a freshly initialised database', () => {
    const db = path.join(dir, 'fresh.sqlite');
    expect(surveydesk('init', '--db', db).code).toBe(0);
    const info = surveydesk('info', '--db', db, '--json');
    expect(info.code).toBe(0);
    const parsed = JSON.parse(info.stdout) as {
      schemaVersion: number;
      counts: Record<string, number>;
      runtime: string;
    };
    expect(parsed.schemaVersion).toBe(LATEST_SCHEMA_VERSION);
    expect(parsed.runtime).toBe('cli');
    expect(parsed.counts).toEqual({
      surveys: 0,
      surveyVersions: 0,
      waves: 0,
      customers: 0,
      responses: 0,
      answers: 0,
    });
  });

  it('prints human-readable info in Chinese with --lang zh-CN', () => {
    const db = path.join(dir, 'fresh.sqlite');
    surveydesk('init', '--db', db);
    const info = surveydesk('info', '--db', db, '--lang', 'zh-CN');
    expect(info.stdout).toContain(
      `数据结构版本: ${LATEST_SCHEMA_VERSION} / ${LATEST_SCHEMA_VERSION}`,
    );
    expect(info.stdout).toContain('答卷: 0');
  });

  it('refuses a missing database with a clear message and does not create it', () => {
    const db = path.join(dir, 'missing.sqlite');
    const result = surveydesk('info', '--db', db);
    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain(`There is no database at ${db}`);
    expect(result.stderr).not.toMatch(/\bat .*\.ts:\d+/); // no stack trace
    expect(fs.existsSync(db)).toBe(false);
  });

  it('refuses a corrupt database file, names the recovery, and leaves the file as it was', () => {
    const db = path.join(dir, 'corrupt.sqlite');
    const garbage = Buffer.from('this is not an sqlite database, just some bytes'.repeat(200));
    fs.writeFileSync(db, garbage);
    const result = surveydesk('info', '--db', db);
    expect(result.code).toBe(3);
    expect(result.stderr).toContain('is damaged');
    expect(result.stderr).toContain('surveydesk restore');
    expect(fs.readFileSync(db).equals(garbage)).toBe(true);
  });

  it('restores the newest backup over a damaged file and keeps the damaged one aside', () => {
    const db = path.join(dir, 'app.sqlite');
    surveydesk('init', '--db', db);
    expect(surveydesk('backup', '--db', db).code).toBe(0);
    fs.writeFileSync(db, 'ruined');
    fs.rmSync(`${db}-wal`, { force: true });
    fs.rmSync(`${db}-shm`, { force: true });
    const restore = surveydesk('restore', '--db', db);
    expect(restore.code).toBe(0);
    expect(fs.readdirSync(dir).some((name) => name.startsWith('app.sqlite.damaged-'))).toBe(true);
    expect(surveydesk('check', '--db', db).code).toBe(0);
  });

  it('rejects an unknown command with exit code 2 and points to --help', () => {
    const result = surveydesk('frobnicate');
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('unknown command "frobnicate"');
  });
});
