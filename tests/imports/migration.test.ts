/** Migration 4: respondent attributes on responses, and the index by questionnaire version. */
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type OpenedDatabase } from '../../main/db/connection';
import { MIGRATIONS } from '../../main/db/migrations';
import { useTempDir } from '../helpers/temp-dir';

const tmp = useTempDir('migration-004');
const opened: OpenedDatabase[] = [];
afterEach(() => {
  for (const o of opened.splice(0)) if (o.db.open) o.db.close();
});

async function open(migrations = MIGRATIONS): Promise<OpenedDatabase> {
  const o = await openDatabase({
    path: tmp.join('app.sqlite'),
    backupsDir: tmp.join('backups'),
    create: true,
    migrations,
  });
  opened.push(o);
  return o;
}

describe('migration 004: response attributes', () => {
  it('gives existing responses an empty attribute object and indexes responses by version', async () => {
    const before = await open(MIGRATIONS.filter((m) => m.version < 4));
    before.db.exec(`
      INSERT INTO surveys (id, code, title, created_at, updated_at) VALUES ('s1', 'SV1', 'T', 'a', 'a');
      INSERT INTO survey_versions (id, survey_id, version_no, status, definition, created_at) VALUES ('v1', 's1', 1, 'published', '{}', 'a');
      INSERT INTO responses (id, survey_version_id, device_id, channel, status, started_at, updated_at) VALUES ('r1', 'v1', 'd', 'paper', 'complete', 'a', 'a');
    `);
    before.db.close();

    const after = await open();
    expect(after.schemaVersion).toBeGreaterThanOrEqual(4);
    expect(after.db.prepare(`SELECT attributes FROM responses WHERE id = 'r1'`).pluck().get()).toBe(
      '{}',
    );
    const plan = after.db
      .prepare(`EXPLAIN QUERY PLAN SELECT id FROM responses WHERE survey_version_id = 'v1'`)
      .all() as { detail: string }[];
    expect(plan.map((p) => p.detail).join(' ')).toContain('responses_by_version');
  });
});
