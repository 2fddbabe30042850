/**
 * The report's look: A4 portrait geometry, heading and body styles (Heading1/2 so Word's table of
 * contents finds them), captions, notes and number formats. Runs name their East Asian font
 * through the paper card's pen (penFor), so Chinese is set in YaHei in Word and WPS.
 */
import {
  AlignmentType,
  LineRuleType,
  HeadingLevel,
  Paragraph,
  Tab,
  TextRun,
  type IStylesOptions,
  type ParagraphChild,
} from 'docx';
import { penFor, type Pen, type RunStyle } from '../paper-card-style';
import type { ReportLanguage } from './texts';

/** A4 portrait in twips, with margins of a printed business report (2.2 cm at the sides). */
export const REPORT_PAGE = {
  width: 11906,
  height: 16838,
  marginX: 1247,
  marginTop: 1304,
  marginBottom: 1247,
};
export const REPORT_TEXT_WIDTH = REPORT_PAGE.width - 2 * REPORT_PAGE.marginX;
/** The text width in pixels at 96 dpi: the width charts are placed at. */
export const TEXT_WIDTH_PX = Math.round((REPORT_TEXT_WIDTH / 1440) * 96);

/** Sizes in half-points. */
export const REPORT_SIZE = {
  cover: 52,
  h1: 32,
  h2: 26,
  h3: 22,
  body: 21,
  table: 18,
  caption: 18,
  note: 17,
} as const;

export const COLOUR = {
  navy: '1F3864',
  blue: '2E75B6',
  grey: '595959',
  rule: 'BFBFBF',
  band: 'F2F5FA',
  headerText: 'FFFFFF',
  good: '548235',
  bad: 'C00000',
} as const;

/**
 * The paper card's pen with one change: Latin text is tagged en-US in a Chinese report too.
 * Tagged zh-CN, LibreOffice breaks Latin runs anywhere, splitting numbers such as 72.0 across
 * two lines; the East Asian language stays zh-CN so Chinese keeps its Chinese glyph forms.
 */
export function reportPen(lang: ReportLanguage): Pen {
  const base = penFor(lang, lang);
  const { font } = base;
  const language = { value: 'en-US', eastAsia: 'zh-CN' };
  const size = REPORT_SIZE.body;
  return {
    ...base,
    language,
    run: (text, style = {}) => new TextRun({ text, font, language, size, ...style }),
    tab: (style = {}) => new TextRun({ children: [new Tab()], font, language, size, ...style }),
  };
}

/** Document styles: the default font of every run, headings, captions. */
export function reportStyles(pen: Pen): IStylesOptions {
  const heading = (size: number, color: string, before: number, after: number) => ({
    basedOn: 'Normal',
    next: 'Normal',
    quickFormat: true,
    run: { font: pen.font, size, bold: true, color },
    paragraph: {
      spacing: { before, after, line: 276, lineRule: LineRuleType.AUTO },
      keepNext: true,
      keepLines: true,
    },
  });
  return {
    default: {
      document: {
        run: { font: pen.font, size: REPORT_SIZE.body, language: pen.language },
        paragraph: { spacing: { line: 312, lineRule: LineRuleType.AUTO, after: 100 } },
      },
    },
    paragraphStyles: [
      {
        id: 'Heading1',
        name: 'Heading 1',
        ...heading(REPORT_SIZE.h1, COLOUR.navy, 240, 200),
        paragraph: {
          spacing: { before: 240, after: 200, line: 276, lineRule: LineRuleType.AUTO },
          keepNext: true,
          keepLines: true,
          outlineLevel: 0,
          border: { bottom: { style: 'single', size: 12, color: COLOUR.navy, space: 4 } },
        },
      },
      {
        id: 'Heading2',
        name: 'Heading 2',
        ...heading(REPORT_SIZE.h2, COLOUR.navy, 280, 120),
        paragraph: {
          spacing: { before: 280, after: 120, line: 276, lineRule: LineRuleType.AUTO },
          keepNext: true,
          keepLines: true,
          outlineLevel: 1,
        },
      },
      { id: 'Heading3', name: 'Heading 3', ...heading(REPORT_SIZE.h3, COLOUR.blue, 200, 80) },
      // Entries of the table of contents: tighter than body text, chapters in bold.
      {
        id: 'TOC1',
        name: 'toc 1',
        basedOn: 'Normal',
        next: 'Normal',
        run: { font: pen.font, bold: true, color: COLOUR.navy },
        paragraph: { spacing: { before: 120, after: 30, line: 264, lineRule: LineRuleType.AUTO } },
      },
      {
        id: 'TOC2',
        name: 'toc 2',
        basedOn: 'Normal',
        next: 'Normal',
        paragraph: {
          spacing: { before: 0, after: 30, line: 264, lineRule: LineRuleType.AUTO },
          indent: { left: 420 },
        },
      },
      {
        id: 'Caption',
        name: 'Caption',
        basedOn: 'Normal',
        next: 'Normal',
        run: { font: pen.font, size: REPORT_SIZE.caption, color: COLOUR.grey, bold: true },
        paragraph: { spacing: { before: 60, after: 200 }, alignment: AlignmentType.CENTER },
      },
    ],
  };
}

