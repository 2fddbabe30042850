import type { Migration } from './types';

/**
 * Field work: where an interview stopped (to resume it), interviewer notes, paper batches with
 * card numbers and double entry, per-response entry statistics, and the history of edits.
 */
export const migration003: Migration = {
  version: 3,
  name: 'field work',
  up: (db) => {
    db.exec(`
      CREATE TABLE paper_batches (
        id                TEXT PRIMARY KEY,
        survey_version_id TEXT NOT NULL REFERENCES survey_versions(id) ON DELETE RESTRICT,
        wave_id           TEXT REFERENCES waves(id) ON DELETE RESTRICT,
        event             TEXT NOT NULL,
        batch_date        TEXT NOT NULL,
        batch_no          TEXT NOT NULL,
        operator          TEXT,
        double_entry      INTEGER NOT NULL DEFAULT 0,
        status            TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'entered', 'verified')),
        created_at        TEXT NOT NULL,
        UNIQUE (survey_version_id, batch_no)
      ) STRICT;

      ALTER TABLE responses ADD COLUMN notes TEXT NOT NULL DEFAULT '';
      ALTER TABLE responses ADD COLUMN position TEXT;
      ALTER TABLE responses ADD COLUMN batch_id TEXT REFERENCES paper_batches(id) ON DELETE RESTRICT;
      ALTER TABLE responses ADD COLUMN card_no TEXT;
      ALTER TABLE responses ADD COLUMN entry_stats TEXT;
      ALTER TABLE responses ADD COLUMN lead TEXT;
      CREATE UNIQUE INDEX responses_by_card ON responses (batch_id, card_no) WHERE batch_id IS NOT NULL;
      CREATE INDEX responses_by_status ON responses (status, updated_at);

      -- The second typist's pass of a double-entry batch; compared with the first, never analysed.
      CREATE TABLE paper_second_pass (
        batch_id    TEXT NOT NULL REFERENCES paper_batches(id) ON DELETE CASCADE,
        card_no     TEXT NOT NULL,
        operator    TEXT,
        answers     TEXT NOT NULL,
        entry_stats TEXT,
        entered_at  TEXT NOT NULL,
        PRIMARY KEY (batch_id, card_no)
      ) STRICT;

      CREATE TABLE response_history (
        id          INTEGER PRIMARY KEY,
        response_id TEXT NOT NULL REFERENCES responses(id) ON DELETE CASCADE,
        revision    INTEGER NOT NULL,
        at          TEXT NOT NULL,
        actor       TEXT,
        action      TEXT NOT NULL,
        variable    TEXT,
        old_value   TEXT,
        new_value   TEXT,
        comment     TEXT
      ) STRICT;
      CREATE INDEX history_by_response ON response_history (response_id, id);
    `);
  },
};
