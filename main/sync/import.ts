/**
 * Inspecting and importing a package: verify everything (read.ts), preview (merge.ts without
 * writing), then, for an import, an automatic backup and one transaction that applies the package
 * and writes the import log. A package already applied (same manifest, hence same bytes of every
 * entry) changes nothing and is not even decrypted again. A refused package writes nothing at all.
 */
import type { Db } from '../db/connection';
import { createBackup } from '../db/backups';
import type {
  ImportLogEntry,
  MergeCounts,
  PackageImportResult,
  PackagePreview,
} from '../../shared/sync';
import { sha256Hex } from './crypto';
import { MANIFEST, type Manifest } from './format';
import type { KeyRing } from './keys';
import { emptyCounts, mergePackage } from './merge';
import { openEntries, parseManifest, verifyEntries } from './read';
import { readZip, type ZipLimits } from './zip';

export interface ImportOptions {
  keys: KeyRing;
  passphrase?: string;
  dryRun?: boolean;
  /** Where the automatic backup before applying goes; null: no backup (tests of the merge only). */
  backupsDir: string | null;
  now?: () => Date;
  limits?: ZipLimits;
  signal?: AbortSignal;
  onProgress?: (done: number, total: number) => void;
}

function manifestInfo(manifest: Manifest): PackagePreview['manifest'] {
  return {
    packageId: manifest.packageId,
    formatVersion: manifest.formatVersion,
    appVersion: manifest.appVersion,
    deviceId: manifest.deviceId,
    createdAt: manifest.createdAt,
    encryption: manifest.encryption.mode,
    recipientFingerprint:
      manifest.encryption.mode === 'key' ? manifest.encryption.recipientFingerprint : null,
    counts: manifest.counts,
  };
}

function appliedBefore(db: Db, packageId: string, manifestSha: string): boolean {
  return (
    db
      .prepare<[string, string], { id: number }>(
        `SELECT id FROM sync_imports WHERE package_id = ? AND manifest_sha256 = ? AND outcome = 'applied' LIMIT 1`,
      )
      .get(packageId, manifestSha) !== undefined
  );
}

/** The preview of a package applied before: everything in it is unchanged. */
function unchangedPreview(manifest: Manifest): PackagePreview {
  return {
    manifest: manifestInfo(manifest),
    alreadyApplied: true,
    surveys: [],
    groups: [],
    totals: { ...emptyCounts(), unchanged: manifest.counts.responses },
    customers: { new: 0, updated: 0, unchanged: manifest.counts.customers, erased: 0 },
    tombstones: { new: 0, known: manifest.counts.tombstones, earlier: 0 },
  };
}

function hasChanges(preview: PackagePreview): boolean {
  const t = preview.totals;
  return (
    t.new + t.updated + t.erased + t.conflicts > 0 ||
    preview.customers.new + preview.customers.updated + preview.customers.erased > 0 ||
    preview.tombstones.new + preview.tombstones.earlier > 0 ||
    preview.surveys.some((s) => s.isNew || s.updated || s.newVersions > 0 || s.newWaves > 0)
  );
}

/** Verifies a package and previews what importing it would do; writes nothing. */
export async function inspectPackage(
  db: Db,
  bytes: Buffer,
  fileName: string,
  options: ImportOptions,
): Promise<PackagePreview> {
  const entries = await readZip(bytes, fileName, options.limits);
  const manifest = parseManifest(entries, fileName);
  const manifestSha = sha256Hex(entries.get(MANIFEST)!);
  const opened = openEntries(entries, fileName, options);
  const now = options.now ?? (() => new Date());
  const plan = db.transaction(() =>
    mergePackage(db, opened.manifest, opened.data, {
      write: false,
      now,
      signal: options.signal,
      onProgress: options.onProgress,
    }),
  )();
  return {
    manifest: manifestInfo(manifest),
    alreadyApplied: appliedBefore(db, manifest.packageId, manifestSha),
    ...plan,
  };
}

