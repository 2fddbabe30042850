/**
 * Typography and wording of the printed paper card: A4 geometry, type sizes, the fonts each run
 * names, and the card's own phrases in the survey's languages. Kept apart from the layout so a
 * change of font or wording touches one place.
 */
import {
  AlignmentType,
  Paragraph,
  Tab,
  Table,
  TableBorders,
  TableLayoutType,
  TextRun,
  WidthType,
  type ITableBordersOptions,
  type ParagraphChild,
  type TableRow,
} from 'docx';
import { textIn, type LocalizedText, type SurveyLanguage } from '../../shared/questionnaire/model';

/** A4 in twips (1/20 pt). */
export const PAGE = {
  width: 11906,
  height: 16838,
  marginX: 1021,
  marginTop: 907,
  marginBottom: 964,
};
export const TEXT_WIDTH = PAGE.width - 2 * PAGE.marginX;
/** Question text and answer areas start here; the number hangs to its left. */
export const INDENT = 482;
export const ANSWER_WIDTH = TEXT_WIDTH - INDENT;

/** Sizes in half-points: 10.5 pt body (五号), readable when printed. */
export const SIZE = { title: 34, section: 24, question: 22, body: 21, small: 18, box: 28 } as const;
export const GREY = '555555';
export const CELL_PAD = { top: 40, bottom: 40, left: 60, right: 60 };
export const RULE = '9A9A9A';

/**
 * Word picks a font per character class, so each run names the Latin and the East Asian font;
 * without `eastAsia`, Word and WPS show Chinese in whatever SimSun-like default they have.
 * LibreOffice substitutes Noto Sans CJK when these are not installed.
 */
const FONTS: Record<SurveyLanguage, { latin: string; eastAsia: string }> = {
  'zh-CN': { latin: 'Arial', eastAsia: 'Microsoft YaHei' },
  'zh-TW': { latin: 'Arial', eastAsia: 'Microsoft JhengHei' },
  en: { latin: 'Arial', eastAsia: 'Microsoft YaHei' },
};
/** The tick box U+2610 is in none of the text fonts above; Segoe UI Symbol ships with Windows. */
export const TICK_BOX = '\u2610';
const SYMBOL_FONT = 'Segoe UI Symbol';

export interface RunStyle {
  size?: number;
  bold?: boolean;
  italics?: boolean;
  color?: string;
}

/** Everything a layout function needs to write runs in the card's language. */
export interface Pen {
  lang: SurveyLanguage;
  words: CardWords;
  /** The text in the card's language, else the survey's default language. */
  text(localized: LocalizedText | undefined): string;
  run(text: string, style?: RunStyle): TextRun;
  /** An empty tick box, sized to be ticked with a pen. */
  box(size?: number): TextRun;
  tab(style?: RunStyle): TextRun;
  /** A question's text with the required mark "*" where the card's language puts it. */
  marked(text: string, required: boolean, style?: RunStyle): TextRun;
  font: { ascii: string; hAnsi: string; eastAsia: string; cs: string; hint?: string };
  language: { value: string; eastAsia: string };
}

export function penFor(lang: SurveyLanguage, fallback: SurveyLanguage): Pen {
  const { latin, eastAsia } = FONTS[lang];
  // hint=eastAsia: quotes and punctuation shared by both scripts take the Chinese font.
  const font = {
    ascii: latin,
    hAnsi: latin,
    eastAsia,
    cs: latin,
    ...(lang === 'en' ? {} : { hint: 'eastAsia' }),
  };
  const symbol = { ascii: SYMBOL_FONT, hAnsi: SYMBOL_FONT, eastAsia: SYMBOL_FONT, cs: SYMBOL_FONT };
  // The East Asian language picks Chinese glyph forms, not Japanese ones, in shared fonts.
  const language = {
    value: lang === 'en' ? 'en-US' : lang,
    eastAsia: lang === 'zh-TW' ? 'zh-TW' : 'zh-CN',
  };
  return {
    lang,
    words: WORDS[lang],
    font,
    text: (localized) => textIn(localized, lang, fallback),
    language,
    run: (text, style = {}) => new TextRun({ text, font, language, size: SIZE.body, ...style }),
    // Lowered 1 pt: the symbol fonts draw the box above the baseline of the text beside it.
    box: (size = SIZE.box) => new TextRun({ text: TICK_BOX, font: symbol, size, position: '-1pt' }),
    // Chinese forms put * before the text (as 问卷星 does); after it, LibreOffice's CJK line
    // breaking can push the * alone onto the next line, no-break space or not.
    marked: (text, required, style = {}) => {
      const marked = !required ? text : lang === 'en' ? `${text}\u00a0*` : `*${text}`;
      return new TextRun({ text: marked, font, language, size: SIZE.body, ...style });
    },
    tab: (style = {}) =>
      new TextRun({ children: [new Tab()], font, language, size: SIZE.body, ...style }),
  };
}

