/** Builds small .xlsx files in memory and reads them back, so no binary fixture is committed. */
import ExcelJS from 'exceljs';
import { cellText } from '../../main/xlsform/sheets';

export type Cell = string | number | boolean | null;

/** A workbook whose sheets are given as rows of cells, the first row being the header. */
export async function buildWorkbook(sheets: Record<string, Cell[][]>): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(sheets)) {
    const sheet = workbook.addWorksheet(name);
    for (const row of rows) sheet.addRow(row);
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** Every sheet as records keyed by header; empty cells are left out. */
export async function readWorkbook(
  data: Buffer,
): Promise<Record<string, Record<string, string>[]>> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(data as unknown as Parameters<ExcelJS.Xlsx['load']>[0]);
  const out: Record<string, Record<string, string>[]> = {};
  for (const sheet of workbook.worksheets) {
    const headers: string[] = [];
    sheet.getRow(1).eachCell((cell, index) => (headers[index] = cellText(cell.value)));
    const rows: Record<string, string>[] = [];
    sheet.eachRow((row, number) => {
      if (number === 1) return;
      const record: Record<string, string> = {};
      row.eachCell((cell, index) => {
        const header = headers[index];
        if (header) record[header] = cellText(cell.value);
      });
      rows.push(record);
    });
    out[sheet.name] = rows;
  }
  return out;
}
