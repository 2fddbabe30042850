/**
 * One analysis of a prepared database, in its own process so its peak memory is its own.
 * Prints JSON: the time to just read the answers, and the full analysis (load + compute).
 */
import Database from 'better-sqlite3';
import { analysisRequest } from '../shared/analysis';
import { runAnalysis } from '../main/analysis/engine';

const dbPath = process.argv[2]!;
const db = new Database(dbPath, { readonly: true });
const survey = db.prepare('SELECT id FROM surveys ORDER BY created_at LIMIT 1').get() as {
  id: string;
};
const variables = (
  db
    .prepare("SELECT DISTINCT variable FROM answers WHERE variable NOT IN ('customer_id')")
    .all() as { variable: string }[]
).map((r) => r.variable);

// Baseline: read every answer of those variables, touching each value, as cheaply as SQLite allows.
const readStart = performance.now();
let touched = 0;
const scan = db
  .prepare('SELECT response_id, value_num, value_text FROM answers WHERE variable = ?')
  .raw(true);
for (const variable of variables)
  for (const row of scan.iterate(variable) as Iterable<unknown[]>) touched += row.length;
const readMs = performance.now() - readStart;

const start = performance.now();
const result = await runAnalysis(db, analysisRequest.parse({ surveyId: survey.id }));
const totalMs = performance.now() - start;
process.stdout.write(
  JSON.stringify({
    responses: result.cleaning.total,
    analysed: result.cleaning.analysed,
    touched,
    readMs,
    loadMs: result.timings.loadMs,
    computeMs: result.timings.computeMs,
    totalMs,
    maxRssMB: process.resourceUsage().maxRSS / 1024,
  }),
);
