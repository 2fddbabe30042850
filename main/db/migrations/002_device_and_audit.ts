import { randomUUID } from 'node:crypto';
import type { Migration } from './types';

/** This machine's identity (stamped on every response it creates) and the audit log. */
export const migration002: Migration = {
  version: 2,
  name: 'device identity and audit log',
  up: (db) => {
    db.exec(`
      CREATE TABLE audit_log (
        id        INTEGER PRIMARY KEY,
        at        TEXT NOT NULL,
        actor     TEXT,
        action    TEXT NOT NULL,
        entity    TEXT NOT NULL,
        entity_id TEXT,
        detail    TEXT NOT NULL DEFAULT '{}'
      ) STRICT;
      CREATE INDEX audit_by_entity ON audit_log (entity, entity_id);
    `);
    db.prepare(`INSERT OR IGNORE INTO settings (key, value) VALUES ('deviceId', ?)`).run(
      JSON.stringify(randomUUID()),
    );
  },
};
