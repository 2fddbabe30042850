/**
 * The improvement loop (问题 → 改进措施 → 验证, 回访, 服务质量标准): the domain types shared by main,
 * the renderer, the CLI and the reports, with the default numbers of DOMAIN.md as settings.
 */
import { z } from 'zod';
import type { LocalizedText } from './questionnaire/model';

export const PRIORITIES = ['urgent', 'important', 'normal'] as const;
export type Priority = (typeof PRIORITIES)[number];

export const ROOT_CAUSES = ['people', 'process', 'tools', 'policy'] as const;
export type RootCause = (typeof ROOT_CAUSES)[number];

/** Churn risk and word of mouth are each rated low 1, medium 2, high 3. */
export const IMPACT_LEVELS = [1, 2, 3] as const;
export type ImpactLevel = (typeof IMPACT_LEVELS)[number];

export const PROBLEM_SOURCES = ['priority', 'theme', 'manual'] as const;
export type ProblemSource = (typeof PROBLEM_SOURCES)[number];

export const ACTION_STATUSES = [
  'planned',
  'in_progress',
  'done',
  'verified',
  'missed',
  'replanned',
] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];

/** What an action's target is measured on; every one is a figure of the analysis of one wave. */
export const METRIC_KINDS = ['index', 'dimension', 'item', 'nps', 'top2'] as const;
export type MetricKind = (typeof METRIC_KINDS)[number];
export const OPERATORS = ['>=', '>', '<=', '<'] as const;
export type Operator = (typeof OPERATORS)[number];

export const metricSchema = z.strictObject({
  kind: z.enum(METRIC_KINDS),
  /** Dimension id or item name (dimension/item/top2); null for index and NPS. */
  ref: z.string().max(64).nullable(),
});
export type Metric = z.infer<typeof metricSchema>;

export const FOLLOW_UP_REASONS = ['low_score', 'complaint', 'callback', 'manual'] as const;
export type FollowUpReason = (typeof FOLLOW_UP_REASONS)[number];
export const FOLLOW_UP_STATUSES = ['open', 'acknowledged', 'planned', 'fixed', 'closed'] as const;
export type FollowUpStatus = (typeof FOLLOW_UP_STATUSES)[number];

/** Every threshold of the loop; stored under the `improvement` settings key. */
export interface ImprovementSettings {
  priority: {
    /** Score = frequency (% of respondents) x impact (churn risk + word of mouth, 2-6). */
    urgentAt: number;
    importantAt: number;
  };
  /** An action due within this many days and not done is at risk. */
  atRiskDays: number;
  followUp: {
    /** A response whose overall or any dimension score (0-100) is below this raises a follow-up. */
    lowScore: number;
    /** ... and below this it is urgent. */
    urgentScore: number;
    ackHours: number;
    ackHoursUrgent: number;
    planDays: number;
    revisitDaysAfterFix: number;
    closeScore: number;
    closureTarget: number;
    /** A single-choice question asking for a call back, and its "no" answer. */
    callbackQuestion: string;
    callbackNo: string;
    /** A choice question and the answer that marks a complaint. */
    complaintQuestion: string;
    complaintValue: string;
  };
}

export const DEFAULT_IMPROVEMENT_SETTINGS: ImprovementSettings = {
  priority: { urgentAt: 60, importantAt: 30 },
  atRiskDays: 7,
  followUp: {
    lowScore: 60,
    urgentScore: 40,
    ackHours: 24,
    ackHoursUrgent: 2,
    planDays: 7,
    revisitDaysAfterFix: 3,
    closeScore: 80,
    closureTarget: 95,
    callbackQuestion: 'callback',
    callbackNo: 'no',
    complaintQuestion: 'service_type',
    complaintValue: 'complaint',
  },
};

const nonNegative = z.number().min(0).max(100000);
export const improvementSettingsPatch = z.strictObject({
  priority: z
    .strictObject({ urgentAt: nonNegative.optional(), importantAt: nonNegative.optional() })
    .optional(),
  atRiskDays: z.number().int().min(0).max(365).optional(),
  followUp: z
    .strictObject({
      lowScore: z.number().min(0).max(100).optional(),
      urgentScore: z.number().min(0).max(100).optional(),
      ackHours: z.number().min(0).max(10000).optional(),
      ackHoursUrgent: z.number().min(0).max(10000).optional(),
      planDays: z.number().min(0).max(365).optional(),
      revisitDaysAfterFix: z.number().min(0).max(365).optional(),
      closeScore: z.number().min(0).max(100).optional(),
      closureTarget: z.number().min(0).max(100).optional(),
      callbackQuestion: z.string().max(64).optional(),
      callbackNo: z.string().max(64).optional(),
      complaintQuestion: z.string().max(64).optional(),
      complaintValue: z.string().max(64).optional(),
    })
    .optional(),
});

