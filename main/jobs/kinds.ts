/**
 * What each kind of long job does. Runs inside a worker thread with its own connection, so the
 * process that serves the window never blocks. Later issues add analysis, report and import jobs.
 */
import type { JobKind, JobProgress, JobStartInput } from '../../shared/contract';
import { AppError } from '../../shared/errors';
import { runAnalysis } from '../analysis/engine';
import { getThemes } from '../analysis/themes';
import { createBackup } from '../db/backups';
import type { Db } from '../db/connection';
import { exportToFile } from '../reports/export';
import { previewReport } from '../reports/preview';
import { sampleFactsFor } from '../sampling/report-facts';
import { runPackageExport, runPackageImport } from '../sync/jobs';
import { verifyWithAnalysis } from '../improvement/auto-verify';
import { runImprovementEvaluate, runImprovementSuggest } from '../improvement/jobs';

export interface JobRunContext {
  db: Db;
  backupsDir: string;
  signal: AbortSignal;
  progress: (progress: JobProgress) => void;
}

type JobRunner = (input: JobStartInput, ctx: JobRunContext) => Promise<unknown>;

function throwIfCancelled(signal: AbortSignal): void {
  if (signal.aborted) throw new AppError('JOB_CANCELLED');
}

export interface VerifyResult {
  ok: boolean;
  tablesChecked: number;
  problems: string[];
}

const verify: JobRunner = async (_input, { db, signal, progress }) => {
  const tables = (
    db.prepare(`SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name`).all() as {
      name: string;
    }[]
  ).map((row) => row.name);
  const problems: string[] = [];
  for (const [index, table] of tables.entries()) {
    throwIfCancelled(signal);
    progress({ done: index, total: tables.length });
    // Identifiers cannot be bound as parameters; the names come from sqlite_schema itself.
    const rows = db.pragma(`integrity_check("${table.replace(/"/g, '""')}")`) as {
      integrity_check: string;
    }[];
    for (const row of rows) if (row.integrity_check !== 'ok') problems.push(row.integrity_check);
    await new Promise((resolve) => setImmediate(resolve));
  }
  const fk = db.pragma('foreign_key_check') as { table: string; rowid: number; parent: string }[];
  for (const row of fk)
    problems.push(`foreign key: ${row.table} row ${row.rowid} -> ${row.parent}`);
  progress({ done: tables.length, total: tables.length });
  const result: VerifyResult = {
    ok: problems.length === 0,
    tablesChecked: tables.length,
    problems,
  };
  return result;
};

const backup: JobRunner = (_input, { db, backupsDir, signal, progress }) =>
  createBackup(db, backupsDir, { reason: 'manual', signal, onProgress: progress });

/**
 * Analyses; when the request is one wave, also verifies the improvement actions from earlier
 * waves and the standards with that same result (main/improvement/auto-verify.ts), before the
 * job completes. A cancel up to the verification's writes leaves nothing marked.
 */
const analysis: JobRunner = async (input, { db, signal, progress }) => {
  if (input.kind !== 'analysis.run') throw new Error('analysis runner called for another job');
  const result = await runAnalysis(db, input.request, {
    themes: getThemes(db),
    progress: (done, total) => {
      throwIfCancelled(signal);
      progress({ done, total });
    },
  });
  throwIfCancelled(signal);
  const improvement = await verifyWithAnalysis(db, result, () => throwIfCancelled(signal));
  return improvement ? { ...result, improvement } : result;
};

/** Writes a report or data export; the result is an ExportDone (main/reports/export.ts). */
const reportExport: JobRunner = (input, { db, signal, progress }) => {
  if (input.kind !== 'report.export') throw new Error('report runner called for another job');
  return exportToFile(db, input, {
    signal,
    progress: (done, total) => progress({ done, total }),
    sampleFacts: sampleFactsFor(input.lang),
  });
};

/** What the Word report will contain; the result is a ReportPreview (main/reports/preview.ts). */
const reportPreview: JobRunner = (input, { db, signal, progress }) => {
  if (input.kind !== 'report.preview') throw new Error('preview runner called for another job');
  return previewReport(db, input, {
    signal,
    sampleFacts: sampleFactsFor(input.lang),
    progress: (done, total) => progress({ done, total }),
  });
};

export const JOB_RUNNERS: Record<JobKind, JobRunner> = {
  'db.backup': backup,
  'db.verify': verify,
  'analysis.run': analysis,
  'report.export': reportExport,
  'report.preview': reportPreview,
  'package.export': (input, ctx) => runPackageExport(input, ctx),
  'package.import': (input, ctx) => runPackageImport(input, ctx),
  'improvement.suggest': (input, ctx) => runImprovementSuggest(input, ctx),
  'improvement.evaluate': (input, ctx) => runImprovementEvaluate(input, ctx),
};
