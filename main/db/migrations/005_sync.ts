import type { Migration } from './types';

/**
 * Sync between machines and personal-data rights: tombstones of erased records (they travel in
 * exchange packages so an erased response stays erased), plus the sync bookkeeping tables added by
 * main/sync (import log, export marks, conflicts).
 */
export const migration005: Migration = {
  version: 5,
  name: 'sync and erasure',
  up: (db) => {
    db.exec(`
      -- entity: 'response' | 'customer'. A tombstone is never removed.
      CREATE TABLE tombstones (
        entity    TEXT NOT NULL CHECK (entity IN ('response', 'customer')),
        entity_id TEXT NOT NULL,
        erased_at TEXT NOT NULL,
        device_id TEXT NOT NULL,
        reason    TEXT NOT NULL DEFAULT '',
        PRIMARY KEY (entity, entity_id)
      ) STRICT, WITHOUT ROWID;
    `);
  },
};
