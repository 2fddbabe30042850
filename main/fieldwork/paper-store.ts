/**
 * The SQL of paper batches: rows as stored, statements prepared once per connection, and the
 * batch as the API returns it. The second pass lives in paper_second_pass (entry_stats NULL =
 * the card is still being keyed); the first pass is responses with a batch_id.
 */
import type { BatchStatus, PaperBatch } from '../../shared/api/paper';
import type { Db } from '../db/connection';
import type { AnswerRow } from './answers';

export interface BatchRow {
  id: string;
  survey_version_id: string;
  survey_id: string;
  version_no: number;
  wave_id: string | null;
  wave_name: string | null;
  event: string;
  batch_date: string;
  batch_no: string;
  operator: string | null;
  double_entry: number;
  status: BatchStatus;
  created_at: string;
  first_pass: number;
  second_pass: number;
  unfinished: number;
}

export interface FirstPassRow {
  id: string;
  card_no: string;
  interviewer: string | null;
  status: string;
  completed_at: string | null;
  updated_at: string;
  entry_stats: string | null;
}

export interface SecondPassRow {
  card_no: string;
  operator: string | null;
  answers: string;
  entry_stats: string | null;
  entered_at: string;
}

const SELECT_BATCH = `
  SELECT b.*, v.survey_id, v.version_no, w.name AS wave_name,
    (SELECT count(*) FROM responses r WHERE r.batch_id = b.id AND r.status = 'complete') AS first_pass,
    (SELECT count(*) FROM paper_second_pass p WHERE p.batch_id = b.id AND p.entry_stats IS NOT NULL) AS second_pass,
    (SELECT count(*) FROM responses r WHERE r.batch_id = b.id AND r.status = 'in_progress')
      + (SELECT count(*) FROM paper_second_pass p WHERE p.batch_id = b.id AND p.entry_stats IS NULL) AS unfinished
  FROM paper_batches b
  JOIN survey_versions v ON v.id = b.survey_version_id
  LEFT JOIN waves w ON w.id = b.wave_id`;

export function batchOf(row: BatchRow): PaperBatch {
  return {
    id: row.id,
    surveyId: row.survey_id,
    versionNo: row.version_no,
    waveId: row.wave_id,
    waveName: row.wave_name,
    event: row.event,
    batchDate: row.batch_date,
    batchNo: row.batch_no,
    operator: row.operator,
    doubleEntry: row.double_entry === 1,
    status: row.status,
    createdAt: row.created_at,
    firstPass: row.first_pass,
    secondPass: row.second_pass,
    unfinished: row.unfinished,
  };
}

export function paperStatements(db: Db) {
  return {
    batch: db.prepare<[string], BatchRow>(`${SELECT_BATCH} WHERE b.id = ?`),
    batches: db.prepare<[string], BatchRow>(
      `${SELECT_BATCH} WHERE v.survey_id = ? ORDER BY b.batch_date DESC, b.created_at DESC`,
    ),
    definition: db.prepare<[string], { definition: string }>(
      'SELECT definition FROM survey_versions WHERE id = ?',
    ),
    versionOf: db.prepare<[string, number], { id: string }>(
      'SELECT id FROM survey_versions WHERE survey_id = ? AND version_no = ?',
    ),
    batchNoTaken: db.prepare(
      'SELECT 1 FROM paper_batches WHERE survey_version_id = ? AND batch_no = ?',
    ),
    insertBatch:
      db.prepare(`INSERT INTO paper_batches (id, survey_version_id, wave_id, event, batch_date,
      batch_no, operator, double_entry, status, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'open', ?)`),
    setStatus: db.prepare('UPDATE paper_batches SET status = ? WHERE id = ?'),
    firstPass: db.prepare<[string], FirstPassRow>(
      `SELECT id, card_no, interviewer, status, completed_at, updated_at, entry_stats FROM responses
       WHERE batch_id = ? AND status IN ('complete', 'in_progress')`,
    ),
    firstCard: db.prepare<[string, string], FirstPassRow>(
      `SELECT id, card_no, interviewer, status, completed_at, updated_at, entry_stats FROM responses
       WHERE batch_id = ? AND card_no = ?`,
    ),
    secondPass: db.prepare<[string], SecondPassRow>(
      'SELECT * FROM paper_second_pass WHERE batch_id = ?',
    ),
    secondCard: db.prepare<[string, string], SecondPassRow>(
      'SELECT * FROM paper_second_pass WHERE batch_id = ? AND card_no = ?',
    ),
    upsertSecond:
      db.prepare(`INSERT INTO paper_second_pass (batch_id, card_no, operator, answers, entry_stats, entered_at)
      VALUES (?, ?, ?, '{}', NULL, ?) ON CONFLICT (batch_id, card_no) DO UPDATE SET operator = excluded.operator,
      answers = '{}', entry_stats = NULL, entered_at = excluded.entered_at`),
    setSecondAnswers: db.prepare(
      'UPDATE paper_second_pass SET answers = ? WHERE batch_id = ? AND card_no = ?',
    ),
    finishSecond: db.prepare(
      'UPDATE paper_second_pass SET entry_stats = ?, entered_at = ? WHERE batch_id = ? AND card_no = ?',
    ),
    answers: db.prepare<[string], AnswerRow>(
      'SELECT variable, value_num, value_text, value_json FROM answers WHERE response_id = ?',
    ),
    clearAnswers: db.prepare('DELETE FROM answers WHERE response_id = ?'),
    restartResponse: db.prepare(
      'UPDATE responses SET consent = ?, interviewer = ?, position = NULL, updated_at = ? WHERE id = ?',
    ),
    history:
      db.prepare(`INSERT INTO response_history (response_id, revision, at, actor, action, variable, old_value, new_value, comment)
      VALUES (?, (SELECT revision FROM responses WHERE id = ?), ?, ?, ?, ?, ?, ?, ?)`),
  };
}
