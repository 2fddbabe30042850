/**
 * `npm run bench`: measures the foundation's overhead as ratios to a baseline taken in the same
 * run on the same machine, so figures compare across machines.
 *   - commit: one durable write through the API (validation + handler + transaction with
 *     synchronous=FULL) versus a bare prepared INSERT in its own transaction on the same file.
 *   - info: app.info through the API versus the bare count queries it runs.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { benchAnalysis } from './analysis';
import { benchAnswerSave } from './answer-save';
import { benchExcelExport } from './excel-export';
import { reportStats } from './stats';
import { benchWordReport } from './word-report';
import { reportPaperEntry } from './paper-entry';
import { reportSampling } from './sampling';
import { reportSync } from './sync';
import { reportImprovement } from './improvement';
import { reportCustomers } from './customers';
import { benchServices } from './support';

function timeIt(label: string, rounds: number, body: (i: number) => void | Promise<void>) {
  return async (): Promise<{ label: string; perOpUs: number }> => {
    for (let i = 0; i < Math.min(50, rounds); i++) await body(i); // warm-up
    const start = performance.now();
    for (let i = 0; i < rounds; i++) await body(i);
    return { label, perOpUs: ((performance.now() - start) * 1000) / rounds };
  };
}

async function main(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'surveydesk-bench-'));
  const services = await benchServices(path.join(dir, 'bench.sqlite'));
  const db = services.ctx.db;
  db.exec('CREATE TABLE bench_rows (id INTEGER PRIMARY KEY, value TEXT NOT NULL)');
  const insert = db.prepare('INSERT INTO bench_rows (value) VALUES (?)');
  const rawCommit = db.transaction((value: string) => insert.run(value));
  const counts = ['surveys', 'survey_versions', 'waves', 'customers', 'responses', 'answers'].map(
    (table) => db.prepare(`SELECT count(*) FROM ${table}`),
  );

  const rounds = Number(process.env.BENCH_ROUNDS ?? 500);
  const results = {
    commitBaseline: await timeIt('bare INSERT + commit', rounds, (i) => {
      rawCommit(`v${i}`);
    })(),
    commitApi: await timeIt('settings.update via API', rounds, async (i) => {
      const result = await services.dispatch('settings.update', { locale: i % 2 ? 'en' : 'zh-CN' });
      if (!result.ok) throw new Error(result.error.message);
    })(),
    infoBaseline: await timeIt('bare count queries', rounds, () => {
      for (const statement of counts) statement.get();
    })(),
    infoApi: await timeIt('app.info via API', rounds, async () => {
      const result = await services.dispatch('app.info', {});
      if (!result.ok) throw new Error(result.error.message);
    })(),
  };
  await services.close();
  fs.rmSync(dir, { recursive: true, force: true });

  for (const r of Object.values(results)) {
    console.log(`${r.label.padEnd(28)} ${r.perOpUs.toFixed(1).padStart(9)} µs/op`);
  }
  const commitRatio = results.commitApi.perOpUs / results.commitBaseline.perOpUs;
  const infoRatio = results.infoApi.perOpUs / results.infoBaseline.perOpUs;
  console.log(`ratio commit  (API / bare): ${commitRatio.toFixed(2)}  target <= 3.00`);
  console.log(`ratio info    (API / bare): ${infoRatio.toFixed(2)}  target <= 5.00`);
  const answer = await benchAnswerSave();
  console.log(
    `answer save via host p95 ${answer.p95Ms.toFixed(2)} ms (baseline settings.get p95 ${answer.baselineP95Ms.toFixed(2)} ms), ratio ${answer.ratio.toFixed(2)}  target p95 <= 20 ms`,
  );
  if (!reportPaperEntry()) process.exitCode = 1;
  if (!reportStats()) process.exitCode = 1;
  if (!(await reportSampling())) process.exitCode = 1;
  if (!(await reportSync())) process.exitCode = 1;
  if (!(await reportImprovement())) process.exitCode = 1;
  if (!(await reportCustomers())) process.exitCode = 1;
  if (process.env.BENCH_SKIP_ANALYSIS !== '1') {
    // The 100,000-response demo database is made once (about 1.5 minutes) and kept in the temp folder.
    const analysis = await benchAnalysis();
    console.log(
      `analysis of ${analysis.responses} responses: ${analysis.totalMs.toFixed(0)} ms (load ${analysis.loadMs.toFixed(0)} + compute ${analysis.computeMs.toFixed(0)}), reading the answers alone ${analysis.readMs.toFixed(0)} ms, ratio ${analysis.ratio.toFixed(2)}  target <= 5.00 and <= 2000 ms; peak ${analysis.maxRssMB.toFixed(0)} MB  target <= 1024`,
    );
    if (analysis.ratio > 5 || analysis.maxRssMB > 1024) process.exitCode = 1;
  }
  const word = await benchWordReport();
  console.log(
    `Word report of ${word.responses} responses, ${word.charts} charts: ${word.coldMs.toFixed(0)} ms (again ${word.warmMs.toFixed(0)} ms)  target <= 5000 ms, >= 15 charts`,
  );
  console.log(
    `Word report preview (last wave vs the one before, both analysed): ${word.previewMs.toFixed(0)} ms`,
  );
  if (!word.pass) process.exitCode = 1;
  const excel = await benchExcelExport();
  console.log(
    `Excel report of 100,000 responses: ratio to a bare exceljs streaming write ${excel.ratio.toFixed(2)}  target <= 1.50; peak memory ${excel.reportMaxRssMB.toFixed(0)} MB  target <= 500 MB`,
  );
  if (excel.ratio > 1.5 || excel.reportMaxRssMB > 500) process.exitCode = 1;
  if (commitRatio > 3 || infoRatio > 5 || answer.p95Ms > 20) process.exitCode = 1;
}

void main();
