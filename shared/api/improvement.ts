/** The improvement loop: problems, actions and their verification, follow-ups (回访), service-quality standards. */
import { z } from 'zod';
import {
  ACTION_STATUSES,
  improvementSettingsPatch,
  metricSchema,
  OPERATORS,
  PROBLEM_SOURCES,
  ROOT_CAUSES,
  type Action,
  type Dashboard,
  type FollowUp,
  type ImprovementSettings,
  type Problem,
  type Standard,
} from '../improvement';
import { method, noInput } from './method';

const impact = z.union([z.literal(1), z.literal(2), z.literal(3)]);
const text = (max: number) => z.string().trim().max(max);
const isoDate = z.iso.date();
const surveyWave = z.strictObject({ surveyId: z.uuid(), waveId: z.uuid() });

export const problemInput = z.strictObject({
  surveyId: z.uuid(),
  waveId: z.uuid().nullable().default(null),
  source: z.enum(PROBLEM_SOURCES).default('manual'),
  sourceRef: z.string().max(200).nullable().default(null),
  title: text(200).min(1),
  description: text(4000).default(''),
  frequency: z.number().min(0).max(100),
  churnRisk: impact,
  wordOfMouth: impact,
  rootCause: z.enum(ROOT_CAUSES).nullable().default(null),
  whys: z.array(text(500)).max(5).default([]),
  metric: metricSchema.nullable().default(null),
  /** The metric's value in the wave as the suggestion (improvement.suggest job) computed it; else computed here. */
  baseline: z.number().min(-100).max(100).nullable().optional(),
  responseIds: z.array(z.string().min(1).max(64)).max(1000).default([]),
});
export type ProblemInput = z.output<typeof problemInput>;

export const problemPatch = z.strictObject({
  id: z.uuid(),
  title: text(200).min(1).optional(),
  description: text(4000).optional(),
  frequency: z.number().min(0).max(100).optional(),
  churnRisk: impact.optional(),
  wordOfMouth: impact.optional(),
  rootCause: z.enum(ROOT_CAUSES).nullable().optional(),
  whys: z.array(text(500)).max(5).optional(),
});
export type ProblemPatch = z.output<typeof problemPatch>;

export const actionInput = z.strictObject({
  problemId: z.uuid(),
  title: text(200).min(1),
  metric: metricSchema,
  operator: z.enum(OPERATORS).default('>='),
  target: z.number().min(-100).max(100),
  measures: text(4000).default(''),
  steps: text(4000).default(''),
  owner: text(100).min(1),
  department: text(100).default(''),
  dueOn: isoDate,
});
export type ActionInput = z.output<typeof actionInput>;

export const standardInput = z.strictObject({
  id: z.uuid().optional(),
  indicator: text(200).min(1),
  dimension: text(200).default(''),
  operator: z.enum(OPERATORS).default('>='),
  target: z.number().min(-100000).max(100000),
  formula: text(1000).default(''),
  dataSource: z.enum(['survey', 'manual']),
  period: text(100).default(''),
  segment: z
    .strictObject({
      attribute: z.enum(['type', 'stage', 'region', 'industry', 'size', 'channel']),
      value: text(200).min(1),
    })
    .nullable()
    .default(null),
  metric: metricSchema.nullable().default(null),
  manualValue: z.number().nullable().default(null),
});
export type StandardInput = z.output<typeof standardInput>;

export const improvementMethods = {
  'improvement.settings': method<ImprovementSettings>()(noInput),
  'improvement.updateSettings': method<ImprovementSettings>()(improvementSettingsPatch),
  'improvement.dashboard': method<Dashboard>()(z.strictObject({ surveyId: z.uuid().optional() })),
  'improvement.problems': method<Problem[]>()(z.strictObject({ surveyId: z.uuid().optional() })),
  'improvement.createProblem': method<Problem>()(problemInput),
  'improvement.updateProblem': method<Problem>()(problemPatch),
  /** Removes a problem with its actions and their history. */
  'improvement.deleteProblem': method<{ deleted: boolean }>()(z.strictObject({ id: z.uuid() })),
  'improvement.deleteAction': method<{ deleted: boolean }>()(z.strictObject({ id: z.uuid() })),
  'improvement.actions': method<Action[]>()(
    z.strictObject({ surveyId: z.uuid().optional(), overdue: z.boolean().default(false) }),
  ),
  /** The baseline is the metric's value in the wave the problem came from. */
  'improvement.createAction': method<Action>()(actionInput),
  /** Who does it and how: the target, baseline, due date and measures change only by a re-plan. */
  'improvement.updateAction': method<Action>()(
    z.strictObject({
      id: z.uuid(),
      title: text(200).min(1).optional(),
      owner: text(100).min(1).optional(),
      department: text(100).optional(),
      steps: text(4000).optional(),
    }),
  ),
  'improvement.setActionStatus': method<Action>()(
    z.strictObject({
      id: z.uuid(),
      status: z.enum(ACTION_STATUSES).exclude(['verified', 'missed', 'replanned']),
      note: text(2000).default(''),
    }),
  ),
  'improvement.addProgress': method<Action>()(
    z.strictObject({ id: z.uuid(), on: isoDate, note: text(2000).min(1) }),
  ),
  /** A new due date and measures; the old ones stay in the action's history. */
  'improvement.replan': method<Action>()(
    z.strictObject({
      id: z.uuid(),
      dueOn: isoDate,
      measures: text(4000).min(1),
      note: text(2000).default(''),
    }),
  ),
  'improvement.followUps': method<FollowUp[]>()(z.strictObject({ surveyId: z.uuid().optional() })),
  /** Raises follow-ups from the wave's responses: low scores, complaints, call-back requests. */
  'improvement.scanFollowUps': method<{ created: number }>()(surveyWave),
  'improvement.createFollowUp': method<FollowUp>()(
    z.strictObject({
      surveyId: z.uuid().nullable().default(null),
      responseId: z.uuid().nullable().default(null),
      detail: text(2000).min(1),
      urgent: z.boolean().default(false),
    }),
  ),
  'improvement.advanceFollowUp': method<FollowUp>()(
    z.discriminatedUnion('step', [
      z.strictObject({ id: z.uuid(), step: z.literal('acknowledge'), owner: text(100).min(1) }),
      z.strictObject({ id: z.uuid(), step: z.literal('plan'), plan: text(2000).min(1) }),
      z.strictObject({ id: z.uuid(), step: z.literal('fix') }),
      z.strictObject({
        id: z.uuid(),
        step: z.literal('revisit'),
        score: z.number().min(0).max(100),
      }),
    ]),
  ),
  'improvement.standards': method<Standard[]>()(noInput),
  'improvement.saveStandard': method<Standard>()(standardInput),
  'improvement.deleteStandard': method<{ deleted: boolean }>()(z.strictObject({ id: z.uuid() })),
};
