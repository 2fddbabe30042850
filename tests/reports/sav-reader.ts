/**
 * A minimal SPSS system file reader for the tests, written from the published format description
 * independently of the writer: uncompressed little-endian files, long names (7/13), very long
 * strings (7/14), value labels (3/4) and the encoding record (7/20).
 */
export interface SavReadVariable {
  shortName: string;
  name: string;
  label: string | null;
  /** 0 numeric, else the string width in bytes. */
  width: number;
  format: { type: number; width: number; decimals: number };
  valueLabels: Map<number, string>;
}

export interface SavRead {
  caseCount: number;
  caseSize: number;
  fileLabel: string;
  characterCode: number | null;
  encoding: string | null;
  variables: SavReadVariable[];
  cases: (number | string | null)[][];
}

interface Segment {
  shortName: string;
  width: number;
  label: string | null;
  format: number;
  index: number;
}

const SYSMIS = -Number.MAX_VALUE;

export function readSav(buffer: Buffer): SavRead {
  let at = 0;
  const int = () => {
    const v = buffer.readInt32LE(at);
    at += 4;
    return v;
  };
  const bytes = (n: number) => {
    const b = buffer.subarray(at, at + n);
    at += n;
    return b;
  };
  const text = (n: number) =>
    bytes(n)
      .toString('utf8')
      .replace(/[ \0]+$/, '');
  if (text(4) !== '$FL2') throw new Error('not an SPSS system file');
  bytes(60);
  if (int() !== 2) throw new Error('not little-endian layout 2');
  const caseSize = int();
  if (int() !== 0) throw new Error('compressed');
  int();
  const caseCount = int();
  bytes(8 + 9 + 8);
  const fileLabel = text(64);
  bytes(3);

  const segments: Segment[] = [];
  const labelsByIndex = new Map<number, Map<number, string>>();
  const extensions = new Map<number, Buffer>();
  let index = 0;
  for (;;) {
    const type = int();
    if (type === 2) {
      const width = int();
      const hasLabel = int();
      const missing = int();
      const format = int();
      int();
      const shortName = text(8);
      const label = hasLabel
        ? (() => {
            const n = int();
            const value = buffer.subarray(at, at + n).toString('utf8');
            bytes(Math.ceil(n / 4) * 4);
            return value;
          })()
        : null;
      bytes(8 * Math.abs(missing));
      index++;
      if (width !== -1) segments.push({ shortName, width, label, format, index });
    } else if (type === 3) {
      const count = int();
      const labels = new Map<number, string>();
      for (let k = 0; k < count; k++) {
        const value = buffer.readDoubleLE(at);
        at += 8;
        const n = buffer[at]!;
        labels.set(value, buffer.subarray(at + 1, at + 1 + n).toString('utf8'));
        at += Math.ceil((n + 1) / 8) * 8;
      }
      if (int() !== 4) throw new Error('value labels without their variables');
      const n = int();
      for (let k = 0; k < n; k++) labelsByIndex.set(int(), labels);
    } else if (type === 7) {
      const subtype = int();
      const size = int();
      const count = int();
      extensions.set(subtype, bytes(size * count));
    } else if (type === 999) {
      int();
      break;
    } else throw new Error(`unexpected record type ${type} at ${at - 4}`);
  }

  const longNames = new Map(
    (extensions.get(13)?.toString('utf8') ?? '')
      .split('\t')
      .filter(Boolean)
      .map((pair) => pair.split('=') as [string, string]),
  );
  const veryLong = new Map(
    (extensions.get(14)?.toString('utf8') ?? '')
      .split('\0\t')
      .filter((s) => s.includes('='))
      .map((pair) => {
        const [name, width] = pair.replace(/\0/g, '').split('=');
        return [name!, Number(width)] as const;
      }),
  );
  const info = extensions.get(3);
  const variables: (SavReadVariable & { segments: Segment[] })[] = [];
  for (let k = 0; k < segments.length; k++) {
    const first = segments[k]!;
    const width = veryLong.get(first.shortName) ?? first.width;
    const n = width > 255 ? Math.ceil(width / 252) : 1;
    variables.push({
      shortName: first.shortName,
      name: longNames.get(first.shortName) ?? first.shortName,
      label: first.label,
      width,
      format: {
        type: first.format >> 16,
        width: (first.format >> 8) & 0xff,
        decimals: first.format & 0xff,
      },
      valueLabels: labelsByIndex.get(first.index) ?? new Map<number, string>(),
      segments: segments.slice(k, k + n),
    });
    k += n - 1;
  }

  const cases: (number | string | null)[][] = [];
  for (let c = 0; c < caseCount; c++) {
    cases.push(
      variables.map((v) => {
        if (v.width === 0) {
          const value = buffer.readDoubleLE(at);
          at += 8;
          return value === SYSMIS ? null : value;
        }
        const parts = v.segments.map((s, k) => {
          const data = bytes(Math.ceil(s.width / 8) * 8);
          return v.width > 255
            ? data.subarray(0, Math.max(0, Math.min(255, v.width - 255 * k)))
            : data.subarray(0, s.width);
        });
        return Buffer.concat(parts).toString('utf8').replace(/ +$/, '');
      }),
    );
  }
  if (at !== buffer.length) throw new Error(`${buffer.length - at} bytes after the last case`);
  return {
    caseCount,
    caseSize,
    fileLabel,
    characterCode: info ? info.readInt32LE(28) : null,
    encoding: extensions.get(20)?.toString('utf8') ?? null,
    variables: variables.map(({ segments: _s, ...v }) => v),
    cases,
  };
}
