/**
 * Keys: this machine's key pair (the manager's; private key encrypted with a passphrase, and the
 * passphrase optionally sealed by the OS keychain through `Keychain`) and recipients' public keys.
 */
import { randomUUID, type KeyObject } from 'node:crypto';
import { AppError } from '../../shared/errors';
import { PUBLIC_KEY_EXTENSION, type KeysStatus, type RecipientKeyInfo } from '../../shared/sync';
import type { Db } from '../db/connection';
import { checkPublicKey, fingerprintOf, generateKeyPair, unlockPrivateKey } from './crypto';

/** Electron's safeStorage, when the shell provides it (not wired in the browser host or the CLI). */
export interface Keychain {
  isAvailable: () => boolean;
  encrypt: (text: string) => Buffer;
  decrypt: (sealed: Buffer) => string;
}

interface KeyPairRow {
  name: string;
  fingerprint: string;
  public_key: string;
  private_key: string;
  keychain_secret: Buffer | null;
  created_at: string;
}

const KEY_FILE_TYPE = 'surveydesk-public-key';

export function keysStatus(db: Db, keychain?: Keychain): KeysStatus {
  const own = db.prepare<[], KeyPairRow>('SELECT * FROM sync_keypair WHERE id = 1').get();
  const recipients = db
    .prepare<[], { id: string; name: string; fingerprint: string; added_at: string }>(
      'SELECT id, name, fingerprint, added_at FROM sync_recipients ORDER BY added_at, id',
    )
    .all();
  return {
    own: own
      ? {
          name: own.name,
          fingerprint: own.fingerprint,
          createdAt: own.created_at,
          inKeychain: own.keychain_secret !== null,
        }
      : null,
    recipients: recipients.map((r) => ({
      id: r.id,
      name: r.name,
      fingerprint: r.fingerprint,
      addedAt: r.added_at,
    })),
    keychainAvailable: keychain?.isAvailable() ?? false,
  };
}

export function createKeyPair(
  db: Db,
  input: { name: string; passphrase: string; replace: boolean },
  options: { keychain?: Keychain; now?: Date } = {},
): KeysStatus {
  const exists = db.prepare('SELECT 1 FROM sync_keypair WHERE id = 1').get();
  if (exists && !input.replace)
    throw new AppError('CONFLICT', { reason: 'this machine already has a key pair' });
  const pair = generateKeyPair(input.passphrase);
  const sealed = options.keychain?.isAvailable()
    ? options.keychain.encrypt(input.passphrase)
    : null;
  db.prepare(
    `INSERT INTO sync_keypair (id, name, fingerprint, public_key, private_key, keychain_secret, created_at) VALUES (1, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (id) DO UPDATE SET name = excluded.name, fingerprint = excluded.fingerprint, public_key = excluded.public_key,
       private_key = excluded.private_key, keychain_secret = excluded.keychain_secret, created_at = excluded.created_at`,
  ).run(
    input.name,
    fingerprintOf(pair.publicKey),
    pair.publicKey,
    pair.privateKey,
    sealed,
    (options.now ?? new Date()).toISOString(),
  );
  return keysStatus(db, options.keychain);
}

/** The `.sdkey` file: a small JSON document with the name, fingerprint and PEM public key. */
export function publicKeyFile(db: Db): { fileName: string; text: string; fingerprint: string } {
  const own = db.prepare<[], KeyPairRow>('SELECT * FROM sync_keypair WHERE id = 1').get();
  if (!own) throw new AppError('NO_KEY_PAIR');
  const text = `${JSON.stringify({ type: KEY_FILE_TYPE, name: own.name, fingerprint: own.fingerprint, publicKey: own.public_key }, null, 2)}\n`;
  const safeName =
    own.name.replace(/[^\p{L}\p{N}_-]+/gu, '-').replace(/^-+|-+$/g, '') || 'surveydesk';
  return { fileName: `${safeName}.${PUBLIC_KEY_EXTENSION}`, text, fingerprint: own.fingerprint };
}

