/**
 * Opening a package: every check runs before anything is written, in this order — zip limits and
 * names (zip.ts), manifest and format version, the exact set of entries, the SHA-256 of each
 * entry, the key or passphrase (a sealed check entry), the opening of each sealed entry, the
 * inflated size, and the records line by line. Each failure has its own error code.
 */
import zlib from 'node:zlib';
import type { KeyObject } from 'node:crypto';
import { AppError } from '../../shared/errors';
import { PACKAGE_FORMAT_VERSION } from '../../shared/sync';
import { deriveKey, open, sha256Hex, unwrapKey } from './crypto';
import {
  CHECK_ENTRY,
  CHECK_TEXT,
  countsOf,
  DATA_ENTRIES,
  entryFileName,
  MANIFEST,
  manifestHead,
  manifestSchema,
  RECORD_SCHEMAS,
  type DataEntry,
  type Manifest,
  type PackageData,
} from './format';
import type { KeyRing } from './keys';
import { looksLikeArchive, MAX_INFLATED_BYTES, readZip, type ZipLimits } from './zip';

export interface OpenedPackage {
  manifest: Manifest;
  data: PackageData;
}

export interface OpenOptions {
  passphrase?: string;
  keys: KeyRing;
  limits?: ZipLimits;
}

function zodDetail(error: { issues: { path: PropertyKey[]; message: string }[] }): string {
  const issue = error.issues[0];
  return issue ? `${issue.path.map(String).join('.') || '-'}: ${issue.message}` : 'invalid';
}

/** Reads only the manifest (after the zip checks), for messages about a package that fails later. */
export function parseManifest(entries: Map<string, Buffer>, fileName: string): Manifest {
  const raw = entries.get(MANIFEST);
  if (!raw) throw new AppError('PACKAGE_UNREADABLE', { name: fileName, detail: `no ${MANIFEST}` });
  let json: unknown;
  try {
    json = JSON.parse(raw.toString('utf8'));
  } catch (error) {
    throw new AppError('PACKAGE_UNREADABLE', {
      name: fileName,
      detail: `${MANIFEST}: ${(error as Error).message}`,
    });
  }
  const head = manifestHead.safeParse(json);
  if (!head.success)
    throw new AppError('PACKAGE_UNREADABLE', {
      name: fileName,
      detail: `${MANIFEST}: ${zodDetail(head.error)}`,
    });
  if (head.data.formatVersion > PACKAGE_FORMAT_VERSION) {
    throw new AppError('PACKAGE_TOO_NEW', {
      found: head.data.formatVersion,
      known: PACKAGE_FORMAT_VERSION,
    });
  }
  const manifest = manifestSchema.safeParse(json);
  if (!manifest.success)
    throw new AppError('PACKAGE_CONTENT', { detail: `${MANIFEST}: ${zodDetail(manifest.error)}` });
  return manifest.data;
}

function packageKey(
  manifest: Manifest,
  entries: Map<string, Buffer>,
  options: OpenOptions,
): Buffer | null {
  const enc = manifest.encryption;
  if (enc.mode === 'none') return null;
  let key: Buffer;
  if (enc.mode === 'key') {
    if (options.keys.fingerprint !== enc.recipientFingerprint) {
      throw new AppError('PACKAGE_WRONG_KEY', { fingerprint: enc.recipientFingerprint });
    }
    const privateKey: KeyObject = options.keys.unlock(options.passphrase);
    const unwrapped = unwrapKey(Buffer.from(enc.wrappedKey, 'base64'), privateKey);
    if (!unwrapped)
      throw new AppError('PACKAGE_WRONG_KEY', { fingerprint: enc.recipientFingerprint });
    key = unwrapped;
  } else {
    if (options.passphrase === undefined) throw new AppError('PACKAGE_PASSPHRASE_REQUIRED');
    key = deriveKey(options.passphrase, Buffer.from(enc.salt, 'base64'), enc);
  }
  const check = open(key, entries.get(CHECK_ENTRY)!, `${manifest.packageId}/${CHECK_ENTRY}`);
  if (!check || check.toString('utf8') !== CHECK_TEXT) {
    if (enc.mode === 'passphrase') throw new AppError('PACKAGE_WRONG_PASSPHRASE');
    throw new AppError('PACKAGE_WRONG_KEY', { fingerprint: enc.recipientFingerprint });
  }
  return key;
}

