/**
 * A corpus of bad packages. Each is refused before anything is written, with its own error code
 * and message (in both languages), and the database file and its WAL stay byte-for-byte the same.
 */
import fs from 'node:fs';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sha256Hex } from '../../main/sync/crypto';
import { readZip, writeZip } from '../../main/sync/zip';
import { AppError, type ErrorCode } from '../../shared/errors';
import { createI18n } from '../../shared/i18n';
import {
  addCustomer,
  addResponse,
  exportFrom,
  importInto,
  openMachine,
  seedSurvey,
  type Machine,
} from './fixture';
import { importPackage, inspectPackage } from '../../main/sync/import';
import { createKeyPair, importRecipientKey, keyRing, publicKeyFile } from '../../main/sync/keys';
import os from 'node:os';
import path from 'node:path';

let dir: string;
let laptop: Machine;
let manager: Machine;
let plain: Buffer;
let sealed: Buffer;
const PASSPHRASE = 'field laptop 12';

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'surveydesk-badpkg-'));
  laptop = await openMachine(dir, 'laptop');
  manager = await openMachine(dir, 'manager');
  seedSurvey(laptop.db);
  const customer = addCustomer(laptop.db, { code: 'C-1', name: '客户一', phone: '13700000001' });
  for (let i = 0; i < 5; i++)
    addResponse(laptop, { q1: i + 1, q2: `text ${i}` }, { customerId: customer });
  await exportFrom(laptop, path.join(dir, 'plain.sdpkg'));
  await exportFrom(laptop, path.join(dir, 'sealed.sdpkg'), {
    encryption: { mode: 'passphrase', passphrase: PASSPHRASE },
  });
  // A package encrypted to somebody else's key.
  const stranger = await openMachine(dir, 'stranger');
  createKeyPair(stranger.db, { name: 'stranger', passphrase: 'stranger secret', replace: false });
  const recipient = importRecipientKey(
    laptop.db,
    Buffer.from(publicKeyFile(stranger.db).text),
    undefined,
  );
  stranger.db.close();
  await exportFrom(laptop, path.join(dir, 'theirs.sdpkg'), {
    encryption: { mode: 'key', recipientId: recipient.id },
  });
  plain = fs.readFileSync(path.join(dir, 'plain.sdpkg'));
  sealed = fs.readFileSync(path.join(dir, 'sealed.sdpkg'));
  // Checkpoint so the WAL is stable while the corpus runs.
  manager.db.pragma('wal_checkpoint(TRUNCATE)');
});

