/**
 * One measured run of bench/excel-export.ts, in its own process so its peak memory is its own.
 * Modes: 'read' (the raw rows only), 'bare' (the same rows through a bare exceljs streaming
 * writer: no styles, formats or other sheets), 'report' (the Excel report from a saved analysis
 * result) and 'xlsx' (the raw-data XLSX export). Prints JSON.
 */
import fs from 'node:fs';
import Database from 'better-sqlite3';
import ExcelJS from 'exceljs';
import type { AnalysisResult } from '../shared/analysis';
import { buildExcelReport } from '../main/reports/excel/report';
import { writeRawXlsx } from '../main/reports/exports/xlsx';
import { openRawData, readDefinition } from '../main/reports/raw-data';

const [dbPath, mode, out, resultPath] = process.argv.slice(2) as [
  string,
  string,
  string,
  string | undefined,
];
const db = new Database(dbPath, { readonly: true });
const survey = db.prepare('SELECT id FROM surveys ORDER BY created_at LIMIT 1').get() as {
  id: string;
};
const { definition } = readDefinition(db, survey.id);
const data = openRawData(
  db,
  definition,
  { surveyId: survey.id },
  { lang: 'zh-CN', includePersonal: false },
);
const tick = () => new Promise((resolve) => setImmediate(resolve));

const start = performance.now();
let rows = 0;
if (mode === 'read') {
  for (const row of data.rows()) rows += row.length > 0 ? 1 : 0;
} else if (mode === 'bare') {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    filename: out,
    useStyles: false,
    useSharedStrings: false,
  });
  const sheet = workbook.addWorksheet('raw');
  sheet.addRow(data.columns.map((c) => c.name)).commit();
  for (const row of data.rows()) {
    sheet.addRow(row).commit();
    // The streaming writer needs the event loop to drain its zip stream, like the export does.
    if (++rows % 250 === 0) await tick();
  }
  sheet.commit();
  await workbook.commit();
} else if (mode === 'report') {
  const result = JSON.parse(fs.readFileSync(resultPath!, 'utf8')) as AnalysisResult;
  const written = await buildExcelReport({
    result,
    definition,
    lang: 'zh-CN',
    db,
    surveyId: survey.id,
    includePersonal: false,
    path: out,
  });
  rows = written.rawRows;
} else {
  rows = await writeRawXlsx(data, out, { labels: 'labels', lang: 'zh-CN' });
}
const ms = performance.now() - start;
process.stdout.write(
  JSON.stringify({
    mode,
    ms,
    rows,
    columns: data.columns.length,
    bytes: mode === 'read' ? 0 : fs.statSync(out).size,
    maxRssMB: process.resourceUsage().maxRSS / 1024,
  }),
);
