import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
// jszip is not a dependency of SurveyDesk: it comes with docx and exceljs, and only tests read zips.
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { buildPaperCard, type PaperCardOptions } from '../../main/reports/paper-card';
import { convertToPdf, findSoffice } from '../../main/reports/pdf';
import { describeRelevance } from '../../shared/questionnaire/describe';
import {
  entryOptions,
  matrixEntryOptions,
  numberedQuestions,
} from '../../shared/questionnaire/entry-codes';
import {
  textIn,
  type SurveyDefinition,
  type SurveyLanguage,
} from '../../shared/questionnaire/model';
import { TEMPLATE_IDS, TEMPLATES } from '../../shared/questionnaire/templates';
import { useTempDir } from '../helpers/temp-dir';
import { everyTypeDefinition } from './paper-card-fixture';

const BOX = '\u2610';
const soffice = await findSoffice();

interface Card {
  /** word/document.xml */
  xml: string;
  footer: string;
  styles: string;
  /** One line per paragraph (table cells included), tabs as \t, in document order. */
  lines: string[];
}

async function card(
  definition: SurveyDefinition,
  lang: SurveyLanguage,
  extra: Partial<PaperCardOptions> = {},
): Promise<Card> {
  const buffer = await buildPaperCard(definition, {
    lang,
    surveyCode: 'CS-25Q1',
    versionNo: 4,
    ...extra,
  });
  const zip = await JSZip.loadAsync(buffer);
  const read = (name: string) => zip.file(name)?.async('string') ?? Promise.resolve('');
  const xml = await read('word/document.xml');
  const footerName =
    Object.keys(zip.files).find((name) => /^word\/footer\d*\.xml$/.test(name)) ?? '';
  return {
    xml,
    footer: await read(footerName),
    styles: await read('word/styles.xml'),
    lines: paragraphs(xml),
  };
}

function paragraphs(xml: string): string[] {
  const decode = (text: string) =>
    text
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&apos;/g, "'")
      .replace(/&amp;/g, '&');
  return [...xml.matchAll(/<w:p(?:\s[^>]*)?>([\s\S]*?)<\/w:p>/g)].map((match) => {
    // Tab stops in the paragraph properties are <w:tab .../> too; only the runs count.
    const runs = (match[1] ?? '').replace(/<w:pPr>[\s\S]*?<\/w:pPr>/, '');
    return [...runs.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>|<w:tab\/>/g)]
      .map((token) => (token[1] === undefined ? '\t' : decode(token[1])))
      .join('');
  });
}

/** Line index of each numbered question's "N.\ttext" line, checked to rise in question order. */
function questionLines(
  c: Card,
  definition: SurveyDefinition,
  lang: SurveyLanguage,
): Map<number, number> {
  const found = new Map<number, number>();
  let from = 0;
  for (const { number, question } of numberedQuestions(definition)) {
    if (number === 0) continue;
    const label = textIn(question.label, lang, definition.defaultLanguage);
    // Required: "*" before the text on Chinese cards, after it on English ones.
    const marked = !question.required ? label : lang === 'en' ? `${label}\u00a0*` : `*${label}`;
    const head = `${number}.\t${marked}`;
    const at = c.lines.findIndex((line, i) => i >= from && line === head);
    expect(at, `question ${number} "${head}"`).toBeGreaterThanOrEqual(from);
    found.set(number, at);
    from = at + 1;
  }
  return found;
}

const CASES = TEMPLATE_IDS.flatMap((id) =>
  (['zh-CN', 'en'] as const).map((lang) => [id, lang] as const),
);

