/**
 * The Word survey report of a 5,000-response demo survey (two waves, every section, at least 15
 * charts): target <= 5 s from the analysis result to the .docx bytes, the first report of the
 * process (font registration and chart.js set-up included), as in a fresh export job. The
 * analysis runs beforehand, outside the measurement (bench/analysis.ts measures it).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createDemo } from '../main/analysis/demo';
import { runAnalysis } from '../main/analysis/engine';
import { getThemes } from '../main/analysis/themes';
import { previewReport } from '../main/reports/preview';
import { createWordReport } from '../main/reports/word/report';
import { analysisRequest } from '../shared/analysis';
import { definitionSchema } from '../shared/questionnaire/model';
import { benchServices } from './support';

export interface WordReportBench {
  responses: number;
  charts: number;
  /** The first report of the process. */
  coldMs: number;
  /** The same report again. */
  warmMs: number;
  bytes: number;
  /**
   * The preview of the last wave's report compared with the wave before (report.preview: both
   * analyses, the charts and the outline), in the same process after the reports.
   */
  previewMs: number;
  pass: boolean;
}

export async function benchWordReport(responses = 5_000): Promise<WordReportBench> {
  const dbPath = path.join(os.tmpdir(), `surveydesk-bench-${responses}-seed1`, 'bench.sqlite');
  const services = await benchServices(dbPath, !fs.existsSync(dbPath));
  try {
    const db = services.ctx.db;
    let survey = db.prepare('SELECT id FROM surveys ORDER BY created_at LIMIT 1').get() as
      { id: string } | undefined;
    if (!survey) {
      survey = {
        id: createDemo(db, services.ctx.surveys, services.ctx.fieldwork, { responses, seed: 1 })
          .surveyId,
      };
    }
    const result = await runAnalysis(db, analysisRequest.parse({ surveyId: survey.id }), {
      themes: getThemes(db),
    });
    const row = db
      .prepare('SELECT definition FROM survey_versions WHERE survey_id = ? AND version_no = ?')
      .get(survey.id, result.versionNo) as { definition: string };
    const definition = definitionSchema.parse(JSON.parse(row.definition));
    const input = { result, definition, lang: 'zh-CN' as const, orgName: '华信科技服务有限公司' };

    let started = performance.now();
    const cold = await createWordReport(input);
    const coldMs = performance.now() - started;
    started = performance.now();
    await createWordReport(input);
    const warmMs = performance.now() - started;
    const waves = db
      .prepare('SELECT id FROM waves WHERE survey_id = ? ORDER BY starts_on')
      .all(survey.id) as { id: string }[];
    started = performance.now();
    await previewReport(db, {
      request: analysisRequest.parse({ surveyId: survey.id, waveIds: [waves.at(-1)!.id] }),
      lang: 'zh-CN',
      compareWaveId: waves.length > 1 ? waves.at(-2)!.id : undefined,
    });
    const previewMs = performance.now() - started;
    return {
      responses: result.cleaning.total,
      charts: cold.charts,
      coldMs,
      warmMs,
      bytes: cold.docx.length,
      previewMs,
      pass: coldMs <= 5_000 && cold.charts >= 15,
    };
  } finally {
    await services.close();
  }
}

if (process.argv[1] && import.meta.url.endsWith(path.basename(process.argv[1]))) {
  const r = await benchWordReport(Number(process.env.BENCH_RESPONSES ?? 5_000));
  console.log(JSON.stringify(r, null, 2));
  console.log(
    `Word report of ${r.responses} responses, ${r.charts} charts: ${r.coldMs.toFixed(0)} ms (again ${r.warmMs.toFixed(0)} ms)  target <= 5000 ms, >= 15 charts`,
  );
  if (!r.pass) process.exitCode = 1;
}
