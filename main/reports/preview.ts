/**
 * The preview of a Word report before it is saved ('report.preview' job): the same analyses,
 * field-work facts, section builders and chart renderer as the export (export.ts), with only the
 * packing into a .docx left out. Every section is laid out, so the Reports screen can show or hide
 * a section as its checkbox changes without running the analysis again.
 */
import type { AnalysisRequest, ReportPreview, ReportSection } from '../../shared/analysis';
import type { Db } from '../db/connection';
import { analyseForReport, type ExportRun } from './export';
import { loadWordReport } from './load-word';
import { fieldworkFacts } from './fieldwork-facts';
import { improvementReportData } from '../improvement/report-data';
import { reportBranding } from '../services/settings';
import { readDefinition } from './raw-data';
import type { ReportLang } from './texts';

export interface PreviewRequest {
  request: AnalysisRequest;
  lang: ReportLang;
  compareWaveId?: string | undefined;
  /** Default: every section. */
  sections?: ReportSection[] | undefined;
}

export async function previewReport(
  db: Db,
  input: PreviewRequest,
  run: ExportRun = {},
): Promise<ReportPreview> {
  const started = performance.now();
  const progress = run.progress ?? (() => undefined);
  const { request, lang } = input;
  const { definition } = readDefinition(db, request.surveyId);
  const { result, previous } = await analyseForReport(db, request, input.compareWaveId, {
    signal: run.signal,
    progress: (done, total) => progress(done, total * 4),
  });
  const facts = fieldworkFacts(
    db,
    {
      surveyId: request.surveyId,
      waveIds: request.waveIds,
      channel: request.channel,
      segment: request.segment,
      from: request.from,
      to: request.to,
    },
    run.sampleFacts,
  );
  const { previewWordReport } = await loadWordReport();
  const preview = await previewWordReport(
    {
      result,
      definition,
      lang,
      previous,
      sections: input.sections,
      fieldwork: facts,
      improvement: improvementReportData(db, request.surveyId),
      ...reportBranding(db),
    },
    (done, total) => progress(total + Math.round(done * 3), total * 4),
    run.signal ?? undefined,
  );
  const compareWave = previous
    ? (previous.waves.find((w) => w.id === input.compareWaveId)?.name ?? null)
    : null;
  return {
    lang,
    sections: preview.sections,
    charts: Object.fromEntries(
      Object.entries(preview.charts).map(([id, c]) => [
        id,
        {
          src: `data:image/png;base64,${c.png.toString('base64')}`,
          width: c.width,
          height: c.height,
        },
      ]),
    ),
    warnings: preview.warnings.map((w) => w.message),
    compareWave,
    ms: Math.round(performance.now() - started),
  };
}
