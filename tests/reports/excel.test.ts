/**
 * The Excel report and the XLSX data export, read back with exceljs (and, for what exceljs hides,
 * as the XML inside the zip): sheets, headers, frozen panes, figures equal to the analysis,
 * the raw rows, formula-like texts kept as plain text, personal data only when asked for.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAnalysis } from '../../main/analysis/engine';
import { getThemes } from '../../main/analysis/themes';
import { buildExcelReport } from '../../main/reports/excel/report';
import { exportToFile } from '../../main/reports/export';
import { writeRawXlsx } from '../../main/reports/exports/xlsx';
import { openRawData, readDefinition } from '../../main/reports/raw-data';
import { analysisRequest, type AnalysisResult } from '../../shared/analysis';
import type { SurveyDefinition } from '../../shared/questionnaire/model';
import {
  CONTACT_NAME,
  FORMULA_TEXTS,
  PHONE,
  exportFixture,
  type ExportFixture,
} from './export-fixture';

let dir: string;
let fx: ExportFixture;
let result: AnalysisResult;
let definition: SurveyDefinition;
let book: ExcelJS.Workbook;
let reportPath: string;

async function readBook(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

/** A cell's text (exceljs's own rendering of any value). */
const text = (cell: ExcelJS.Cell): string => cell.text;

function headers(sheet: ExcelJS.Worksheet, row = 1): string[] {
  return (sheet.getRow(row).values as unknown[]).slice(1).map((v) => String(v));
}

function rowOf(sheet: ExcelJS.Worksheet, responseId: string): ExcelJS.Row {
  for (let r = 2; r <= sheet.rowCount; r++)
    if (sheet.getRow(r).getCell(1).value === responseId) return sheet.getRow(r);
  throw new Error(`response ${responseId} is not in the sheet`);
}

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'surveydesk-excel-'));
  fx = await exportFixture(path.join(dir, 'app.sqlite'));
  result = await runAnalysis(fx.db, analysisRequest.parse({ surveyId: fx.demo.surveyId }), {
    themes: getThemes(fx.db),
  });
  definition = readDefinition(fx.db, fx.demo.surveyId).definition;
  reportPath = path.join(dir, 'report.xlsx');
  await buildExcelReport({
    result,
    definition,
    lang: 'en',
    db: fx.db,
    surveyId: fx.demo.surveyId,
    includePersonal: false,
    path: reportPath,
  });
  book = await readBook(reportPath);
}, 60_000);

