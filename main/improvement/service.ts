/**
 * The improvement loop as one service: problems suggested by a wave's analysis, actions with a
 * baseline from that wave, their verification when a later wave is analysed, follow-ups and
 * standards, and the dashboard that sums them up. The clock is injected.
 */
import type { ActionInput, ProblemInput } from '../../shared/api/improvement';
import type { AnalysisRequest, AnalysisResult } from '../../shared/analysis';
import { AppError } from '../../shared/errors';
import {
  ACTION_STATUSES,
  PRIORITIES,
  type Action,
  type Dashboard,
  type ProblemSuggestion,
  type Verification,
} from '../../shared/improvement';
import { runAnalysis } from '../analysis/engine';
import { getThemes } from '../analysis/themes';
import type { Db } from '../db/connection';
import { actionStore, verificationFromRow } from './actions';
import { followUpStore } from './follow-ups';
import { meetsTarget, metricValue, suggestProblems } from './metrics';
import { getImprovementSettings } from './settings';
import { closureRate, isOverdue } from './sla';
import { standardStore } from './standards';

/** Analyses one wave (optionally one segment) the way the analysis screen does by default. */
export type WaveAnalyser = (
  surveyId: string,
  waveId: string,
  segment?: AnalysisRequest['segment'],
) => Promise<AnalysisResult>;

export function analyserFor(db: Db): WaveAnalyser {
  return (surveyId, waveId, segment) =>
    runAnalysis(
      db,
      {
        surveyId,
        waveIds: [waveId],
        quality: 'clean',
        conversion: 'ratio',
        crossBy: 'type',
        ...(segment ? { segment } : {}),
      },
      { themes: getThemes(db) },
    );
}

interface WaveRow {
  id: string;
  survey_id: string;
  name: string;
  position: number;
}

