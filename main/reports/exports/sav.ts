/**
 * SPSS export: the raw-data columns as SPSS variables, written with sav-format.ts.
 *
 * - Numbers (scale points, NPS, 0/1 option columns, durations) are numeric F variables; a missing
 *   answer is system-missing.
 * - Choice codes become numbers with value labels, the way SPSS users expect: the code itself
 *   when every code of the question is a whole number ("1".."5"), else its position (1, 2, ...).
 *   The value labels carry the choice labels ('labels') or the stored codes ('codes').
 * - Texts are string variables exactly as wide as their longest value (at most 32,767 bytes;
 *   strings over 255 bytes are written as very long strings).
 * - Dates and times are DATE11 and DATETIME20 (UTC).
 * Widths and codes not in the questionnaire are only known after reading the data, so the
 * responses are read twice: once to measure, once to write.
 */
import { pause, type RowProgress } from '../cancel';
import type { LabelMode, RawColumn, RawValue } from '../raw-columns';
import type { RawData } from '../raw-data';
import { FileSink } from './file-sink';
import {
  FORMAT,
  MAX_STRING,
  SPSS_EPOCH_OFFSET,
  caseBytes,
  dictionaryBytes,
  elementsOf,
  patchCaseCount,
  segmentCount,
  utf8,
  type SavVariable,
} from './sav-format';

export interface SavOptions {
  labels: LabelMode;
  /** File label: the survey title (64 bytes at most). */
  fileLabel: string;
  now?: Date;
}

const RESERVED = new Set([
  'ALL',
  'AND',
  'BY',
  'EQ',
  'GE',
  'GT',
  'LE',
  'LT',
  'NE',
  'NOT',
  'OR',
  'TO',
  'WITH',
]);
const CASES_PER_WRITE = 256;