afterAll(async () => {
  await fx.services.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('the Excel report', () => {
  it('has the summary, analysis, cleaning, dictionary and raw-data sheets in that order', () => {
    expect(book.worksheets.map((s) => s.name)).toEqual([
      'Summary',
      'Dimensions',
      'Items',
      'Segments',
      'Drivers',
      'Open answers',
      'Cleaning log',
      'Variables',
      'Raw data',
    ]);
  });

  it('freezes the header row of every table and the first column where rows are named', () => {
    for (const name of [
      'Dimensions',
      'Items',
      'Segments',
      'Drivers',
      'Cleaning log',
      'Variables',
      'Raw data',
    ]) {
      const view = book.getWorksheet(name)!.views[0]!;
      expect(view, name).toMatchObject({ state: 'frozen', ySplit: 1 });
      expect((view as { xSplit?: number }).xSplit, name).toBeGreaterThanOrEqual(1);
    }
    expect(book.getWorksheet('Summary')!.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
  });

  it('shows the cleaning counts, index and NPS of the analysis on the summary sheet', () => {
    const sheet = book.getWorksheet('Summary')!;
    const byLabel = new Map<string, unknown>();
    sheet.eachRow((row) => byLabel.set(text(row.getCell(1)), row.getCell(2).value));
    expect(byLabel.get('Responses in the selection')).toBe(result.cleaning.total);
    expect(byLabel.get('Excluded by cleaning')).toBe(result.cleaning.excluded);
    expect(byLabel.get('Analysed (n)')).toBe(result.cleaning.analysed);
    expect(result.index.ok && byLabel.get('Satisfaction index (0–100)')).toBeCloseTo(
      result.index.ok ? result.index.score100 : NaN,
      10,
    );
    expect(byLabel.get('NPS')).toBeCloseTo(result.nps?.ok ? result.nps.nps : NaN, 10);
    expect(byLabel.get('Responsiveness score')).toBe(3.5);
  });

  it('writes each dimension score unrounded, with a one-decimal format and a colour scale', async () => {
    const sheet = book.getWorksheet('Dimensions')!;
    const head = headers(sheet);
    expect(head.slice(0, 5)).toEqual(['Dimension', 'Weight', 'Items', 'n', 'Mean']);
    const scoreColumn = head.indexOf('Score (0–100)') + 1;
    result.dimensions.forEach((d, k) => {
      const cell = sheet.getRow(k + 2).getCell(scoreColumn);
      expect(cell.value).toBeCloseTo(d.score.ok ? d.score.score100 : NaN, 10);
      expect(cell.numFmt).toBe('0.0');
    });
    const zip = await JSZip.loadAsync(fs.readFileSync(reportPath));
    const xml = await zip.file('xl/worksheets/sheet2.xml')!.async('string');
    expect(xml).toContain('<colorScale>');
    expect(xml).toMatch(/<autoFilter ref="A1:[A-Z]+6"\/>/);
  });

  it('sizes columns to their content: long labels wide (and wrapped), codes narrow', () => {
    const items = book.getWorksheet('Items')!;
    expect(items.getColumn(2).width).toBe(48);
    expect(items.getColumn(1).width).toBeLessThan(14);
    expect(book.getWorksheet('Raw data')!.getColumn(1).width).toBe(38);
  });

  it('lists every item, segment group, driver and theme of the analysis', () => {
    expect(book.getWorksheet('Items')!.rowCount).toBe(1 + result.items.length);
    expect(book.getWorksheet('Segments')!.rowCount).toBe(
      1 + result.segments.reduce((n, s) => n + s.groups.length, 0),
    );
    expect(book.getWorksheet('Drivers')!.rowCount).toBe(
      1 + result.drivers.list.filter((d) => d.id !== result.drivers.target).length,
    );
    expect(book.getWorksheet('Open answers')!.rowCount).toBe(
      1 + result.texts.reduce((n, t) => n + t.themes.length, 0),
    );
  });

  it('logs each excluded response id with its rules', () => {
    const sheet = book.getWorksheet('Cleaning log')!;
    const excluded: string[] = [];
    sheet.eachRow((row, r) => {
      if (r > 1 && row.getCell(7).value === 'yes') excluded.push(text(row.getCell(1)));
    });
    expect(excluded).toHaveLength(result.cleaning.excluded);
    const rules = text(sheet.getRow(2).getCell(4));
    expect(rules).toMatch(/Too fast|Straight-lining|Duplicate/);
  });

  it('writes one raw row per response with variable names as headers and a dictionary of them', () => {
    const raw = book.getWorksheet('Raw data')!;
    expect(raw.rowCount).toBe(1 + result.cleaning.total);
    const head = headers(raw);
    expect(head.slice(0, 3)).toEqual(['response_id', 'wave', 'channel']);
    expect(head).toContain('service_type_consult');
    expect(head).toContain('service_type_other_text');
    const dictionary = book.getWorksheet('Variables')!;
    expect(dictionary.rowCount).toBe(1 + head.length);
    expect(dictionary.getRow(2).getCell(1).value).toBe('response_id');
  });

  it('leaves personal-data questions out unless asked for', async () => {
    expect(headers(book.getWorksheet('Raw data')!)).not.toContain('phone');
    const withPersonal = path.join(dir, 'personal.xlsx');
    await buildExcelReport({
      result,
      definition,
      lang: 'zh-CN',
      db: fx.db,
      surveyId: fx.demo.surveyId,
      includePersonal: true,
      path: withPersonal,
    });
    const wb = await readBook(withPersonal);
    const raw = wb.getWorksheet('原始数据')!;
    const head = headers(raw);
    const row = rowOf(raw, fx.personalId);
    expect(row.getCell(head.indexOf('contact_name') + 1).value).toBe(CONTACT_NAME);
    expect(text(wb.getWorksheet('汇总')!.getRow(2).getCell(1))).toContain('个人信息');
  });

  it('keeps formula-like texts as plain text cells that Excel will not evaluate, phone numbers as typed', async () => {
    const raw = book.getWorksheet('Raw data')!;
    const column = headers(raw).indexOf('staff_id') + 1;
    fx.formulaIds.forEach((id, k) => {
      const cell = rowOf(raw, id).getCell(column);
      expect(cell.type).toBe(ExcelJS.ValueType.String);
      // XML has no bare carriage return: it reads back as the line feed Excel uses in cells.
      expect(cell.value).toBe(FORMULA_TEXTS[k]!.replace('\r', '\n'));
      expect(cell.numFmt).toBe('@');
    });
    expect(rowOf(raw, fx.formulaIds[1]!).getCell(column).value).toBe(PHONE);
    const zip = await JSZip.loadAsync(fs.readFileSync(reportPath));
    for (const name of Object.keys(zip.files).filter((n) => n.startsWith('xl/worksheets/'))) {
      expect(await zip.file(name)!.async('string'), name).not.toContain('<f>');
    }
  });
});

describe('the XLSX data export', () => {
  it('puts the raw data first, codes when asked, and the dictionary after it', async () => {
    const file = path.join(dir, 'raw.xlsx');
    const data = openRawData(
      fx.db,
      definition,
      { surveyId: fx.demo.surveyId, waveIds: [fx.demo.waveIds[0]!] },
      { lang: 'en', includePersonal: false },
    );
    const rows = await writeRawXlsx(data, file, { labels: 'codes', lang: 'en' });
    const wb = await readBook(file);
    expect(wb.worksheets.map((s) => s.name)).toEqual(['Raw data', 'Variables']);
    const raw = wb.getWorksheet('Raw data')!;
    expect(raw.rowCount).toBe(1 + rows);
    const inWave = fx.db
      .prepare("SELECT count(*) AS n FROM responses WHERE wave_id = ? AND status != 'void'")
      .get(fx.demo.waveIds[0]) as { n: number };
    expect(rows).toBe(inWave.n);
    const channels = new Set<unknown>();
    raw.eachRow((row, r) => r > 1 && channels.add(row.getCell(3).value));
    expect(
      [...channels].every((c) => ['interview', 'kiosk', 'paper', 'import'].includes(String(c))),
    ).toBe(true);
  });

  it('leaves neither the file nor its .partial behind when cancelled half way', async () => {
    const out = path.join(dir, 'cancelled.xlsx');
    const controller = new AbortController();
    const request = analysisRequest.parse({ surveyId: fx.demo.surveyId });
    const run = exportToFile(
      fx.db,
      {
        request,
        format: 'xlsx',
        lang: 'en',
        path: out,
        labels: 'labels',
        encoding: 'utf8',
        includePersonal: false,
      },
      {
        signal: controller.signal,
        progress: (done, total) => done > total / 2 && controller.abort(),
      },
    );
    await expect(run).rejects.toMatchObject({ code: 'JOB_CANCELLED' });
    expect(fs.existsSync(out)).toBe(false);
    expect(fs.existsSync(`${out}.partial`)).toBe(false);
  });
});
