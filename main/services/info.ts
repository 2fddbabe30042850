import type { AppInfo, RecordCounts, Runtime } from '../../shared/contract';
import type { Db } from '../db/connection';
import { LATEST_SCHEMA_VERSION } from '../db/migrations';
import { getDeviceId } from './settings';

const COUNTED_TABLES: Record<keyof RecordCounts, string> = {
  surveys: 'surveys',
  surveyVersions: 'survey_versions',
  waves: 'waves',
  customers: 'customers',
  responses: 'responses',
  answers: 'answers',
};

export function countRecords(db: Db): RecordCounts {
  const counts = {} as RecordCounts;
  for (const [key, table] of Object.entries(COUNTED_TABLES) as [keyof RecordCounts, string][]) {
    // Table names come from the constant above, never from input.
    counts[key] = (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
  }
  return counts;
}

export function appInfo(
  db: Db,
  env: { appVersion: string; dbPath: string; runtime: Runtime; systemLocale: string },
): AppInfo {
  return {
    appVersion: env.appVersion,
    schemaVersion: db.pragma('user_version', { simple: true }) as number,
    latestSchemaVersion: LATEST_SCHEMA_VERSION,
    dbPath: env.dbPath,
    deviceId: getDeviceId(db),
    runtime: env.runtime,
    systemLocale: env.systemLocale,
    counts: countRecords(db),
  };
}
