/**
 * The SPSS system file format (.sav), written by hand after the published description (GNU PSPP
 * developers' guide, "System File Format"): little-endian, uncompressed, UTF-8.
 *
 * Records, in the order readers expect them:
 *   file header (176 bytes, "$FL2"); one variable record (type 2) per 8-byte element, long
 *   strings continued by type -1 records and strings wider than 255 bytes split into segments;
 *   value labels (type 3) each followed by the variables they apply to (type 4); extension
 *   records (type 7) 3 integer info, 4 float info, 11 display parameters, 13 long variable names,
 *   14 very long string widths, 20 character encoding "UTF-8"; the dictionary terminator (999);
 *   then the cases, 8 bytes per element: flt64 numbers (SYSMIS = -DBL_MAX for missing) and
 *   strings padded with spaces.
 * The case count is written as -1 (unknown) first and patched once the data is written.
 */
import fs from 'node:fs/promises';

export const SYSMIS = -Number.MAX_VALUE;
const HIGHEST = Number.MAX_VALUE;
/** The second-largest negative number (0xffeffffffffffffe), LOWEST in older files. */
const LOWEST = -1.7976931348623155e308;
/** Seconds from the SPSS epoch (14 Oct 1582) to the Unix epoch. */
export const SPSS_EPOCH_OFFSET = 12_219_379_200;
export const MAX_STRING = 32_767;
/** Offset of ncases in the header: rec_type 4 + prod_name 60 + four int32. */
const NCASES_OFFSET = 80;

export const FORMAT = { A: 1, F: 5, DATE: 20, DATETIME: 22 } as const;

export interface SavVariable {
  /** Long name (SPSS rules: starts with a letter; letters, digits, _ . ; at most 64 bytes; unique ignoring case). */
  name: string;
  /** Short name (at most 8 bytes, upper case, unique); segments of very long strings get their own. */
  shortNames: string[];
  label: string;
  /** 0 for numeric, else the string width in bytes (1..32767). */
  width: number;
  format: { type: number; width: number; decimals: number };
  /** Numeric variables only. */
  valueLabels: { value: number; label: string }[];
  measure: 1 | 2 | 3;
  displayWidth: number;
}

/** Bytes of `text` in UTF-8, cut at a character boundary to at most `max` bytes. */
export function utf8(text: string, max = Infinity): Buffer {
  const bytes = Buffer.from(text, 'utf8');
  if (bytes.length <= max) return bytes;
  let end = max;
  while (end > 0 && (bytes[end]! & 0xc0) === 0x80) end--;
  return bytes.subarray(0, end);
}

/** Segments of a string variable: one below 256 bytes, else one per 252 bytes of width. */
export function segmentCount(width: number): number {
  return width < 256 ? 1 : Math.ceil(width / 252);
}

/** Width of segment k of a string variable (255 for all but the last of a very long string). */
export function segmentWidth(width: number, k: number): number {
  if (width < 256) return width;
  const n = segmentCount(width);
  return k < n - 1 ? 255 : width - (n - 1) * 252;
}

/** 8-byte elements a variable takes in each case. */
export function elementsOf(width: number): number {
  if (width === 0) return 1;
  let total = 0;
  for (let k = 0; k < segmentCount(width); k++) total += Math.ceil(segmentWidth(width, k) / 8);
  return total;
}

class Bytes {
  private readonly parts: Buffer[] = [];

  int(...values: number[]): this {
    const b = Buffer.alloc(4 * values.length);
    values.forEach((v, k) => b.writeInt32LE(v, 4 * k));
    this.parts.push(b);
    return this;
  }

  float(...values: number[]): this {
    const b = Buffer.alloc(8 * values.length);
    values.forEach((v, k) => b.writeDoubleLE(v, 8 * k));
    this.parts.push(b);
    return this;
  }

  /** `bytes`, then `pad` bytes up to `size`. */
  fixed(bytes: Buffer, size: number, pad = 0x20): this {
    const b = Buffer.alloc(size, pad);
    bytes.copy(b, 0, 0, Math.min(bytes.length, size));
    this.parts.push(b);
    return this;
  }

  raw(bytes: Buffer): this {
    this.parts.push(bytes);
    return this;
  }

  toBuffer(): Buffer {
    return Buffer.concat(this.parts);
  }
}

const formatCode = (f: { type: number; width: number; decimals: number }) =>
  (f.type << 16) | (f.width << 8) | f.decimals;

function creationStamp(now: Date): { date: string; time: string } {
  const months = [
    'Jan',
    'Feb',
    'Mar',
    'Apr',
    'May',
    'Jun',
    'Jul',
    'Aug',
    'Sep',
    'Oct',
    'Nov',
    'Dec',
  ];
  const two = (n: number) => String(n).padStart(2, '0');
  return {
    date: `${two(now.getDate())} ${months[now.getMonth()]} ${two(now.getFullYear() % 100)}`,
    time: `${two(now.getHours())}:${two(now.getMinutes())}:${two(now.getSeconds())}`,
  };
}

function textRecord(subtype: number, text: Buffer): Buffer {
  return new Bytes().int(7, subtype, 1, text.length).raw(text).toBuffer();
}

