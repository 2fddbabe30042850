/**
 * Questionnaire files: XLSForm (.xlsx) and our JSON format, in and out. Writing goes through a
 * temporary file and a rename, so a failed export never leaves half a file at the chosen path.
 */
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../shared/errors';
import type { SurveyDefinition } from '../../shared/questionnaire/model';
import type { ImportIssue } from '../../shared/surveys';

// The XLSForm modules pull in exceljs, which is large: load them only when a file is read or
// written, so that starting the app or a CLI verb does not pay for it.
const xlsform = () =>
  Promise.all([import('../xlsform/export'), import('../xlsform/import'), import('../xlsform/json'), import('../xlsform/errors')]).then(
    ([exporter, importer, json, errors]) => ({ ...exporter, ...importer, ...json, ...errors }),
  );

export interface ExportMeta {
  formId: string;
  version: number;
}

export async function exportSurveyFile(
  definition: SurveyDefinition,
  format: 'xlsform' | 'json',
  target: string,
  meta: ExportMeta,
): Promise<void> {
  const { exportSurveyJson, exportXlsForm } = await xlsform();
  const data = format === 'json' ? Buffer.from(exportSurveyJson(definition), 'utf8') : await exportXlsForm(definition, meta);
  fs.mkdirSync(path.dirname(target), { recursive: true });
  const partial = `${target}.partial`;
  fs.writeFileSync(partial, data);
  fs.renameSync(partial, target);
}

function describe(issues: ImportIssue[]): string {
  return issues
    .slice(0, 5)
    .map((i) => `${i.sheet}${i.row ? ` row ${i.row}` : ''}${i.column ? ` [${i.column}]` : ''}: ${i.message.en}`)
    .join('; ');
}

export async function importSurveyFile(
  fileName: string,
  data: Buffer,
): Promise<{ definition: SurveyDefinition; warnings: ImportIssue[] }> {
  const { importSurveyJson, importXlsForm, XlsFormError } = await xlsform();
  try {
    if (/\.json$/i.test(fileName)) return importSurveyJson(data.toString('utf8'));
    if (/\.xlsx$/i.test(fileName)) return await importXlsForm(data);
  } catch (error) {
    if (error instanceof XlsFormError) throw new AppError('IMPORT_FAILED', { details: describe(error.issues) }, error.issues.map((i) => ({ path: `${i.sheet}${i.row ? `:${i.row}` : ''}`, message: i.message.en })));
    throw error;
  }
  throw new AppError('IMPORT_FAILED', { details: `${fileName}: only .xlsx (XLSForm) and .json questionnaires can be imported` });
}
