/**
 * The answer area of each question type on the paper card. Every tick box is followed by the
 * entry code the paper-entry screen accepts (entryOptions / matrixEntryOptions), so the typist
 * keys exactly what is printed.
 */
import {
  LeaderType,
  Paragraph,
  type Table,
  TableCell,
  TableRow,
  TabStopType,
  TextRun,
  UnderlineType,
  WidthType,
  type IParagraphOptions,
  type ParagraphChild,
  type TabStopDefinition,
} from 'docx';
import { entryOptions, type EntryOption } from '../../shared/questionnaire/entry-codes';
import type { Choice, Question } from '../../shared/questionnaire/model';
import { matrixTable, npsTable, scaleTable } from './paper-card-scales';
import {
  ANSWER_WIDTH,
  CELL_PAD,
  GREY,
  INDENT,
  SIZE,
  TEXT_WIDTH,
  plainTable,
  type Pen,
} from './paper-card-style';

export type Block = Paragraph | Table;
type Of<T extends Question['type']> = Extract<Question, { type: T }>;

/** Room for "☐ 01 " before an option's label. */
const CODE_HANG = 720;

/** The blocks after the question text; empty for notes (their text is the whole question). */
export function answerArea(question: Question, pen: Pen): Block[] {
  switch (question.type) {
    case 'likert':
      return [scaleTable(entryOptions(question), pen)];
    case 'nps':
      return [npsTable(question, pen)];
    case 'single':
    case 'dropdown':
    case 'range':
    case 'multiple':
      return choiceArea(question, pen);
    case 'matrix':
      return [matrixTable(question, pen)];
    case 'number':
      return [numberLine(question, pen)];
    case 'text':
      return writeInLines(question.multiline ? 4 : 1, pen);
    case 'date':
      return [dateLine(question, pen)];
    case 'note':
    case 'calculate':
      return [];
  }
}

/** A paragraph of the answer area, kept on the page of its question. */
function answerParagraph(children: ParagraphChild[], extra: IParagraphOptions = {}): Paragraph {
  return new Paragraph({
    children,
    indent: { left: INDENT },
    spacing: { after: 40 },
    keepNext: true,
    ...extra,
  });
}

function optionRuns(option: EntryOption, pen: Pen): ParagraphChild[] {
  return [
    pen.box(),
    pen.run(` ${option.code}`, { bold: true }),
    pen.tab(),
    pen.run(pen.text(option.label)),
  ];
}

/** Half-width units: a Chinese character counts two, as it prints about twice as wide. */
function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += /[\u1100-\uffff]/.test(ch) ? 2 : 1;
  return width;
}

function choiceArea(question: Of<'single' | 'dropdown' | 'range' | 'multiple'>, pen: Pen): Block[] {
  const options = entryOptions(question);
  const blocks: Block[] = [];
  if (question.type === 'multiple') {
    const label = pen.text(question.label);
    const parts = [
      pen.words.alreadySaysChooseAll.test(label) ? '' : pen.words.chooseAll,
      pen.words.selections(question.minSelections, question.maxSelections),
    ].filter(Boolean);
    if (parts.length > 0) {
      const text = pen.lang === 'en' ? `(${parts.join('; ')})` : `（${parts.join('，')}）`;
      blocks.push(
        answerParagraph([pen.run(text, { italics: true, size: SIZE.small, color: GREY })]),
      );
    }
  }
  // Options with a write-in line or a warning get a line of their own after the plain ones.
  const special = (choice: Choice | undefined) => !!choice && (choice.other || choice.exclusive);
  const firstSpecial = question.choices.findIndex((choice) => special(choice));
  const plainCount = firstSpecial === -1 ? options.length : firstSpecial;
  const trailingSpecialOnly = question.choices.slice(plainCount).every((choice) => special(choice));
  const plain = options.slice(0, plainCount);
  const columns = trailingSpecialOnly ? columnsFor(plain, pen) : 1;
  const lines = columns > 1 ? options.slice(plainCount) : options;
  const offset = columns > 1 ? plainCount : 0;
  if (columns > 1) blocks.push(optionGrid(plain, columns, pen, lines.length > 0));
  lines.forEach((option, i) =>
    blocks.push(optionLine(option, question.choices[offset + i], pen, i < lines.length - 1)),
  );
  return blocks;
}