/** Reads a `.sdkey` file or a bare PEM public key. */
export function parsePublicKeyFile(data: Buffer): { name: string | null; publicKey: string } {
  if (data.length > 64 * 1024)
    throw new AppError('KEY_INVALID', { detail: 'the file is too large for a key' });
  const text = data
    .toString('utf8')
    .replace(/^\uFEFF/, '')
    .trim();
  if (text.startsWith('{')) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch (error) {
      throw new AppError('KEY_INVALID', { detail: (error as Error).message });
    }
    const doc = parsed as {
      type?: unknown;
      name?: unknown;
      publicKey?: unknown;
      fingerprint?: unknown;
    };
    if (doc.type !== KEY_FILE_TYPE || typeof doc.publicKey !== 'string') {
      throw new AppError('KEY_INVALID', { detail: 'not a SurveyDesk public key file' });
    }
    const publicKey = checkPublicKey(doc.publicKey);
    if (typeof doc.fingerprint === 'string' && doc.fingerprint !== fingerprintOf(publicKey)) {
      throw new AppError('KEY_INVALID', { detail: 'the fingerprint does not match the key' });
    }
    return { name: typeof doc.name === 'string' ? doc.name.slice(0, 100) : null, publicKey };
  }
  if (text.includes('PRIVATE KEY'))
    throw new AppError('KEY_INVALID', {
      detail: 'this is a private key; give only the public key file',
    });
  return { name: null, publicKey: checkPublicKey(text) };
}

export function importRecipientKey(
  db: Db,
  data: Buffer,
  name: string | undefined,
  now = new Date(),
): RecipientKeyInfo {
  const parsed = parsePublicKeyFile(data);
  const fingerprint = fingerprintOf(parsed.publicKey);
  const existing = db
    .prepare<[string], { id: string; name: string; added_at: string }>(
      'SELECT id, name, added_at FROM sync_recipients WHERE fingerprint = ?',
    )
    .get(fingerprint);
  const finalName = name ?? parsed.name ?? fingerprint.slice(0, 9);
  if (existing) {
    db.prepare('UPDATE sync_recipients SET name = ? WHERE id = ?').run(finalName, existing.id);
    return { id: existing.id, name: finalName, fingerprint, addedAt: existing.added_at };
  }
  const id = randomUUID();
  db.prepare(
    'INSERT INTO sync_recipients (id, name, fingerprint, public_key, added_at) VALUES (?, ?, ?, ?, ?)',
  ).run(id, finalName, fingerprint, parsed.publicKey, now.toISOString());
  return { id, name: finalName, fingerprint, addedAt: now.toISOString() };
}

export function removeRecipientKey(db: Db, id: string): void {
  const result = db.prepare('DELETE FROM sync_recipients WHERE id = ?').run(id);
  if (result.changes === 0) throw new AppError('NOT_FOUND', { what: `recipient key ${id}` });
}

/** What reading a key-mode package needs: this machine's fingerprint and a way to unlock its private key. */
export interface KeyRing {
  fingerprint: string | null;
  unlock: (passphrase: string | undefined) => KeyObject;
}

export function keyRing(db: Db, keychain?: Keychain): KeyRing {
  const own = db.prepare<[], KeyPairRow>('SELECT * FROM sync_keypair WHERE id = 1').get();
  return {
    fingerprint: own?.fingerprint ?? null,
    unlock: (passphrase) => {
      if (!own) throw new AppError('NO_KEY_PAIR');
      let secret = passphrase;
      if (secret === undefined && own.keychain_secret && keychain?.isAvailable()) {
        try {
          secret = keychain.decrypt(own.keychain_secret);
        } catch {
          secret = undefined;
        }
      }
      if (secret === undefined) throw new AppError('KEY_PASSPHRASE_REQUIRED');
      return unlockPrivateKey(own.private_key, secret);
    },
  };
}