describe('buildPaperCard', () => {
  it.each(CASES)(
    '%s (%s): numbers every question in entry-screen order with its text',
    async (id, lang) => {
      const definition = TEMPLATES[id];
      const c = await card(definition, lang);
      const numbered = numberedQuestions(definition).filter((q) => q.number > 0);
      expect(questionLines(c, definition, lang).size).toBe(numbered.length);
    },
  );

  it.each(CASES)(
    '%s (%s): prints each entry code beside its tick box and label',
    async (id, lang) => {
      const definition = TEMPLATES[id];
      const c = await card(definition, lang);
      const at = questionLines(c, definition, lang);
      for (const { number, question } of numberedQuestions(definition)) {
        if (number === 0) continue;
        const start = at.get(number) ?? -1;
        const next = at.get(number + 1) ?? c.lines.length;
        const segment = c.lines.slice(start, next);
        for (const option of entryOptions(question)) {
          const label = textIn(option.label, lang, definition.defaultLanguage);
          if (question.type === 'likert' || question.type === 'nps') {
            expect(segment, `question ${number} code ${option.code}`).toContain(
              `${BOX} ${option.code}`,
            );
            if (label)
              expect(c.lines.slice(0, next), `question ${number} label ${label}`).toContain(label);
          } else {
            const beside = `${BOX} ${option.code}\t${label}`;
            expect(
              segment.some((line) => line.startsWith(beside)),
              `question ${number}: ${beside}`,
            ).toBe(true);
          }
        }
      }
    },
  );

  it.each(CASES)('%s (%s): says in words when a question is to be skipped', async (id, lang) => {
    const definition = TEMPLATES[id];
    const c = await card(definition, lang);
    const at = questionLines(c, definition, lang);
    for (const { number, question } of numberedQuestions(definition)) {
      if (!question.relevant) continue;
      const sentence = describeRelevance(question.relevant, definition, lang) ?? '';
      const where = c.lines.findIndex((line) => line.includes(sentence));
      expect(where, `skip instruction of question ${number}`).toBeGreaterThan(-1);
      expect(where).toBeLessThan(at.get(number) ?? -1);
    }
  });

  it('prints the callback condition once before the contact questions it governs', async () => {
    const zh = await card(TEMPLATES['customer-service'], 'zh-CN');
    expect(zh.lines).toContain('→ 第 25–26 题：仅当第 24 题选择“可以，请电话联系我”时回答');
    const en = await card(TEMPLATES['customer-service'], 'en');
    expect(en.lines).toContain(
      '→ Questions 25–26: Answer only if you chose “Yes, by phone” in question 24',
    );
    const trade = await card(TEMPLATES['trade-show'], 'en');
    expect(trade.lines).toContain(
      '→ Questions 6–8: Answer only if you chose “Yes, I agree to be contacted” in question 5',
    );
  });

  it('sets the East Asian font on runs and in the document defaults', async () => {
    const c = await card(TEMPLATES['customer-service'], 'zh-CN');
    expect(c.xml).toMatch(/<w:rFonts [^>]*w:eastAsia="Microsoft YaHei"/);
    expect(c.xml).toContain('w:eastAsia="zh-CN"');
    expect(c.styles).toMatch(/<w:rFonts [^>]*w:eastAsia="Microsoft YaHei"/);
    const tw = await card(everyTypeDefinition(), 'zh-TW');
    expect(tw.xml).toMatch(/<w:rFonts [^>]*w:eastAsia="Microsoft JhengHei"/);
  });

  it('draws tick boxes in a symbol font that has the glyph', async () => {
    const c = await card(TEMPLATES['trade-show'], 'en');
    expect(c.xml).toMatch(/<w:rFonts w:ascii="Segoe UI Symbol"[^>]*\/>.*?<w:t[^>]*>☐<\/w:t>/);
  });

  it('has the header, a card-number field with six write-in boxes and the consent line', async () => {
    const zh = await card(TEMPLATES['customer-service'], 'zh-CN', { orgName: '华东区客户服务部' });
    expect(zh.lines.slice(0, 3)).toEqual([
      '华东区客户服务部',
      '客户服务满意度调查',
      '问卷代码：CS-25Q1    第 4 版',
    ]);
    const row = zh.xml.match(/<w:tr>(?:(?!<\/w:tr>)[\s\S])*卡片编号[\s\S]*?<\/w:tr>/)?.[0] ?? '';
    expect(row.match(/<w:tc>/g)).toHaveLength(2 + 6);
    expect(zh.lines).toContain(`${BOX} *我已阅读以上说明，同意参与本次调查`);
    expect(zh.lines.some((line) => line.startsWith('知情同意  本调查由我公司组织'))).toBe(true);
    const en = await card(TEMPLATES['trade-show'], 'en');
    expect(en.lines).toContain('Card No.');
    expect(en.lines).toContain(`${BOX} I have read the above and agree to take part\u00a0*`);
  });

  it('ends with the thank-you text and numbers pages in the footer', async () => {
    const c = await card(TEMPLATES['customer-service'], 'zh-CN');
    expect(c.lines.at(-1)).toBe('感谢您的宝贵意见！');
    expect(c.footer).toContain('CS-25Q1 · 第 4 版 · 第 ');
    expect(c.footer).toMatch(/PAGE/);
    expect(c.footer).toMatch(/NUMPAGES/);
  });

  describe('every question type', () => {
    const definition = everyTypeDefinition();

    it('omits calculated fields and numbers around notes', async () => {
      const c = await card(definition, 'zh-TW');
      expect(c.lines.some((line) => line.includes('合計'))).toBe(false);
      expect(c.lines).toContain('請根據最近一次到店體驗作答。');
      expect(questionLines(c, definition, 'zh-TW').size).toBe(7);
    });

    it('uses two-digit codes for long lists and says how many may be ticked', async () => {
      const c = await card(definition, 'en');
      expect(c.lines).toContain(`${BOX} 01\tCity 1`);
      expect(c.lines).toContain(`${BOX} 11\tCity 11`);
      expect(c.lines).toContain('(choose all that apply; at least 1, at most 2)');
      expect(c.lines).toContain(`${BOX} 3\tOther (please specify) \t`);
    });

    it('prints a matrix with codes in the header and a coded box per point and item', async () => {
      const c = await card(definition, 'en');
      const grid = definition.pages[0]?.questions.find((q) => q.type === 'matrix');
      if (grid?.type !== 'matrix') throw new Error('fixture has a matrix');
      const start = c.lines.indexOf('4.\tPlease rate the store on\u00a0*');
      const end = c.lines.findIndex((line, i) => i > start && line.startsWith('5.\t'));
      const table = c.lines.slice(start, end);
      for (const option of matrixEntryOptions(grid)) {
        expect(table).toContain(option.code);
        expect(table.filter((line) => line === `${BOX} ${option.code}`)).toHaveLength(
          grid.items.length,
        );
      }
      expect(table).toEqual(
        expect.arrayContaining(['Cleanliness', 'Waiting time', 'Very poor', 'Very good']),
      );
    });

    it('gives number, date and time questions write-in blanks with units and ranges', async () => {
      const c = await card(definition, 'zh-CN');
      expect(c.lines.some((line) => /^\u00a0+ 次（0–99）$/.test(line))).toBe(true);
      expect(
        c.lines.some((line) =>
          /^\u00a0+ 年 \u00a0+ 月 \u00a0+ 日 {4}\u00a0+ 时 \u00a0+ 分$/.test(line),
        ),
      ).toBe(true);
    });

    it('phrases a page condition as a section instruction', async () => {
      const c = await card(definition, 'zh-CN');
      expect(c.lines).toContain('→ 仅当第 4 题“等候时间”一项选择 2 分或以下时回答本部分');
    });
  });
});

describe('the card as PDF', () => {
  const temp = useTempDir('paper-card');

  it.skipIf(!soffice)(
    'converts to a PDF with LibreOffice and leaves no temp folder behind',
    async () => {
      const docx = temp.join('card.docx');
      writeFileSync(
        docx,
        await buildPaperCard(TEMPLATES['trade-show'], {
          lang: 'zh-CN',
          surveyCode: 'TS',
          versionNo: 1,
        }),
      );
      const scratch = temp.join('tmp');
      mkdirSync(scratch);
      const saved = process.env.TMPDIR;
      process.env.TMPDIR = scratch;
      try {
        const pdf = await convertToPdf(docx, { soffice });
        expect(pdf).toBe(temp.join('card.pdf'));
        expect(
          readFileSync(pdf ?? '')
            .subarray(0, 5)
            .toString('latin1'),
        ).toBe('%PDF-');
        expect(readdirSync(scratch)).toEqual([]);
      } finally {
        if (saved === undefined) delete process.env.TMPDIR;
        else process.env.TMPDIR = saved;
      }
    },
    90_000,
  );
});
