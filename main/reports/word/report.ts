/**
 * The Word survey report (调查报告) a manager hands to senior management: cover, contents,
 * purpose, method, sample, results, key drivers, group differences, open answers, conclusions
 * and recommendations, improvement actions (when the survey has any), appendix. Built from an analysis result with `docx`; charts are drawn
 * first (one job each, between abort checks), then the sections are laid out around them.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  Header,
  Packer,
  PageNumber,
  Paragraph,
  TextRun,
  type ISectionOptions,
  type Table,
  type TableOfContents,
} from 'docx';
import { chartFont, type ChartFont } from '../charts/fonts';
import type { Pen } from '../paper-card-style';
import { appendix } from './appendix-section';
import { conclusions } from './closing-sections';
import { improvementChapter } from './improvement-section';
import type { OutlineSection } from '../../../shared/analysis';
import { ReportContext, type WordReportInput } from './context';
import { chartJobs } from './figures';
import { contents, cover, method, purpose, sample } from './front-sections';
import { drivers, segments, themes } from './insight-sections';
import { pageNumberEstimator } from './page-numbers';
import { results } from './results-section';
import { COLOUR, REPORT_PAGE, REPORT_SIZE, note, reportPen, reportStyles } from './style';
import { SECTION_IDS, type ReportWords, type SectionId } from './texts';

export type { WordReportInput } from './context';
export type { OutlineEntry, OutlineSection } from '../../../shared/analysis';
export { SECTION_IDS, type SectionId } from './texts';

/** Something the user should know about a report that was still built. */
export interface WordReportWarning {
  code: 'CHART_FONT_MISSING';
  message: string;
}

export interface WordReport {
  docx: Buffer;
  /** How many charts the report holds. */
  charts: number;
  warnings: WordReportWarning[];
}

type Block = Paragraph | Table | TableOfContents;

const BUILDERS: Record<Exclude<SectionId, 'cover'>, (ctx: ReportContext) => Block[]> = {
  contents,
  purpose,
  method,
  sample,
  results,
  drivers,
  segments,
  themes,
  conclusions,
  // Only for a survey with an improvement loop: no chapter (nor outline entry) otherwise.
  improvement: (ctx) => improvementChapter(ctx, ctx.input.improvement),
  appendix,
};

/**
 * Draws the charts of the chosen sections (one at a time, between abort checks), then lays the
 * sections out around them. `after` is how many progress steps the caller still takes.
 */
async function layOut(
  input: WordReportInput,
  progress: (done: number, total: number) => void,
  after: number,
  signal?: AbortSignal,
): Promise<LaidOut> {
  signal?.throwIfAborted();
  const wanted = new Set(input.sections ?? SECTION_IDS);
  const sections = SECTION_IDS.filter((id) => wanted.has(id));
  const font = chartFont(input.fontPaths);
  const ctx = new ReportContext(input, reportPen(input.lang), font);
  const warnings: WordReportWarning[] = [];
  const jobs = chartJobs(ctx, sections);
  const total = jobs.length + after;
  let done = 0;
  for (const job of jobs) {
    signal?.throwIfAborted();
    const png = job.render();
    // The PNG holds twice the pixels of the size it is placed at (see charts/render.ts).
    ctx.charts.set(job.id, {
      png,
      caption: job.caption,
      width: png.readUInt32BE(16) / 2,
      height: png.readUInt32BE(20) / 2,
    });
    progress(++done, total);
    // Lets an abort (or anything else waiting) through between charts.
    await new Promise((resolve) => setImmediate(resolve));
  }
  if (!font.cjk && jobs.length > 0) {
    warnings.push({ code: 'CHART_FONT_MISSING', message: ctx.words.chartsInEnglish });
  }
  signal?.throwIfAborted();

  let coverBlocks: Block[] | null = null;
  const main: Block[] = [];
  if (warnings.length > 0) main.push(note(ctx.pen, ctx.words.chartsInEnglish));
  for (const id of sections) {
    ctx.beginSection(id);
    if (id === 'cover') coverBlocks = cover(ctx);
    else {
      const blocks = BUILDERS[id](ctx);
      // A section with nothing to say (no improvement loop) is left out of the outline too.
      if (blocks.length === 0) ctx.outline.pop();
      main.push(...blocks);
    }
  }
  return { ctx, cover: coverBlocks, main, charts: jobs.length, warnings, font };
}

/** The report as a .docx file. */
export async function buildWordReport(
  input: WordReportInput,
  progress?: (done: number, total: number) => void,
  signal?: AbortSignal,
): Promise<Buffer> {
  return (await createWordReport(input, progress, signal)).docx;
}

