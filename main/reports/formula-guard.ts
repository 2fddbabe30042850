/**
 * Formula injection (CSV/Excel injection): a text that starts with = + - @ tab or carriage
 * return is read as a formula by Excel, LibreOffice and Google Sheets when the file is opened or
 * when the cell is edited. Answers typed by respondents and interviewers are such texts, so every
 * export checks every text cell here.
 *
 * - CSV has no cell types: the only defence is a leading apostrophe, which spreadsheets show as
 *   a plain text marker. "+86 138 0013 8000" becomes "'+86 138 0013 8000": still readable, and
 *   neither a number nor a formula.
 * - XLSX has typed cells: see `main/reports/excel/cells.ts`, which keeps the text unchanged in a
 *   string cell with the Text number format instead.
 */

const FORMULA_START = /^[=+\-@\t\r]/;

/** Whether a spreadsheet could take this text for a formula. */
export function looksLikeFormula(text: string): boolean {
  return FORMULA_START.test(text);
}

/** The text as a CSV field may carry it: with a leading apostrophe when it looks like a formula. */
export function neutraliseForCsv(text: string): string {
  return looksLikeFormula(text) ? `'${text}` : text;
}
