/**
 * The zip container of a package, read defensively: the entry count is capped, every entry's
 * inflated bytes are counted while reading (the sizes in the headers are never trusted), names
 * are checked for absolute paths, "..", backslashes and drive letters (zip slip), symbolic links
 * and nested archives are refused. Nothing is ever extracted to disk: entries are read into memory.
 */
import yauzl from 'yauzl';
import yazl from 'yazl';
import { AppError } from '../../shared/errors';

export const MAX_ENTRIES = 32;
/** The most a package may inflate to, all entries together. */
export const MAX_INFLATED_BYTES = 1024 * 1024 * 1024;

export interface ZipLimits {
  maxEntries: number;
  maxInflatedBytes: number;
}

const DEFAULT_LIMITS: ZipLimits = { maxEntries: MAX_ENTRIES, maxInflatedBytes: MAX_INFLATED_BYTES };

const ARCHIVE_NAME = /\.(zip|sdpkg|jar|7z|rar|gz|tgz|tar|bz2|xz|zst|cab)$/i;

/** True for data that starts like an archive (zip, gzip, 7z, rar, bzip2, xz). */
export function looksLikeArchive(data: Buffer): boolean {
  const starts = (...bytes: number[]) => bytes.every((b, i) => data[i] === b);
  return (
    starts(0x50, 0x4b, 0x03, 0x04) ||
    starts(0x50, 0x4b, 0x05, 0x06) ||
    starts(0x1f, 0x8b) ||
    starts(0x37, 0x7a, 0xbc, 0xaf) ||
    starts(0x52, 0x61, 0x72, 0x21) ||
    starts(0x42, 0x5a, 0x68) ||
    starts(0xfd, 0x37, 0x7a, 0x58, 0x5a)
  );
}

/** A safe entry name: a plain file name of the package (no folders at all). */
function checkName(name: string): void {
  if (
    name.length === 0 ||
    name.includes('/') ||
    name.includes('\\') ||
    name.includes('\0') ||
    name === '.' ||
    name === '..' ||
    /^[A-Za-z]:/.test(name)
  ) {
    throw new AppError('PACKAGE_UNSAFE_PATH', { name: printable(name) });
  }
}

function printable(name: string): string {
  // eslint-disable-next-line no-control-regex
  return name.replace(/[\u0000-\u001f\u007f]/g, '?').slice(0, 120);
}

function openZip(data: Buffer): Promise<yauzl.ZipFile> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(
      data,
      // Sizes in the headers are not trusted (nor checked): the bytes are counted as they inflate.
      {
        lazyEntries: true,
        decodeStrings: false,
        validateEntrySizes: false,
        strictFileNames: false,
      },
      (error, zip) => (error || !zip ? reject(error ?? new Error('no zip')) : resolve(zip)),
    );
  });
}

/**
 * Reads every entry into memory, refusing unsafe packages with their own error. `fileName` is
 * for messages only.
 */
export async function readZip(
  data: Buffer,
  fileName: string,
  limits: ZipLimits = DEFAULT_LIMITS,
): Promise<Map<string, Buffer>> {
  let zip: yauzl.ZipFile;
  try {
    zip = await openZip(data);
  } catch (error) {
    throw new AppError('PACKAGE_UNREADABLE', { name: fileName, detail: (error as Error).message });
  }
  if (zip.entryCount > limits.maxEntries) {
    zip.close();
    throw new AppError('PACKAGE_TOO_MANY_ENTRIES', {
      count: zip.entryCount,
      max: limits.maxEntries,
    });
  }
  const entries = new Map<string, Buffer>();
  let inflated = 0;
  try {
    await new Promise<void>((resolve, reject) => {
      let failed = false;
      const fail = (error: unknown) => {
        if (failed) return;
        failed = true;
        zip.close();
        reject(
          error instanceof AppError
            ? error
            : new AppError('PACKAGE_UNREADABLE', {
                name: fileName,
                detail: (error as Error).message,
              }),
        );
      };
      zip.on('error', fail);
      zip.on('end', () => {
        if (!failed) resolve();
      });
      zip.on('entry', (entry: yauzl.Entry) => {
        try {
          const raw = entry.fileName as unknown as Buffer | string;
          const name = Buffer.isBuffer(raw) ? raw.toString('utf8') : raw;
          checkName(name);
          if (entries.has(name))
            throw new AppError('PACKAGE_CONTENT', { detail: `duplicate entry ${printable(name)}` });
          if (entries.size + 1 > limits.maxEntries) {
            throw new AppError('PACKAGE_TOO_MANY_ENTRIES', {
              count: entries.size + 1,
              max: limits.maxEntries,
            });
          }
          const type = (entry.externalFileAttributes >>> 16) & 0o170000;
          if (type === 0o120000) throw new AppError('PACKAGE_SYMLINK', { name: printable(name) });
          if (type !== 0 && type !== 0o100000)
            throw new AppError('PACKAGE_UNSAFE_PATH', { name: printable(name) });
          if (ARCHIVE_NAME.test(name))
            throw new AppError('PACKAGE_NESTED_ARCHIVE', { name: printable(name) });
          if (entry.isEncrypted())
            throw new AppError('PACKAGE_UNREADABLE', { name: fileName, detail: 'zip encryption' });
        } catch (error) {
          fail(error);
          return;
        }
        const name = (entry.fileName as unknown as Buffer).toString('utf8');
        zip.openReadStream(entry, (error, stream) => {
          if (error || !stream) {
            fail(error ?? new Error('no stream'));
            return;
          }
          const chunks: Buffer[] = [];
          stream.on('data', (chunk: Buffer) => {
            inflated += chunk.length;
            if (inflated > limits.maxInflatedBytes) {
              stream.destroy();
              fail(
                new AppError('PACKAGE_TOO_LARGE', {
                  max: Math.round(limits.maxInflatedBytes / 1024 / 1024),
                }),
              );
              return;
            }
            chunks.push(chunk);
          });
          stream.on('error', fail);
          stream.on('end', () => {
            if (failed) return;
            const content = Buffer.concat(chunks);
            if (looksLikeArchive(content)) {
              fail(new AppError('PACKAGE_NESTED_ARCHIVE', { name: printable(name) }));
              return;
            }
            entries.set(name, content);
            zip.readEntry();
          });
        });
      });
      zip.readEntry();
    });
  } finally {
    zip.close();
  }
  return entries;
}

/** A zip of the given entries (stored as regular files, a fixed time so packages are reproducible). */
export function writeZip(
  entries: { name: string; data: Buffer; compress: boolean; mode?: number }[],
  mtime: Date,
): Promise<Buffer> {
  const zip = new yazl.ZipFile();
  for (const entry of entries) {
    zip.addBuffer(entry.data, entry.name, {
      mtime,
      mode: entry.mode ?? 0o100644,
      compress: entry.compress,
    });
  }
  zip.end();
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    zip.outputStream.on('data', (chunk: Buffer) => chunks.push(chunk));
    zip.outputStream.on('error', reject);
    zip.outputStream.on('end', () => resolve(Buffer.concat(chunks)));
  });
}
