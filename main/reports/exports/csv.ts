/**
 * CSV export of the raw data for analysts: RFC 4180 (comma separated, CRLF line ends, fields with
 * a comma, quote, CR or LF in double quotes, quotes doubled), one header row of variable names.
 *
 * Encoding: UTF-8 with a byte-order mark by default, which is what makes Excel on a Chinese
 * Windows read UTF-8 instead of guessing GBK; or GBK (via iconv-lite) for older tools that only
 * read the local code page. Characters GBK cannot hold become '?'.
 *
 * Texts that look like formulas get a leading apostrophe (see formula-guard.ts): CSV cells have
 * no types, so this is the only way to stop a spreadsheet from evaluating them.
 */
import iconv from 'iconv-lite';
import { pause, type RowProgress } from '../cancel';
import { neutraliseForCsv } from '../formula-guard';
import { valuePresenter, type LabelMode, type RawValue } from '../raw-columns';
import type { RawData } from '../raw-data';
import { FileSink } from './file-sink';

export type CsvEncoding = 'utf8' | 'gbk';

export interface CsvOptions {
  labels: LabelMode;
  encoding: CsvEncoding;
  /** UTF-8 only: start with the byte-order mark EF BB BF (default true). */
  bom?: boolean;
}

export const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf]);
const NEEDS_QUOTES = /[",\r\n]/;
const FLUSH_AT = 64 * 1024;

/** One field as RFC 4180 writes it, after the formula guard for texts. */
export function csvField(value: RawValue): string {
  if (value === null) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const text = neutraliseForCsv(value);
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvLine(values: RawValue[]): string {
  return `${values.map(csvField).join(',')}\r\n`;
}

export async function writeCsv(
  data: RawData,
  path: string,
  options: CsvOptions,
  progress: RowProgress = {},
): Promise<number> {
  const encode =
    options.encoding === 'gbk'
      ? (text: string) => iconv.encode(text, 'gbk')
      : (text: string) => Buffer.from(text, 'utf8');
  const present = valuePresenter(data.columns, options.labels);
  const sink = new FileSink(path);
  let rows = 0;
  try {
    if (options.encoding === 'utf8' && options.bom !== false) await sink.write(UTF8_BOM);
    let pending = csvLine(data.columns.map((c) => c.name));
    for (const values of data.rows()) {
      pending += csvLine(values.map((value, k) => present(value, k)));
      rows++;
      if (pending.length >= FLUSH_AT) {
        await sink.write(encode(pending));
        pending = '';
        progress.onRows?.(rows);
        await pause(progress.signal);
      }
    }
    await sink.write(encode(pending));
    await sink.close();
    progress.onRows?.(rows);
    return rows;
  } catch (error) {
    await sink.abandon();
    throw error;
  }
}
