/**
 * Exchange packages between machines (issue #7): what the renderer, the CLI and main share about
 * keys, package manifests, the import preview, the import log and conflicts. The package format
 * itself is described in main/sync/format.ts.
 */

/** The package format this version writes and the newest it can read. */
export const PACKAGE_FORMAT_VERSION = 1;
/** File name extension of exchange packages. */
export const PACKAGE_EXTENSION = 'sdpkg';
/** File name extension of a public key file handed to field laptops. */
export const PUBLIC_KEY_EXTENSION = 'sdkey';

export type PackageEncryption = 'key' | 'passphrase' | 'none';

/** This machine's key pair (the manager's); the private key never leaves main, and only encrypted. */
export interface OwnKeyInfo {
  name: string;
  /** SHA-256 of the public key (SPKI DER), hex in groups of four: "3f2a 9c01 ...". */
  fingerprint: string;
  createdAt: string;
  /** True when the OS keychain (Electron safeStorage) also holds the passphrase, so imports need none. */
  inKeychain: boolean;
}

/** A public key of a recipient (the manager) that packages from this machine can be encrypted to. */
export interface RecipientKeyInfo {
  id: string;
  name: string;
  fingerprint: string;
  addedAt: string;
}

export interface KeysStatus {
  own: OwnKeyInfo | null;
  recipients: RecipientKeyInfo[];
  /** Whether this runtime can keep secrets in the OS keychain (Electron safeStorage). */
  keychainAvailable: boolean;
}

/** Record counts of a package (the only thing the manifest says about its content). */
export interface PackageCounts {
  surveys: number;
  versions: number;
  waves: number;
  customers: number;
  responses: number;
  answers: number;
  tombstones: number;
}

/** The readable part of a package, known before decryption. */
export interface PackageManifestInfo {
  packageId: string;
  formatVersion: number;
  appVersion: string;
  /** The machine that wrote the package. */
  deviceId: string;
  createdAt: string;
  encryption: PackageEncryption;
  /** The fingerprint of the key it is encrypted to (encryption 'key'), else null. */
  recipientFingerprint: string | null;
  counts: PackageCounts;
}

/** What applying a package does to responses. */
export interface MergeCounts {
  /** Not here yet: added. */
  new: number;
  /** A newer revision of a response we hold: replaces it. */
  updated: number;
  /** The same revision we already hold (or the package was already applied). */
  unchanged: number;
  /** An older revision of one we hold: ignored. */
  older: number;
  /** Same id, different content and no revision link: kept aside for a decision. */
  conflicts: number;
  /** Erased here or by a tombstone in the package: not brought back / removed. */
  erased: number;
}

/** One line of the preview: responses of one survey collected on one device. */
export interface PreviewGroup {
  surveyId: string;
  surveyCode: string;
  surveyTitle: string;
  /** The device that collected the responses (may differ from the package's device if relayed). */
  deviceId: string;
  counts: MergeCounts;
}

export interface PreviewSurvey {
  surveyId: string;
  code: string;
  title: string;
  /** The survey itself is new on this machine (a questionnaire distributed to a laptop). */
  isNew: boolean;
  /** Its title or archived state is newer in the package. */
  updated: boolean;
  /** Published versions not held here yet. */
  newVersions: number;
  newWaves: number;
}

/** Verification passed; what applying the package would do (or did). */
export interface PackagePreview {
  manifest: PackageManifestInfo;
  /** This package id is already in the import log as applied; applying again changes nothing. */
  alreadyApplied: boolean;
  surveys: PreviewSurvey[];
  groups: PreviewGroup[];
  totals: MergeCounts;
  customers: { new: number; updated: number; unchanged: number; erased: number };
  /** earlier: erased here too, but earlier there (the earlier erasure is kept, the same everywhere). */
  tombstones: { new: number; known: number; earlier: number };
}

export type ImportOutcome = 'applied' | 'unchanged' | 'rejected';

/** One line of the import log. */
export interface ImportLogEntry {
  id: number;
  packageId: string | null;
  /** The device that wrote the package (null when it could not be read). */
  deviceId: string | null;
  packageCreatedAt: string | null;
  importedAt: string;
  fileName: string;
  outcome: ImportOutcome;
  totals: MergeCounts | null;
  /** For a rejected package: the error code and its message in the language of the import. */
  error: { code: string; message: string } | null;
}

/** The result of the `package.import` job. */
export interface PackageImportResult {
  dryRun: boolean;
  preview: PackagePreview;
  /** The automatic backup made before applying (null for a dry run or when nothing changed). */
  backupPath: string | null;
  logId: number | null;
}

/**
 * The last export of a survey to a destination: "since the last export" counts from it. The
 * destination is the recipient's key (`key:<fingerprint>`), else the mode ('passphrase', 'none').
 */
export interface LastExport {
  destination: string;
  mode: PackageEncryption;
  /** The recipient key (mode 'key') when it is still known here. */
  recipientId: string | null;
  exportedAt: string;
  packageId: string;
}

/** The result of the `package.export` job. */
export interface PackageExportResult {
  path: string;
  packageId: string;
  encryption: PackageEncryption;
  counts: PackageCounts;
  sizeBytes: number;
}

export type AnswerValueView = number | string | string[] | null;

/** One version of a response as the conflict view shows it. */
export interface ResponseVersionView {
  revision: number;
  replacesRevision: number | null;
  deviceId: string;
  interviewer: string | null;
  status: string;
  updatedAt: string;
  completedAt: string | null;
  notes: string;
  answers: Record<string, AnswerValueView>;
}

export interface ConflictView {
  id: number;
  responseId: string;
  surveyId: string | null;
  surveyCode: string | null;
  /** The version held in the responses table now. */
  ours: ResponseVersionView;
  /** The other version, kept aside. */
  theirs: ResponseVersionView;
  /** Variables whose answers differ. */
  differing: string[];
  packageId: string | null;
  detectedAt: string;
  status: 'open' | 'resolved';
  resolution: 'ours' | 'theirs' | null;
  resolvedAt: string | null;
}

/** Where a package to inspect or import comes from: a path (desktop, CLI) or bytes (browser). */
export type PackageSource = { path: string } | { fileName: string; dataBase64: string };
