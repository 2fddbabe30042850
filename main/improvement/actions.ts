/**
 * Problems and improvement actions in SQLite: creation, progress reports, status changes,
 * re-plans with their history, and the verification records a later wave writes.
 */
import { randomUUID } from 'node:crypto';
import type { ProblemInput, ProblemPatch, ActionInput } from '../../shared/api/improvement';
import { AppError } from '../../shared/errors';
import type {
  Action,
  ActionEvent,
  ActionStatus,
  ImpactLevel,
  ImprovementSettings,
  Metric,
  Operator,
  Problem,
  RootCause,
  Verification,
} from '../../shared/improvement';
import type { Db } from '../db/connection';
import { priorityOf } from './priority';

interface ProblemRow {
  id: string;
  survey_id: string;
  wave_id: string | null;
  source: Problem['source'];
  source_ref: string | null;
  title: string;
  description: string;
  frequency: number;
  churn_risk: number;
  word_of_mouth: number;
  root_cause: RootCause | null;
  whys: string;
  metric: string | null;
  baseline: number | null;
  response_ids: string;
  created_at: string;
  action_count: number;
}

interface ActionRow {
  id: string;
  problem_id: string;
  problem_title: string;
  survey_id: string;
  title: string;
  metric: string;
  operator: Operator;
  target: number;
  baseline: number | null;
  baseline_wave_id: string | null;
  measures: string;
  steps: string;
  owner: string;
  department: string;
  due_on: string;
  status: ActionStatus;
  created_at: string;
}

interface EventRow {
  id: number;
  action_id: string;
  kind: ActionEvent['kind'];
  on_date: string;
  note: string;
  before: string | null;
}

interface VerificationRow {
  action_id: string;
  wave_id: string;
  wave_name: string;
  value: number | null;
  baseline: number | null;
  target: number;
  operator: Operator;
  met: number;
  verified_at: string;
}

/** Statuses whose due date still matters: overdue and at-risk apply only to these. */
export const OPEN_STATUSES: readonly ActionStatus[] = ['planned', 'in_progress', 'replanned'];

const DAY = 86400_000;

/** Overdue: due date before today; at risk: due within `atRiskDays` (today included). Dates are ISO days. */
export function deadlineState(
  dueOn: string,
  status: ActionStatus,
  today: string,
  atRiskDays: number,
): { overdue: boolean; atRisk: boolean } {
  if (!OPEN_STATUSES.includes(status)) return { overdue: false, atRisk: false };
  const days = (Date.parse(dueOn) - Date.parse(today)) / DAY;
  return { overdue: days < 0, atRisk: days >= 0 && days <= atRiskDays };
}

export function verificationFromRow(row: VerificationRow): Verification {
  return {
    actionId: row.action_id,
    waveId: row.wave_id,
    waveName: row.wave_name,
    value: row.value,
    baseline: row.baseline,
    target: row.target,
    operator: row.operator,
    met: row.met === 1,
    verifiedAt: row.verified_at,
  };
}

const ACTION_SELECT = `SELECT a.*, p.title AS problem_title, p.survey_id FROM improvement_actions a JOIN improvement_problems p ON p.id = a.problem_id`;
const VERIFICATION_SELECT = `SELECT v.*, w.name AS wave_name FROM improvement_verifications v JOIN waves w ON w.id = v.wave_id`;

