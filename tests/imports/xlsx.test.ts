/** XLSX files: numbers, dates and formula results read as a CSV's text would be. */
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RunningServices } from '../../main/services/start';
import { startTestServices } from '../helpers/services';
import { useTempDir } from '../helpers/temp-dir';
import { goodRows, publishedSurvey, runImport, snapshot, toCsv } from './fixture';

const tmp = useTempDir('imports-xlsx');
let services: RunningServices;

beforeEach(async () => {
  services = await startTestServices(tmp.join('csv.sqlite'));
});
afterEach(async () => {
  await services.close();
});

/** Excel keeps wall-clock times without a zone; exceljs writes a Date's UTC fields as that time. */
function wallClock(text: string): Date {
  const [day, time] = text.split(' ') as [string, string];
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const [h, mi, s] = time.split(':').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d, h, mi, s));
}

/** The fixture rows as a workbook: times as dates, numbers as numbers, NPS as a formula. */
async function workbookOf(rows: string[][]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('答卷');
  const header = rows[0]!;
  sheet.addRow(header);
  for (const row of rows.slice(1)) {
    sheet.addRow(
      row.map((cell, i) => {
        if (header[i] === '开始时间' || header[i] === '结束时间') return wallClock(cell);
        if (header[i] === 'nps') return { formula: `${cell}+0`, result: Number(cell) };
        return /^\d+$/.test(cell) ? Number(cell) : cell;
      }),
    );
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

describe('importing an XLSX workbook', () => {
  it('stores the same responses as the same table in a CSV file', async () => {
    let survey = await publishedSurvey(services);
    const fromCsv = await runImport(services, {
      surveyId: survey.id,
      fileName: 'r.csv',
      data: Buffer.from(toCsv(goodRows())),
    });
    expect(fromCsv.problems).toEqual([]);
    const expected = snapshot(services);
    await services.close();

    services = await startTestServices(tmp.join('xlsx.sqlite'));
    survey = await publishedSurvey(services);
    const fromXlsx = await runImport(services, {
      surveyId: survey.id,
      fileName: 'R.XLSX',
      data: await workbookOf(goodRows()),
    });
    expect(fromXlsx.problems).toEqual([]);
    expect(fromXlsx.imported).toBe(2);
    expect(snapshot(services)).toEqual(expected);
  });

  it('names problems by the row number the worksheet shows', async () => {
    const survey = await publishedSurvey(services);
    const rows = goodRows();
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Sheet1');
    sheet.getRow(1).values = rows[0]!;
    sheet.getRow(2).values = rows[1]!;
    // Row 3 left empty, as people do between blocks of data.
    sheet.getRow(4).values = rows[2]!.map((cell, i) =>
      rows[0]![i] === 'callback' ? 'maybe' : cell,
    );
    const result = await runImport(services, {
      surveyId: survey.id,
      fileName: 'r.xlsx',
      data: Buffer.from(await workbook.xlsx.writeBuffer()),
    });
    expect(result.problems.map((p) => [p.row, p.column, p.value, p.code])).toEqual([
      [4, 'callback', 'maybe', 'unknown_choice'],
    ]);
  });
});
