/**
 * The printable paper card (纸质问卷卡): a Word document staff print and hand out at trade shows
 * and store visits; typists later key the cards into the paper-entry screen. Questions carry the
 * numbers of numberedQuestions and every tick box the entry code of entryOptions, so what the
 * typist sees is what the entry screen expects, in the same order.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  Packer,
  PageNumber,
  Paragraph,
  ShadingType,
  Table,
  TableBorders,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
} from 'docx';
import type { SurveyDefinition, SurveyLanguage } from '../../shared/questionnaire/model';
import type { Block } from './paper-card-answers';
import { questionnaireBlocks } from './paper-card-questions';
import { GREY, PAGE, RULE, SIZE, TEXT_WIDTH, penFor, type Pen } from './paper-card-style';

/** What the card prints besides the questionnaire itself. */
export interface PaperCardOptions {
  lang: SurveyLanguage;
  /** The survey's short code, printed so a typist can tell cards of different surveys apart. */
  surveyCode: string;
  /** The published version the card was printed from: answers are keyed against it. */
  versionNo: number;
  orgName?: string;
}

/** Boxes for the hand-written card number; batches number their cards up to 6 digits. */
const CARD_NO_BOXES = 6;
const CARD_NO_BOX_WIDTH = 400;

/** The card as a .docx file. */
export async function buildPaperCard(
  definition: SurveyDefinition,
  options: PaperCardOptions,
): Promise<Buffer> {
  const pen = penFor(options.lang, definition.defaultLanguage);
  const document = new Document({
    title: pen.text(definition.title),
    creator: 'SurveyDesk',
    styles: {
      default: {
        document: {
          run: { font: pen.font, size: SIZE.body },
          paragraph: { spacing: { line: 276 } },
        },
      },
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: PAGE.width, height: PAGE.height },
            margin: {
              top: PAGE.marginTop,
              bottom: PAGE.marginBottom,
              left: PAGE.marginX,
              right: PAGE.marginX,
              footer: 480,
            },
          },
        },
        footers: { default: footer(options, pen) },
        children: [
          ...heading(definition, options, pen),
          ...consent(definition, pen),
          ...questionnaireBlocks(definition, pen),
          ...closing(definition, pen),
        ],
      },
    ],
  });
  return Packer.toBuffer(document);
}

function heading(definition: SurveyDefinition, options: PaperCardOptions, pen: Pen): Block[] {
  const blocks: Block[] = [];
  if (options.orgName) {
    blocks.push(
      new Paragraph({
        children: [pen.run(options.orgName, { size: SIZE.small, color: GREY })],
        alignment: AlignmentType.CENTER,
        spacing: { after: 60 },
      }),
    );
  }
  blocks.push(
    new Paragraph({
      children: [pen.run(pen.text(definition.title), { size: SIZE.title, bold: true })],
      alignment: AlignmentType.CENTER,
      spacing: { after: 160 },
    }),
    identityRow(options, pen),
  );
  const description = pen.text(definition.description);
  if (description) {
    blocks.push(
      new Paragraph({ children: [pen.run(description)], spacing: { before: 160, after: 60 } }),
    );
  }
  blocks.push(
    new Paragraph({
      children: [
        pen.run(`${pen.words.howTo}${pen.lang === 'en' ? ' ' : ''}${pen.words.requiredLegend}`, {
          size: SIZE.small,
          color: GREY,
        }),
      ],
      spacing: { after: 200 },
    }),
  );
  return blocks;
}