/** Why a problem got its priority: the figures of the rule, shown on screen. */
export interface PriorityReason {
  frequency: number;
  impact: number;
  score: number;
  urgentAt: number;
  importantAt: number;
  priority: Priority;
}

/** A problem the analysis of a wave suggests (not stored until the user creates it). */
export interface ProblemSuggestion {
  source: Exclude<ProblemSource, 'manual'>;
  /** Driver id (dimension/item) or theme id. */
  sourceRef: string;
  title: LocalizedText;
  /** % of respondents: below the top two boxes (priority) or mentioning the theme. */
  frequency: number;
  churnRisk: ImpactLevel;
  wordOfMouth: ImpactLevel;
  reason: PriorityReason;
  /** The metric an action on it would target, and its value in this wave. */
  metric: Metric | null;
  baseline: number | null;
  detail: { performance?: number; importance?: number; quotes?: string[]; responseIds?: string[] };
  /** Already created as a problem. */
  problemId: string | null;
}

export interface Problem {
  id: string;
  surveyId: string;
  waveId: string | null;
  source: ProblemSource;
  sourceRef: string | null;
  title: string;
  description: string;
  frequency: number;
  churnRisk: ImpactLevel;
  wordOfMouth: ImpactLevel;
  reason: PriorityReason;
  rootCause: RootCause | null;
  whys: string[];
  metric: Metric | null;
  baseline: number | null;
  responseIds: string[];
  actionCount: number;
  createdAt: string;
}

export interface ActionEvent {
  id: number;
  kind: 'progress' | 'status' | 'replan' | 'verification';
  on: string;
  note: string;
  /** For a re-plan: the due date and measures before it. */
  before: { dueOn: string; measures: string } | null;
}

export interface Verification {
  actionId: string;
  waveId: string;
  waveName: string;
  value: number | null;
  baseline: number | null;
  target: number;
  operator: Operator;
  met: boolean;
  verifiedAt: string;
}

export interface Action {
  id: string;
  problemId: string;
  problemTitle: string;
  surveyId: string;
  title: string;
  metric: Metric;
  operator: Operator;
  target: number;
  baseline: number | null;
  baselineWaveId: string | null;
  measures: string;
  steps: string;
  owner: string;
  department: string;
  dueOn: string;
  status: ActionStatus;
  /** Due date passed and not done/verified. */
  overdue: boolean;
  /** Due within the at-risk window and not done/verified. */
  atRisk: boolean;
  events: ActionEvent[];
  verifications: Verification[];
  createdAt: string;
}

/** One SLA clock of a follow-up item. */
export interface SlaClock {
  due: string | null;
  doneAt: string | null;
  state: 'waiting' | 'open' | 'overdue' | 'met' | 'late';
}

export interface FollowUp {
  id: string;
  surveyId: string | null;
  responseId: string | null;
  customerName: string | null;
  reason: FollowUpReason;
  detail: string;
  score: number | null;
  urgent: boolean;
  status: FollowUpStatus;
  owner: string;
  plan: string;
  raisedAt: string;
  revisitScore: number | null;
  clocks: { acknowledge: SlaClock; plan: SlaClock; revisit: SlaClock };
}

export interface ClosureRate {
  closed: number;
  total: number;
  /** % closed; null when there is nothing yet. */
  rate: number | null;
  target: number;
  met: boolean | null;
}

export interface Standard {
  id: string;
  indicator: string;
  dimension: string;
  operator: Operator;
  target: number;
  formula: string;
  dataSource: 'survey' | 'manual';
  period: string;
  segment: { attribute: string; value: string } | null;
  metric: Metric | null;
  /** For manual indicators (e.g. response time from the ticket system): the latest figure. */
  manualValue: number | null;
  results: { waveId: string; waveName: string; value: number | null; met: boolean | null }[];
}

export interface Dashboard {
  actionsByStatus: Record<ActionStatus, number>;
  overdue: Action[];
  atRisk: Action[];
  verifications: (Verification & { actionTitle: string })[];
  followUps: { open: number; overdue: number; urgentOpen: number; closure: ClosureRate };
  standards: { met: number; notMet: number; unknown: number };
  problemsByPriority: Record<Priority, number>;
}
