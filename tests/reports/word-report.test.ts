/**
 * The Word survey report of a demo wave, read back as the XML inside the .docx: every section
 * heading in both languages, the item tables, one embedded PNG per chart, Chinese fonts named for
 * East Asian text, the table of contents field; and a chart with Chinese labels that really drew
 * them.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createCanvas, loadImage } from '@napi-rs/canvas';
// jszip is not a dependency of SurveyDesk: it comes with docx and exceljs, and only tests read zips.
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDemo } from '../../main/analysis/demo';
import { runAnalysis } from '../../main/analysis/engine';
import { getThemes } from '../../main/analysis/themes';
import { chartFont } from '../../main/reports/charts/fonts';
import { dimensionBarsChart } from '../../main/reports/charts/score-charts';
import { createWordReport, SECTION_IDS, type WordReport } from '../../main/reports/word/report';
import { wordsFor } from '../../main/reports/word/texts';
import type { RunningServices } from '../../main/services/start';
import {
  analysisRequest,
  type AnalysisAttribute,
  type AnalysisResult,
  type ScoreStat,
} from '../../shared/analysis';
import { definitionSchema, textIn, type SurveyDefinition } from '../../shared/questionnaire/model';
import { startTestServices } from '../helpers/services';

let dir: string;
let services: RunningServices;
let result: AnalysisResult;
let definition: SurveyDefinition;
let waveIds: string[];
let surveyId: string;
const reports: Record<'zh-CN' | 'en', { report: WordReport; zip: JSZip; xml: string }> =
  {} as never;

async function open(report: WordReport): Promise<{ report: WordReport; zip: JSZip; xml: string }> {
  const zip = await JSZip.loadAsync(report.docx);
  return { report, zip, xml: await zip.file('word/document.xml')!.async('string') };
}

/** The text of the document: runs joined per paragraph, XML escapes undone. */
function plainText(xml: string): string {
  return xml
    .replace(/<\/w:p>/g, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');
}

async function analyse(waves?: string[]): Promise<AnalysisResult> {
  const request = analysisRequest.parse({ surveyId, waveIds: waves });
  return runAnalysis(services.ctx.db, request, { themes: getThemes(services.ctx.db) });
}

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'surveydesk-word-'));
  services = await startTestServices(path.join(dir, 'db.sqlite'));
  const demo = createDemo(services.ctx.db, services.ctx.surveys, services.ctx.fieldwork, {
    responses: 600,
    seed: 3,
  });
  surveyId = demo.surveyId;
  waveIds = demo.waveIds;
  result = await analyse();
  const row = services.ctx.db
    .prepare('SELECT definition FROM survey_versions WHERE survey_id = ? AND version_no = ?')
    .get(surveyId, result.versionNo) as { definition: string };
  definition = definitionSchema.parse(JSON.parse(row.definition));
  for (const lang of ['zh-CN', 'en'] as const) {
    reports[lang] = await open(
      await createWordReport({ result, definition, lang, orgName: '华信科技' }),
    );
  }
}, 120_000);

