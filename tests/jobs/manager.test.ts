import fs from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import type { VerifyResult } from '../../main/jobs/kinds';
import type { RunningServices } from '../../main/services/start';
import type { ApiEvent, BackupInfo, JobState } from '../../shared/contract';
import { fillWithAuditRows, inspect } from '../helpers/db';
import { startTestServices } from '../helpers/services';
import { useTempDir } from '../helpers/temp-dir';

const tmp = useTempDir('jobs');
let services: RunningServices | null = null;

afterEach(async () => {
  await services?.close();
  services = null;
});

async function start(): Promise<RunningServices> {
  services = await startTestServices(tmp.join('app.sqlite'));
  return services;
}

async function call<T>(s: RunningServices, method: string, input: unknown): Promise<T> {
  const result = await s.dispatch(method, input);
  if (!result.ok) throw new Error(`${method} failed: ${result.error.code} ${result.error.message}`);
  return result.value as T;
}

function jobEvents(s: RunningServices, id: () => string | null): JobState[] {
  const seen: JobState[] = [];
  s.subscribe((event: ApiEvent) => {
    if (event.type === 'job' && event.job.id === id()) seen.push(event.job);
  });
  return seen;
}

describe('long jobs in worker threads', () => {
  it('runs an integrity check to done with ok: true, reporting progress as events', async () => {
    const s = await start();
    let id: string | null = null;
    const events = jobEvents(s, () => id);
    const started = await call<JobState>(s, 'jobs.start', { kind: 'db.verify' });
    id = started.id;
    expect(started).toMatchObject({ kind: 'db.verify', status: 'running', finishedAt: null });

    const finished = await s.ctx.jobs.waitFor(started.id);
    expect(finished.status).toBe('done');
    expect(finished.error).toBeNull();
    const result = finished.result as VerifyResult;
    expect(result).toMatchObject({ ok: true, problems: [] });
    expect(result.tablesChecked).toBeGreaterThanOrEqual(8);
    expect(finished.finishedAt).not.toBeNull();

    const progress = events.filter((e) => e.status === 'running' && e.progress.total > 0);
    expect(progress.length).toBeGreaterThan(0);
    expect(progress[progress.length - 1]!.progress).toEqual({
      done: result.tablesChecked,
      total: result.tablesChecked,
    });
    expect(events[events.length - 1]!.status).toBe('done');
  });

  it('reports the problems of a database whose foreign keys are broken', async () => {
    const s = await start();
    s.ctx.db.pragma('foreign_keys = OFF');
    s.ctx.db
      .prepare(
        `INSERT INTO waves (id, survey_id, name, created_at) VALUES ('w1', 'ghost', 'W', 'now')`,
      )
      .run();
    s.ctx.db.pragma('foreign_keys = ON');
    const started = await call<JobState>(s, 'jobs.start', { kind: 'db.verify' });
    const finished = await s.ctx.jobs.waitFor(started.id);
    expect(finished.status).toBe('done');
    const result = finished.result as VerifyResult;
    expect(result.ok).toBe(false);
    expect(result.problems.join('\n')).toContain('waves');
  });

  it('makes a backup file in a worker, readable and at the current schema', async () => {
    const s = await start();
    s.ctx.db
      .prepare(
        `INSERT INTO surveys (id, code, title, created_at, updated_at) VALUES ('s1', 'C', 'In backup', 'a', 'a')`,
      )
      .run();
    const started = await call<JobState>(s, 'jobs.start', { kind: 'db.backup' });
    const finished = await s.ctx.jobs.waitFor(started.id);
    expect(finished.status).toBe('done');
    const backup = finished.result as BackupInfo;
    expect(fs.existsSync(backup.path)).toBe(true);
    expect(backup.reason).toBe('manual');
    expect(
      inspect(backup.path, (db) => db.prepare('SELECT title FROM surveys').pluck().all()),
    ).toEqual(['In backup']);
    const listed = await call<BackupInfo[]>(s, 'backups.list', {});
    expect(listed.map((b) => b.path)).toEqual([backup.path]);
  });

  it('cancels a running backup: the job ends cancelled and no backup file is left', async () => {
    const s = await start();
    fillWithAuditRows(s.ctx.db, 24);
    let id: string | null = null;
    const events = jobEvents(s, () => id);
    const started = await call<JobState>(s, 'jobs.start', { kind: 'db.backup' });
    id = started.id;
    const answer = await call<JobState>(s, 'jobs.cancel', { id: started.id });
    expect(answer.id).toBe(started.id);

    const finished = await s.ctx.jobs.waitFor(started.id);
    expect(finished.status).toBe('cancelled');
    expect(finished.error).toBeNull();
    expect(events[events.length - 1]!.status).toBe('cancelled');
    const leftovers = fs.existsSync(s.ctx.paths.backupsDir)
      ? fs.readdirSync(s.ctx.paths.backupsDir)
      : [];
    expect(leftovers).toEqual([]);
  });

  it('cancels a backup after it has started copying pages', async () => {
    const s = await start();
    fillWithAuditRows(s.ctx.db, 24);
    let id: string | null = null;
    let cancelled = false;
    s.subscribe((event) => {
      if (event.type !== 'job' || event.job.id !== id || cancelled) return;
      if (event.job.progress.done > 0 && event.job.progress.done < event.job.progress.total) {
        cancelled = true;
        s.ctx.jobs.cancel(event.job.id);
      }
    });
    const started = await call<JobState>(s, 'jobs.start', { kind: 'db.backup' });
    id = started.id;
    const finished = await s.ctx.jobs.waitFor(started.id);
    expect(cancelled).toBe(true);
    expect(finished.status).toBe('cancelled');
    expect(finished.progress.done).toBeLessThan(finished.progress.total);
    expect(fs.readdirSync(s.ctx.paths.backupsDir)).toEqual([]);
  });

  it('leaves a finished job as it was when asked to cancel it', async () => {
    const s = await start();
    const started = await call<JobState>(s, 'jobs.start', { kind: 'db.verify' });
    await s.ctx.jobs.waitFor(started.id);
    const answer = await call<JobState>(s, 'jobs.cancel', { id: started.id });
    expect(answer.status).toBe('done');
  });

  it('answers JOB_NOT_FOUND, as an error object, for cancelling an unknown job', async () => {
    const s = await start();
    const id = '0b7f6a52-3d1e-4c8f-9a2b-5e6d7c8f9a0b';
    const result = await s.dispatch('jobs.cancel', { id });
    expect(result).toEqual({
      ok: false,
      error: { code: 'JOB_NOT_FOUND', message: `There is no job ${id}.` },
    });
  });

  it('lists the jobs of this run, newest first', async () => {
    const s = await start();
    const a = await call<JobState>(s, 'jobs.start', { kind: 'db.verify' });
    await s.ctx.jobs.waitFor(a.id);
    await new Promise((resolve) => setTimeout(resolve, 5));
    const b = await call<JobState>(s, 'jobs.start', { kind: 'db.verify' });
    await s.ctx.jobs.waitFor(b.id);
    const list = await call<JobState[]>(s, 'jobs.list', {});
    expect(list.map((j) => j.id)).toEqual([b.id, a.id]);
  });
});
