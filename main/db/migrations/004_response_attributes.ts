import type { Migration } from './types';

/**
 * Respondent attributes brought by imported files (any column that is neither a question nor a
 * response or customer field), as a JSON object of text values usable as segments; and an index
 * for reading one questionnaire version's responses.
 */
export const migration004: Migration = {
  version: 4,
  name: 'response attributes',
  up: (db) => {
    db.exec(`
      ALTER TABLE responses ADD COLUMN attributes TEXT NOT NULL DEFAULT '{}';
      CREATE INDEX responses_by_version ON responses (survey_version_id);
    `);
  },
};
