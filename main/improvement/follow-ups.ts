/**
 * Follow-ups (回访) of individual customers: raised from responses (an overall or dimension score
 * below the threshold, a complaint, a call-back request) or by hand, then acknowledged, planned,
 * fixed, revisited and closed when the revisit scores enough; each step on an SLA clock.
 */
import { randomUUID } from 'node:crypto';
import { AppError } from '../../shared/errors';
import type {
  FollowUp,
  FollowUpReason,
  FollowUpStatus,
  ImprovementSettings,
} from '../../shared/improvement';
import {
  definitionSchema,
  variablesOf,
  type SurveyDefinition,
} from '../../shared/questionnaire/model';
import type { Db } from '../db/connection';
import { slaClocks } from './sla';

interface FollowUpRow {
  id: string;
  survey_id: string | null;
  response_id: string | null;
  customer_name: string | null;
  reason: FollowUpReason;
  detail: string;
  score: number | null;
  urgent: number;
  status: FollowUpStatus;
  owner: string;
  plan: string;
  raised_at: string;
  acknowledged_at: string | null;
  planned_at: string | null;
  fixed_at: string | null;
  revisited_at: string | null;
  revisit_score: number | null;
}

export interface RespondentAnswers {
  numeric: Map<string, number>;
  choices: Map<string, string[]>;
}

export interface Trigger {
  reason: FollowUpReason;
  urgent: boolean;
  /** The lowest of the overall and dimension scores (0-100), when any was answered. */
  score: number | null;
  detail: string;
}

const round1 = (v: number) => Math.round(v * 10) / 10;

/**
 * Whether one response calls for a follow-up, and why. Scores are on 100 points (answer / points x
 * 100, reverse items flipped); a dimension's score is the mean of its answered items. Pure.
 */
export function followUpTrigger(
  definition: SurveyDefinition,
  answers: RespondentAnswers,
  rules: ImprovementSettings['followUp'],
): Trigger | null {
  const scales = variablesOf(definition).flatMap(({ name, question }) => {
    if (question.type === 'likert')
      return [
        { name, dimension: question.dimension, points: question.points, reverse: question.reverse },
      ];
    if (question.type !== 'matrix') return [];
    const item = question.items.find((i) => i.name === name)!;
    return [
      {
        name,
        dimension: item.dimension ?? question.dimension,
        points: question.points,
        reverse: item.reverse,
      },
    ];
  });
  const parts: string[] = [];
  const scores: number[] = [];
  const byDimension = new Map<string, number[]>();
  for (const item of scales) {
    const raw = answers.numeric.get(item.name);
    if (raw === undefined) continue;
    const value = item.reverse ? item.points + 1 - raw : raw;
    const hundred = (value / item.points) * 100;
    if (item.dimension === null) {
      scores.push(hundred);
      if (hundred < rules.lowScore) parts.push(`${item.name} ${round1(hundred)}`);
    } else byDimension.set(item.dimension, [...(byDimension.get(item.dimension) ?? []), hundred]);
  }
  for (const [dimension, values] of byDimension) {
    const mean = values.reduce((a, b) => a + b, 0) / values.length;
    scores.push(mean);
    if (mean < rules.lowScore) parts.push(`${dimension} ${round1(mean)}`);
  }
  const lowest = scores.length ? round1(Math.min(...scores)) : null;
  const complaint =
    answers.choices.get(rules.complaintQuestion)?.includes(rules.complaintValue) ?? false;
  const callbackAnswer = answers.choices.get(rules.callbackQuestion)?.[0];
  const callback =
    callbackAnswer !== undefined && callbackAnswer !== '' && callbackAnswer !== rules.callbackNo;
  if (complaint) parts.push(`${rules.complaintQuestion}=${rules.complaintValue}`);
  if (callback) parts.push(`${rules.callbackQuestion}=${callbackAnswer}`);
  const low = lowest !== null && lowest < rules.lowScore;
  if (!low && !complaint && !callback) return null;
  const reason: FollowUpReason = complaint ? 'complaint' : callback ? 'callback' : 'low_score';
  return {
    reason,
    urgent: complaint || (lowest !== null && lowest < rules.urgentScore),
    score: lowest,
    detail: parts.join(' · '),
  };
}