afterAll(async () => {
  await services.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('the Word survey report', () => {
  for (const lang of ['zh-CN', 'en'] as const) {
    it(`has every section heading, numbered, in ${lang}`, () => {
      const words = wordsFor(lang);
      const text = plainText(reports[lang].xml);
      // The demo survey has no improvement loop, so no improvement chapter.
      const headings = Object.entries(words.section)
        .filter(([id]) => id !== 'improvement')
        .map(([, title]) => title);
      headings.forEach((title, k) => expect(text).toContain(`${k + 1}\u2003${title}`));
      expect(text).not.toContain(words.section.improvement);
      expect(text).toContain(words.contents);
      expect(text).toContain(textIn(definition.title, lang));
      for (const sub of [
        words.sub.nps,
        words.sub.dimensions,
        words.sub.priorities,
        words.sub.actions,
      ]) {
        expect(text).toContain(sub);
      }
      expect(reports[lang].xml.includes('<w:pStyle w:val="Heading1"/>')).toBe(true);
      expect(reports[lang].xml.includes('<w:pStyle w:val="Heading2"/>')).toBe(true);
    });
  }

  it('has an item table per dimension with each item, its mean, score, top-2 and n', () => {
    const text = plainText(reports['zh-CN'].xml);
    const words = wordsFor('zh-CN');
    for (const dimension of result.dimensions) {
      expect(text).toContain(words.itemsCaption(textIn(dimension.name, 'zh-CN')));
    }
    for (const item of result.items.filter((i) => i.dimension !== null)) {
      const score = item.score as ScoreStat;
      const row = new RegExp(
        [
          textIn(item.label, 'zh-CN'),
          score.n.toLocaleString('en-US'),
          score.mean.toFixed(2),
          score.score100.toFixed(1),
          `${(score.top2! * 100).toFixed(1)}%`,
        ]
          .map((s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
          .join('\\n'),
      );
      expect(text).toMatch(row);
    }
  });

  it('names the 100-point conversion and gives NPS with its three groups and interval', () => {
    const text = plainText(reports['zh-CN'].xml);
    expect(text).toContain('均值 ÷ 量表分数 × 100');
    const nps = result.nps as Extract<AnalysisResult['nps'], { ok: true }>;
    expect(text).toContain(`推荐者占 ${(nps.promoterShare * 100).toFixed(1)}%`);
    expect(text).toContain(`贬损者占 ${(nps.detractorShare * 100).toFixed(1)}%`);
    expect(text).toContain('95% 置信区间');
  });

  it('embeds one valid PNG of sane size per chart, and places each once', async () => {
    for (const lang of ['zh-CN', 'en'] as const) {
      const { report, zip, xml } = reports[lang];
      const media = Object.keys(zip.files).filter((f) => /^word\/media\/.+\.png$/.test(f));
      expect(report.charts).toBeGreaterThanOrEqual(12);
      expect(media).toHaveLength(report.charts);
      expect(xml.match(/<w:drawing>/g)).toHaveLength(report.charts);
      for (const file of media) {
        const png = await zip.file(file)!.async('nodebuffer');
        expect(png.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
        const width = png.readUInt32BE(16);
        const height = png.readUInt32BE(20);
        expect(width).toBeGreaterThanOrEqual(1000);
        expect(width).toBeLessThanOrEqual(2000);
        expect(height).toBeGreaterThanOrEqual(100);
        expect(height).toBeLessThanOrEqual(1600);
        expect(png.length).toBeLessThan(400_000);
      }
    }
  });

  it('names the East Asian font and zh-CN for Chinese text, in the runs and the document defaults', async () => {
    const { zip, xml } = reports['zh-CN'];
    // Booleans, not toMatch: a failure would print the whole document.
    expect(xml.includes('w:eastAsia="Microsoft YaHei"')).toBe(true);
    expect(/<w:lang [^>]*w:eastAsia="zh-CN"/.test(xml)).toBe(true);
    const styles = await zip.file('word/styles.xml')!.async('string');
    expect(styles).toMatch(/<w:docDefaults>.*w:eastAsia="Microsoft YaHei"/s);
  });

  it('has a table of contents field that Word updates on opening, and page numbers in the footer', async () => {
    const { zip, xml } = reports['zh-CN'];
    expect(xml.includes('TOC \\h \\o &quot;1-2&quot;')).toBe(true);
    const settings = await zip.file('word/settings.xml')!.async('string');
    expect(settings).toContain('w:updateFields');
    const footers = await Promise.all(
      Object.keys(zip.files)
        .filter((f) => /^word\/footer\d+\.xml$/.test(f))
        .map((f) => zip.file(f)!.async('string')),
    );
    expect(footers.some((f) => /PAGE/.test(f))).toBe(true);
  });

  it('puts the company logo and name on the cover', async () => {
    const canvas = createCanvas(300, 100);
    canvas.getContext('2d').fillRect(10, 10, 80, 80);
    const logo = canvas.toBuffer('image/png');
    const report = await createWordReport({
      result,
      definition,
      lang: 'en',
      orgName: 'Acme',
      logoPng: logo,
      sections: ['cover'],
    });
    const { zip, xml } = await open(report);
    const media = Object.keys(zip.files).filter((f) => f.startsWith('word/media/'));
    expect(report.charts).toBe(0);
    expect(media).toHaveLength(1);
    expect((await zip.file(media[0]!)!.async('nodebuffer')).equals(logo)).toBe(true);
    expect(plainText(xml)).toContain('Acme');
  });

  it('is A4 portrait', () => {
    expect(reports.en.xml.includes('<w:pgSz w:w="11906" w:h="16838" w:orient="portrait"/>')).toBe(
      true,
    );
    expect(reports.en.xml.includes('w:orient="landscape"')).toBe(false);
  });

  it('reports only group differences with p < 0.05, naming the test', () => {
    const text = plainText(reports.en.xml);
    expect(text).toMatch(/Welch’s (t-test|ANOVA)|one-way ANOVA/);
    for (const segment of result.segments) {
      const p =
        segment.test.kind === 'welch'
          ? segment.test.p
          : segment.test.kind === 'anova'
            ? (segment.test.welchP ?? segment.test.p)
            : 1;
      const heading = `6.`;
      const name = wordsFor('en').attribute[segment.attribute as AnalysisAttribute];
      const shown = new RegExp(
        `${heading}\\d+\\u2002${name.charAt(0).toUpperCase()}${name.slice(1)}\\n`,
      ).test(text);
      expect(shown).toBe(p < 0.05 && segment.attribute !== 'wave');
    }
  });

  it('builds only the sections asked for, with their charts only', async () => {
    const report = await createWordReport({
      result,
      definition,
      lang: 'en',
      sections: ['cover', 'drivers'],
    });
    const text = plainText((await open(report)).xml);
    const words = wordsFor('en');
    expect(text).toContain(`1\u2003${words.section.drivers}`);
    expect(text).not.toContain(words.section.method);
    expect(text).not.toContain(words.contents);
    expect(report.charts).toBe(2);
  });

  it('compares with the previous wave when one is given', async () => {
    const [first, second] = [await analyse([waveIds[0]!]), await analyse([waveIds[1]!])];
    const report = await createWordReport({
      result: second,
      definition,
      lang: 'zh-CN',
      previous: first,
      sections: ['results'],
    });
    const text = plainText((await open(report)).xml);
    expect(text).toContain('上期（2026 上半年）');
    const before = first.dimensions[0]!.score as ScoreStat;
    const after = second.dimensions[0]!.score as ScoreStat;
    expect(text).toContain(`上期为 ${before.score100.toFixed(1)} 分`);
    const change = after.score100 - before.score100;
    expect(text).toContain(`${change >= 0 ? '+' : '−'}${Math.abs(change).toFixed(1)}`);
  });

  it('reports progress up to the end, and stops when cancelled', async () => {
    const seen: [number, number][] = [];
    await createWordReport(
      { result, definition, lang: 'en', sections: ['results'] },
      (done, total) => seen.push([done, total]),
    );
    expect(seen.at(-1)![0]).toBe(seen.at(-1)![1]);
    expect(seen.map(([done]) => done)).toEqual(
      [...seen.map(([done]) => done)].sort((a, b) => a - b),
    );
    const controller = new AbortController();
    const run = createWordReport(
      { result, definition, lang: 'en' },
      (done) => {
        if (done === 2) controller.abort();
      },
      controller.signal,
    );
    await expect(run).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('falls back to English chart labels, with a warning, when no Chinese font is found', async () => {
    const report = await createWordReport({
      result,
      definition,
      lang: 'zh-CN',
      sections: ['results'],
      fontPaths: [],
    });
    expect(report.warnings).toEqual([
      { code: 'CHART_FONT_MISSING', message: wordsFor('zh-CN').chartsInEnglish },
    ]);
    expect(plainText((await open(report)).xml)).toContain(wordsFor('zh-CN').chartsInEnglish);
  });

  it('lists every section id it can build', () => {
    expect(SECTION_IDS).toEqual([
      'cover',
      'contents',
      'purpose',
      'method',
      'sample',
      'results',
      'drivers',
      'segments',
      'themes',
      'conclusions',
      'improvement',
      'appendix',
    ]);
  });
});

/** Pixels darker than mid-grey in a band of the image, as a share of its area. */
async function inkShare(png: Buffer, top: number, bottom: number): Promise<number> {
  const image = await loadImage(png);
  const canvas = createCanvas(image.width, image.height);
  const context = canvas.getContext('2d');
  context.drawImage(image, 0, 0);
  const y0 = Math.round(image.height * top);
  const data = context.getImageData(
    0,
    y0,
    image.width,
    Math.round(image.height * bottom) - y0,
  ).data;
  let dark = 0;
  for (let i = 0; i < data.length; i += 4) if (data[i]! + data[i + 1]! + data[i + 2]! < 300) dark++;
  return dark / (data.length / 4);
}

describe('charts with Chinese labels', () => {
  const font = chartFont();
  const chart = (categories: string[]) =>
    dimensionBarsChart(
      {
        categories,
        scores: categories.map(() => null),
        targets: categories.map(() => null),
        previous: null,
        labels: { current: '本期', previous: '上期', target: '目标', axis: '' },
      },
      font,
      { width: 640, height: 300 },
    );

  it.skipIf(!font.cjk)(
    'draws the Chinese category labels: the label band has dark pixels, unlike a chart without labels',
    async () => {
      // Without scores there are no bars: below the axis there is nothing but the category labels.
      const labelled = await inkShare(chart(['响应及时性', '问题解决效率', '服务专业性']), 0.93, 1);
      const blank = await inkShare(chart(['', '', '']), 0.93, 1);
      // The blank chart's axis sits lower and its "0" can reach the band: compare, not zero.
      expect(labelled).toBeGreaterThan(blank + 0.01);
    },
  );

  it.skipIf(!font.cjk)('draws Chinese glyphs, not the empty boxes of a missing font', () => {
    const draw = (text: string) => {
      const canvas = createCanvas(200, 40);
      const context = canvas.getContext('2d');
      context.fillStyle = '#fff';
      context.fillRect(0, 0, 200, 40);
      context.fillStyle = '#000';
      context.font = `24px ${font.family}`;
      context.fillText(text, 4, 30);
      return context.getImageData(0, 0, 200, 40).data;
    };
    const chinese = draw('响应');
    // U+E000 is a private-use character no font draws: the canvas shows its missing-glyph box.
    const missing = draw('\ue000\ue000');
    let differing = 0;
    for (let i = 0; i < chinese.length; i += 4)
      if (Math.abs(chinese[i]! - missing[i]!) > 64) differing++;
    expect(differing).toBeGreaterThan(100);
  });
});
