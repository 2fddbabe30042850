/**
 * Scales on the paper card: a single Likert or NPS question as a row of boxes with the point
 * labels under them, a matrix as a table, and a run of Likert questions sharing one scale as a
 * compact grid (one row per question, its number and text on the left). Every box carries its
 * entry code.
 */
import {
  AlignmentType,
  BorderStyle,
  Paragraph,
  ShadingType,
  TableCell,
  TableRow,
  TabStopType,
  VerticalAlignTable,
  WidthType,
  type Table,
} from 'docx';
import {
  entryOptions,
  matrixEntryOptions,
  type EntryOption,
} from '../../shared/questionnaire/entry-codes';
import type { Question } from '../../shared/questionnaire/model';
import {
  ANSWER_WIDTH,
  CELL_PAD,
  GREY,
  INDENT,
  RULE,
  SIZE,
  TEXT_WIDTH,
  centred,
  plainTable,
  type Pen,
} from './paper-card-style';

type Of<T extends Question['type']> = Extract<Question, { type: T }>;
type Likert = Of<'likert'>;

/** A row of boxes "☐ 1 ☐ 2 …" with each point's label under its box. */
export function scaleTable(options: EntryOption[], pen: Pen): Table {
  const width = Math.floor(ANSWER_WIDTH / options.length);
  const labels = pointLabels(options, pen);
  const cell = (children: Paragraph[]) =>
    new TableCell({ width: { size: width, type: WidthType.DXA }, margins: CELL_PAD, children });
  const boxes = new TableRow({
    cantSplit: true,
    keepNext: true,
    children: options.map((o) =>
      cell([centred([pen.box(), pen.run(` ${o.code}`, { bold: true })])]),
    ),
  });
  const names = new TableRow({
    cantSplit: true,
    children: labels.map((label) =>
      cell([centred([pen.run(label, { size: SIZE.small, color: GREY })])]),
    ),
  });
  return plainTable([boxes, names], Array<number>(options.length).fill(width));
}

/** Every scale says at least what its ends mean, even when the designer gave no labels. */
function pointLabels(options: EntryOption[], pen: Pen): string[] {
  const labels = options.map((o) => pen.text(o.label));
  if (labels.length > 0) {
    labels[0] ||= pen.words.lowest;
    labels[labels.length - 1] ||= pen.words.highest;
  }
  return labels;
}

/** 0-10 in one row; the end labels under 0 and 10. */
export function npsTable(question: Of<'nps'>, pen: Pen): Table {
  const options = entryOptions(question);
  const width = Math.floor(ANSWER_WIDTH / options.length);
  const cell = (children: Paragraph[], columnSpan = 1) =>
    new TableCell({
      width: { size: width * columnSpan, type: WidthType.DXA },
      columnSpan,
      margins: CELL_PAD,
      children,
    });
  const small = { size: SIZE.small, color: GREY };
  const boxes = new TableRow({
    cantSplit: true,
    keepNext: true,
    children: options.map((o) =>
      cell([centred([pen.box(), pen.run(` ${o.code}`, { bold: true })])]),
    ),
  });
  const ends = new TableRow({
    cantSplit: true,
    children: [
      cell(
        [
          new Paragraph({
            children: [pen.run(`← ${pen.text(question.lowLabel) || pen.words.lowest}`, small)],
          }),
        ],
        4,
      ),
      cell([new Paragraph({})], 3),
      cell(
        [
          new Paragraph({
            children: [pen.run(`${pen.text(question.highLabel) || pen.words.highest} →`, small)],
            alignment: AlignmentType.RIGHT,
          }),
        ],
        4,
      ),
    ],
  });
  return plainTable([boxes, ends], Array<number>(options.length).fill(width));
}

