import fs from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import type { JobProgress } from '../../shared/contract';
import { createBackup, ensureDailyBackup, listBackups, restoreBackup } from '../../main/db/backups';
import { openDatabase, type OpenedDatabase } from '../../main/db/connection';
import { LATEST_SCHEMA_VERSION } from '../../main/db/migrations';
import { expectAppError, fillWithAuditRows, inspect } from '../helpers/db';
import { useTempDir } from '../helpers/temp-dir';

const tmp = useTempDir('backups');
const opened: OpenedDatabase[] = [];

afterEach(() => {
  for (const o of opened.splice(0)) if (o.db.open) o.db.close();
});

async function openApp(): Promise<OpenedDatabase> {
  const o = await openDatabase({
    path: tmp.join('app.sqlite'),
    backupsDir: tmp.join('backups'),
    create: true,
  });
  opened.push(o);
  return o;
}

function addSurvey(o: OpenedDatabase, id: string, title: string): void {
  o.db
    .prepare(
      `INSERT INTO surveys (id, code, title, created_at, updated_at) VALUES (?, ?, ?, 'a', 'a')`,
    )
    .run(id, id.toUpperCase(), title);
}

const HOUR = 3600 * 1000;

describe('database backups', () => {
  it('makes a complete, readable copy of the live database', async () => {
    const o = await openApp();
    addSurvey(o, 's1', 'Before the backup');
    const rows = fillWithAuditRows(o.db, 2);

    const backup = await createBackup(o.db, tmp.join('backups'), { reason: 'manual' });
    addSurvey(o, 's2', 'After the backup');

    expect(backup.reason).toBe('manual');
    expect(backup.schemaVersion).toBe(LATEST_SCHEMA_VERSION);
    expect(backup.fileName).toMatch(/^surveydesk-manual-v\d+-.*\.sqlite$/);
    expect(backup.sizeBytes).toBe(fs.statSync(backup.path).size);
    inspect(backup.path, (copy) => {
      expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(copy.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
      expect(copy.prepare('SELECT title FROM surveys ORDER BY id').pluck().all()).toEqual([
        'Before the backup',
      ]);
      expect(copy.prepare('SELECT count(*) FROM audit_log').pluck().get()).toBe(rows);
    });
  });

  it('reports progress until done equals total', async () => {
    const o = await openApp();
    fillWithAuditRows(o.db, 3);
    const seen: JobProgress[] = [];
    await createBackup(o.db, tmp.join('backups'), {
      reason: 'manual',
      onProgress: (p) => seen.push(p),
    });

    expect(seen.length).toBeGreaterThan(1);
    const last = seen[seen.length - 1]!;
    expect(last.total).toBeGreaterThan(0);
    expect(last.done).toBe(last.total);
    for (const [i, p] of seen.entries()) {
      expect(p.done).toBeLessThanOrEqual(p.total);
      if (i > 0) expect(p.done).toBeGreaterThanOrEqual(seen[i - 1]!.done);
    }
  });

  it('cancels with JOB_CANCELLED on an aborted signal and leaves no file, partial or final', async () => {
    const o = await openApp();
    fillWithAuditRows(o.db, 1);
    const controller = new AbortController();
    controller.abort();
    await expectAppError(
      createBackup(o.db, tmp.join('backups'), { reason: 'manual', signal: controller.signal }),
      'JOB_CANCELLED',
    );
    expect(fs.readdirSync(tmp.join('backups'))).toEqual([]);
  });

  it('cancels a backup that is under way and leaves no file', async () => {
    const o = await openApp();
    fillWithAuditRows(o.db, 4);
    const controller = new AbortController();
    let steps = 0;
    await expectAppError(
      createBackup(o.db, tmp.join('backups'), {
        reason: 'manual',
        signal: controller.signal,
        onProgress: () => {
          steps += 1;
          if (steps === 2) controller.abort();
        },
      }),
      'JOB_CANCELLED',
    );
    expect(steps).toBeGreaterThanOrEqual(2);
    expect(fs.readdirSync(tmp.join('backups'))).toEqual([]);
  });

  it('restores a backup over a damaged file, keeping the damaged file aside as *.damaged-*', async () => {
    const o = await openApp();
    addSurvey(o, 's1', 'Saved in the backup');
    fillWithAuditRows(o.db, 1);
    const backup = await createBackup(o.db, tmp.join('backups'), { reason: 'manual' });
    addSurvey(o, 's2', 'Lost with the damage');
    o.db.close();

    // Scribble over the middle of the file, as a failing disk would.
    const dbPath = tmp.join('app.sqlite');
    const size = fs.statSync(dbPath).size;
    const fd = fs.openSync(dbPath, 'r+');
    fs.writeSync(
      fd,
      Buffer.alloc(16 * 4096, 0xa5),
      0,
      16 * 4096,
      Math.floor(size / 2 / 4096) * 4096,
    );
    fs.closeSync(fd);
    const damagedBytes = fs.readFileSync(dbPath);
    await expectAppError(openApp(), 'DB_CORRUPT');

    const result = restoreBackup(dbPath, backup.path);
    expect(result.restoredFrom).toBe(backup.path);
    expect(result.damagedCopy).toMatch(/app\.sqlite\.damaged-/);
    expect(fs.readFileSync(result.damagedCopy!).equals(damagedBytes)).toBe(true);
    expect(fs.existsSync(backup.path)).toBe(true);

    const restored = await openApp();
    expect(restored.db.prepare('SELECT title FROM surveys ORDER BY id').pluck().all()).toEqual([
      'Saved in the backup',
    ]);
    expect(restored.db.pragma('integrity_check', { simple: true })).toBe('ok');
  });

  it('moves the damaged file’s WAL aside too, so stale frames are not replayed onto the backup', async () => {
    const o = await openApp();
    addSurvey(o, 's1', 'In the backup');
    const backup = await createBackup(o.db, tmp.join('backups'), { reason: 'manual' });
    // Keep later commits in the WAL: no checkpoint, and leave the WAL behind as a crash would.
    o.db.pragma('wal_autocheckpoint = 0');
    addSurvey(o, 's2', 'Only in the WAL');
    const dbPath = tmp.join('app.sqlite');
    const walCopy = fs.readFileSync(`${dbPath}-wal`);
    o.db.close();
    fs.writeFileSync(`${dbPath}-wal`, walCopy);

    const result = restoreBackup(dbPath, backup.path);
    expect(fs.existsSync(`${result.damagedCopy!}-wal`)).toBe(true);
    expect(fs.existsSync(`${dbPath}-wal`)).toBe(false);
    const restored = await openApp();
    expect(restored.db.prepare('SELECT id FROM surveys ORDER BY id').pluck().all()).toEqual(['s1']);
  });

  it('refuses a missing backup with BACKUP_NOT_FOUND and leaves the database in place', async () => {
    const o = await openApp();
    o.db.close();
    const before = fs.readFileSync(tmp.join('app.sqlite'));
    expect(() =>
      restoreBackup(tmp.join('app.sqlite'), tmp.join('backups', 'nope.sqlite')),
    ).toThrowError(expect.objectContaining({ code: 'BACKUP_NOT_FOUND' }));
    expect(fs.readFileSync(tmp.join('app.sqlite')).equals(before)).toBe(true);
  });

  it('refuses to restore from a damaged backup with DB_CORRUPT and leaves the database in place', async () => {
    const o = await openApp();
    o.db.close();
    const badBackup = tmp.join('bad-backup.sqlite');
    fs.writeFileSync(badBackup, Buffer.alloc(8192, 'garbage '));
    const before = fs.readFileSync(tmp.join('app.sqlite'));
    expect(() => restoreBackup(tmp.join('app.sqlite'), badBackup)).toThrowError(
      expect.objectContaining({ code: 'DB_CORRUPT' }),
    );
    expect(fs.readFileSync(tmp.join('app.sqlite')).equals(before)).toBe(true);
    expect(fs.readdirSync(tmp.path).filter((n) => n.includes('.damaged-'))).toEqual([]);
  });

  it('lists backups newest first and ignores other files', async () => {
    const o = await openApp();
    const dir = tmp.join('backups');
    const times = [
      '2026-03-02T10:00:00.000Z',
      '2026-03-05T08:30:00.000Z',
      '2026-03-01T23:59:59.999Z',
    ];
    for (const t of times) await createBackup(o.db, dir, { reason: 'manual', now: new Date(t) });
    await createBackup(o.db, dir, { reason: 'daily', now: new Date('2026-03-04T00:00:00.000Z') });
    fs.writeFileSync(`${dir}/notes.txt`, 'not a backup');
    fs.writeFileSync(`${dir}/surveydesk-manual-v2-2026-03-09T00-00-00-000Z.sqlite.partial`, '');

    const list = listBackups(dir);
    expect(list.map((b) => b.createdAt)).toEqual([
      '2026-03-05T08:30:00.000Z',
      '2026-03-04T00:00:00.000Z',
      '2026-03-02T10:00:00.000Z',
      '2026-03-01T23:59:59.999Z',
    ]);
    expect(list[1]!.reason).toBe('daily');
  });

  it('lists nothing when the backups folder does not exist yet', () => {
    expect(listBackups(tmp.join('no-such-folder'))).toEqual([]);
  });

  it('makes a daily backup only when the newest backup is older than 24 hours', async () => {
    const o = await openApp();
    const dir = tmp.join('backups');
    const t0 = new Date('2026-05-01T09:00:00.000Z');

    const first = await ensureDailyBackup(o.db, dir, t0);
    expect(first?.reason).toBe('daily');

    expect(await ensureDailyBackup(o.db, dir, new Date(t0.getTime() + 23 * HOUR))).toBeNull();
    expect(await ensureDailyBackup(o.db, dir, new Date(t0.getTime() + 24 * HOUR - 1))).toBeNull();
    expect(listBackups(dir)).toHaveLength(1);

    const next = await ensureDailyBackup(o.db, dir, new Date(t0.getTime() + 25 * HOUR));
    expect(next?.reason).toBe('daily');
    expect(listBackups(dir)).toHaveLength(2);
  });

  it('counts any recent backup, not only daily ones, when deciding on a daily backup', async () => {
    const o = await openApp();
    const dir = tmp.join('backups');
    const t0 = new Date('2026-05-01T09:00:00.000Z');
    await createBackup(o.db, dir, { reason: 'manual', now: t0 });
    expect(await ensureDailyBackup(o.db, dir, new Date(t0.getTime() + 2 * HOUR))).toBeNull();
  });

  it('keeps only the 20 newest backups', async () => {
    const o = await openApp();
    const dir = tmp.join('backups');
    const base = Date.parse('2026-01-01T00:00:00.000Z');
    for (let i = 0; i < 22; i++) {
      await createBackup(o.db, dir, { reason: 'manual', now: new Date(base + i * HOUR) });
    }
    const list = listBackups(dir);
    expect(list).toHaveLength(20);
    expect(list[list.length - 1]!.createdAt).toBe(new Date(base + 2 * HOUR).toISOString());
  });
});
