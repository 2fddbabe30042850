/**
 * Full analysis of a wave of 100,000 responses (16 Likert items + overall + NPS + open text):
 * target <= 2 s, <= 5x the time to just read those answers from SQLite, peak memory <= 1 GB.
 * The demo database is made once and kept in the temp folder (about a minute and a half).
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createDemo } from '../main/analysis/demo';
import { benchServices } from './support';

export interface AnalysisBench {
  responses: number;
  readMs: number;
  loadMs: number;
  computeMs: number;
  totalMs: number;
  ratio: number;
  maxRssMB: number;
}

export async function benchAnalysis(responses = 100_000): Promise<AnalysisBench> {
  const dbPath = path.join(os.tmpdir(), `surveydesk-bench-${responses}-seed1`, 'bench.sqlite');
  if (!fs.existsSync(dbPath)) {
    const services = await benchServices(dbPath);
    createDemo(services.ctx.db, services.ctx.surveys, services.ctx.fieldwork, {
      responses,
      seed: 1,
    });
    await services.close();
  }
  const out = execFileSync(
    process.execPath,
    ['--import', 'tsx', path.join(import.meta.dirname, 'analysis-child.ts'), dbPath],
    {
      encoding: 'utf8',
      maxBuffer: 16 * 1024 * 1024,
    },
  );
  const r = JSON.parse(out) as Omit<AnalysisBench, 'ratio'>;
  return { ...r, ratio: r.totalMs / r.readMs };
}

if (process.argv[1] && import.meta.url.endsWith(path.basename(process.argv[1]))) {
  const r = await benchAnalysis(Number(process.env.BENCH_RESPONSES ?? 100_000));
  console.log(JSON.stringify(r, null, 2));
}