export function improvementService(
  db: Db,
  options: { now?: () => Date; analyse?: WaveAnalyser } = {},
) {
  const now = options.now ?? (() => new Date());
  const analyse = options.analyse ?? analyserFor(db);
  const actions = actionStore(db, now);
  const followUps = followUpStore(db, now);
  const standards = standardStore(db, now);
  const settings = () => getImprovementSettings(db);
  // Waves of a survey in fieldwork order: by start date, then by creation.
  const wavesOf = db.prepare<[string], WaveRow>(
    `SELECT id, survey_id, name, row_number() OVER (ORDER BY COALESCE(starts_on, created_at), created_at) AS position FROM waves WHERE survey_id = ?`,
  );
  const waveOf = (surveyId: string, waveId: string) => {
    const waves = wavesOf.all(surveyId);
    const wave = waves.find((w) => w.id === waveId);
    if (!wave) throw new AppError('NOT_FOUND', { what: `wave ${waveId}` });
    return { wave, waves };
  };
  const verificationsOf = db.prepare<
    [string | null, string | null],
    Parameters<typeof verificationFromRow>[0] & { action_title: string }
  >(
    `SELECT v.*, w.name AS wave_name, a.title AS action_title FROM improvement_verifications v JOIN waves w ON w.id = v.wave_id
     JOIN improvement_actions a ON a.id = v.action_id JOIN improvement_problems p ON p.id = a.problem_id
     WHERE (? IS NULL OR p.survey_id = ?) ORDER BY v.verified_at DESC`,
  );

  async function baselineOf(
    problemId: string,
    metric: ActionInput['metric'],
  ): Promise<{ value: number | null; waveId: string | null }> {
    const problem = actions.problemRow(problemId);
    if (problem.wave_id === null) return { value: null, waveId: null };
    if (problem.metric !== null && problem.metric === JSON.stringify(metric))
      return { value: problem.baseline, waveId: problem.wave_id };
    return {
      value: metricValue(await analyse(problem.survey_id, problem.wave_id), metric),
      waveId: problem.wave_id,
    };
  }

  return {
    settings,
    async suggestions(surveyId: string, waveId: string): Promise<ProblemSuggestion[]> {
      waveOf(surveyId, waveId);
      const result = await analyse(surveyId, waveId);
      const created = new Map(
        actions
          .problems(surveyId, settings())
          .filter((p) => p.waveId === waveId && p.sourceRef !== null)
          .map((p) => [p.sourceRef!, p.id]),
      );
      return suggestProblems(result, settings().priority).map((s) => ({
        ...s,
        problemId: created.get(s.sourceRef) ?? null,
      }));
    },
    problems: (surveyId: string | null) => actions.problems(surveyId, settings()),
    async createProblem(input: ProblemInput) {
      let baseline: number | null = null;
      if (input.waveId !== null) {
        waveOf(input.surveyId, input.waveId);
        if (input.metric)
          baseline =
            input.baseline !== undefined
              ? input.baseline
              : metricValue(await analyse(input.surveyId, input.waveId), input.metric);
      }
      return actions.createProblem(input, baseline, settings());
    },
    updateProblem: (patch: Parameters<typeof actions.updateProblem>[0]) =>
      actions.updateProblem(patch, settings()),
    deleteProblem: (id: string) => ({ deleted: actions.deleteProblem(id) }),
    deleteAction: (id: string) => ({ deleted: actions.deleteAction(id) }),
    actions(surveyId: string | null, overdueOnly = false): Action[] {
      const list = actions.actions(surveyId, settings());
      return overdueOnly ? list.filter((a) => a.overdue) : list;
    },
    async createAction(input: ActionInput) {
      return actions.createAction(
        input,
        await baselineOf(input.problemId, input.metric),
        settings(),
      );
    },
    updateAction: (patch: Parameters<typeof actions.updateAction>[0]) =>
      actions.updateAction(patch, settings()),
    setActionStatus: (id: string, status: Action['status'], note: string) =>
      actions.setStatus(id, status, note, settings()),
    addProgress: (id: string, on: string, note: string) =>
      actions.addProgress(id, on, note, settings()),
    replan: (id: string, dueOn: string, measures: string, note: string) =>
      actions.replan(id, dueOn, measures, note, settings()),

    /**
     * Analyses the wave: every action whose baseline wave came earlier gets this wave's figure,
     * compared with its target (met → verified, not met → missed, which prompts a re-plan), and
     * every survey-sourced standard gets its value for this wave (per segment when it has one).
     */
    async evaluateWave(
      surveyId: string,
      waveId: string,
      checkCancelled: () => void = () => undefined,
    ): Promise<{ verifications: Verification[]; standards: number }> {
      const { wave, waves } = waveOf(surveyId, waveId);
      const position = new Map(waves.map((w) => [w.id, w.position]));
      // Every analysis first (the wave, then each segment a standard needs), so that all writes
      // come after the last chance to cancel.
      const result = await analyse(surveyId, waveId);
      const bySegment = new Map<string, AnalysisResult>();
      for (const standard of standards.surveyStandards()) {
        const key = JSON.stringify(standard.segment);
        if (!standard.segment || bySegment.has(key)) continue;
        const segment = {
          attribute: standard.segment.attribute as 'type',
          value: standard.segment.value,
        };
        bySegment.set(key, await analyse(surveyId, waveId, segment));
      }
      checkCancelled();
      const current = settings();
      const verifications: Verification[] = [];
      let computed = 0;
      // One transaction for every write: one durable commit, and all or nothing.
      db.transaction(() => {
        for (const row of actions.actionRows(surveyId)) {
          const base =
            row.baseline_wave_id === null ? undefined : position.get(row.baseline_wave_id);
          if (base === undefined || base >= wave.position) continue;
          const value = metricValue(result, JSON.parse(row.metric) as Action['metric']);
          // No figure (no clean response in the wave, or the metric left the questionnaire):
          // nothing to verify with, rather than a target "missed".
          if (value === null) continue;
          const met = meetsTarget(value, row.operator, row.target);
          // A later wave's verification, when there is one, keeps deciding the status.
          const later = actions
            .action(row.id, current)
            .verifications.some((v) => (position.get(v.waveId) ?? 0) > wave.position);
          actions.recordVerification(row, waveId, value, met, !later);
          verifications.push(
            actions.action(row.id, current).verifications.find((v) => v.waveId === waveId)!,
          );
        }
        for (const standard of standards.surveyStandards()) {
          const source = standard.segment
            ? bySegment.get(JSON.stringify(standard.segment))!
            : result;
          const value = metricValue(source, standard.metric!);
          if (value === null) continue;
          standards.recordResult(
            standard.id,
            waveId,
            value,
            meetsTarget(value, standard.operator, standard.target),
          );
          computed++;
        }
      })();
      return { verifications, standards: computed };
    },

    followUps: (surveyId: string | null) => followUps.list(surveyId, settings()),
    scanFollowUps: (surveyId: string, waveId: string) => {
      waveOf(surveyId, waveId);
      return { created: followUps.scan(surveyId, waveId, settings()) };
    },
    createFollowUp: (input: Parameters<typeof followUps.create>[0]) =>
      followUps.create(input, settings()),
    advanceFollowUp: (input: Parameters<typeof followUps.advance>[0]) =>
      followUps.advance(input, settings()),

    standards: () => standards.list(),
    saveStandard: (input: Parameters<typeof standards.save>[0]) => standards.save(input),
    deleteStandard: (id: string) => ({ deleted: standards.remove(id) }),

    dashboard(surveyId: string | null): Dashboard {
      const current = settings();
      const list = actions.actions(surveyId, current);
      const actionsByStatus = Object.fromEntries(
        ACTION_STATUSES.map((s) => [s, list.filter((a) => a.status === s).length]),
      ) as Dashboard['actionsByStatus'];
      const problems = actions.problems(surveyId, current);
      const items = followUps.list(surveyId, current);
      const open = items.filter((f) => f.status !== 'closed');
      const standardList = standards.list().map((s) => {
        if (s.dataSource === 'manual')
          return s.manualValue === null ? null : meetsTarget(s.manualValue, s.operator, s.target);
        return s.results.at(-1)?.met ?? null;
      });
      return {
        actionsByStatus,
        overdue: list.filter((a) => a.overdue),
        atRisk: list.filter((a) => a.atRisk),
        verifications: verificationsOf
          .all(surveyId, surveyId)
          .map((r) => ({ ...verificationFromRow(r), actionTitle: r.action_title })),
        followUps: {
          open: open.length,
          overdue: open.filter((f) => isOverdue(f.clocks)).length,
          urgentOpen: open.filter((f) => f.urgent).length,
          closure: closureRate(
            items.map((f) => f.status),
            current.followUp.closureTarget,
          ),
        },
        standards: {
          met: standardList.filter((m) => m === true).length,
          notMet: standardList.filter((m) => m === false).length,
          unknown: standardList.filter((m) => m === null).length,
        },
        problemsByPriority: Object.fromEntries(
          PRIORITIES.map((p) => [p, problems.filter((x) => x.reason.priority === p).length]),
        ) as Dashboard['problemsByPriority'],
      };
    },
  };
}

export type ImprovementService = ReturnType<typeof improvementService>;