export function actionStore(db: Db, now: () => Date) {
  const s = {
    problems: db.prepare<[string | null, string | null], ProblemRow>(
      `SELECT p.*, (SELECT count(*) FROM improvement_actions a WHERE a.problem_id = p.id) AS action_count
       FROM improvement_problems p WHERE (? IS NULL OR p.survey_id = ?) ORDER BY p.created_at DESC`,
    ),
    problem: db.prepare<[string], ProblemRow>(
      `SELECT p.*, (SELECT count(*) FROM improvement_actions a WHERE a.problem_id = p.id) AS action_count FROM improvement_problems p WHERE p.id = ?`,
    ),
    insertProblem: db.prepare(
      `INSERT INTO improvement_problems (id, survey_id, wave_id, source, source_ref, title, description, frequency, churn_risk, word_of_mouth,
        root_cause, whys, metric, baseline, response_ids, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    updateProblem: db.prepare(
      `UPDATE improvement_problems SET title = ?, description = ?, frequency = ?, churn_risk = ?, word_of_mouth = ?, root_cause = ?, whys = ?, updated_at = ? WHERE id = ?`,
    ),
    actions: db.prepare<[string | null, string | null], ActionRow>(
      `${ACTION_SELECT} WHERE (? IS NULL OR p.survey_id = ?) ORDER BY a.due_on, a.created_at`,
    ),
    action: db.prepare<[string], ActionRow>(`${ACTION_SELECT} WHERE a.id = ?`),
    insertAction: db.prepare(
      `INSERT INTO improvement_actions (id, problem_id, title, metric, operator, target, baseline, baseline_wave_id, measures, steps, owner, department,
        due_on, status, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'planned', ?, ?)`,
    ),
    setStatus: db.prepare('UPDATE improvement_actions SET status = ?, updated_at = ? WHERE id = ?'),
    // Actions, their events and verifications go with them (ON DELETE CASCADE).
    updateAction: db.prepare(
      'UPDATE improvement_actions SET title = ?, owner = ?, department = ?, steps = ?, updated_at = ? WHERE id = ?',
    ),
    deleteProblem: db.prepare('DELETE FROM improvement_problems WHERE id = ?'),
    deleteAction: db.prepare('DELETE FROM improvement_actions WHERE id = ?'),
    replan: db.prepare(
      "UPDATE improvement_actions SET due_on = ?, measures = ?, status = 'replanned', updated_at = ? WHERE id = ?",
    ),
    events: db.prepare<[string], EventRow>(
      'SELECT * FROM improvement_action_events WHERE action_id = ? ORDER BY on_date, id',
    ),
    insertEvent: db.prepare(
      'INSERT INTO improvement_action_events (action_id, kind, on_date, note, before, created_at) VALUES (?, ?, ?, ?, ?, ?)',
    ),
    verifications: db.prepare<[string], VerificationRow>(
      `${VERIFICATION_SELECT} WHERE v.action_id = ? ORDER BY COALESCE(w.starts_on, w.created_at)`,
    ),
    verification: db.prepare<[string, string], { met: number }>(
      'SELECT met FROM improvement_verifications WHERE action_id = ? AND wave_id = ?',
    ),
    upsertVerification: db.prepare(
      `INSERT INTO improvement_verifications (action_id, wave_id, value, baseline, target, operator, met, verified_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (action_id, wave_id) DO UPDATE SET value = excluded.value, baseline = excluded.baseline, target = excluded.target,
         operator = excluded.operator, met = excluded.met, verified_at = excluded.verified_at`,
    ),
  };

  const toProblem = (row: ProblemRow, settings: ImprovementSettings): Problem => ({
    id: row.id,
    surveyId: row.survey_id,
    waveId: row.wave_id,
    source: row.source,
    sourceRef: row.source_ref,
    title: row.title,
    description: row.description,
    frequency: row.frequency,
    churnRisk: row.churn_risk as ImpactLevel,
    wordOfMouth: row.word_of_mouth as ImpactLevel,
    reason: priorityOf(
      row.frequency,
      row.churn_risk as ImpactLevel,
      row.word_of_mouth as ImpactLevel,
      settings.priority,
    ),
    rootCause: row.root_cause,
    whys: JSON.parse(row.whys) as string[],
    metric: row.metric === null ? null : (JSON.parse(row.metric) as Metric),
    baseline: row.baseline,
    responseIds: JSON.parse(row.response_ids) as string[],
    actionCount: row.action_count,
    createdAt: row.created_at,
  });

  const toAction = (row: ActionRow, settings: ImprovementSettings): Action => {
    const today = now().toISOString().slice(0, 10);
    return {
      id: row.id,
      problemId: row.problem_id,
      problemTitle: row.problem_title,
      surveyId: row.survey_id,
      title: row.title,
      metric: JSON.parse(row.metric) as Metric,
      operator: row.operator,
      target: row.target,
      baseline: row.baseline,
      baselineWaveId: row.baseline_wave_id,
      measures: row.measures,
      steps: row.steps,
      owner: row.owner,
      department: row.department,
      dueOn: row.due_on,
      status: row.status,
      ...deadlineState(row.due_on, row.status, today, settings.atRiskDays),
      events: s.events.all(row.id).map((e) => ({
        id: e.id,
        kind: e.kind,
        on: e.on_date,
        note: e.note,
        before: e.before === null ? null : (JSON.parse(e.before) as ActionEvent['before']),
      })),
      verifications: s.verifications.all(row.id).map(verificationFromRow),
      createdAt: row.created_at,
    };
  };

  const problemRow = (id: string) => {
    const row = s.problem.get(id);
    if (!row) throw new AppError('NOT_FOUND', { what: `problem ${id}` });
    return row;
  };
  const actionRow = (id: string) => {
    const row = s.action.get(id);
    if (!row) throw new AppError('NOT_FOUND', { what: `action ${id}` });
    return row;
  };
  const stamp = () => now().toISOString();
  const today = () => stamp().slice(0, 10);

  return {
    problems: (surveyId: string | null, settings: ImprovementSettings) =>
      s.problems.all(surveyId, surveyId).map((r) => toProblem(r, settings)),
    problem: (id: string, settings: ImprovementSettings) => toProblem(problemRow(id), settings),
    createProblem(
      input: ProblemInput,
      baseline: number | null,
      settings: ImprovementSettings,
    ): Problem {
      const id = randomUUID();
      const at = stamp();
      s.insertProblem.run(
        id,
        input.surveyId,
        input.waveId,
        input.source,
        input.sourceRef,
        input.title,
        input.description,
        input.frequency,
        input.churnRisk,
        input.wordOfMouth,
        input.rootCause,
        JSON.stringify(input.whys),
        input.metric === null ? null : JSON.stringify(input.metric),
        baseline,
        JSON.stringify(input.responseIds),
        at,
        at,
      );
      return toProblem(problemRow(id), settings);
    },
    updateProblem(patch: ProblemPatch, settings: ImprovementSettings): Problem {
      const row = problemRow(patch.id);
      s.updateProblem.run(
        patch.title ?? row.title,
        patch.description ?? row.description,
        patch.frequency ?? row.frequency,
        patch.churnRisk ?? row.churn_risk,
        patch.wordOfMouth ?? row.word_of_mouth,
        patch.rootCause === undefined ? row.root_cause : patch.rootCause,
        patch.whys === undefined ? row.whys : JSON.stringify(patch.whys),
        stamp(),
        row.id,
      );
      return toProblem(problemRow(row.id), settings);
    },
    problemRow,
    deleteProblem: (id: string) => s.deleteProblem.run(id).changes > 0,
    deleteAction: (id: string) => s.deleteAction.run(id).changes > 0,
    actions: (surveyId: string | null, settings: ImprovementSettings) =>
      s.actions.all(surveyId, surveyId).map((r) => toAction(r, settings)),
    action: (id: string, settings: ImprovementSettings) => toAction(actionRow(id), settings),
    actionRow,
    createAction(
      input: ActionInput,
      baseline: { value: number | null; waveId: string | null },
      settings: ImprovementSettings,
    ): Action {
      problemRow(input.problemId);
      const id = randomUUID();
      const at = stamp();
      s.insertAction.run(
        id,
        input.problemId,
        input.title,
        JSON.stringify(input.metric),
        input.operator,
        input.target,
        baseline.value,
        baseline.waveId,
        input.measures,
        input.steps,
        input.owner,
        input.department,
        input.dueOn,
        at,
        at,
      );
      return toAction(actionRow(id), settings);
    },
    updateAction(
      patch: {
        id: string;
        title?: string | undefined;
        owner?: string | undefined;
        department?: string | undefined;
        steps?: string | undefined;
      },
      settings: ImprovementSettings,
    ): Action {
      const row = actionRow(patch.id);
      s.updateAction.run(
        patch.title ?? row.title,
        patch.owner ?? row.owner,
        patch.department ?? row.department,
        patch.steps ?? row.steps,
        stamp(),
        row.id,
      );
      return toAction(actionRow(row.id), settings);
    },
    setStatus(
      id: string,
      status: ActionStatus,
      note: string,
      settings: ImprovementSettings,
    ): Action {
      const row = actionRow(id);
      db.transaction(() => {
        s.setStatus.run(status, stamp(), id);
        s.insertEvent.run(
          id,
          'status',
          today(),
          note || `${row.status} → ${status}`,
          null,
          stamp(),
        );
      })();
      return toAction(actionRow(id), settings);
    },
    addProgress(id: string, on: string, note: string, settings: ImprovementSettings): Action {
      actionRow(id);
      s.insertEvent.run(id, 'progress', on, note, null, stamp());
      return toAction(actionRow(id), settings);
    },
    replan(
      id: string,
      dueOn: string,
      measures: string,
      note: string,
      settings: ImprovementSettings,
    ): Action {
      const row = actionRow(id);
      db.transaction(() => {
        s.replan.run(dueOn, measures, stamp(), id);
        s.insertEvent.run(
          id,
          'replan',
          today(),
          note,
          JSON.stringify({ dueOn: row.due_on, measures: row.measures }),
          stamp(),
        );
      })();
      return toAction(actionRow(id), settings);
    },
    /** Records one wave's verification; the status follows it unless a later wave already verified the action. */
    recordVerification(
      row: ActionRow,
      waveId: string,
      value: number | null,
      met: boolean,
      isLatest: boolean,
    ): void {
      db.transaction(() => {
        // Analysing the same wave again with the same verdict leaves the status alone: a re-plan
        // made after a missed target stays until a later wave (or a changed figure) decides.
        const before = s.verification.get(row.id, waveId);
        const unchanged = before !== undefined && (before.met === 1) === met;
        s.upsertVerification.run(
          row.id,
          waveId,
          value,
          row.baseline,
          row.target,
          row.operator,
          met ? 1 : 0,
          stamp(),
        );
        if (isLatest && !unchanged) {
          const status: ActionStatus = met ? 'verified' : 'missed';
          s.setStatus.run(status, stamp(), row.id);
          s.insertEvent.run(
            row.id,
            'verification',
            today(),
            `${value === null ? '-' : value.toFixed(1)} ${row.operator} ${row.target}`,
            null,
            stamp(),
          );
        }
      })();
    },
    actionRows: (surveyId: string) => s.actions.all(surveyId, surveyId),
  };
}

export type ActionStore = ReturnType<typeof actionStore>;
export type { ActionRow };
