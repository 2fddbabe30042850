/**
 * What every section of the report reads: the analysis, the questionnaire, the words and pen of
 * the report's language, number formats, the previous wave's figures, the rendered charts, and
 * the running numbers of headings, tables and figures.
 */
import { AlignmentType, LineRuleType, ImageRun, Paragraph, type Table } from 'docx';
import {
  customAttributeName,
  isCustomAttribute,
  type AnalysisResult,
  type OutlineEntry,
  type OutlineSection,
  type ScoreStat,
  type SegmentAttribute,
} from '../../../shared/analysis';
import {
  textIn,
  type LocalizedText,
  type SurveyDefinition,
} from '../../../shared/questionnaire/model';
import { CHANNELS, type Channel } from '../../../shared/responses';
import type { ChartFont } from '../charts/fonts';
import type { FieldworkFacts } from '../fieldwork-facts';
import type { ImprovementReportData } from '../../improvement/report-data';
import type { Pen, RunStyle } from '../paper-card-style';
import { body, caption, formats, heading, intro, TEXT_WIDTH_PX, type Formats } from './style';
import { dataTable, type Cell, type Column, type TableOptions } from './tables';
import { wordsFor, type ReportLanguage, type ReportWords, type SectionId } from './texts';

/** What the report is built from. */
export interface WordReportInput {
  result: AnalysisResult;
  /** The questionnaire version the result was computed on (the published one). */
  definition: SurveyDefinition;
  lang: ReportLanguage;
  /** The company name on the cover and in the page header. */
  orgName?: string;
  /** The company logo for the cover, as PNG. */
  logoPng?: Buffer;
  /** The previous wave's analysis, for comparison. */
  previous?: AnalysisResult | null;
  /** Sections to include, in document order (default: all). */
  sections?: SectionId[];
  /** Field-work facts the analysis does not hold (see fieldwork-facts.ts). */
  fieldwork?: FieldworkFacts | null;
  /** The survey's improvement actions and standards: a chapter after the conclusions when any. */
  improvement?: ImprovementReportData | null;
  /** Where to look for a Chinese font for chart labels (default: the usual system places). */
  fontPaths?: string[];
}

/** The previous wave's figures, from a previous analysis or from this one's trend. */
export interface PreviousWave {
  label: string;
  index: number | null;
  nps: number | null;
  dimensions: Record<string, number | null>;
  /** Item scores: only when a previous analysis was given. */
  items: Record<string, ScoreStat> | null;
  npsShares: { detractors: number; passives: number; promoters: number } | null;
  /** The overall satisfaction item and the high-satisfaction share of the index. */
  satisfaction: ScoreStat | null;
  high: number | null;
}

/** Rows of a table the outline keeps (the headline figures; the document has them all). */
export const OUTLINE_TABLE_ROWS = 8;

export interface RenderedChart {
  png: Buffer;
  caption: string;
  /** Size it is placed at, in pixels at 96 dpi. */
  width: number;
  height: number;
}

export class ReportContext {
  readonly result: AnalysisResult;
  readonly definition: SurveyDefinition;
  readonly lang: ReportLanguage;
  readonly words: ReportWords;
  readonly fmt: Formats;
  readonly previous: PreviousWave | null;
  /** Charts by id, rendered before the sections are laid out. */
  readonly charts = new Map<string, RenderedChart>();
  private chapter = 0;
  private subsection = 0;
  private figures = 0;
  private tables = 0;
  private breakBeforeChapter = false;
  /** The sections laid out so far, each with what it says (see OutlineEntry). */
  readonly outline: OutlineSection[] = [];

  constructor(
    readonly input: WordReportInput,
    readonly pen: Pen,
    readonly chartFont: ChartFont,
  ) {
    this.result = input.result;
    this.definition = input.definition;
    this.lang = input.lang;
    this.words = wordsFor(input.lang);
    this.fmt = formats(this.words.none, input.lang !== 'en');
    this.previous = previousWave(input.result, input.previous ?? null);
  }

  /** A questionnaire text in the report's language, else the survey's default language. */
  text(localized: LocalizedText | undefined): string {
    return textIn(localized, this.lang, this.definition.defaultLanguage);
  }

  /** A label for a chart: as in the report, unless the chart font cannot draw Chinese. */
  chartText(localized: LocalizedText | string, fallback: string): string {
    const text = typeof localized === 'string' ? localized : this.text(localized);
    if (this.chartFont.cjk || !/[\u2e80-\u9fff]/.test(text)) return text;
    const english = typeof localized === 'string' ? '' : (localized.en ?? '');
    return english || fallback;
  }

  /** An attribute's name: the report's word for it, or an imported attribute's own name. */
  attributeName(attribute: SegmentAttribute): string {
    return isCustomAttribute(attribute)
      ? customAttributeName(attribute)
      : this.words.attribute[attribute];
  }

  /** How an attribute's value reads: channels translated, other values as recorded. */
  attributeValue(attribute: SegmentAttribute, value: string): string {
    if (attribute === 'channel' && (CHANNELS as readonly string[]).includes(value)) {
      return this.words.channel[value as Channel];
    }
    return value;
  }