/** Survey code and version on the left; the boxed card number on the right. */
function identityRow(options: PaperCardOptions, pen: Pen): Table {
  const line = { style: BorderStyle.SINGLE, size: 8, color: '000000' };
  const none = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
  const labelWidth = 1500;
  const infoWidth = TEXT_WIDTH - labelWidth - CARD_NO_BOXES * CARD_NO_BOX_WIDTH;
  const info = new TableCell({
    width: { size: infoWidth, type: WidthType.DXA },
    verticalAlign: VerticalAlignTable.CENTER,
    borders: { top: none, bottom: none, left: none, right: none },
    children: [
      new Paragraph({
        children: [
          pen.run(pen.words.surveyCode, { size: SIZE.small, color: GREY }),
          pen.run(options.surveyCode, { size: SIZE.small, bold: true }),
          pen.run(`    ${pen.words.version(options.versionNo)}`, { size: SIZE.small, color: GREY }),
        ],
      }),
    ],
  });
  const label = new TableCell({
    width: { size: labelWidth, type: WidthType.DXA },
    verticalAlign: VerticalAlignTable.CENTER,
    borders: { top: none, bottom: none, left: none, right: line },
    children: [
      new Paragraph({
        children: [pen.run(pen.words.cardNo, { bold: true })],
        alignment: AlignmentType.RIGHT,
        indent: { right: 120 },
      }),
    ],
  });
  const boxes = Array.from(
    { length: CARD_NO_BOXES },
    () =>
      new TableCell({
        width: { size: CARD_NO_BOX_WIDTH, type: WidthType.DXA },
        borders: { top: line, bottom: line, left: line, right: line },
        children: [new Paragraph({})],
      }),
  );
  return new Table({
    rows: [
      new TableRow({ children: [info, label, ...boxes], height: { value: 460, rule: 'atLeast' } }),
    ],
    columnWidths: [infoWidth, labelWidth, ...Array<number>(CARD_NO_BOXES).fill(CARD_NO_BOX_WIDTH)],
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    layout: TableLayoutType.FIXED,
    borders: TableBorders.NONE,
  });
}

/** The consent text in a shaded box, with the box the respondent ticks to agree. */
function consent(definition: SurveyDefinition, pen: Pen): Block[] {
  const text = pen.text(definition.consent.text);
  if (!text && !definition.consent.required) return [];
  const line = { style: BorderStyle.SINGLE, size: 6, color: RULE };
  const cell = new TableCell({
    shading: { type: ShadingType.CLEAR, fill: 'F2F2F2', color: 'auto' },
    margins: { top: 100, bottom: 100, left: 160, right: 160 },
    children: [
      new Paragraph({
        children: [
          pen.run(pen.words.consentTitle, { bold: true }),
          ...(text ? [pen.run(`  ${text}`)] : []),
        ],
        spacing: { after: 80 },
      }),
      new Paragraph({
        children: [
          pen.box(),
          pen.run(' '),
          pen.marked(pen.words.agree, definition.consent.required, { bold: true }),
        ],
      }),
    ],
  });
  return [
    new Table({
      rows: [new TableRow({ children: [cell], cantSplit: true })],
      columnWidths: [TEXT_WIDTH],
      width: { size: TEXT_WIDTH, type: WidthType.DXA },
      borders: { top: line, bottom: line, left: line, right: line },
    }),
  ];
}

function closing(definition: SurveyDefinition, pen: Pen): Paragraph[] {
  const thanks = pen.text(definition.thankYou);
  return [
    new Paragraph({
      children: [pen.run(`— ${pen.words.end} —`, { size: SIZE.small, color: GREY })],
      alignment: AlignmentType.CENTER,
      spacing: { before: 400, after: 80 },
      keepNext: true,
    }),
    ...(thanks
      ? [
          new Paragraph({
            children: [pen.run(thanks, { bold: true, size: SIZE.section })],
            alignment: AlignmentType.CENTER,
          }),
        ]
      : []),
  ];
}

/** Survey code, version and page numbers on every page: a loose sheet still says where it belongs. */
function footer(options: PaperCardOptions, pen: Pen): Footer {
  const [before, middle, after] = pen.words.page;
  const style = { font: pen.font, language: pen.language, size: SIZE.small, color: GREY };
  return new Footer({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [
          new TextRun({
            ...style,
            children: [
              `${options.surveyCode} · ${pen.words.version(options.versionNo)} · ${before}`,
              PageNumber.CURRENT,
              middle,
              PageNumber.TOTAL_PAGES,
              after,
            ],
          }),
        ],
      }),
    ],
  });
}
