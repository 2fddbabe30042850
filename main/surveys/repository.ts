/** SQL for surveys and their versions. Rows are typed apart from domain objects. */
import type { Db } from '../db/connection';

export interface SurveyRow {
  id: string;
  code: string;
  title: string;
  created_at: string;
  updated_at: string;
  archived_at: string | null;
}

export interface VersionRow {
  id: string;
  survey_id: string;
  version_no: number;
  status: 'draft' | 'published';
  definition: string;
  created_at: string;
  published_at: string | null;
}

export function surveyRepository(db: Db) {
  const statements = {
    list: db.prepare<[], SurveyRow>('SELECT * FROM surveys WHERE archived_at IS NULL ORDER BY updated_at DESC'),
    get: db.prepare<[string], SurveyRow>('SELECT * FROM surveys WHERE id = ?'),
    codeCount: db.prepare<[string], { n: number }>("SELECT count(*) AS n FROM surveys WHERE code LIKE ? || '%'"),
    insert: db.prepare('INSERT INTO surveys (id, code, title, created_at, updated_at) VALUES (?, ?, ?, ?, ?)'),
    touch: db.prepare('UPDATE surveys SET title = ?, updated_at = ? WHERE id = ?'),
    archive: db.prepare('UPDATE surveys SET archived_at = ?, updated_at = ? WHERE id = ?'),
    versions: db.prepare<[string], VersionRow>('SELECT * FROM survey_versions WHERE survey_id = ? ORDER BY version_no'),
    version: db.prepare<[string, number], VersionRow>('SELECT * FROM survey_versions WHERE survey_id = ? AND version_no = ?'),
    draft: db.prepare<[string], VersionRow>("SELECT * FROM survey_versions WHERE survey_id = ? AND status = 'draft'"),
    insertVersion: db.prepare(
      'INSERT INTO survey_versions (id, survey_id, version_no, status, definition, created_at) VALUES (?, ?, ?, ?, ?, ?)',
    ),
    updateDraft: db.prepare("UPDATE survey_versions SET definition = ? WHERE id = ? AND status = 'draft'"),
    publish: db.prepare("UPDATE survey_versions SET status = 'published', published_at = ? WHERE id = ? AND status = 'draft'"),
    responseCount: db.prepare<[string], { n: number }>(
      'SELECT count(*) AS n FROM responses r JOIN survey_versions v ON v.id = r.survey_version_id WHERE v.survey_id = ?',
    ),
  };
  return statements;
}

export type SurveyRepository = ReturnType<typeof surveyRepository>;