/** A numbered heading: "4.2 净推荐值". */
export function heading(
  pen: Pen,
  level: 1 | 2 | 3,
  number: string,
  text: string,
  newPage = false,
): Paragraph {
  const levels = [HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3];
  const gap = level === 1 ? '\u2003' : '\u2002';
  return new Paragraph({
    heading: levels[level - 1],
    children: [new TextRun({ text: number ? `${number}${gap}${text}` : text, font: pen.font })],
    pageBreakBefore: newPage,
  });
}

/** A paragraph of text; `keepNext` keeps an introduction on the page of its table or chart. */
export function body(
  pen: Pen,
  text: string | ParagraphChild[],
  style: RunStyle = {},
  keepNext = false,
): Paragraph {
  return new Paragraph({
    children: typeof text === 'string' ? [pen.run(text, style)] : text,
    alignment: AlignmentType.JUSTIFIED,
    keepNext,
  });
}

/** A paragraph that leads into the table or chart after it: kept on the same page. */
export function intro(pen: Pen, text: string): Paragraph {
  return body(pen, text, {}, true);
}

/** A bullet point (a plain "•" with a hanging indent: no numbering part needed). */
export function bullet(pen: Pen, children: ParagraphChild[] | string, marker = '•'): Paragraph {
  return new Paragraph({
    children: [
      pen.run(`${marker}\t`),
      ...(typeof children === 'string' ? [pen.run(children)] : children),
    ],
    indent: { left: 420, hanging: 300 },
    tabStops: [{ type: 'left', position: 420 }],
    spacing: { after: 80 },
    alignment: AlignmentType.JUSTIFIED,
  });
}

/** Small grey text under a table or figure. */
export function note(pen: Pen, text: string): Paragraph {
  return new Paragraph({
    children: [pen.run(text, { size: REPORT_SIZE.note, color: COLOUR.grey })],
    spacing: { before: 40, after: 160 },
  });
}

/** "表 3  各维度得分" above a table, or "图 2 ..." under a figure. */
export function caption(pen: Pen, label: string, text: string, above: boolean): Paragraph {
  return new Paragraph({
    style: 'Caption',
    children: [
      pen.run(label + text, { size: REPORT_SIZE.caption, bold: true, color: COLOUR.grey }),
    ],
    keepNext: above,
    spacing: above ? { before: 200, after: 80 } : { before: 60, after: 240 },
  });
}

/** Number formats used throughout: scores 1 decimal, means 2, shares as percentages. */
export interface Formats {
  score(value: number | null | undefined): string;
  mean(value: number | null | undefined): string;
  share(value: number | null | undefined): string;
  count(value: number | null | undefined): string;
  signed(value: number | null | undefined, decimals?: number): string;
  r(value: number | null | undefined): string;
  p(value: number | null | undefined): string;
}

/**
 * `tight`: p-values without spaces (p<0.001), as Chinese text writes them; with spaces, LibreOffice
 * breaks a line inside the number. English keeps no-break spaces (p < 0.001).
 */
export function formats(none: string, tight: boolean): Formats {
  const space = tight ? '' : '\u00a0';
  const ok = (v: number | null | undefined): v is number =>
    v !== null && v !== undefined && Number.isFinite(v);
  return {
    score: (v) => (ok(v) ? v.toFixed(1) : none),
    mean: (v) => (ok(v) ? v.toFixed(2) : none),
    share: (v) => (ok(v) ? `${(v * 100).toFixed(1)}%` : none),
    count: (v) => (ok(v) ? Math.round(v).toLocaleString('en-US') : none),
    // The sign of the number as written: −0.04 reads "±0.0", not "−0.0".
    signed: (v, decimals = 1) => {
      if (!ok(v)) return none;
      const shown = Number(v.toFixed(decimals));
      return `${shown > 0 ? '+' : shown < 0 ? '−' : '±'}${Math.abs(shown).toFixed(decimals)}`;
    },
    r: (v) => (ok(v) ? v.toFixed(2) : none),
    p: (v) =>
      !ok(v) ? none : v < 0.001 ? `p${space}<${space}0.001` : `p${space}=${space}${v.toFixed(3)}`,
  };
}

/** "customer type" -> "Customer type" at the start of a heading or sentence (no-op for Chinese). */
export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
