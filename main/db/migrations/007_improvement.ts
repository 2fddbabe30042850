import type { Migration } from './types';

/**
 * The improvement loop: problems (suggested by an analysis or added by hand), improvement actions
 * with their progress/re-plan history and their verification against later waves, customer
 * follow-ups (回访) with SLA timestamps, and service-quality standards with results per wave.
 */
export const migration007: Migration = {
  version: 7,
  name: 'improvement loop',
  up: (db) => {
    db.exec(`
      CREATE TABLE improvement_problems (
        id            TEXT PRIMARY KEY,
        survey_id     TEXT NOT NULL REFERENCES surveys(id) ON DELETE CASCADE,
        wave_id       TEXT REFERENCES waves(id) ON DELETE SET NULL,
        source        TEXT NOT NULL CHECK (source IN ('priority', 'theme', 'manual')),
        source_ref    TEXT,
        title         TEXT NOT NULL,
        description   TEXT NOT NULL DEFAULT '',
        frequency     REAL NOT NULL CHECK (frequency >= 0 AND frequency <= 100),
        churn_risk    INTEGER NOT NULL CHECK (churn_risk BETWEEN 1 AND 3),
        word_of_mouth INTEGER NOT NULL CHECK (word_of_mouth BETWEEN 1 AND 3),
        root_cause    TEXT CHECK (root_cause IN ('people', 'process', 'tools', 'policy')),
        whys          TEXT NOT NULL DEFAULT '[]',
        metric        TEXT,
        baseline      REAL,
        response_ids  TEXT NOT NULL DEFAULT '[]',
        created_at    TEXT NOT NULL,
        updated_at    TEXT NOT NULL
      ) STRICT;
      CREATE INDEX improvement_problems_survey ON improvement_problems (survey_id, wave_id);

      CREATE TABLE improvement_actions (
        id                TEXT PRIMARY KEY,
        problem_id        TEXT NOT NULL REFERENCES improvement_problems(id) ON DELETE CASCADE,
        title             TEXT NOT NULL,
        metric            TEXT NOT NULL,
        operator          TEXT NOT NULL CHECK (operator IN ('>=', '>', '<=', '<')),
        target            REAL NOT NULL,
        baseline          REAL,
        baseline_wave_id  TEXT REFERENCES waves(id) ON DELETE SET NULL,
        measures          TEXT NOT NULL DEFAULT '',
        steps             TEXT NOT NULL DEFAULT '',
        owner             TEXT NOT NULL,
        department        TEXT NOT NULL DEFAULT '',
        due_on            TEXT NOT NULL,
        status            TEXT NOT NULL CHECK (status IN ('planned', 'in_progress', 'done', 'verified', 'missed', 'replanned')),
        created_at        TEXT NOT NULL,
        updated_at        TEXT NOT NULL
      ) STRICT;
      CREATE INDEX improvement_actions_problem ON improvement_actions (problem_id);

      -- Progress reports, status changes, re-plans (with the due date and measures before) and verifications.
      CREATE TABLE improvement_action_events (
        id         INTEGER PRIMARY KEY,
        action_id  TEXT NOT NULL REFERENCES improvement_actions(id) ON DELETE CASCADE,
        kind       TEXT NOT NULL CHECK (kind IN ('progress', 'status', 'replan', 'verification')),
        on_date    TEXT NOT NULL,
        note       TEXT NOT NULL DEFAULT '',
        before     TEXT,
        created_at TEXT NOT NULL
      ) STRICT;
      CREATE INDEX improvement_action_events_action ON improvement_action_events (action_id, id);

      CREATE TABLE improvement_verifications (
        action_id   TEXT NOT NULL REFERENCES improvement_actions(id) ON DELETE CASCADE,
        wave_id     TEXT NOT NULL REFERENCES waves(id) ON DELETE CASCADE,
        value       REAL,
        baseline    REAL,
        target      REAL NOT NULL,
        operator    TEXT NOT NULL,
        met         INTEGER NOT NULL CHECK (met IN (0, 1)),
        verified_at TEXT NOT NULL,
        PRIMARY KEY (action_id, wave_id)
      ) STRICT;

      CREATE TABLE improvement_follow_ups (
        id              TEXT PRIMARY KEY,
        survey_id       TEXT REFERENCES surveys(id) ON DELETE CASCADE,
        response_id     TEXT REFERENCES responses(id) ON DELETE SET NULL,
        customer_id     TEXT REFERENCES customers(id) ON DELETE SET NULL,
        reason          TEXT NOT NULL CHECK (reason IN ('low_score', 'complaint', 'callback', 'manual')),
        detail          TEXT NOT NULL DEFAULT '',
        score           REAL,
        urgent          INTEGER NOT NULL CHECK (urgent IN (0, 1)),
        status          TEXT NOT NULL CHECK (status IN ('open', 'acknowledged', 'planned', 'fixed', 'closed')),
        owner           TEXT NOT NULL DEFAULT '',
        plan            TEXT NOT NULL DEFAULT '',
        raised_at       TEXT NOT NULL,
        acknowledged_at TEXT,
        planned_at      TEXT,
        fixed_at        TEXT,
        revisited_at    TEXT,
        revisit_score   REAL,
        closed_at       TEXT
      ) STRICT;
      -- One follow-up per response: scanning a wave twice raises nothing new.
      CREATE UNIQUE INDEX improvement_follow_ups_response ON improvement_follow_ups (response_id) WHERE response_id IS NOT NULL;

      CREATE TABLE improvement_standards (
        id            TEXT PRIMARY KEY,
        indicator     TEXT NOT NULL,
        dimension     TEXT NOT NULL DEFAULT '',
        operator      TEXT NOT NULL CHECK (operator IN ('>=', '>', '<=', '<')),
        target        REAL NOT NULL,
        formula       TEXT NOT NULL DEFAULT '',
        data_source   TEXT NOT NULL CHECK (data_source IN ('survey', 'manual')),
        period        TEXT NOT NULL DEFAULT '',
        segment       TEXT,
        metric        TEXT,
        manual_value  REAL,
        created_at    TEXT NOT NULL
      ) STRICT;

      CREATE TABLE improvement_standard_results (
        standard_id TEXT NOT NULL REFERENCES improvement_standards(id) ON DELETE CASCADE,
        wave_id     TEXT NOT NULL REFERENCES waves(id) ON DELETE CASCADE,
        value       REAL,
        met         INTEGER CHECK (met IN (0, 1)),
        computed_at TEXT NOT NULL,
        PRIMARY KEY (standard_id, wave_id)
      ) STRICT;
    `);
  },
};
