/**
 * XLSX export of the raw data for analysts: the data sheet first (one row per response, one
 * column per variable), then the variable dictionary. Written with exceljs's streaming writer,
 * row by row, like the raw-data sheet of the Excel report.
 */
import type { RowProgress } from '../cancel';
import { abandonWorkbook, closeWorkbook, openWorkbook } from '../excel/report';
import { writeDictionarySheet, writeRawDataSheet } from '../excel/raw-sheets';
import type { LabelMode } from '../raw-columns';
import type { RawData } from '../raw-data';
import { reportTexts, type ReportLang } from '../texts';

export async function writeRawXlsx(
  data: RawData,
  path: string,
  options: { labels: LabelMode; lang: ReportLang },
  progress: RowProgress = {},
): Promise<number> {
  const texts = reportTexts(options.lang);
  const { workbook, stream } = openWorkbook(path);
  try {
    const rows = await writeRawDataSheet(workbook, texts.sheet.raw, data, options.labels, progress);
    writeDictionarySheet(workbook, texts, data.columns);
    await closeWorkbook(workbook, stream);
    return rows;
  } catch (error) {
    await abandonWorkbook(stream);
    throw error;
  }
}