export function followUpStore(db: Db, now: () => Date) {
  const s = {
    list: db.prepare<[string | null, string | null], FollowUpRow>(
      `SELECT f.*, c.name AS customer_name FROM improvement_follow_ups f LEFT JOIN customers c ON c.id = f.customer_id
       WHERE (? IS NULL OR f.survey_id = ?) ORDER BY f.status = 'closed', f.urgent DESC, f.raised_at`,
    ),
    get: db.prepare<[string], FollowUpRow>(
      `SELECT f.*, c.name AS customer_name FROM improvement_follow_ups f LEFT JOIN customers c ON c.id = f.customer_id WHERE f.id = ?`,
    ),
    insert: db.prepare(
      `INSERT INTO improvement_follow_ups (id, survey_id, response_id, customer_id, reason, detail, score, urgent, status, raised_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'open', ?) ON CONFLICT DO NOTHING`,
    ),
    definition: db.prepare<[string], { definition: string }>(
      "SELECT definition FROM survey_versions WHERE survey_id = ? ORDER BY status = 'published' DESC, version_no DESC LIMIT 1",
    ),
    responses: db.prepare<
      [string, string],
      { id: string; customer_id: string | null; completed_at: string | null; started_at: string }
    >(
      `SELECT r.id, r.customer_id, r.completed_at, r.started_at FROM responses r JOIN survey_versions v ON v.id = r.survey_version_id
       WHERE v.survey_id = ? AND r.wave_id = ? AND r.status = 'complete'
         AND NOT EXISTS (SELECT 1 FROM improvement_follow_ups f WHERE f.response_id = r.id)`,
    ),
    answers: db.prepare<
      [string],
      {
        variable: string;
        value_num: number | null;
        value_text: string | null;
        value_json: string | null;
      }
    >('SELECT variable, value_num, value_text, value_json FROM answers WHERE response_id = ?'),
    acknowledge: db.prepare(
      "UPDATE improvement_follow_ups SET status = 'acknowledged', owner = ?, acknowledged_at = ? WHERE id = ?",
    ),
    plan: db.prepare(
      "UPDATE improvement_follow_ups SET status = 'planned', plan = ?, planned_at = ? WHERE id = ?",
    ),
    fix: db.prepare(
      "UPDATE improvement_follow_ups SET status = 'fixed', fixed_at = ? WHERE id = ?",
    ),
    revisit: db.prepare(
      'UPDATE improvement_follow_ups SET status = ?, revisited_at = ?, revisit_score = ?, closed_at = ? WHERE id = ?',
    ),
    /** A revisit below the closing score sends the item back for another fix; its fix/revisit clocks restart. */
    reopen: db.prepare(
      "UPDATE improvement_follow_ups SET status = 'planned', fixed_at = NULL, revisited_at = NULL, revisit_score = ? WHERE id = ?",
    ),
  };

  const toFollowUp = (row: FollowUpRow, settings: ImprovementSettings): FollowUp => ({
    id: row.id,
    surveyId: row.survey_id,
    responseId: row.response_id,
    customerName: row.customer_name,
    reason: row.reason,
    detail: row.detail,
    score: row.score,
    urgent: row.urgent === 1,
    status: row.status,
    owner: row.owner,
    plan: row.plan,
    raisedAt: row.raised_at,
    revisitScore: row.revisit_score,
    clocks: slaClocks(
      {
        urgent: row.urgent === 1,
        status: row.status,
        raisedAt: row.raised_at,
        acknowledgedAt: row.acknowledged_at,
        plannedAt: row.planned_at,
        fixedAt: row.fixed_at,
        revisitedAt: row.revisited_at,
      },
      settings.followUp,
      now(),
    ),
  });

  const row = (id: string) => {
    const found = s.get.get(id);
    if (!found) throw new AppError('NOT_FOUND', { what: `follow-up ${id}` });
    return found;
  };
  const stamp = () => now().toISOString();
  const requireStatus = (found: FollowUpRow, allowed: FollowUpStatus[]) => {
    if (!allowed.includes(found.status))
      throw new AppError('CONFLICT', { reason: `follow-up is ${found.status}` });
  };

  return {
    list: (surveyId: string | null, settings: ImprovementSettings) =>
      s.list.all(surveyId, surveyId).map((r) => toFollowUp(r, settings)),
    get: (id: string, settings: ImprovementSettings) => toFollowUp(row(id), settings),
    create(
      input: {
        surveyId: string | null;
        responseId: string | null;
        detail: string;
        urgent: boolean;
      },
      settings: ImprovementSettings,
    ): FollowUp {
      const id = randomUUID();
      s.insert.run(
        id,
        input.surveyId,
        input.responseId,
        null,
        'manual',
        input.detail,
        null,
        input.urgent ? 1 : 0,
        stamp(),
      );
      if (!s.get.get(id))
        throw new AppError('CONFLICT', { reason: 'this response already has a follow-up' });
      return toFollowUp(row(id), settings);
    },
    /** Raises one follow-up per triggering response of the wave (responses that already have one are skipped). */
    scan(surveyId: string, waveId: string, settings: ImprovementSettings): number {
      const found = s.definition.get(surveyId);
      if (!found) throw new AppError('NOT_FOUND', { what: `survey ${surveyId}` });
      const definition = definitionSchema.parse(JSON.parse(found.definition));
      let created = 0;
      db.transaction(() => {
        for (const response of s.responses.all(surveyId, waveId)) {
          const answers: RespondentAnswers = { numeric: new Map(), choices: new Map() };
          for (const a of s.answers.all(response.id)) {
            if (a.value_num !== null) answers.numeric.set(a.variable, a.value_num);
            else if (a.value_text !== null) answers.choices.set(a.variable, [a.value_text]);
            else if (a.value_json !== null) {
              const parsed = JSON.parse(a.value_json) as unknown;
              if (Array.isArray(parsed)) answers.choices.set(a.variable, parsed.map(String));
            }
          }
          const trigger = followUpTrigger(definition, answers, settings.followUp);
          if (!trigger) continue;
          // The clock starts when the customer said it, not when the scan ran.
          const raisedAt = response.completed_at ?? response.started_at;
          created += s.insert.run(
            randomUUID(),
            surveyId,
            response.id,
            response.customer_id,
            trigger.reason,
            trigger.detail,
            trigger.score,
            trigger.urgent ? 1 : 0,
            raisedAt,
          ).changes;
        }
      })();
      return created;
    },
    advance(
      input:
        | { id: string; step: 'acknowledge'; owner: string }
        | { id: string; step: 'plan'; plan: string }
        | { id: string; step: 'fix' }
        | { id: string; step: 'revisit'; score: number },
      settings: ImprovementSettings,
    ): FollowUp {
      const found = row(input.id);
      const at = stamp();
      switch (input.step) {
        case 'acknowledge':
          requireStatus(found, ['open']);
          s.acknowledge.run(input.owner, at, found.id);
          break;
        case 'plan':
          requireStatus(found, ['acknowledged', 'planned']);
          s.plan.run(input.plan, found.planned_at ?? at, found.id);
          break;
        case 'fix':
          requireStatus(found, ['planned']);
          s.fix.run(at, found.id);
          break;
        case 'revisit':
          requireStatus(found, ['fixed']);
          if (input.score >= settings.followUp.closeScore)
            s.revisit.run('closed', at, input.score, at, found.id);
          else s.reopen.run(input.score, found.id);
          break;
      }
      return toFollowUp(row(found.id), settings);
    },
  };
}

export type FollowUpStore = ReturnType<typeof followUpStore>;
