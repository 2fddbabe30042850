/**
 * The Excel report compared with another wave: the summary, dimensions and items sheets carry
 * that wave's figure and the change, read back with exceljs and checked against the two waves'
 * own analyses and, for the figures of the hand-made data, against values worked out by hand.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAnalysis } from '../../main/analysis/engine';
import { getThemes } from '../../main/analysis/themes';
import { exportToFile } from '../../main/reports/export';
import { reportTexts } from '../../main/reports/texts';
import {
  analysisRequest,
  type AnalysisResult,
  type Score,
  type ScoreStat,
} from '../../shared/analysis';
import { jobStartInput } from '../../shared/contract';
import { AppError } from '../../shared/errors';
import { FIRST_WAVE, twoWaves, type TwoWaves } from './two-waves-fixture';

let dir: string;
let fx: TwoWaves;
let current: AnalysisResult;
let previous: AnalysisResult;

const score100 = (score: Score | undefined) => (score as ScoreStat).score100;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'surveydesk-excel-compare-'));
  fx = await twoWaves(path.join(dir, 'db.sqlite'));
  const analyse = (waveId: string) =>
    runAnalysis(
      fx.services.ctx.db,
      analysisRequest.parse({ surveyId: fx.surveyId, waveIds: [waveId] }),
      {
        themes: getThemes(fx.services.ctx.db),
      },
    );
  current = await analyse(fx.second);
  previous = await analyse(fx.first);
}, 60_000);

afterAll(async () => {
  await fx.services.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

async function exportXlsx(
  name: string,
  lang: 'zh-CN' | 'en',
  compareWaveId?: string,
): Promise<ExcelJS.Workbook> {
  const file = path.join(dir, name);
  await exportToFile(fx.services.ctx.db, {
    request: analysisRequest.parse({ surveyId: fx.surveyId, waveIds: [fx.second] }),
    format: 'xlsx',
    lang,
    path: file,
    labels: 'labels',
    encoding: 'utf8',
    includePersonal: false,
    compareWaveId,
  });
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(file);
  return book;
}

/** The rows of the table whose header is row `headerRow`, by first cell: header → cell. */
function tableRows(
  sheet: ExcelJS.Worksheet,
  headerRow: number,
): Map<string, Map<string, ExcelJS.Cell>> {
  const headers = (sheet.getRow(headerRow).values as unknown[]).slice(1).map(String);
  const rows = new Map<string, Map<string, ExcelJS.Cell>>();
  for (let r = headerRow + 1; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    const key = row.getCell(1).text;
    if (key === '') break;
    rows.set(key, new Map(headers.map((h, k) => [h, row.getCell(k + 1)])));
  }
  return rows;
}

function rowNumberOf(sheet: ExcelJS.Worksheet, first: string): number {
  for (let r = 1; r <= sheet.rowCount; r++)
    if (sheet.getRow(r).getCell(1).value === first) return r;
  throw new Error(`no row ${first}`);
}

