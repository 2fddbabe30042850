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

      -- This machine's key pair (the manager's). The private key is an encrypted PKCS#8 PEM
      -- (passphrase); keychain_secret is the passphrase sealed by the OS keychain, when wired.
      CREATE TABLE sync_keypair (
        id              INTEGER PRIMARY KEY CHECK (id = 1),
        name            TEXT NOT NULL,
        fingerprint     TEXT NOT NULL,
        public_key      TEXT NOT NULL,
        private_key     TEXT NOT NULL,
        keychain_secret BLOB,
        created_at      TEXT NOT NULL
      ) STRICT;

      -- Public keys that packages written here can be encrypted to.
      CREATE TABLE sync_recipients (
        id          TEXT PRIMARY KEY,
        name        TEXT NOT NULL,
        fingerprint TEXT NOT NULL UNIQUE,
        public_key  TEXT NOT NULL,
        added_at    TEXT NOT NULL
      ) STRICT;

      -- Every package imported (refused ones change nothing, not even this log). totals: MergeCounts JSON; error: {code, message} JSON.
      CREATE TABLE sync_imports (
        id                 INTEGER PRIMARY KEY,
        package_id         TEXT,
        manifest_sha256    TEXT,
        device_id          TEXT,
        package_created_at TEXT,
        imported_at        TEXT NOT NULL,
        file_name          TEXT NOT NULL,
        outcome            TEXT NOT NULL CHECK (outcome IN ('applied', 'unchanged', 'rejected')),
        totals             TEXT,
        error              TEXT
      ) STRICT;
      CREATE INDEX sync_imports_by_package ON sync_imports (package_id);

      -- The last export of a survey to a destination (a recipient key or a folder): "since last".
      CREATE TABLE sync_exports (
        survey_id   TEXT NOT NULL,
        destination TEXT NOT NULL,
        exported_at TEXT NOT NULL,
        package_id  TEXT NOT NULL,
        PRIMARY KEY (survey_id, destination)
      ) STRICT, WITHOUT ROWID;

      -- The lineage of the response held here: every (revision, content hash) it descends from,
      -- as recorded when a revision left this machine or arrived here. A package carries it so the
      -- receiver can tell a newer revision of its own version from a fork.
      CREATE TABLE sync_revisions (
        response_id TEXT NOT NULL,
        revision    INTEGER NOT NULL,
        hash        TEXT NOT NULL,
        PRIMARY KEY (response_id, revision, hash)
      ) STRICT, WITHOUT ROWID;

      -- When a response version arrived here from a package (its updated_at is the sender's), so
      -- "since the last export" also passes on what this machine relays.
      CREATE TABLE sync_arrivals (
        response_id TEXT PRIMARY KEY,
        arrived_at  TEXT NOT NULL
      ) STRICT, WITHOUT ROWID;

      -- A second version of a response that no revision link explains, kept for a decision.
      -- other: the version not held in responses (package record JSON).
      CREATE TABLE sync_conflicts (
        id          INTEGER PRIMARY KEY,
        response_id TEXT NOT NULL,
        held_hash   TEXT NOT NULL,
        other_hash  TEXT NOT NULL,
        other       TEXT NOT NULL,
        package_id  TEXT,
        detected_at TEXT NOT NULL,
        status      TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'resolved')),
        resolution  TEXT CHECK (resolution IN ('ours', 'theirs')),
        resolved_at TEXT,
        UNIQUE (response_id, other_hash)
      ) STRICT;
      CREATE INDEX sync_conflicts_open ON sync_conflicts (status, response_id);
    `);
  },
};