afterAll(() => {
  laptop.db.close();
  manager.db.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

async function rebuild(
  source: Buffer,
  change: (entries: Map<string, Buffer>) => void,
): Promise<Buffer> {
  const entries = await readZip(source, 'source');
  change(entries);
  return writeZip(
    [...entries].map(([name, data]) => ({ name, data, compress: true })),
    new Date('2026-01-01T00:00:00Z'),
  );
}

/** Rewrites the manifest, keeping every checksum right, so only the change under test is wrong. */
function setManifest(
  entries: Map<string, Buffer>,
  change: (manifest: Record<string, unknown>) => void,
): void {
  const manifest = JSON.parse(entries.get('manifest.json')!.toString('utf8')) as Record<
    string,
    unknown
  >;
  change(manifest);
  manifest.entries = [...entries]
    .filter(([name]) => name !== 'manifest.json')
    .map(([name, data]) => ({ name, bytes: data.length, sha256: sha256Hex(data) }));
  entries.set('manifest.json', Buffer.from(JSON.stringify(manifest)));
}

/** Replaces an entry's name in the zip's bytes (local header and central directory), same length. */
function renameInPlace(zip: Buffer, from: string, to: string): Buffer {
  expect(Buffer.byteLength(from)).toBe(Buffer.byteLength(to));
  const out = Buffer.from(zip);
  let at = out.indexOf(from);
  while (at >= 0) {
    out.write(to, at);
    at = out.indexOf(from, at + 1);
  }
  return out;
}

/** Writes a false uncompressed size into the headers of one entry. */
function lieAboutSize(zip: Buffer, name: string, size: number): Buffer {
  const out = Buffer.from(zip);
  for (
    let at = out.indexOf('PK\u0001\u0002');
    at >= 0;
    at = out.indexOf('PK\u0001\u0002', at + 4)
  ) {
    const nameLength = out.readUInt16LE(at + 28);
    if (out.toString('utf8', at + 46, at + 46 + nameLength) !== name) continue;
    out.writeUInt32LE(size, at + 24);
    const local = out.readUInt32LE(at + 42);
    out.writeUInt32LE(size, local + 22);
  }
  return out;
}

function fileState(): string[] {
  return [manager.file, `${manager.file}-wal`].map((f) =>
    fs.existsSync(f) ? sha256Hex(fs.readFileSync(f)) : 'absent',
  );
}

const LIMITS = { maxEntries: 32, maxInflatedBytes: 1024 * 1024 };

interface BadCase {
  name: string;
  code: ErrorCode;
  make: () => Promise<Buffer>;
  passphrase?: string;
  /** Words the English message must contain. */
  words: RegExp;
}

const CASES: BadCase[] = [
  {
    name: 'not a zip at all',
    code: 'PACKAGE_UNREADABLE',
    make: () => Promise.resolve(Buffer.from('hello, this is a text file')),
    words: /not a SurveyDesk exchange package/,
  },
  {
    name: 'a zip without a manifest',
    code: 'PACKAGE_UNREADABLE',
    make: () => rebuild(plain, (e) => e.delete('manifest.json')),
    words: /no manifest\.json/,
  },
  {
    name: 'a newer package format',
    code: 'PACKAGE_TOO_NEW',
    make: () => rebuild(plain, (e) => setManifest(e, (m) => (m.formatVersion = 2))),
    words: /Update SurveyDesk/,
  },
  {
    name: 'a changed record with the old checksum',
    code: 'PACKAGE_CHECKSUM',
    make: () =>
      rebuild(plain, (e) =>
        e.set(
          'responses.jsonl',
          Buffer.from(e.get('responses.jsonl')!.toString().replace('text 3', 'text 9')),
        ),
      ),
    words: /responses\.jsonl/,
  },
  {
    name: 'one flipped byte in an encrypted file',
    code: 'PACKAGE_CHECKSUM',
    passphrase: PASSPHRASE,
    make: async () => {
      const entries = await readZip(sealed, 'sealed');
      const body = entries.get('responses.jsonl.enc')!;
      const at = sealed.indexOf(body);
      expect(at).toBeGreaterThan(0);
      const copy = Buffer.from(sealed);
      copy[at + Math.floor(body.length / 2)]! ^= 0x01;
      return copy;
    },
    words: /damaged or was altered/,
  },
  {
    name: 'a package encrypted to another key',
    code: 'PACKAGE_WRONG_KEY',
    make: () => Promise.resolve(fs.readFileSync(path.join(dir, 'theirs.sdpkg'))),
    words: /encrypted to another key/,
  },
  {
    name: 'a wrong passphrase',
    code: 'PACKAGE_WRONG_PASSPHRASE',
    passphrase: 'not the passphrase',
    make: () => Promise.resolve(sealed),
    words: /Wrong passphrase/,
  },
  {
    name: 'zip slip (../ in a name)',
    code: 'PACKAGE_UNSAFE_PATH',
    make: async () =>
      renameInPlace(
        await rebuild(plain, (e) => e.set('zz/evil.txt', Buffer.from('x'))),
        'zz/evil.txt',
        '../evil.txt',
      ),
    words: /unsafe path \(\.\.\/evil\.txt\)/,
  },
  {
    name: 'an absolute path',
    code: 'PACKAGE_UNSAFE_PATH',
    make: async () =>
      renameInPlace(
        await rebuild(plain, (e) => e.set('zetc-passwd', Buffer.from('x'))),
        'zetc-passwd',
        '/etc/passwd',
      ),
    words: /unsafe path/,
  },
  {
    name: 'a symbolic link',
    code: 'PACKAGE_SYMLINK',
    make: async () => {
      const entries = await readZip(plain, 'plain');
      return writeZip(
        [
          ...[...entries].map(([name, data]) => ({ name, data, compress: true })),
          { name: 'link', data: Buffer.from('/etc/passwd'), compress: false, mode: 0o120777 },
        ],
        new Date('2026-01-01T00:00:00Z'),
      );
    },
    words: /symbolic link \(link\)/,
  },
  {
    name: 'too many entries',
    code: 'PACKAGE_TOO_MANY_ENTRIES',
    make: () =>
      rebuild(plain, (e) =>
        Array.from({ length: 40 }, (_, i) => e.set(`extra-${i}.txt`, Buffer.from('x'))),
      ),
    words: /too many entries \(47; at most 32\)/,
  },
  {
    name: 'more inflated bytes than allowed (a zip bomb)',
    code: 'PACKAGE_TOO_LARGE',
    make: () => rebuild(plain, (e) => e.set('zeros.txt', Buffer.alloc(3 * 1024 * 1024))),
    words: /more than 1 MB/,
  },
  {
    name: 'headers that lie about the size',
    code: 'PACKAGE_TOO_LARGE',
    make: async () =>
      lieAboutSize(
        await rebuild(plain, (e) => e.set('tiny.txt', Buffer.alloc(2 * 1024 * 1024, 0x41))),
        'tiny.txt',
        10,
      ),
    words: /more than 1 MB/,
  },
  {
    name: 'a nested archive by name',
    code: 'PACKAGE_NESTED_ARCHIVE',
    make: () => rebuild(plain, (e) => e.set('inner.zip', Buffer.from('not really'))),
    words: /another archive \(inner\.zip\)/,
  },
  {
    name: 'a nested archive by content',
    code: 'PACKAGE_NESTED_ARCHIVE',
    make: async () => {
      const inner = await writeZip(
        [{ name: 'a.txt', data: Buffer.from('a'), compress: true }],
        new Date('2026-01-01T00:00:00Z'),
      );
      return rebuild(plain, (e) => {
        e.set('waves.jsonl', inner);
        setManifest(e, () => undefined);
      });
    },
    words: /another archive \(waves\.jsonl\)/,
  },
  {
    name: 'an unexpected entry',
    code: 'PACKAGE_CONTENT',
    make: () => rebuild(plain, (e) => e.set('readme.txt', Buffer.from('hi'))),
    words: /unexpected entry readme\.txt/,
  },
  {
    name: 'a record that is not valid',
    code: 'PACKAGE_CONTENT',
    make: () =>
      rebuild(plain, (e) => {
        e.set(
          'responses.jsonl',
          Buffer.from(
            e
              .get('responses.jsonl')!
              .toString()
              .replace('"status":"complete"', '"status":"deleted"'),
          ),
        );
        setManifest(e, () => undefined);
      }),
    words: /responses line 1: response\.status/,
  },
  {
    name: 'deflate data that does not inflate',
    code: 'PACKAGE_UNREADABLE',
    make: async () => {
      const zip = Buffer.from(plain);
      const entries = await readZip(plain, 'plain');
      const stored = zlib.deflateRawSync(entries.get('responses.jsonl')!);
      const at = zip.indexOf(stored.subarray(0, 16));
      expect(at).toBeGreaterThan(0);
      zip.fill(0xff, at, at + 8);
      return zip;
    },
    words: /not a SurveyDesk exchange package/,
  },
];

describe('bad packages', () => {
  it('has a good package to start from, which imports', async () => {
    const before = fileState();
    const preview = await inspectPackage(manager.db, plain, 'plain.sdpkg', {
      keys: keyRing(manager.db),
      backupsDir: null,
    });
    expect(preview.totals.new).toBe(5);
    expect(fileState()).toEqual(before);
  });

  for (const bad of CASES) {
    it(`refuses ${bad.name} with ${bad.code}, the database unchanged`, async () => {
      const bytes = await bad.make();
      const before = fileState();
      const error = await importPackage(manager.db, bytes, 'bad.sdpkg', {
        keys: keyRing(manager.db),
        passphrase: bad.passphrase,
        backupsDir: path.join(dir, 'backups'),
        limits: LIMITS,
      }).then(
        () => null,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).code).toBe(bad.code);
      const en = createI18n('en').t(`errors.${bad.code}`, (error as AppError).params);
      const zh = createI18n('zh-CN').t(`errors.${bad.code}`, (error as AppError).params);
      expect(en).toMatch(bad.words);
      expect(zh).toMatch(/[\u4e00-\u9fff]/);
      expect(zh).not.toBe(en);
      expect(fileState()).toEqual(before);
      expect(fs.existsSync(path.join(dir, 'backups'))).toBe(false);
    });
  }

  it('gives every cause its own message', () => {
    const codes = new Set(CASES.map((c) => c.code));
    expect(codes.size).toBe(11);
    const texts = [...codes].map((code) =>
      createI18n('en').t(`errors.${code}`, {
        name: 'x',
        detail: 'y',
        entry: 'z',
        count: 1,
        max: 2,
        found: 3,
        known: 1,
        fingerprint: 'f',
      }),
    );
    expect(new Set(texts).size).toBe(texts.length);
  });

  it('still imports the good package afterwards', async () => {
    const result = await importInto(manager, plain);
    expect(result.preview.totals.new).toBe(5);
  });
});