/** Everything before the data: header, variables, value labels, extension records, terminator. */
export function dictionaryBytes(variables: SavVariable[], fileLabel: string, now: Date): Buffer {
  const out = new Bytes();
  const stamp = creationStamp(now);
  const caseSize = variables.reduce((sum, v) => sum + elementsOf(v.width), 0);
  out
    .fixed(Buffer.from('$FL2'), 4)
    .fixed(Buffer.from('@(#) SPSS DATA FILE SurveyDesk'), 60)
    .int(2, caseSize, 0, 0, -1)
    .float(100)
    .fixed(Buffer.from(stamp.date), 9)
    .fixed(Buffer.from(stamp.time), 8)
    .fixed(utf8(fileLabel, 64), 64)
    .fixed(Buffer.alloc(0), 3, 0);

  const indexes: number[] = [];
  let index = 1;
  for (const v of variables) {
    indexes.push(index);
    for (let k = 0; k < segmentCount(v.width); k++) {
      const width = v.width === 0 ? 0 : segmentWidth(v.width, k);
      const format =
        v.width === 0 || (k === 0 && v.width < 256)
          ? v.format
          : { type: FORMAT.A, width, decimals: 0 };
      const label = k === 0 && v.label ? utf8(v.label, 255) : null;
      out
        .int(2, width, label ? 1 : 0, 0, formatCode(format), formatCode(format))
        .fixed(Buffer.from(v.shortNames[k]!), 8);
      if (label) out.int(label.length).fixed(label, Math.ceil(label.length / 4) * 4);
      const elements = width === 0 ? 1 : Math.ceil(width / 8);
      for (let c = 1; c < elements; c++) out.int(2, -1, 0, 0, 0, 0).fixed(Buffer.alloc(0), 8, 0);
      index += elements;
    }
  }

  variables.forEach((v, k) => {
    if (v.width !== 0 || v.valueLabels.length === 0) return;
    out.int(3, v.valueLabels.length);
    for (const { value, label } of v.valueLabels) {
      const text = utf8(label, 120);
      const padded = Math.ceil((text.length + 1) / 8) * 8 - 1;
      out
        .float(value)
        .raw(Buffer.from([text.length]))
        .fixed(text, padded, 0);
    }
    out.int(4, 1, indexes[k]!);
  });

  out.int(7, 3, 4, 8, 1, 0, 0, -1, 1, 1, 2, 65001);
  out.int(7, 4, 8, 3).float(SYSMIS, HIGHEST, LOWEST);
  const display: number[] = [];
  for (const v of variables) {
    for (let k = 0; k < segmentCount(v.width); k++) {
      const left = v.width - Math.min(255 * k, v.width);
      display.push(
        v.measure,
        k === 0 ? v.displayWidth : Math.min(Math.max(left, 1), 32),
        v.width === 0 ? 1 : 0,
      );
    }
  }
  out.int(7, 11, 4, display.length).int(...display);
  out.raw(
    textRecord(
      13,
      Buffer.from(variables.map((v) => `${v.shortNames[0]}=${v.name}`).join('\t'), 'utf8'),
    ),
  );
  const veryLong = variables
    .filter((v) => v.width > 255)
    .map((v) => `${v.shortNames[0]}=${String(v.width).padStart(5, '0')}\0\t`);
  if (veryLong.length) out.raw(textRecord(14, Buffer.from(veryLong.join(''), 'utf8')));
  out.raw(textRecord(20, Buffer.from('UTF-8')));
  out.int(999, 0);
  return out.toBuffer();
}

/** Writes the cases of one row into `target` at `offset`; returns the bytes written. */
export function caseBytes(
  variables: SavVariable[],
  values: (number | Buffer | null)[],
  target: Buffer,
  offset: number,
): number {
  let at = offset;
  variables.forEach((v, k) => {
    const value = values[k] ?? null;
    if (v.width === 0) {
      target.writeDoubleLE(
        typeof value === 'number' && Number.isFinite(value) ? value : SYSMIS,
        at,
      );
      at += 8;
      return;
    }
    const bytes = value instanceof Buffer ? value : Buffer.alloc(0);
    // Very long strings: 255 bytes of the value per segment, each segment padded to 8 bytes.
    for (let s = 0; s < segmentCount(v.width); s++) {
      const size = Math.ceil(segmentWidth(v.width, s) / 8) * 8;
      target.fill(0x20, at, at + size);
      const from = v.width < 256 ? 0 : 255 * s;
      const used = v.width < 256 ? v.width : Math.max(0, Math.min(255, v.width - from));
      if (from < bytes.length) bytes.copy(target, at, from, Math.min(bytes.length, from + used));
      at += size;
    }
  });
  return at - offset;
}

/** Once the data is written: the real number of cases in the header. */
export async function patchCaseCount(path: string, cases: number): Promise<void> {
  const file = await fs.open(path, 'r+');
  try {
    const b = Buffer.alloc(4);
    b.writeInt32LE(cases, 0);
    await file.write(b, 0, 4, NCASES_OFFSET);
  } finally {
    await file.close();
  }
}
