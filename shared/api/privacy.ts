/** Personal-data rights (search, export, erase, retention) and backups to and from chosen files. */
import { z } from 'zod';
import {
  ERASE_MODES,
  RETENTION_MAX_DAYS,
  RETENTION_MIN_DAYS,
  type BackupFileResult,
  type EraseResult,
  type PersonRecord,
  type PersonSearchResult,
  type PurgeResult,
  type RestoreFileResult,
  type RetentionStatus,
} from '../privacy';
import { method, noInput } from './method';

const subject = z
  .strictObject({
    customerIds: z.array(z.uuid()).max(50).default([]),
    responseIds: z.array(z.uuid()).max(500).default([]),
  })
  .refine((s) => s.customerIds.length + s.responseIds.length > 0, {
    message: 'choose at least one customer or response',
  });

export const privacyMethods = {
  /** Customers and responses matching a code, name, phone number or e-mail, in every survey. */
  'privacy.search': method<PersonSearchResult>()(
    z.strictObject({ query: z.string().trim().min(1).max(100) }),
  ),
  /** Everything stored about the chosen customers and responses. */
  'privacy.person': method<PersonRecord>()(z.strictObject({ subject })),
  /** Writes the person's data as JSON or XLSX where the user chooses; path null = cancelled. */
  'privacy.export': method<{ path: string | null }>()(
    z.strictObject({ subject, format: z.enum(['json', 'xlsx']) }),
  ),
  /** Erases the person after a backup, in one transaction, leaving tombstones and an audit entry. */
  'privacy.erase': method<EraseResult>()(
    z.strictObject({ subject, mode: z.enum(ERASE_MODES), confirm: z.literal(true) }),
  ),
  'privacy.retention': method<RetentionStatus>()(noInput),
  /** Sets the retention period in days; null turns retention off. */
  'privacy.setRetention': method<RetentionStatus>()(
    z.strictObject({
      days: z.number().int().min(RETENTION_MIN_DAYS).max(RETENTION_MAX_DAYS).nullable(),
    }),
  ),
  /** Purges personal fields older than the retention period now. */
  'privacy.purge': method<PurgeResult>()(noInput),
  /** Backs the database up into a file chosen in the save dialog; null = cancelled. */
  'database.backupToFile': method<{ saved: BackupFileResult | null }>()(noInput),
  /**
   * Replaces all data with a backup: one from the backups folder (`backupPath`), or a file chosen
   * in the open dialog. The current data is kept in a file beside the database.
   */
  'database.restoreFile': method<{ restored: RestoreFileResult | null }>()(
    z.strictObject({ backupPath: z.string().min(1).max(4096).optional() }),
  ),
};
