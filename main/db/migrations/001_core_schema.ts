import type { Migration } from './types';

/** Surveys, their versions, waves, customers, responses and answers (the DESIGN.md sketch). */
export const migration001: Migration = {
  version: 1,
  name: 'core schema',
  up: (db) => {
    db.exec(`
      CREATE TABLE settings (
        key   TEXT PRIMARY KEY,
        value TEXT NOT NULL
      ) STRICT;

      CREATE TABLE surveys (
        id          TEXT PRIMARY KEY,
        code        TEXT NOT NULL UNIQUE,
        title       TEXT NOT NULL,
        created_at  TEXT NOT NULL,
        updated_at  TEXT NOT NULL,
        archived_at TEXT
      ) STRICT;

      -- A published version is immutable; responses name the version they were taken on.
      CREATE TABLE survey_versions (
        id           TEXT PRIMARY KEY,
        survey_id    TEXT NOT NULL REFERENCES surveys(id) ON DELETE RESTRICT,
        version_no   INTEGER NOT NULL CHECK (version_no >= 1),
        status       TEXT NOT NULL CHECK (status IN ('draft', 'published')),
        definition   TEXT NOT NULL,
        created_at   TEXT NOT NULL,
        published_at TEXT,
        UNIQUE (survey_id, version_no)
      ) STRICT;

      CREATE TABLE waves (
        id         TEXT PRIMARY KEY,
        survey_id  TEXT NOT NULL REFERENCES surveys(id) ON DELETE RESTRICT,
        name       TEXT NOT NULL,
        starts_on  TEXT,
        ends_on    TEXT,
        config     TEXT NOT NULL DEFAULT '{}',
        created_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX waves_by_survey ON waves (survey_id);

      CREATE TABLE customers (
        id              TEXT PRIMARY KEY,
        code            TEXT UNIQUE,
        name            TEXT NOT NULL,
        type            TEXT,
        stage           TEXT,
        region          TEXT,
        industry        TEXT,
        size            TEXT,
        contact         TEXT,
        phone           TEXT,
        email           TEXT,
        account_manager TEXT,
        staff_id        TEXT,
        tags            TEXT NOT NULL DEFAULT '[]',
        created_at      TEXT NOT NULL,
        updated_at      TEXT NOT NULL
      ) STRICT;

      CREATE TABLE responses (
        id                TEXT PRIMARY KEY,
        survey_version_id TEXT NOT NULL REFERENCES survey_versions(id) ON DELETE RESTRICT,
        wave_id           TEXT REFERENCES waves(id) ON DELETE RESTRICT,
        customer_id       TEXT REFERENCES customers(id) ON DELETE SET NULL,
        device_id         TEXT NOT NULL,
        interviewer       TEXT,
        channel           TEXT NOT NULL CHECK (channel IN ('interview', 'kiosk', 'paper', 'import')),
        status            TEXT NOT NULL CHECK (status IN ('in_progress', 'complete', 'abandoned', 'void')),
        revision          INTEGER NOT NULL DEFAULT 1 CHECK (revision >= 1),
        replaces_revision INTEGER,
        consent           TEXT,
        quality_flags     TEXT NOT NULL DEFAULT '[]',
        started_at        TEXT NOT NULL,
        completed_at      TEXT,
        updated_at        TEXT NOT NULL
      ) STRICT;
      CREATE INDEX responses_by_wave ON responses (wave_id, status);
      CREATE INDEX responses_by_customer ON responses (customer_id);

      -- One row per answered variable, so SQL can aggregate a question without parsing responses.
      CREATE TABLE answers (
        response_id TEXT NOT NULL REFERENCES responses(id) ON DELETE CASCADE,
        variable    TEXT NOT NULL,
        value_num   REAL,
        value_text  TEXT,
        value_json  TEXT,
        answered_at TEXT NOT NULL,
        PRIMARY KEY (response_id, variable)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX answers_by_variable ON answers (variable, value_num);
    `);
  },
};
