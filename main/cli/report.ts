/**
 * `surveydesk report --survey CODE [--wave NAME] --format docx|xlsx|csv|sav --out FILE
 * [--lang zh-CN|en] [--sections a,b,c] [--compare WAVE] [--codes] [--gbk] [--include-personal]`:
 * the Word or Excel report, or the raw data as CSV or SPSS, written the way the 'report.export'
 * job writes it (complete or not at all). --sections is for the Word report; --compare for the
 * Word and Excel reports.
 */
import path from 'node:path';
import { analysisRequest, REPORT_SECTIONS, type ReportSection } from '../../shared/analysis';
import { AppError } from '../../shared/errors';
import type { Wave } from '../../shared/responses';
import type { SurveySummary } from '../../shared/surveys';
import { EXPORT_FORMATS, exportToFile, type ExportFormat } from '../reports/export';
import { sampleFactsFor } from '../sampling/report-facts';
import { call, withServices, type Command } from './support';

export const reportCommand: Command = {
  summary: {
    en: 'write a report or data file: --survey CODE [--wave NAME] --format docx|xlsx|csv|sav --out FILE [--sections a,b,c] [--compare WAVE] [--codes] [--gbk] [--include-personal]',
    'zh-CN':
      '生成报告或数据文件：--survey 编号 [--wave 批次] --format docx|xlsx|csv|sav --out 文件 [--sections 章节,…] [--compare 对比批次] [--codes] [--gbk] [--include-personal]',
  },
  run: (ctx) =>
    withServices(ctx, false, async (services) => {
      const zh = ctx.locale === 'zh-CN';
      const key = ctx.options.survey;
      if (typeof key !== 'string')
        throw new AppError('INVALID_INPUT', { details: '--survey CODE is missing' });
      const format = ctx.format as ExportFormat | undefined;
      if (!format || !EXPORT_FORMATS.includes(format))
        throw new AppError('INVALID_INPUT', {
          details: `--format must be one of ${EXPORT_FORMATS.join(', ')}`,
        });
      if (!ctx.out) throw new AppError('INVALID_INPUT', { details: '--out FILE is missing' });
      const surveys = await call<SurveySummary[]>(services, 'surveys.list', {});
      const survey = surveys.find((s) => s.code === key || s.id === key);
      if (!survey) throw new AppError('NOT_FOUND', { what: `survey ${key}` });
      const sections = sectionsOption(ctx.options.sections, format);
      const waves = await call<Wave[]>(services, 'waves.list', { surveyId: survey.id });
      const waveNamed = (key: string) => {
        const wave = waves.find((w) => w.name === key || w.id === key);
        if (!wave) throw new AppError('NOT_FOUND', { what: `wave ${key}` });
        return wave.id;
      };
      const waveIds =
        typeof ctx.options.wave === 'string' ? [waveNamed(ctx.options.wave)] : undefined;
      let compareWaveId: string | undefined;
      if (typeof ctx.options.compare === 'string') {
        if (format !== 'docx' && format !== 'xlsx')
          throw new AppError('INVALID_INPUT', {
            details: '--compare is for --format docx or xlsx',
          });
        compareWaveId = waveNamed(ctx.options.compare);
      }
      const includePersonal = ctx.options['include-personal'] === true;
      if (includePersonal) {
        ctx.io.err(
          zh
            ? '警告：导出文件将包含个人信息（姓名、电话等）。请妥善保管，仅提供给有权查看的人员。\n'
            : 'Warning: the file will contain personal data (names, phone numbers). Keep it safe and share it only with people entitled to see it.\n',
        );
      }
      // Ctrl-C stops the export cleanly: no half-written file is left behind.
      const controller = new AbortController();
      const stop = () => controller.abort();
      process.once('SIGINT', stop);
      try {
        const done = await exportToFile(
          services.ctx.db,
          {
            request: analysisRequest.parse({ surveyId: survey.id, waveIds }),
            format,
            lang: ctx.locale,
            path: path.resolve(ctx.out),
            labels: ctx.options.codes === true ? 'codes' : 'labels',
            encoding: ctx.options.gbk === true ? 'gbk' : 'utf8',
            includePersonal,
            sections,
            compareWaveId,
          },
          { signal: controller.signal, sampleFacts: sampleFactsFor(ctx.locale) },
        );
        const size = `${Math.max(1, Math.round(done.bytes / 1024))} KB`;
        ctx.io.out(
          ctx.json
            ? `${JSON.stringify(done, null, 2)}\n`
            : zh
              ? `已写入 ${done.path}（${done.format === 'docx' ? '' : `${done.rows} 份答卷，`}${size}）\n`
              : `Wrote ${done.path} (${done.format === 'docx' ? '' : `${done.rows} responses, `}${size})\n`,
        );
        return 0;
      } finally {
        process.off('SIGINT', stop);
      }
    }),
};

/** `--sections cover,results,...`: Word section ids (see REPORT_SECTIONS), checked. */
function sectionsOption(
  value: string | boolean | undefined,
  format: ExportFormat,
): ReportSection[] | undefined {
  if (value === undefined) return undefined;
  if (format !== 'docx')
    throw new AppError('INVALID_INPUT', { details: '--sections is for --format docx' });
  const ids = String(value)
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const unknown = ids.filter((id) => !(REPORT_SECTIONS as readonly string[]).includes(id));
  if (ids.length === 0 || unknown.length > 0)
    throw new AppError('INVALID_INPUT', {
      details: `--sections takes a comma-separated list of ${REPORT_SECTIONS.join(', ')}${unknown.length ? ` (unknown: ${unknown.join(', ')})` : ''}`,
    });
  return ids as ReportSection[];
}