function parseLines(entry: DataEntry, text: string): unknown[] {
  const schema = RECORD_SCHEMAS[entry];
  const records: unknown[] = [];
  let lineNo = 0;
  for (const line of text.split('\n')) {
    lineNo += 1;
    if (line.length === 0) continue;
    let json: unknown;
    try {
      json = JSON.parse(line);
    } catch (error) {
      throw new AppError('PACKAGE_CONTENT', {
        detail: `${entry} line ${lineNo}: ${(error as Error).message}`,
      });
    }
    const parsed = schema.safeParse(json);
    if (!parsed.success)
      throw new AppError('PACKAGE_CONTENT', {
        detail: `${entry} line ${lineNo}: ${zodDetail(parsed.error)}`,
      });
    records.push(parsed.data);
  }
  return records;
}

/** Verifies and reads a whole package; throws the first problem found. Writes nothing. */
export async function openPackage(
  bytes: Buffer,
  fileName: string,
  options: OpenOptions,
): Promise<OpenedPackage> {
  return openEntries(await readZip(bytes, fileName, options.limits), fileName, options);
}

/** Checks the entries against the manifest: exactly the expected names, each with its SHA-256. */
export function verifyEntries(entries: Map<string, Buffer>, manifest: Manifest): void {
  const encrypted = manifest.encryption.mode !== 'none';
  const expected = new Set([
    MANIFEST,
    ...(encrypted ? [CHECK_ENTRY] : []),
    ...DATA_ENTRIES.map((e) => entryFileName(e, encrypted)),
  ]);
  for (const name of entries.keys()) {
    if (!expected.has(name))
      throw new AppError('PACKAGE_CONTENT', { detail: `unexpected entry ${name}` });
  }
  const listed = new Map(manifest.entries.map((e) => [e.name, e]));
  for (const name of expected) {
    if (name === MANIFEST) continue;
    const content = entries.get(name);
    const entry = listed.get(name);
    if (!content || !entry)
      throw new AppError('PACKAGE_CONTENT', { detail: `missing entry ${name}` });
    if (content.length !== entry.bytes || sha256Hex(content) !== entry.sha256)
      throw new AppError('PACKAGE_CHECKSUM', { entry: name });
  }
}

/** Verifies and reads the entries of a package already read from its zip. */
export function openEntries(
  entries: Map<string, Buffer>,
  fileName: string,
  options: OpenOptions,
): OpenedPackage {
  const manifest = parseManifest(entries, fileName);
  verifyEntries(entries, manifest);
  const encrypted = manifest.encryption.mode !== 'none';
  const key = packageKey(manifest, entries, options);
  let budget = options.limits?.maxInflatedBytes ?? MAX_INFLATED_BYTES;
  const data = {} as Record<DataEntry, unknown[]>;
  for (const entry of DATA_ENTRIES) {
    const name = entryFileName(entry, encrypted);
    let plain = entries.get(name)!;
    if (key) {
      const opened = open(key, plain, `${manifest.packageId}/${name}`);
      if (!opened) throw new AppError('PACKAGE_CHECKSUM', { entry: name });
      try {
        plain = zlib.inflateRawSync(opened, { maxOutputLength: Math.max(1, budget) });
      } catch (error) {
        if (
          (error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE' ||
          (error as Error).message.includes('maxOutputLength')
        ) {
          throw new AppError('PACKAGE_TOO_LARGE', {
            max: Math.round((options.limits?.maxInflatedBytes ?? MAX_INFLATED_BYTES) / 1024 / 1024),
          });
        }
        throw new AppError('PACKAGE_CONTENT', { detail: `${name}: ${(error as Error).message}` });
      }
      budget -= plain.length;
      if (looksLikeArchive(plain)) throw new AppError('PACKAGE_NESTED_ARCHIVE', { name });
    }
    data[entry] = parseLines(entry, plain.toString('utf8'));
  }
  const result = data as unknown as PackageData;
  const counts = countsOf(result);
  for (const [name, count] of Object.entries(counts)) {
    if (manifest.counts[name as keyof typeof counts] !== count) {
      throw new AppError('PACKAGE_CONTENT', {
        detail: `the manifest counts ${manifest.counts[name as keyof typeof counts]} ${name}, the data holds ${count}`,
      });
    }
  }
  return { manifest, data: result };
}
