/**
 * Tables of the report, all alike: a navy header row repeated on every page, thin horizontal
 * rules, banded rows, numbers right-aligned, rows never split across pages.
 */
import {
  AlignmentType,
  LineRuleType,
  BorderStyle,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  VerticalAlignTable,
  WidthType,
} from 'docx';
import type { Pen } from '../paper-card-style';
import { COLOUR, REPORT_SIZE, REPORT_TEXT_WIDTH } from './style';

export interface Column {
  header: string;
  /** Relative width: the columns share the text width in these proportions. */
  width: number;
  align?: 'left' | 'right' | 'center';
}

/** A cell's text, or the text with emphasis; null where a cell above spans into this row. */
export type Cell =
  | string
  | {
      text: string;
      bold?: boolean;
      color?: string;
      rowSpan?: number;
      /** Keeps this row on the page of the next one (rows of one group stay together). */
      keep?: boolean;
      /** Spans this many columns; the row then has fewer cells (no nulls for them). */
      columnSpan?: number;
      lines?: string[];
    }
  | null;

const ALIGN = {
  left: AlignmentType.LEFT,
  right: AlignmentType.RIGHT,
  center: AlignmentType.CENTER,
};
const RULE = { style: BorderStyle.SINGLE, size: 4, color: COLOUR.rule };
const FRAME = { style: BorderStyle.SINGLE, size: 12, color: COLOUR.navy };
const NONE = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
const MARGINS = { top: 45, bottom: 45, left: 90, right: 90 };
/** Tables of up to this many rows are kept on one page. */
const SHORT_TABLE = 12;

export interface TableOptions {
  /** Type size in half-points (default: the table size). */
  size?: number;
  /** Banded rows (default on). */
  band?: boolean;
  /** Least row height in twips, e.g. rows left blank to be written in. */
  rowHeight?: number;
}

export function dataTable(
  pen: Pen,
  columns: Column[],
  rows: Cell[][],
  options: TableOptions = {},
): Table {
  const size = options.size ?? REPORT_SIZE.table;
  const total = columns.reduce((s, c) => s + c.width, 0);
  const widths = columns.map((c) => Math.floor((c.width / total) * REPORT_TEXT_WIDTH));
  const header = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: columns.map(
      (column, k) =>
        new TableCell({
          width: { size: widths[k]!, type: WidthType.DXA },
          shading: { type: ShadingType.CLEAR, fill: COLOUR.navy, color: 'auto' },
          margins: MARGINS,
          verticalAlign: VerticalAlignTable.CENTER,
          children: [
            new Paragraph({
              alignment: ALIGN[column.align ?? 'left'],
              spacing: { after: 0, line: 260, lineRule: LineRuleType.AUTO },
              keepNext: true,
              children: [pen.run(column.header, { size, bold: true, color: COLOUR.headerText })],
            }),
          ],
        }),
    ),
  });
  const body = rows.map((row, r) => {
    const fill = options.band !== false && r % 2 === 1 ? COLOUR.band : undefined;
    const cells: TableCell[] = [];
    // A short table stays on one page; in a long one, only rows marked to keep stay together.
    const keepNext =
      (rows.length <= SHORT_TABLE && r < rows.length - 1) ||
      row.some((cell) => typeof cell === 'object' && cell?.keep === true);
    let k = 0;
    row.forEach((cell) => {
      const column = k;
      if (cell === null) {
        k++;
        return;
      }
      const value = typeof cell === 'string' ? { text: cell } : cell;
      const span = value.columnSpan ?? 1;
      k += span;
      const lines = value.lines ?? [value.text];
      const width = widths.slice(column, column + span).reduce((a, b) => a + b, 0);
      cells.push(
        new TableCell({
          width: { size: width, type: WidthType.DXA },
          margins: MARGINS,
          verticalAlign: VerticalAlignTable.CENTER,
          rowSpan: value.rowSpan,
          columnSpan: value.columnSpan,
          ...(fill && !value.rowSpan
            ? { shading: { type: ShadingType.CLEAR, fill, color: 'auto' } }
            : {}),
          children: lines.map(
            (line) =>
              new Paragraph({
                alignment: ALIGN[(span === 1 && columns[column]?.align) || 'left'],
                spacing: { after: 0, line: 260, lineRule: LineRuleType.AUTO },
                keepNext,
                children: [
                  pen.run(line, {
                    size,
                    bold: value.bold ?? false,
                    color: value.color ?? '262626',
                  }),
                ],
              }),
          ),
        }),
      );
    });
    return new TableRow({
      cantSplit: true,
      children: cells,
      ...(options.rowHeight
        ? { height: { value: options.rowHeight, rule: 'atLeast' as const } }
        : {}),
    });
  });
  return new Table({
    rows: [header, ...body],
    columnWidths: widths,
    width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    layout: TableLayoutType.FIXED,
    borders: {
      top: FRAME,
      bottom: FRAME,
      left: NONE,
      right: NONE,
      insideHorizontal: RULE,
      insideVertical: NONE,
    },
  });
}

/** A status word in green (met) or red (not met). */
export function statusCell(text: string, met: boolean | null): Cell {
  return met === null ? text : { text, color: met ? COLOUR.good : COLOUR.bad, bold: true };
}