  /** Starts recording the outline of a section (called before its builder runs). */
  beginSection(id: SectionId): void {
    this.outline.push({ id, entries: [] });
  }

  /** Adds to the outline of the current section. */
  record(entry: OutlineEntry): void {
    this.outline[this.outline.length - 1]?.entries.push(entry);
  }

  /** A chapter heading; `newPage` starts it on a new page, as does the first after the contents. */
  h1(title: string, newPage = false): Paragraph {
    this.chapter++;
    this.subsection = 0;
    const pageBreak = newPage || this.breakBeforeChapter;
    this.breakBeforeChapter = false;
    this.record({ kind: 'heading', level: 1, number: String(this.chapter), title });
    return heading(this.pen, 1, String(this.chapter), title, pageBreak);
  }

  /** The lead paragraph of a (sub)section: the sentence that carries its figures. */
  intro(text: string): Paragraph {
    this.record({ kind: 'text', text });
    return intro(this.pen, text);
  }

  /** A body paragraph of plain text. */
  body(text: string, style: RunStyle = {}): Paragraph {
    this.record({ kind: 'text', text });
    return body(this.pen, text, style);
  }

  /** Called by the table of contents: the chapter after it starts on a new page. */
  breakAfterContents(): void {
    this.breakBeforeChapter = true;
  }

  h2(title: string): Paragraph {
    this.subsection++;
    const number = `${this.chapter}.${this.subsection}`;
    this.record({ kind: 'heading', level: 2, number, title });
    return heading(this.pen, 2, number, title);
  }

  /** A numbered table with its caption above it. */
  table(
    title: string,
    columns: Column[],
    rows: Cell[][],
    options: TableOptions = {},
  ): (Paragraph | Table)[] {
    this.tables++;
    this.record({
      kind: 'table',
      title,
      columns: columns.map((c) => c.header),
      rows: rows.slice(0, OUTLINE_TABLE_ROWS).map((row) => row.map(cellText)),
      totalRows: rows.length,
    });
    return [
      caption(this.pen, this.words.table(this.tables), title, true),
      dataTable(this.pen, columns, rows, options),
      // Word runs a paragraph straight into the table's bottom rule without this gap.
      new Paragraph({
        children: [],
        spacing: { before: 0, after: 120, line: 200, lineRule: LineRuleType.AUTO },
      }),
    ];
  }

  /** A rendered chart with its numbered caption below, or nothing if it was not drawn. */
  figure(id: string): Paragraph[] {
    const chart = this.charts.get(id);
    if (!chart) return [];
    this.figures++;
    this.record({ kind: 'figure', id, caption: chart.caption });
    const scale = Math.min(1, TEXT_WIDTH_PX / chart.width);
    return [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        keepNext: true,
        spacing: { before: 120, after: 0, line: 240, lineRule: LineRuleType.AUTO },
        children: [
          new ImageRun({
            type: 'png',
            data: chart.png,
            transformation: {
              width: Math.round(chart.width * scale),
              height: Math.round(chart.height * scale),
            },
            altText: { name: id, title: chart.caption, description: chart.caption },
          }),
        ],
      }),
      caption(this.pen, this.words.figure(this.figures), chart.caption, false),
    ];
  }
}

/** The text of a table cell (a cell under a row span reads as empty). */
function cellText(cell: Cell): string {
  if (cell === null || cell === undefined) return '';
  return typeof cell === 'string' ? cell : cell.text;
}

/** The names of the waves an analysis covers. */
export function analysedWaves(result: AnalysisResult): string[] {
  const selected = result.request.waveIds;
  const chosen = selected?.length
    ? result.waves.filter((w) => selected.includes(w.id))
    : result.waves;
  return chosen.map((w) => w.name);
}

/** Figures of the wave before: a given previous analysis, else the trend's wave before this one. */
function previousWave(
  result: AnalysisResult,
  previous: AnalysisResult | null,
): PreviousWave | null {
  if (previous) {
    const nps = previous.nps?.ok ? previous.nps : null;
    return {
      label: analysedWaves(previous).join(' / '),
      index: previous.index.ok ? previous.index.score100 : null,
      nps: nps ? nps.nps : null,
      dimensions: Object.fromEntries(
        previous.dimensions.map((d) => [d.id, d.score.ok ? d.score.score100 : null]),
      ),
      items: Object.fromEntries(
        previous.items.flatMap((i) => (i.score.ok ? [[i.name, i.score]] : [])),
      ),
      npsShares: nps
        ? {
            detractors: nps.detractorShare,
            passives: nps.passiveShare,
            promoters: nps.promoterShare,
          }
        : null,
      satisfaction: previous.satisfaction?.score.ok ? previous.satisfaction.score : null,
      high: previous.index.ok ? previous.index.high : null,
    };
  }
  const selected = result.request.waveIds;
  if (selected?.length !== 1) return null;
  const at = result.trends.waves.findIndex((w) => w.id === selected[0]);
  const before = at > 0 ? result.trends.waves[at - 1] : undefined;
  if (!before) return null;
  return {
    label: before.name,
    index: before.index,
    nps: before.nps,
    dimensions: before.dimensions,
    items: null,
    npsShares: null,
    satisfaction: null,
    high: null,
  };
}