/** The sections of a report as blocks, with the charts drawn and the outline recorded. */
interface LaidOut {
  ctx: ReportContext;
  cover: Block[] | null;
  main: Block[];
  charts: number;
  warnings: WordReportWarning[];
  font: ChartFont;
}

/** What the report will contain, before it is written: see previewWordReport. */
export interface WordPreview {
  sections: OutlineSection[];
  /** The charts the outline's figures show, by id, as the PNGs the document embeds. */
  charts: Record<string, { png: Buffer; width: number; height: number }>;
  warnings: WordReportWarning[];
}

/**
 * The report's outline (headings, lead sentences, tables' first rows, charts) in its language,
 * from the same section builders and chart renderer as the document; only the packing into a
 * .docx is skipped.
 */
export async function previewWordReport(
  input: WordReportInput,
  progress: (done: number, total: number) => void = () => undefined,
  signal?: AbortSignal,
): Promise<WordPreview> {
  const laid = await layOut(input, progress, 1, signal);
  const used = new Set(
    laid.ctx.outline.flatMap((s) => s.entries.flatMap((e) => (e.kind === 'figure' ? [e.id] : []))),
  );
  const charts: WordPreview['charts'] = {};
  for (const [id, chart] of laid.ctx.charts)
    if (used.has(id)) charts[id] = { png: chart.png, width: chart.width, height: chart.height };
  progress(1, 1);
  return { sections: laid.ctx.outline, charts, warnings: laid.warnings };
}

/** The report with its chart count and warnings (e.g. chart labels fell back to English). */
export async function createWordReport(
  input: WordReportInput,
  progress: (done: number, total: number) => void = () => undefined,
  signal?: AbortSignal,
): Promise<WordReport> {
  const {
    ctx,
    cover: coverBlocks,
    main,
    charts,
    warnings,
    font,
  } = await layOut(input, progress, 2, signal);
  const total = charts + 2;
  let done = charts;
  progress(++done, total);

  const page = {
    size: { width: REPORT_PAGE.width, height: REPORT_PAGE.height },
    margin: {
      top: REPORT_PAGE.marginTop,
      bottom: REPORT_PAGE.marginBottom,
      left: REPORT_PAGE.marginX,
      right: REPORT_PAGE.marginX,
      header: 620,
      footer: 560,
    },
  };
  const docSections: ISectionOptions[] = [];
  if (coverBlocks) docSections.push({ properties: { page }, children: coverBlocks });
  docSections.push({
    properties: { page: { ...page, pageNumbers: { start: 1 } } },
    headers: { default: header(ctx) },
    footers: { default: footer(ctx.pen, ctx.words) },
    children: main,
  });
  const document = new Document({
    title: `${ctx.text(ctx.result.surveyTitle)} ${ctx.words.report}`,
    creator: input.orgName ?? 'SurveyDesk',
    description: ctx.words.report,
    // Word refreshes the table of contents and its page numbers when the file is opened; the
    // numbers written in advance serve viewers that do not update fields (see page-numbers.ts).
    features: { updateFields: true },
    pageNumbers: pageNumberEstimator(font, ctx.pen.font.eastAsia),
    styles: reportStyles(ctx.pen),
    sections: docSections,
  });
  signal?.throwIfAborted();
  const docx = await Packer.toBuffer(document);
  progress(++done, total);
  return { docx, charts, warnings };
}

/** Organisation and report title at the top right of every page after the cover, over a rule. */
function header(ctx: ReportContext): Header {
  const title = `${ctx.text(ctx.result.surveyTitle)} · ${ctx.words.report}`;
  const text = ctx.input.orgName ? `${ctx.input.orgName}  |  ${title}` : title;
  return new Header({
    children: [
      new Paragraph({
        alignment: AlignmentType.RIGHT,
        border: { bottom: { style: BorderStyle.SINGLE, size: 4, color: COLOUR.rule, space: 4 } },
        children: [ctx.pen.run(text, { size: REPORT_SIZE.note, color: COLOUR.grey })],
      }),
    ],
  });
}

/** "第 3 页": the cover is not counted, so a total would disagree with the numbers. */
function footer(pen: Pen, words: ReportWords): Footer {
  const [before, after] = words.page;
  return new Footer({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [
          new TextRun({
            font: pen.font,
            language: pen.language,
            size: REPORT_SIZE.note,
            color: COLOUR.grey,
            children: [before, PageNumber.CURRENT, after],
          }),
        ],
      }),
    ],
  });
}
