/**
 * Exchange packages between machines: keys, inspecting a package (verification + preview), the
 * import log and conflicts. Writing and applying a package are jobs (`package.export`,
 * `package.import` in shared/contract.ts) because they take a while and can be cancelled.
 */
import { z } from 'zod';
import type {
  ConflictView,
  ImportLogEntry,
  KeysStatus,
  LastExport,
  PackagePreview,
  RecipientKeyInfo,
} from '../sync';
import { method, noInput } from './method';

/** Packages up to 200 MB; base64 takes four characters for every three bytes. */
export const PACKAGE_MAX_BYTES = 200 * 1024 * 1024;

const absolutePath = z
  .string()
  .max(4096)
  .regex(/^(\/|[A-Za-z]:[\\/]|\\\\)/, 'an absolute path');

/** A package from a path (desktop, CLI) or sent as bytes (the browser's file picker). */
export const packageSource = z.union([
  z.strictObject({ path: absolutePath }),
  z.strictObject({
    fileName: z.string().min(1).max(255),
    dataBase64: z.string().max(Math.ceil(PACKAGE_MAX_BYTES / 3) * 4 + 4),
  }),
]);

/** A passphrase: of a package (passphrase mode) or of this machine's private key (key mode). */
export const passphrase = z.string().min(1).max(1024);

/** The passphrase protecting a new private key or a passphrase-mode package: at least 8 characters. */
export const newPassphrase = z.string().min(8).max(1024);

const encryption = z.discriminatedUnion('mode', [
  /** To a recipient's public key (the manager's), the default when one is known. */
  z.strictObject({ mode: z.literal('key'), recipientId: z.string().min(1).max(100) }),
  z.strictObject({ mode: z.literal('passphrase'), passphrase: newPassphrase }),
  /** No encryption: anyone holding the file can read the personal data in it. */
  z.strictObject({ mode: z.literal('none') }),
]);

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

/** What a package holds: every response, those changed since the last export to the same destination, or a date range. */
const exportScope = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('all') }),
  /** Changed since the last export of this survey to the same recipient key (or the same mode: passphrase / none). */
  z.strictObject({ kind: z.literal('since-last') }),
  /** Responses started between the two dates (inclusive, local dates of the responses' timestamps). */
  z.strictObject({ kind: z.literal('range'), from: isoDate, to: isoDate }),
  /** Only the questionnaire (published versions and waves): manager -> field laptops. */
  z.strictObject({ kind: z.literal('questionnaire') }),
]);

/** The input of the `package.export` job (the part after `kind`). */
export const packageExportFields = {
  surveyId: z.uuid(),
  scope: exportScope,
  encryption,
  /** Absolute; written as `<path>.partial` and renamed when complete. */
  path: absolutePath,
};

/** The input of the `package.import` job (the part after `kind`). */
export const packageImportFields = {
  source: packageSource,
  passphrase: passphrase.optional(),
  /** Verify and preview only; nothing is written. */
  dryRun: z.boolean().default(false),
};

export const syncMethods = {
  /** This machine's key pair (if any) and the recipient keys it knows. */
  'sync.keys': method<KeysStatus>()(noInput),
  /** Makes this machine's key pair (the manager's); the private key is kept encrypted with the passphrase. */
  'sync.createKeyPair': method<KeysStatus>()(
    z.strictObject({
      name: z.string().trim().min(1).max(100),
      passphrase: newPassphrase,
      /** Replace an existing key pair: packages encrypted to the old key can no longer be read. */
      replace: z.boolean().default(false),
    }),
  ),
  /** Writes this machine's public key as a small file (`.sdkey`) for the field laptops. */
  'sync.exportPublicKey': method<{ path: string; fingerprint: string }>()(
    z.strictObject({ path: absolutePath }),
  ),
  /** The public key file's text, for the browser host to offer as a download. */
  'sync.publicKeyFile': method<{ fileName: string; text: string; fingerprint: string }>()(noInput),
  /** Adds a recipient's public key (from its `.sdkey` file or a PEM file). */
  'sync.importRecipientKey': method<RecipientKeyInfo>()(
    z.strictObject({
      source: packageSource,
      /** Defaults to the name in the key file. */
      name: z.string().trim().min(1).max(100).optional(),
    }),
  ),
  'sync.removeRecipientKey': method<{ removed: true }>()(
    z.strictObject({ id: z.string().min(1).max(100) }),
  ),
  /**
   * Verifies a package completely (format, limits, checksums, decryption) and previews what
   * applying it would do; writes nothing. `passphrase`: of the package, or of this machine's
   * private key when the package is encrypted to it.
   */
  'sync.inspect': method<PackagePreview>()(
    z.strictObject({ source: packageSource, passphrase: passphrase.optional() }),
  ),
  /** The last export of a survey to each destination (recipient key, passphrase, none). */
  'sync.lastExports': method<LastExport[]>()(z.strictObject({ surveyId: z.uuid() })),
  /** Every package imported, newest first (a refused package changes nothing, not even the log). */
  'sync.log': method<ImportLogEntry[]>()(
    z.strictObject({ limit: z.number().int().min(1).max(1000).default(200) }),
  ),
  /** Responses held in two versions that no revision links: open ones first. */
  'sync.conflicts': method<ConflictView[]>()(
    z.strictObject({ status: z.enum(['open', 'resolved', 'all']).default('open') }),
  ),
  /** Keeps the version held now (ours) or takes the other (theirs), as a new revision that wins everywhere. */
  'sync.resolveConflict': method<ConflictView>()(
    z.strictObject({ id: z.number().int().min(1), keep: z.enum(['ours', 'theirs']) }),
  ),
};