/** One row per item, a box per point; codes and point labels in the header. */
export function matrixTable(question: Of<'matrix'>, pen: Pen): Table {
  const options = matrixEntryOptions(question);
  const itemWidth = Math.round(ANSWER_WIDTH * 0.4);
  const pointWidth = Math.floor((ANSWER_WIDTH - itemWidth) / options.length);
  const line = { style: BorderStyle.SINGLE, size: 4, color: RULE };
  const borders = {
    top: line,
    bottom: line,
    left: line,
    right: line,
    insideHorizontal: line,
    insideVertical: line,
  };
  const cell = (children: Paragraph[], width: number) =>
    new TableCell({
      width: { size: width, type: WidthType.DXA },
      margins: CELL_PAD,
      verticalAlign: VerticalAlignTable.CENTER,
      children,
    });
  const header = new TableRow({
    tableHeader: true,
    cantSplit: true,
    keepNext: true,
    children: [
      cell([new Paragraph({})], itemWidth),
      ...options.map((o) =>
        cell(
          [
            centred([pen.run(o.code, { bold: true })]),
            centred([pen.run(pen.text(o.label), { size: SIZE.small, color: GREY })]),
          ],
          pointWidth,
        ),
      ),
    ],
  });
  const rows = question.items.map(
    (item, i) =>
      new TableRow({
        cantSplit: true,
        keepNext: i < question.items.length - 1,
        children: [
          cell([new Paragraph({ children: [pen.run(pen.text(item.label))] })], itemWidth),
          ...options.map((o) =>
            cell(
              [centred([pen.box(), pen.run(` ${o.code}`, { size: SIZE.small, color: GREY })])],
              pointWidth,
            ),
          ),
        ],
      }),
  );
  return plainTable(
    [header, ...rows],
    [itemWidth, ...Array<number>(options.length).fill(pointWidth)],
    borders,
  );
}

/** The point labels of a Likert question in the card's language, joined: equal keys share a grid. */
export function scaleKey(question: Likert, pen: Pen): string {
  return entryOptions(question)
    .map((o) => `${o.code}=${pen.text(o.label)}`)
    .join('|');
}

/**
 * Consecutive Likert questions on the same scale: the labels once in the header, then a row
 * per question. Each row keeps the question's number, so the card still reads in entry order.
 */
export function scaleGrid(questions: { number: number; question: Likert }[], pen: Pen): Table {
  const [first] = questions;
  const options = first ? entryOptions(first.question) : [];
  const labels = pointLabels(options, pen);
  const pointWidth = Math.min(1150, Math.floor((TEXT_WIDTH * 0.55) / Math.max(1, options.length)));
  const textWidth = TEXT_WIDTH - pointWidth * options.length;
  const rule = { style: BorderStyle.SINGLE, size: 4, color: RULE };
  const none = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
  const borders = {
    top: rule,
    bottom: rule,
    left: none,
    right: none,
    insideHorizontal: rule,
    insideVertical: none,
  };
  const cell = (children: Paragraph[], width: number, shaded: boolean, margins = CELL_PAD) =>
    new TableCell({
      width: { size: width, type: WidthType.DXA },
      margins,
      verticalAlign: VerticalAlignTable.CENTER,
      ...(shaded ? { shading: { type: ShadingType.CLEAR, fill: 'F3F3F3', color: 'auto' } } : {}),
      children,
    });
  const header = new TableRow({
    tableHeader: true,
    cantSplit: true,
    keepNext: true,
    children: [
      cell([new Paragraph({})], textWidth, false),
      ...options.map((o, i) =>
        cell(
          [
            centred([pen.run(o.code, { bold: true })]),
            centred([pen.run(labels[i] ?? '', { size: SIZE.small, color: GREY })]),
          ],
          pointWidth,
          false,
        ),
      ),
    ],
  });
  const rows = questions.map(({ number, question }, i) => {
    const shaded = i % 2 === 1;
    const label = new Paragraph({
      children: [
        pen.run(`${number}.`, { bold: true }),
        pen.tab(),
        pen.marked(pen.text(question.label), question.required),
      ],
      indent: { left: INDENT, hanging: INDENT },
      tabStops: [{ type: TabStopType.LEFT, position: INDENT }],
    });
    return new TableRow({
      cantSplit: true,
      keepNext: i === 0,
      children: [
        // No left padding: the number lines up with the numbers of the questions around the grid.
        cell([label], textWidth, shaded, { ...CELL_PAD, left: 0 }),
        ...options.map((o) =>
          cell(
            [centred([pen.box(), pen.run(` ${o.code}`, { size: SIZE.small, color: GREY })])],
            pointWidth,
            shaded,
          ),
        ),
      ],
    });
  });
  return plainTable(
    [header, ...rows],
    [textWidth, ...Array<number>(options.length).fill(pointWidth)],
    borders,
    0,
  );
}

/** Likert questions that can join a grid: no skip instruction or help text of their own. */
export function fitsGrid(question: Question, pen: Pen): question is Likert {
  return question.type === 'likert' && !question.relevant.trim() && !pen.text(question.hint);
}
