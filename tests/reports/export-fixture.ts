/**
 * A demo survey (300 responses, seed 3) in a temporary database for the export tests, with a few
 * answers planted where the exports are most likely to go wrong: texts that spreadsheets would
 * take for formulas, a phone number, a field with a comma and quotes, a very long Chinese answer
 * and the personal-data questions.
 */
import { createDemo, type DemoResult } from '../../main/analysis/demo';
import type { Db } from '../../main/db/connection';
import type { RunningServices } from '../../main/services/start';
import { startTestServices } from '../helpers/services';

/** Formula-like texts, each planted as the staff id of one response. */
export const FORMULA_TEXTS = [
  '=1+1',
  '+86 138 0013 8000',
  '-2',
  '@SUM(A1:A9)',
  '\tTAB',
  '\rCR',
] as const;
export const QUOTED_TEXT = '他说"很好", 但是\n第二行';
export const LONG_TEXT = `${'服务'.repeat(200)}完`;
export const CONTACT_NAME = '张三';
export const PHONE = '+86 138 0013 8000';

export interface ExportFixture {
  services: RunningServices;
  db: Db;
  demo: DemoResult;
  /** Response id -> planted staff id (FORMULA_TEXTS, in order). */
  formulaIds: string[];
  quotedId: string;
  longId: string;
  personalId: string;
}

function put(db: Db, responseId: string, variable: string, text: string): void {
  db.prepare(
    `INSERT INTO answers (response_id, variable, value_num, value_text, value_json, answered_at) VALUES (?, ?, NULL, ?, NULL, '2026-03-02T01:00:00Z')
     ON CONFLICT (response_id, variable) DO UPDATE SET value_num = NULL, value_text = excluded.value_text, value_json = NULL`,
  ).run(responseId, variable, text);
}

export async function exportFixture(dbPath: string): Promise<ExportFixture> {
  const services = await startTestServices(dbPath);
  const db = services.ctx.db;
  const demo = createDemo(db, services.ctx.surveys, services.ctx.fieldwork, {
    responses: 300,
    seed: 3,
  });
  const ids = (
    db.prepare('SELECT id FROM responses ORDER BY started_at, id LIMIT 12').all() as {
      id: string;
    }[]
  ).map((r) => r.id);
  const formulaIds = ids.slice(0, FORMULA_TEXTS.length);
  formulaIds.forEach((id, k) => put(db, id, 'staff_id', FORMULA_TEXTS[k]!));
  const [quotedId, longId, personalId] = ids.slice(6, 9) as [string, string, string];
  put(db, quotedId, 'improve', QUOTED_TEXT);
  put(db, longId, 'improve', LONG_TEXT);
  put(db, personalId, 'callback', 'phone');
  put(db, personalId, 'contact_name', CONTACT_NAME);
  put(db, personalId, 'phone', PHONE);
  return { services, db, demo, formulaIds, quotedId, longId, personalId };
}