/** How many columns short labels fit in; 1 = one option per line. */
function columnsFor(options: EntryOption[], pen: Pen): number {
  if (options.length < 2) return 1;
  const widest = Math.max(...options.map((o) => displayWidth(pen.text(o.label))));
  const columnWidth = CODE_HANG + widest * 110 + 240;
  const fit = Math.floor(ANSWER_WIDTH / columnWidth);
  if (fit < 2) return 1;
  const columns = Math.min(4, fit, options.length);
  // Balanced rows: 5 options in 3 columns read worse than in 3 + 2.
  return Math.ceil(options.length / Math.ceil(options.length / columns));
}

function optionLine(
  option: EntryOption,
  choice: Choice | undefined,
  pen: Pen,
  keepNext: boolean,
): Paragraph {
  const children = optionRuns(option, pen);
  const tabStops: TabStopDefinition[] = [{ type: TabStopType.LEFT, position: INDENT + CODE_HANG }];
  if (choice?.other) {
    children.push(pen.run(pen.words.specify), pen.tab());
    tabStops.push({
      type: TabStopType.RIGHT,
      position: TEXT_WIDTH - 200,
      leader: LeaderType.UNDERSCORE,
    });
  }
  if (choice?.exclusive)
    children.push(pen.run(pen.words.exclusive, { italics: true, size: SIZE.small, color: GREY }));
  return new Paragraph({
    children,
    indent: { left: INDENT + CODE_HANG, hanging: CODE_HANG },
    tabStops,
    spacing: { after: 50 },
    keepNext,
  });
}

function optionGrid(options: EntryOption[], columns: number, pen: Pen, keepNext: boolean): Table {
  const width = Math.floor(ANSWER_WIDTH / columns);
  const rows: TableRow[] = [];
  for (let start = 0; start < options.length; start += columns) {
    const cells = Array.from({ length: columns }, (_, i) => {
      const option = options[start + i];
      const children = option ? optionRuns(option, pen) : [];
      return new TableCell({
        width: { size: width, type: WidthType.DXA },
        margins: { ...CELL_PAD, left: 0 },
        children: [
          new Paragraph({
            children,
            indent: { left: CODE_HANG, hanging: CODE_HANG },
            tabStops: [{ type: TabStopType.LEFT, position: CODE_HANG }],
          }),
        ],
      });
    });
    const last = start + columns >= options.length;
    rows.push(new TableRow({ children: cells, cantSplit: true, keepNext: keepNext || !last }));
  }
  return plainTable(rows, Array<number>(columns).fill(width));
}

/** Underlined blank space to write on, `chars` half-width characters wide. */
function blank(chars: number, pen: Pen): TextRun {
  return new TextRun({
    text: '\u00a0'.repeat(chars * 2),
    font: pen.font,
    size: SIZE.body,
    underline: { type: UnderlineType.SINGLE, color: '000000' },
  });
}

/** A pattern such as "###### 年 #### 月 #### 日": each run of # is a blank. */
function patternRuns(pattern: string, pen: Pen): ParagraphChild[] {
  return pattern
    .split(/(#+)/)
    .filter(Boolean)
    .map((part) => (part.startsWith('#') ? blank(part.length, pen) : pen.run(part)));
}

function numberLine(question: Of<'number'>, pen: Pen): Paragraph {
  const unit = pen.text(question.unit);
  return answerParagraph(
    [
      blank(14, pen),
      pen.run(unit ? ` ${unit}` : ''),
      pen.run(pen.words.range(question.min, question.max), { size: SIZE.small, color: GREY }),
    ],
    { spacing: { before: 120, after: 60 }, keepNext: false },
  );
}

function dateLine(question: Of<'date'>, pen: Pen): Paragraph {
  const parts =
    question.mode === 'time'
      ? patternRuns(pen.words.time, pen)
      : question.mode === 'datetime'
        ? [
            ...patternRuns(pen.words.date, pen),
            pen.run('    '),
            ...patternRuns(pen.words.time, pen),
          ]
        : patternRuns(pen.words.date, pen);
  return answerParagraph(parts, { spacing: { before: 160, after: 60 }, keepNext: false });
}

/** Full-width ruled lines to write on. */
function writeInLines(count: number, pen: Pen): Paragraph[] {
  return Array.from(
    { length: count },
    (_, i) =>
      new Paragraph({
        children: [pen.tab()],
        indent: { left: INDENT },
        tabStops: [
          { type: TabStopType.RIGHT, position: TEXT_WIDTH - 200, leader: LeaderType.UNDERSCORE },
        ],
        spacing: { before: i === 0 ? 120 : 200, after: 0 },
        keepNext: i < count - 1,
      }),
  );
}