describe('the Excel report compared with another wave', () => {
  it('takes a comparison wave in the report.export job input for xlsx', () => {
    const input = jobStartInput.parse({
      kind: 'report.export',
      request: { surveyId: fx.surveyId, waveIds: [fx.second] },
      format: 'xlsx',
      lang: 'zh-CN',
      path: path.join(dir, 'job.xlsx'),
      compareWaveId: fx.first,
    });
    expect(input.kind === 'report.export' && input.compareWaveId).toBe(fx.first);
  });

  it('has analyses that agree with the hand-worked figures of the data', () => {
    const resp = (r: AnalysisResult) =>
      score100(r.dimensions.find((d) => d.id === 'responsiveness')?.score);
    expect(resp(previous)).toBeCloseTo(70, 9);
    expect(resp(current)).toBeCloseTo(90, 9);
    expect(score100(previous.satisfaction?.score)).toBeCloseTo(70, 9);
    expect(score100(current.satisfaction?.score)).toBeCloseTo(100, 9);
  });

  it('puts the previous wave’s key figures and the signed change on the summary sheet', async () => {
    const book = await exportXlsx('summary.xlsx', 'zh-CN', fx.first);
    const s = reportTexts('zh-CN').summary;
    const sheet = book.getWorksheet(reportTexts('zh-CN').sheet.summary)!;
    expect(sheet.getRow(rowNumberOf(sheet, s.comparedWith)).getCell(2).value).toBe(FIRST_WAVE);
    const header = rowNumberOf(sheet, s.indicator);
    expect((sheet.getRow(header).values as unknown[]).slice(1)).toEqual([
      s.indicator,
      s.value,
      `上期（${FIRST_WAVE}）`,
      s.change,
      s.note,
    ]);
    const rows = tableRows(sheet, header);
    const at = (label: string, column: string) => rows.get(label)!.get(column)!;
    // By hand: overall satisfaction 100 now, 70 before: +30.
    expect(at(s.overall, s.value).value).toBeCloseTo(100, 9);
    expect(at(s.overall, `上期（${FIRST_WAVE}）`).value).toBeCloseTo(70, 9);
    expect(at(s.overall, s.change).value).toBeCloseTo(30, 9);
    expect(at(s.overall, s.change).numFmt).toBe('+0.0;-0.0;0.0');
    // Mean 5.00 now, 3.50 before: +1.50, two decimals.
    expect(at(s.overallMean, s.change).value).toBeCloseTo(1.5, 9);
    expect(at(s.overallMean, s.change).numFmt).toBe('+0.00;-0.00;0.00');
    // Two responses analysed in each wave: no change, as an integer.
    expect(at(s.analysed, `上期（${FIRST_WAVE}）`).value).toBe(2);
    expect(at(s.analysed, s.change).value).toBe(0);
    // The index: the two analyses' own figures and their difference.
    const index = (r: AnalysisResult) => score100(r.index);
    expect(at(s.index, s.value).value).toBeCloseTo(index(current), 9);
    expect(at(s.index, `上期（${FIRST_WAVE}）`).value).toBeCloseTo(index(previous), 9);
    expect(at(s.index, s.change).value).toBeCloseTo(index(current) - index(previous), 9);
    expect(index(current) - index(previous)).toBeGreaterThan(0);
    // A text line (what the drivers explain) has no previous figure nor change.
    expect(at(s.driversTarget, s.change).value).toBeNull();
  }, 60_000);

  it('adds the previous score and the change to every dimension and item', async () => {
    const book = await exportXlsx('tables.xlsx', 'zh-CN', fx.first);
    const texts = reportTexts('zh-CN');
    const c = texts.col;
    const previousHeader = `上期得分（${FIRST_WAVE}）`;

    const dimensions = book.getWorksheet(texts.sheet.dimensions)!;
    const headers = (dimensions.getRow(1).values as unknown[]).slice(1);
    const scoreAt = headers.indexOf(c.score) + 1;
    const previousAt = headers.indexOf(previousHeader) + 1;
    const changeAt = headers.indexOf(c.change) + 1;
    // Right after the score columns (the last is the high-satisfaction share).
    expect(previousAt).toBe(headers.indexOf(c.high) + 2);
    expect(previousAt).toBeGreaterThan(scoreAt);
    expect(changeAt).toBe(previousAt + 1);
    current.dimensions.forEach((d, k) => {
      const row = dimensions.getRow(k + 2);
      const before = score100(previous.dimensions.find((p) => p.id === d.id)?.score);
      expect(row.getCell(scoreAt).value).toBeCloseTo(score100(d.score), 9);
      expect(row.getCell(previousAt).value).toBeCloseTo(before, 9);
      expect(row.getCell(changeAt).value).toBeCloseTo(score100(d.score) - before, 9);
      expect(row.getCell(changeAt).numFmt).toBe('+0.0;-0.0;0.0');
    });
    // By hand: responsiveness 90 now, 70 before: +20.
    const responsiveness = dimensions.getRow(
      current.dimensions.findIndex((d) => d.id === 'responsiveness') + 2,
    );
    expect(responsiveness.getCell(previousAt).value).toBeCloseTo(70, 9);
    expect(responsiveness.getCell(changeAt).value).toBeCloseTo(20, 9);

    const items = book.getWorksheet(texts.sheet.items)!;
    const itemRows = tableRows(items, 1);
    for (const item of current.items) {
      const row = itemRows.get(item.name)!;
      const before = score100(previous.items.find((p) => p.name === item.name)?.score);
      expect(row.get(previousHeader)!.value).toBeCloseTo(before, 9);
      expect(row.get(c.change)!.value).toBeCloseTo(score100(item.score) - before, 9);
    }
    // By hand: resp_1 from 70 to 90 (+20); reso_1 80 in both waves (0).
    expect(itemRows.get('resp_1')!.get(c.change)!.value).toBeCloseTo(20, 9);
    expect(itemRows.get('reso_1')!.get(previousHeader)!.value).toBeCloseTo(80, 9);
    expect(itemRows.get('reso_1')!.get(c.change)!.value).toBeCloseTo(0, 9);
  }, 60_000);

  it('names the comparison in English, and has no comparison columns without a wave', async () => {
    const texts = reportTexts('en');
    const compared = await exportXlsx('en.xlsx', 'en', fx.first);
    const headers = (
      compared.getWorksheet(texts.sheet.dimensions)!.getRow(1).values as unknown[]
    ).slice(1);
    expect(headers).toContain(`Previous score (${FIRST_WAVE})`);
    expect(headers).toContain('Change (points)');

    const plain = await exportXlsx('plain.xlsx', 'en');
    const dims = (plain.getWorksheet(texts.sheet.dimensions)!.getRow(1).values as unknown[]).slice(
      1,
    );
    expect(dims.some((h) => String(h).startsWith('Previous'))).toBe(false);
    expect(dims).not.toContain(texts.col.change);
    const summary = plain.getWorksheet(texts.sheet.summary)!;
    const header = rowNumberOf(summary, texts.summary.indicator);
    expect((summary.getRow(header).values as unknown[]).slice(1)).toEqual([
      texts.summary.indicator,
      texts.summary.value,
      texts.summary.note,
    ]);
  }, 60_000);

  it('refuses a comparison wave of another survey, and writes nothing', async () => {
    const other = await twoWaves(path.join(dir, 'other.sqlite'));
    try {
      const file = path.join(dir, 'refused.xlsx');
      await expect(
        exportToFile(fx.services.ctx.db, {
          request: analysisRequest.parse({ surveyId: fx.surveyId, waveIds: [fx.second] }),
          format: 'xlsx',
          lang: 'en',
          path: file,
          labels: 'labels',
          encoding: 'utf8',
          includePersonal: false,
          compareWaveId: other.first,
        }),
      ).rejects.toBeInstanceOf(AppError);
      expect(fs.existsSync(file)).toBe(false);
      expect(fs.existsSync(`${file}.partial`)).toBe(false);
    } finally {
      await other.services.close();
    }
  }, 60_000);
});
