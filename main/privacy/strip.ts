/**
 * Removing personal data from one response while keeping the rest: the personal-data answers,
 * their values in the edit history and in a paper batch's second typing pass. The response gets a
 * new revision that replaces the old one, so the stripped version wins over older copies of it
 * that other computers may still send in exchange packages.
 */
import type { Db } from '../db/connection';
import type { VersionFacts } from './versions';

export interface StripOptions {
  /** Also drop the customer link, interviewer notes, imported attributes and lead details (erasure). */
  unlink: boolean;
  at: string;
  actor: string | null;
  /** response_history action, e.g. 'anonymise' or 'retention_purge'. */
  action: string;
}

interface ResponseFacts {
  revision: number;
  batch_id: string | null;
  card_no: string | null;
}

export interface ResponseStripper {
  /** The number of answers removed; 0 with `unlink: false` means nothing was changed. */
  strip: (responseId: string, facts: VersionFacts, options: StripOptions) => number;
}

export function responseStripper(db: Db): ResponseStripper {
  const st = {
    response: db.prepare<[string], ResponseFacts>(
      'SELECT revision, batch_id, card_no FROM responses WHERE id = ?',
    ),
    deleteAnswers: db.prepare<[string, string]>(
      'DELETE FROM answers WHERE response_id = ? AND variable IN (SELECT value FROM json_each(?))',
    ),
    scrubHistory: db.prepare<[string, string]>(
      `UPDATE response_history SET old_value = NULL, new_value = NULL
        WHERE response_id = ? AND variable IN (SELECT value FROM json_each(?))
          AND (old_value IS NOT NULL OR new_value IS NOT NULL)`,
    ),
    secondPass: db.prepare<[string, string], { answers: string }>(
      'SELECT answers FROM paper_second_pass WHERE batch_id = ? AND card_no = ?',
    ),
    setSecondPass: db.prepare<[string, string, string]>(
      'UPDATE paper_second_pass SET answers = ? WHERE batch_id = ? AND card_no = ?',
    ),
    bump: db.prepare<[string, string]>(
      'UPDATE responses SET revision = revision + 1, replaces_revision = revision, updated_at = ? WHERE id = ?',
    ),
    unlink: db.prepare<[string]>(
      `UPDATE responses SET customer_id = NULL, notes = '', attributes = '{}', lead = NULL WHERE id = ?`,
    ),
    history: db.prepare<[string, number, string, string | null, string]>(
      `INSERT INTO response_history (response_id, revision, at, actor, action, variable, old_value, new_value, comment)
       VALUES (?, ?, ?, ?, ?, NULL, NULL, NULL, NULL)`,
    ),
  };
  return {
    strip(responseId, facts, options) {
      const row = st.response.get(responseId);
      if (!row) return 0;
      const personal = JSON.stringify([...facts.personal]);
      const removed = st.deleteAnswers.run(responseId, personal).changes;
      const scrubbed = st.scrubHistory.run(responseId, personal).changes;
      let secondPassChanged = false;
      if (row.batch_id !== null && row.card_no !== null) {
        const second = st.secondPass.get(row.batch_id, row.card_no);
        if (second) {
          const answers = JSON.parse(second.answers) as Record<string, unknown>;
          const kept = Object.fromEntries(
            Object.entries(answers).filter(([variable]) => !facts.personal.has(variable)),
          );
          if (Object.keys(kept).length !== Object.keys(answers).length) {
            st.setSecondPass.run(JSON.stringify(kept), row.batch_id, row.card_no);
            secondPassChanged = true;
          }
        }
      }
      if (!options.unlink && removed === 0 && scrubbed === 0 && !secondPassChanged) return 0;
      if (options.unlink) st.unlink.run(responseId);
      st.bump.run(options.at, responseId);
      st.history.run(responseId, row.revision + 1, options.at, options.actor, options.action);
      return removed;
    },
  };
}