/** A fixed-width table, indented under the question text unless `indent` says otherwise. */
export function plainTable(
  rows: TableRow[],
  columnWidths: number[],
  borders: ITableBordersOptions = TableBorders.NONE,
  indent = INDENT,
): Table {
  return new Table({
    rows,
    columnWidths,
    width: { size: columnWidths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    indent: { size: indent, type: WidthType.DXA },
    layout: TableLayoutType.FIXED,
    borders,
  });
}

export function centred(children: ParagraphChild[]): Paragraph {
  return new Paragraph({ children, alignment: AlignmentType.CENTER });
}

/** The card's own phrases: everything printed that is not from the questionnaire. */
export interface CardWords {
  cardNo: string;
  /** Label before the survey code, with its colon. */
  surveyCode: string;
  version(n: number): string;
  consentTitle: string;
  agree: string;
  howTo: string;
  requiredLegend: string;
  chooseAll: string;
  alreadySaysChooseAll: RegExp;
  selections(min: number | null, max: number | null): string;
  specify: string;
  /** Prefix of a skip instruction shared by several questions. */
  questionRange(first: number, last: number): string;
  exclusive: string;
  lowest: string;
  highest: string;
  range(min: number | null, max: number | null): string;
  /** Write-in patterns: each run of # is a blank to write on, as wide as the run. */
  date: string;
  time: string;
  page: [before: string, middle: string, after: string];
  end: string;
}

function chinese(traditional: boolean): CardWords {
  const t = (simplified: string, trad: string) => (traditional ? trad : simplified);
  return {
    cardNo: t('卡片编号', '卡片編號'),
    surveyCode: t('问卷代码：', '問卷代碼：'),
    version: (n) => t(`第 ${n} 版`, `第 ${n} 版`),
    consentTitle: t('知情同意', '知情同意'),
    agree: t('我已阅读以上说明，同意参与本次调查', '我已閱讀以上說明，同意參與本次調查'),
    howTo: t('请在所选答案前的方框内打“√”。', '請在所選答案前的方框內打「√」。'),
    requiredLegend: t('标 * 的题目为必答题。', '標 * 的題目為必答題。'),
    chooseAll: t('可多选', '可多選'),
    alreadySaysChooseAll: traditional ? /可多選/ : /可多选/,
    selections: (min, max) =>
      [
        min ? t(`至少选 ${min} 项`, `至少選 ${min} 項`) : '',
        max ? t(`最多选 ${max} 项`, `最多選 ${max} 項`) : '',
      ]
        .filter(Boolean)
        .join('，'),
    specify: t('（请注明）', '（請註明）'),
    questionRange: (first, last) => t(`第 ${first}–${last} 题：`, `第 ${first}–${last} 題：`),
    exclusive: t('（单选此项时不选其他）', '（單選此項時不選其他）'),
    lowest: t('最低', '最低'),
    highest: t('最高', '最高'),
    range: (min, max) =>
      min !== null && max !== null
        ? t(`（${min}–${max}）`, `（${min}–${max}）`)
        : min !== null
          ? t(`（不少于 ${min}）`, `（不少於 ${min}）`)
          : max !== null
            ? t(`（不超过 ${max}）`, `（不超過 ${max}）`)
            : '',
    date: '###### 年 #### 月 #### 日',
    time: t('#### 时 #### 分', '#### 時 #### 分'),
    page: ['第 ', t(' 页 / 共 ', ' 頁 / 共 '), t(' 页', ' 頁')],
    end: t('问卷到此结束', '問卷到此結束'),
  };
}

const english: CardWords = {
  cardNo: 'Card No.',
  surveyCode: 'Survey code: ',
  version: (n) => `version ${n}`,
  consentTitle: 'Consent',
  agree: 'I have read the above and agree to take part',
  howTo: 'Tick (✓) the box in front of your answer.',
  requiredLegend: 'Questions marked * must be answered.',
  chooseAll: 'choose all that apply',
  alreadySaysChooseAll: /all that apply/i,
  selections: (min, max) =>
    [min ? `at least ${min}` : '', max ? `at most ${max}` : ''].filter(Boolean).join(', '),
  specify: ' (please specify) ',
  questionRange: (first, last) => `Questions ${first}–${last}: `,
  exclusive: ' (if you tick this, tick nothing else)',
  lowest: 'Lowest',
  highest: 'Highest',
  range: (min, max) =>
    min !== null && max !== null
      ? ` (${min}–${max})`
      : min !== null
        ? ` (${min} or more)`
        : max !== null
          ? ` (up to ${max})`
          : '',
  date: '###### / #### / ####   (year / month / day)',
  time: '#### : ####   (hour : minute)',
  page: ['Page ', ' of ', ''],
  end: 'End of the questionnaire',
};

const WORDS: Record<SurveyLanguage, CardWords> = {
  'zh-CN': chinese(false),
  'zh-TW': chinese(true),
  en: english,
};
