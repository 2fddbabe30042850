/**
 * The text of a CSV file whatever wrote it: UTF-8 with or without a BOM (online tools), UTF-16
 * (Excel's "Unicode text"), or GBK/GB18030 (Excel on a Chinese Windows). Order matters: a BOM is
 * certain, valid UTF-8 is almost certain, and only then is chardet's guess trusted.
 */
import chardet from 'chardet';
import iconv from 'iconv-lite';

export interface DecodedText {
  text: string;
  /** The encoding the bytes were read as, for the user to check when the text looks wrong. */
  encoding: string;
}

/** chardet's names mapped to what iconv-lite decodes; GB2312 and GBK text is valid GB18030. */
const CHARDET_TO_ICONV: Record<string, string> = {
  GB18030: 'gb18030',
  Big5: 'big5',
  'UTF-16LE': 'utf-16le',
  'UTF-16BE': 'utf-16be',
  Shift_JIS: 'shift_jis',
  'EUC-JP': 'euc-jp',
  'EUC-KR': 'euc-kr',
  'ISO-8859-1': 'latin1',
  'windows-1252': 'windows-1252',
};

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
  return prefix.every((b, i) => bytes[i] === b);
}

/** UTF-16 without a BOM: ASCII text has a zero in every other byte. */
function utf16WithoutBom(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const sample = Math.min(bytes.length - (bytes.length % 2), 4096);
  if (sample < 4) return null;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < sample; i += 2) {
    if (bytes[i] === 0) evenZeros++;
    if (bytes[i + 1] === 0) oddZeros++;
  }
  const pairs = sample / 2;
  if (oddZeros > pairs * 0.3 && evenZeros < pairs * 0.05) return 'utf-16le';
  if (evenZeros > pairs * 0.3 && oddZeros < pairs * 0.05) return 'utf-16be';
  return null;
}

function validUtf8(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    // Not UTF-8: the caller tries the other encodings.
    return null;
  }
}

export function decodeText(bytes: Uint8Array): DecodedText {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) {
    return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'UTF-8' };
  }
  if (startsWith(bytes, [0xff, 0xfe])) {
    return { text: iconv.decode(buffer.subarray(2), 'utf-16le'), encoding: 'UTF-16LE' };
  }
  if (startsWith(bytes, [0xfe, 0xff])) {
    return { text: iconv.decode(buffer.subarray(2), 'utf-16be'), encoding: 'UTF-16BE' };
  }
  const utf16 = utf16WithoutBom(bytes);
  if (utf16) return { text: iconv.decode(buffer, utf16), encoding: utf16.toUpperCase() };
  const utf8 = validUtf8(bytes);
  if (utf8 !== null) return { text: utf8, encoding: 'UTF-8' };
  // Not UTF-8: in this product's world nearly always a Chinese Windows export. chardet is sure of
  // GB18030 on Chinese text but often names a Western code page for short samples, so GB18030 is
  // preferred unless chardet is confident, or GB18030 cannot read the bytes without gaps.
  const matches = chardet
    .analyse(bytes.subarray(0, 64 * 1024))
    .map((match) => ({ name: CHARDET_TO_ICONV[match.name], confidence: match.confidence }))
    .filter((match): match is { name: string; confidence: number } => match.name !== undefined);
  const top = matches[0];
  let encoding = 'gb18030';
  if (top && (top.confidence >= 50 || iconv.decode(buffer, 'gb18030').includes('\uFFFD'))) {
    encoding = top.name;
  }
  return { text: iconv.decode(buffer, encoding), encoding: encoding.toUpperCase() };
}
