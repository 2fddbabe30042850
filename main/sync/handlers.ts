import fs from 'node:fs';
import type { JobStartInput } from '../../shared/contract';
import type { ServiceContext } from '../api/context';
import type { HandlersFor } from '../api/handlers';
import { getSettings } from '../services/settings';
import { listConflicts, resolveConflict } from './conflicts';
import { lastExports } from './export';
import { importLog, inspectPackage } from './import';
import {
  createKeyPair,
  importRecipientKey,
  keyRing,
  keysStatus,
  publicKeyFile,
  removeRecipientKey,
} from './keys';
import { parseManifest } from './read';
import { readSource } from './source';
import { readZip } from './zip';

export const syncHandlers: HandlersFor<'sync.'> = {
  'sync.keys': (_input, ctx) => keysStatus(ctx.db, ctx.platform.keychain),
  'sync.createKeyPair': (input, ctx) =>
    createKeyPair(ctx.db, input, { keychain: ctx.platform.keychain }),
  'sync.exportPublicKey': (input, ctx) => {
    const file = publicKeyFile(ctx.db);
    fs.writeFileSync(input.path, file.text, 'utf8');
    return { path: input.path, fingerprint: file.fingerprint };
  },
  'sync.publicKeyFile': (_input, ctx) => publicKeyFile(ctx.db),
  'sync.importRecipientKey': (input, ctx) =>
    importRecipientKey(ctx.db, readSource(input.source).bytes, input.name),
  'sync.removeRecipientKey': (input, ctx) => {
    removeRecipientKey(ctx.db, input.id);
    return { removed: true as const };
  },
  'sync.inspect': (input, ctx) => {
    const { bytes, fileName } = readSource(input.source);
    return inspectPackage(ctx.db, bytes, fileName, {
      keys: keyRing(ctx.db, ctx.platform.keychain),
      passphrase: input.passphrase,
      backupsDir: null,
    });
  },
  'sync.lastExports': (input, ctx) => lastExports(ctx.db, input.surveyId),
  'sync.log': (input, ctx) => importLog(ctx.db, input.limit),
  'sync.conflicts': (input, ctx) => listConflicts(ctx.db, input.status),
  'sync.resolveConflict': (input, ctx) =>
    resolveConflict(ctx.db, input.id, input.keep, getSettings(ctx.db).operatorName),
};

/**
 * Before a `package.import` job starts: a package encrypted to this machine's key, sent without a
 * passphrase, gets the private key's passphrase from the OS keychain (when the shell provides
 * one), because the job's worker thread cannot reach the keychain itself.
 */
export async function withKeychainPassphrase(
  input: JobStartInput,
  ctx: ServiceContext,
): Promise<JobStartInput> {
  const keychain = ctx.platform.keychain;
  if (input.kind !== 'package.import' || input.passphrase !== undefined || !keychain?.isAvailable())
    return input;
  const own = ctx.db
    .prepare<[], { fingerprint: string; keychain_secret: Buffer | null }>(
      'SELECT fingerprint, keychain_secret FROM sync_keypair WHERE id = 1',
    )
    .get();
  if (!own?.keychain_secret) return input;
  try {
    const { bytes, fileName } = readSource(input.source);
    const manifest = parseManifest(await readZip(bytes, fileName), fileName);
    if (
      manifest.encryption.mode !== 'key' ||
      manifest.encryption.recipientFingerprint !== own.fingerprint
    )
      return input;
    return { ...input, passphrase: keychain.decrypt(own.keychain_secret) };
  } catch {
    // The job reads the package again and reports what is wrong with it.
    return input;
  }
}
