import { afterEach, describe, expect, it } from 'vitest';
import type { RunningServices } from '../../main/services/start';
import { LATEST_SCHEMA_VERSION } from '../../main/db/migrations';
import type { AppInfo } from '../../shared/contract';
import { startTestServices } from '../helpers/services';
import { useTempDir } from '../helpers/temp-dir';

const tmp = useTempDir('info');
let services: RunningServices | null = null;

afterEach(async () => {
  await services?.close();
  services = null;
});

async function info(s: RunningServices): Promise<AppInfo> {
  const result = await s.dispatch('app.info', {});
  if (!result.ok) throw new Error(result.error.message);
  return result.value as AppInfo;
}

/** One survey with two versions, a wave, two customers, three responses and five answers. */
function seed(s: RunningServices): void {
  s.ctx.db.exec(`
    INSERT INTO surveys (id, code, title, created_at, updated_at) VALUES ('s1', 'CSAT', 'Satisfaction', 't', 't');
    INSERT INTO survey_versions (id, survey_id, version_no, status, definition, created_at)
      VALUES ('v1', 's1', 1, 'published', '{}', 't'), ('v2', 's1', 2, 'draft', '{}', 't');
    INSERT INTO waves (id, survey_id, name, created_at) VALUES ('w1', 's1', '2026 Q1', 't');
    INSERT INTO customers (id, name, created_at, updated_at) VALUES ('c1', 'A Co', 't', 't'), ('c2', 'B Co', 't', 't');
    INSERT INTO responses (id, survey_version_id, wave_id, customer_id, device_id, channel, status, started_at, updated_at)
      VALUES ('r1', 'v1', 'w1', 'c1', 'd', 'interview', 'complete', 't', 't'),
             ('r2', 'v1', 'w1', 'c2', 'd', 'kiosk', 'complete', 't', 't'),
             ('r3', 'v1', 'w1', NULL, 'd', 'paper', 'in_progress', 't', 't');
    INSERT INTO answers (response_id, variable, value_num, answered_at)
      VALUES ('r1', 'q1', 5, 't'), ('r1', 'q2', 4, 't'), ('r2', 'q1', 3, 't'), ('r2', 'q2', 2, 't'), ('r3', 'q1', 1, 't');
  `);
}

describe('app.info through the dispatcher', () => {
  it('describes a fresh installation: versions, runtime, device and zero counts', async () => {
    const s = (services = await startTestServices(tmp.join('app.sqlite')));
    const value = await info(s);
    expect(value).toMatchObject({
      appVersion: '0.0.0-test',
      schemaVersion: LATEST_SCHEMA_VERSION,
      latestSchemaVersion: LATEST_SCHEMA_VERSION,
      dbPath: tmp.join('app.sqlite'),
      runtime: 'cli',
      systemLocale: 'en-US',
      counts: { surveys: 0, surveyVersions: 0, waves: 0, customers: 0, responses: 0, answers: 0 },
    });
    expect(value.deviceId).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/,
    );
  });

  it('counts the records of each kind', async () => {
    const s = (services = await startTestServices(tmp.join('app.sqlite')));
    seed(s);
    expect((await info(s)).counts).toEqual({
      surveys: 1,
      surveyVersions: 2,
      waves: 1,
      customers: 2,
      responses: 3,
      answers: 5,
    });
  });

  it('keeps the same device id across restarts', async () => {
    const first = await startTestServices(tmp.join('app.sqlite'));
    const id = (await info(first)).deviceId;
    await first.close();
    const s = (services = await startTestServices(tmp.join('app.sqlite')));
    expect((await info(s)).deviceId).toBe(id);
  });
});