/** A valid SPSS variable name for `name`: letters, digits, _ and . only, a letter first. */
export function spssName(name: string): string {
  let out = name.replace(/[^A-Za-z0-9_.@#$]/g, '_');
  if (!/^[A-Za-z]/.test(out)) out = `v${out}`;
  out = out.replace(/\.+$/, (dots) => '_'.repeat(dots.length)).slice(0, 64);
  return RESERVED.has(out.toUpperCase()) ? `${out}_` : out;
}

function uniqueIn(taken: Set<string>, base: string, maxLength: number): string {
  let name = base.slice(0, maxLength);
  for (let k = 2; taken.has(name.toUpperCase()); k++)
    name = `${base.slice(0, maxLength - String(k).length - 1)}_${k}`;
  taken.add(name.toUpperCase());
  return name;
}

interface Measured {
  bytes: number[];
  unknownCodes: Set<string>[];
}

async function measure(data: RawData, signal: AbortSignal | undefined): Promise<Measured> {
  const bytes = data.columns.map(() => 0);
  const unknownCodes = data.columns.map(() => new Set<string>());
  const known = data.columns.map((c) => new Set(c.valueLabels.map((v) => String(v.value))));
  let n = 0;
  for (const row of data.rows()) {
    if (++n % 1000 === 0) await pause(signal);
    row.forEach((value, k) => {
      if (value === null) return;
      const column = data.columns[k]!;
      if (column.type === 'text')
        bytes[k] = Math.max(bytes[k]!, Buffer.byteLength(String(value), 'utf8'));
      else if (column.type === 'code' && !known[k]!.has(String(value)))
        unknownCodes[k]!.add(String(value));
    });
  }
  return { bytes, unknownCodes };
}

interface Coding {
  variable: SavVariable;
  encode: (value: RawValue) => number | Buffer | null;
}

function dateSeconds(value: RawValue, dateOnly: boolean): number | null {
  if (typeof value !== 'string') return null;
  const time = dateOnly
    ? /^\d{4}-\d{2}-\d{2}$/.test(value)
      ? Date.parse(`${value}T00:00:00Z`)
      : NaN
    : Date.parse(value);
  return Number.isNaN(time) ? null : time / 1000 + SPSS_EPOCH_OFFSET;
}

function coding(
  column: RawColumn,
  measured: Measured,
  k: number,
  mode: LabelMode,
): Omit<Coding['variable'], 'name' | 'shortNames'> & { encode: Coding['encode'] } {
  const measureLevel: SavVariable['measure'] =
    column.measure === 'nominal' ? 1 : column.measure === 'ordinal' ? 2 : 3;
  const numeric = (decimals: number, valueLabels: SavVariable['valueLabels'] = []) => ({
    label: column.label,
    width: 0,
    format: { type: FORMAT.F, width: 8, decimals },
    valueLabels,
    measure: measureLevel,
    displayWidth: 8,
  });
  switch (column.type) {
    case 'number':
      return {
        ...numeric(
          column.source === 'number' ? 2 : 0,
          column.valueLabels.filter(
            (v): v is { value: number; label: string } => typeof v.value === 'number',
          ),
        ),
        encode: (value) => (typeof value === 'number' ? value : null),
      };
    case 'code': {
      const labels = new Map(column.valueLabels.map((v) => [String(v.value), v.label]));
      const codes = [...labels.keys(), ...[...measured.unknownCodes[k]!].sort()];
      const whole = codes.every((c) => /^-?\d{1,9}$/.test(c));
      const number = new Map(codes.map((code, i) => [code, whole ? Number(code) : i + 1]));
      const valueLabels = codes.map((code) => ({
        value: number.get(code)!,
        label: mode === 'codes' ? code : (labels.get(code) ?? code),
      }));
      return {
        ...numeric(0, valueLabels),
        encode: (value) => (value === null ? null : (number.get(String(value)) ?? null)),
      };
    }
    case 'date':
    case 'datetime': {
      const dateOnly = column.type === 'date';
      return {
        ...numeric(0),
        format: dateOnly
          ? { type: FORMAT.DATE, width: 11, decimals: 0 }
          : { type: FORMAT.DATETIME, width: 20, decimals: 0 },
        displayWidth: dateOnly ? 11 : 20,
        encode: (value) => dateSeconds(value, dateOnly),
      };
    }
    default: {
      const width = Math.min(MAX_STRING, Math.max(8, measured.bytes[k]!));
      return {
        label: column.label,
        width,
        format: { type: FORMAT.A, width: Math.min(width, 255), decimals: 0 },
        valueLabels: [],
        measure: 1,
        displayWidth: Math.min(width, 32),
        encode: (value) => (value === null ? null : utf8(String(value), width)),
      };
    }
  }
}

function codings(data: RawData, measured: Measured, mode: LabelMode): Coding[] {
  const longNames = new Set<string>();
  const shortNames = new Set<string>();
  return data.columns.map((column, k) => {
    const { encode, ...rest } = coding(column, measured, k, mode);
    const name = uniqueIn(longNames, spssName(column.name), 64);
    const short = Array.from({ length: segmentCount(rest.width) }, () =>
      uniqueIn(shortNames, name.toUpperCase(), 8),
    );
    return { variable: { ...rest, name, shortNames: short }, encode };
  });
}

export async function writeSav(
  data: RawData,
  path: string,
  options: SavOptions,
  progress: RowProgress = {},
): Promise<number> {
  const measured = await measure(data, progress.signal);
  const columns = codings(data, measured, options.labels);
  const variables = columns.map((c) => c.variable);
  const caseSize = 8 * variables.reduce((sum, v) => sum + elementsOf(v.width), 0);
  const sink = new FileSink(path);
  let cases = 0;
  try {
    await sink.write(dictionaryBytes(variables, options.fileLabel, options.now ?? new Date()));
    let chunk = Buffer.alloc(caseSize * CASES_PER_WRITE);
    let used = 0;
    for (const row of data.rows()) {
      used += caseBytes(
        variables,
        columns.map((c, k) => c.encode(row[k] ?? null)),
        chunk,
        used,
      );
      cases++;
      if (used === chunk.length) {
        await sink.write(chunk);
        chunk = Buffer.alloc(caseSize * CASES_PER_WRITE);
        used = 0;
        progress.onRows?.(cases);
        await pause(progress.signal);
      }
    }
    if (used) await sink.write(chunk.subarray(0, used));
    await sink.close();
  } catch (error) {
    await sink.abandon();
    throw error;
  }
  await patchCaseCount(path, cases);
  progress.onRows?.(cases);
  return cases;
}