/** Verifies, then (unless a dry run) backs up and applies the package in one transaction. */
export async function importPackage(
  db: Db,
  bytes: Buffer,
  fileName: string,
  options: ImportOptions,
): Promise<PackageImportResult> {
  const now = options.now ?? (() => new Date());
  const entries = await readZip(bytes, fileName, options.limits);
  const manifest = parseManifest(entries, fileName);
  const manifestSha = sha256Hex(entries.get(MANIFEST)!);
  if (appliedBefore(db, manifest.packageId, manifestSha)) {
    // Same manifest = same checksums = the same bytes we applied: nothing to do. Checked anyway:
    verifyEntries(entries, manifest);
    const preview = unchangedPreview(manifest);
    if (options.dryRun) return { dryRun: true, preview, backupPath: null, logId: null };
    const logId = writeLog(db, manifest, manifestSha, fileName, 'unchanged', preview.totals, now());
    return { dryRun: false, preview, backupPath: null, logId };
  }
  const opened = openEntries(entries, fileName, options);
  const plan = db.transaction(() =>
    mergePackage(db, opened.manifest, opened.data, { write: false, now, signal: options.signal }),
  )();
  const preview: PackagePreview = {
    manifest: manifestInfo(manifest),
    alreadyApplied: false,
    ...plan,
  };
  if (options.dryRun) return { dryRun: true, preview, backupPath: null, logId: null };
  if (!hasChanges(preview)) {
    const logId = writeLog(db, manifest, manifestSha, fileName, 'unchanged', preview.totals, now());
    return { dryRun: false, preview, backupPath: null, logId };
  }
  const backup = options.backupsDir
    ? await createBackup(db, options.backupsDir, {
        reason: 'import',
        now: now(),
        signal: options.signal,
      })
    : null;
  const applied = db.transaction(() => {
    const result = mergePackage(db, opened.manifest, opened.data, {
      write: true,
      now,
      signal: options.signal,
      onProgress: options.onProgress,
    });
    const logId = writeLog(db, manifest, manifestSha, fileName, 'applied', result.totals, now());
    return { result, logId };
  })();
  return {
    dryRun: false,
    preview: { ...preview, ...applied.result },
    backupPath: backup?.path ?? null,
    logId: applied.logId,
  };
}

function writeLog(
  db: Db,
  manifest: Manifest,
  manifestSha: string,
  fileName: string,
  outcome: 'applied' | 'unchanged',
  totals: MergeCounts,
  at: Date,
): number {
  const result = db
    .prepare(
      `INSERT INTO sync_imports (package_id, manifest_sha256, device_id, package_created_at, imported_at, file_name, outcome, totals, error)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, NULL)`,
    )
    .run(
      manifest.packageId,
      manifestSha,
      manifest.deviceId,
      manifest.createdAt,
      at.toISOString(),
      fileName.slice(0, 255),
      outcome,
      JSON.stringify(totals),
    );
  return Number(result.lastInsertRowid);
}

export function importLog(db: Db, limit: number): ImportLogEntry[] {
  const rows = db
    .prepare<
      [number],
      {
        id: number;
        package_id: string | null;
        device_id: string | null;
        package_created_at: string | null;
        imported_at: string;
        file_name: string;
        outcome: ImportLogEntry['outcome'];
        totals: string | null;
        error: string | null;
      }
    >('SELECT * FROM sync_imports ORDER BY imported_at DESC, id DESC LIMIT ?')
    .all(limit);
  return rows.map((r) => ({
    id: r.id,
    packageId: r.package_id,
    deviceId: r.device_id,
    packageCreatedAt: r.package_created_at,
    importedAt: r.imported_at,
    fileName: r.file_name,
    outcome: r.outcome,
    totals: r.totals ? (JSON.parse(r.totals) as MergeCounts) : null,
    error: r.error ? (JSON.parse(r.error) as { code: string; message: string }) : null,
  }));
}
