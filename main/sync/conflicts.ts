/**
 * Conflicts: a response held in two versions that no revision link explains. Resolving one writes
 * the chosen content as a new revision above both, whose lineage holds both versions, so it wins
 * on every machine it reaches and the conflict does not come back.
 */
import { AppError } from '../../shared/errors';
import type { AnswerValueView, ConflictView, ResponseVersionView } from '../../shared/sync';
import type { Db } from '../db/connection';
import { responseHash, type AnswerTuple, type ResponseRecord, type ResponseRow } from './format';
import { localAnswers, mergeStatements } from './merge';

interface ConflictRow {
  id: number;
  response_id: string;
  held_hash: string;
  other_hash: string;
  other: string;
  package_id: string | null;
  detected_at: string;
  status: 'open' | 'resolved';
  resolution: 'ours' | 'theirs' | null;
  resolved_at: string | null;
}

function answerValue(a: AnswerTuple): AnswerValueView {
  if (a[1] !== null) return a[1];
  if (a[2] !== null) return a[2];
  if (a[3] !== null) return JSON.parse(a[3]) as string[];
  return null;
}

function versionView(row: ResponseRow, answers: AnswerTuple[]): ResponseVersionView {
  return {
    revision: row.revision,
    replacesRevision: row.replaces_revision,
    deviceId: row.device_id,
    interviewer: row.interviewer,
    status: row.status,
    updatedAt: row.updated_at,
    completedAt: row.completed_at,
    notes: row.notes,
    answers: Object.fromEntries(
      [...answers].sort((a, b) => a[0].localeCompare(b[0])).map((a) => [a[0], answerValue(a)]),
    ),
  };
}

function differing(a: ResponseVersionView, b: ResponseVersionView): string[] {
  const names = new Set([...Object.keys(a.answers), ...Object.keys(b.answers)]);
  return [...names]
    .filter((n) => JSON.stringify(a.answers[n] ?? null) !== JSON.stringify(b.answers[n] ?? null))
    .sort();
}

export function listConflicts(db: Db, status: 'open' | 'resolved' | 'all'): ConflictView[] {
  const st = mergeStatements(db);
  const rows = db
    .prepare<[string, string], ConflictRow>(
      `SELECT * FROM sync_conflicts WHERE (? = 'all' OR status = ?) ORDER BY status = 'resolved', detected_at DESC, id DESC`,
    )
    .all(status, status);
  const views: ConflictView[] = [];
  for (const row of rows) {
    const other = JSON.parse(row.other) as ResponseRecord;
    const held = st.response.get(row.response_id);
    // The response may have been erased since: then there is nothing left to decide.
    if (!held) continue;
    const ours = versionView(held, localAnswers(st, row.response_id));
    const theirs = versionView(other.response, other.answers);
    const survey = db
      .prepare<[string], { id: string; code: string }>(
        'SELECT s.id, s.code FROM survey_versions v JOIN surveys s ON s.id = v.survey_id WHERE v.id = ?',
      )
      .get(held.survey_version_id);
    views.push({
      id: row.id,
      responseId: row.response_id,
      surveyId: survey?.id ?? null,
      surveyCode: survey?.code ?? null,
      ours,
      theirs,
      differing: differing(ours, theirs),
      packageId: row.package_id,
      detectedAt: row.detected_at,
      status: row.status,
      resolution: row.resolution,
      resolvedAt: row.resolved_at,
    });
  }
  return views;
}

/** Keeps ours or takes theirs as a new revision descending from both. */
export function resolveConflict(
  db: Db,
  id: number,
  keep: 'ours' | 'theirs',
  actor: string | null,
  now = new Date(),
): ConflictView {
  const st = mergeStatements(db);
  db.transaction(() => {
    const row = db
      .prepare<[number], ConflictRow>('SELECT * FROM sync_conflicts WHERE id = ?')
      .get(id);
    if (!row) throw new AppError('NOT_FOUND', { what: `conflict ${id}` });
    if (row.status === 'resolved')
      throw new AppError('CONFLICT', { reason: 'this conflict is already resolved' });
    const held = st.response.get(row.response_id);
    if (!held) throw new AppError('NOT_FOUND', { what: `response ${row.response_id}` });
    const heldAnswers = localAnswers(st, row.response_id);
    const heldHash = responseHash(held, heldAnswers);
    const other = JSON.parse(row.other) as ResponseRecord;
    const otherHash = responseHash(other.response, other.answers);
    const chosen = keep === 'ours' ? { response: held, answers: heldAnswers } : other;
    const at = now.toISOString();
    const revision = Math.max(held.revision, other.response.revision) + 1;
    const next: ResponseRow = {
      ...chosen.response,
      revision,
      replaces_revision: chosen.response.revision,
      updated_at: at,
    };
    // Both versions and everything they descend from become the new revision's lineage.
    const lineage = new Set<string>([
      `${held.revision}:${heldHash}`,
      `${other.response.revision}:${otherHash}`,
    ]);
    for (const l of st.lineage.all(row.response_id)) lineage.add(`${l.revision}:${l.hash}`);
    for (const [rev, hash] of other.lineage) lineage.add(`${rev}:${hash}`);
    st.updateResponse.run(next);
    st.deleteAnswers.run(row.response_id);
    for (const a of chosen.answers)
      st.insertAnswer.run(row.response_id, a[0], a[1], a[2], a[3], a[4]);
    for (const entry of lineage) {
      const [rev, hash] = entry.split(':');
      st.addLineage.run(row.response_id, Number(rev), hash);
    }
    db.prepare(
      `INSERT INTO response_history (response_id, revision, at, actor, action, variable, old_value, new_value, comment)
       VALUES (?, ?, ?, ?, 'sync_resolve', NULL, ?, ?, ?)`,
    ).run(
      row.response_id,
      revision,
      at,
      actor,
      JSON.stringify(heldHash),
      JSON.stringify(otherHash),
      keep,
    );
    db.prepare(
      `UPDATE sync_conflicts SET status = 'resolved', resolution = ?, resolved_at = ? WHERE id = ?`,
    ).run(keep, at, id);
  })();
  const view = listConflicts(db, 'all').find((c) => c.id === id);
  if (!view) throw new AppError('NOT_FOUND', { what: `conflict ${id}` });
  return view;
}
