import type { Migration } from './types';

/**
 * Stratified samples and contact tracking (main/sampling). A wave's plan and targets live in its
 * `config` JSON. One sample per wave: its seed and design; one row per sampled customer with
 * stratum, inclusion probability, design weight, planned channel, contact status, account
 * manager and notes; and the history of contact events (reminder dates are computed from it).
 */
export const migration006: Migration = {
  version: 6,
  name: 'waves and sampling',
  up: (db) => {
    db.exec(`
      CREATE TABLE samples (
        wave_id    TEXT PRIMARY KEY REFERENCES waves(id) ON DELETE CASCADE,
        seed       INTEGER NOT NULL,
        design     TEXT NOT NULL,
        population INTEGER NOT NULL,
        drawn_at   TEXT NOT NULL,
        drawn_by   TEXT
      ) STRICT;
      CREATE TABLE sample_members (
        wave_id               TEXT NOT NULL REFERENCES samples(wave_id) ON DELETE CASCADE,
        customer_id           TEXT NOT NULL REFERENCES customers(id) ON DELETE CASCADE,
        stratum               TEXT NOT NULL,
        inclusion_probability REAL NOT NULL CHECK (inclusion_probability > 0 AND inclusion_probability <= 1),
        weight                REAL NOT NULL CHECK (weight >= 1),
        certain               INTEGER NOT NULL DEFAULT 0,
        channel               TEXT NOT NULL CHECK (channel IN ('interview', 'kiosk', 'paper', 'import')),
        status                TEXT NOT NULL DEFAULT 'not_contacted'
                              CHECK (status IN ('not_contacted', 'reminded', 'interviewed', 'refused', 'unreachable')),
        account_manager       TEXT,
        notes                 TEXT NOT NULL DEFAULT '',
        updated_at            TEXT NOT NULL,
        PRIMARY KEY (wave_id, customer_id)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX sample_members_by_customer ON sample_members (customer_id);
      -- on: the local calendar day of the contact, which reminder due dates count from.
      CREATE TABLE sample_contacts (
        id          INTEGER PRIMARY KEY,
        wave_id     TEXT NOT NULL,
        customer_id TEXT NOT NULL,
        at          TEXT NOT NULL,
        on_date     TEXT NOT NULL,
        status      TEXT NOT NULL,
        actor       TEXT,
        note        TEXT NOT NULL DEFAULT '',
        FOREIGN KEY (wave_id, customer_id) REFERENCES sample_members(wave_id, customer_id) ON DELETE CASCADE
      ) STRICT;
      CREATE INDEX sample_contacts_by_member ON sample_contacts (wave_id, customer_id, id);
    `);
  },
};
