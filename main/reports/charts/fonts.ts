/**
 * The font chart labels are drawn in. Chinese labels need a CJK font, or the canvas draws empty
 * boxes: we look in the places Linux (Noto Sans CJK, WenQuanYi), Windows (Microsoft YaHei,
 * DengXian, SimHei) and macOS (PingFang, Heiti, Hiragino Sans GB) keep one, and register the
 * first found. A font collection (.ttc) holds several faces; the simplified-Chinese regular face
 * is cut out of it, because the canvas would otherwise take the collection's first face (Noto's is
 * the Japanese one, whose glyph forms differ from the Chinese ones for many characters).
 */
import fs from 'node:fs';
import path from 'node:path';
import { GlobalFonts } from '@napi-rs/canvas';

/** The family charts name; what stands behind it is whichever font was found. */
const CJK_ALIAS = 'SurveyDesk CJK';
/** Latin-only fallback: fonts the canvas finds on the system by itself. */
const LATIN_FAMILY = 'Arial, "Liberation Sans", Helvetica, "DejaVu Sans", sans-serif';

/** How chart text is drawn on this machine. */
export interface ChartFont {
  /** CSS font-family list for chart.js. */
  family: string;
  /** Whether Chinese labels can be drawn; if not, charts use English labels. */
  cjk: boolean;
  /** The font file used for Chinese, or null. */
  source: string | null;
}

/** The usual places of a Chinese sans-serif font, most wanted first. */
export function defaultCjkFontPaths(): string[] {
  const windows = process.env.WINDIR ?? 'C:\\Windows';
  const home = process.env.HOME ?? '';
  return [
    '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc',
    '/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc',
    '/usr/share/fonts/google-noto-cjk/NotoSansCJK-Regular.ttc',
    '/usr/share/fonts/opentype/noto/NotoSansCJKsc-Regular.otf',
    '/usr/share/fonts/truetype/wqy/wqy-microhei.ttc',
    '/usr/share/fonts/wenquanyi/wqy-microhei/wqy-microhei.ttc',
    path.join(windows, 'Fonts', 'msyh.ttc'),
    path.join(windows, 'Fonts', 'msyh.ttf'),
    path.join(windows, 'Fonts', 'Deng.ttf'),
    path.join(windows, 'Fonts', 'simhei.ttf'),
    '/System/Library/Fonts/PingFang.ttc',
    '/System/Library/Fonts/STHeiti Medium.ttc',
    '/System/Library/Fonts/STHeiti Light.ttc',
    '/System/Library/Fonts/Hiragino Sans GB.ttc',
    '/Library/Fonts/Arial Unicode.ttf',
    path.join(home, '.local/share/fonts/NotoSansCJK-Regular.ttc'),
  ];
}

const resolved = new Map<string, ChartFont>();

/**
 * Registers the first Chinese font found among `candidates` (once per process and list) and says
 * how chart text will be drawn.
 */
export function chartFont(candidates: string[] = defaultCjkFontPaths()): ChartFont {
  const key = candidates.join('\n');
  const known = resolved.get(key);
  if (known) return known;
  let font: ChartFont = { family: LATIN_FAMILY, cjk: false, source: null };
  for (const file of candidates) {
    if (!fs.existsSync(file)) continue;
    const registered = /\.ttc$/i.test(file)
      ? GlobalFonts.register(simplifiedChineseFace(fs.readFileSync(file)), CJK_ALIAS)
      : GlobalFonts.registerFromPath(file, CJK_ALIAS);
    if (!registered) continue;
    font = { family: `"${CJK_ALIAS}", ${LATIN_FAMILY}`, cjk: true, source: file };
    break;
  }
  resolved.set(key, font);
  return font;
}

/** The Chinese face of a font file found by chartFont (cut out of a collection), to measure text with. */
export function cjkFaceData(source: string): Buffer {
  const data = fs.readFileSync(source);
  return /\.ttc$/i.test(source) ? simplifiedChineseFace(data) : data;
}

/** Prefer the simplified-Chinese face, then a regular weight. */
function faceScore(family: string): number {
  let score = 0;
  if (/\bSC\b|YaHei$|GB|Hei SC|MicroHei/i.test(family)) score += 2;
  if (!/Light|Medium|Thin|Ultra|Semi|Bold|Heavy|Black|Mono| UI$/i.test(family)) score += 1;
  return score;
}

/**
 * One face of a TrueType/OpenType collection as a standalone font file: the face's table
 * directory with its tables copied after it (tables shared between faces are copied too).
 */
export function simplifiedChineseFace(collection: Buffer): Buffer {
  if (collection.toString('latin1', 0, 4) !== 'ttcf') return collection;
  const faces = collection.readUInt32BE(8);
  let best = { offset: collection.readUInt32BE(12), score: -1 };
  for (let k = 0; k < faces; k++) {
    const offset = collection.readUInt32BE(12 + 4 * k);
    const score = faceScore(familyName(collection, offset));
    if (score > best.score) best = { offset, score };
  }
  return standaloneFace(collection, best.offset);
}

interface TableRecord {
  tag: string;
  checksum: number;
  offset: number;
  length: number;
}

function tablesOf(file: Buffer, faceOffset: number): TableRecord[] {
  const count = file.readUInt16BE(faceOffset + 4);
  return Array.from({ length: count }, (_, i) => {
    const at = faceOffset + 12 + 16 * i;
    return {
      tag: file.toString('latin1', at, at + 4),
      checksum: file.readUInt32BE(at + 4),
      offset: file.readUInt32BE(at + 8),
      length: file.readUInt32BE(at + 12),
    };
  });
}

/** The family name (name id 1) of a face, from its Windows Unicode name record. */
function familyName(file: Buffer, faceOffset: number): string {
  const name = tablesOf(file, faceOffset).find((t) => t.tag === 'name');
  if (!name) return '';
  const count = file.readUInt16BE(name.offset + 2);
  const strings = name.offset + file.readUInt16BE(name.offset + 4);
  for (let i = 0; i < count; i++) {
    const at = name.offset + 6 + 12 * i;
    const platform = file.readUInt16BE(at);
    const nameId = file.readUInt16BE(at + 6);
    const language = file.readUInt16BE(at + 4);
    if (platform !== 3 || nameId !== 1 || language !== 0x409) continue;
    const start = strings + file.readUInt16BE(at + 10);
    const bytes = Buffer.from(file.subarray(start, start + file.readUInt16BE(at + 8)));
    return bytes.swap16().toString('utf16le');
  }
  return '';
}

function standaloneFace(file: Buffer, faceOffset: number): Buffer {
  const tables = tablesOf(file, faceOffset);
  const headerLength = 12 + 16 * tables.length;
  const padded = (n: number) => (n + 3) & ~3;
  const total = tables.reduce((sum, t) => sum + padded(t.length), headerLength);
  const out = Buffer.alloc(total);
  file.copy(out, 0, faceOffset, faceOffset + 12);
  let at = headerLength;
  tables.forEach((table, i) => {
    const record = 12 + 16 * i;
    out.write(table.tag, record, 'latin1');
    out.writeUInt32BE(table.checksum, record + 4);
    out.writeUInt32BE(at, record + 8);
    out.writeUInt32BE(table.length, record + 12);
    file.copy(out, at, table.offset, table.offset + table.length);
    at += padded(table.length);
  });
  return out;
}
