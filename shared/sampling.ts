/**
 * Wave planning and stratified sampling (调查批次与分层抽样): the wave's plan and targets, the
 * sampling design a user chooses, the plan per stratum shown before drawing, and the sample list
 * with its contact tracking. Defaults come from DOMAIN.md "Planning" and live in the settings.
 */
import { z } from 'zod';
import { CHANNELS, type Channel } from './responses';

/** Customer attributes a sample can be stratified by (columns of the customer register). */
export const STRATUM_ATTRIBUTES = [
  'type',
  'stage',
  'region',
  'industry',
  'size',
  'accountManager',
  'tags',
] as const;
export type StratumAttribute = (typeof STRATUM_ATTRIBUTES)[number];

/** Where a sampled customer stands in the contact process. */
export const CONTACT_STATUSES = [
  'not_contacted',
  'reminded',
  'interviewed',
  'refused',
  'unreachable',
] as const;
export type ContactStatus = (typeof CONTACT_STATUSES)[number];

/** The rule that sets each stratum's sample size. */
export const SAMPLE_RULES = ['domain', 'fixedSize', 'fixedFraction'] as const;
export type SampleRuleKind = (typeof SAMPLE_RULES)[number];

/** The sampling defaults (DOMAIN.md "Planning"); stored in the settings, copied into new wave plans. */
export interface SamplingDefaults {
  /** A stratum with at least this many customers is sampled... */
  minBase: number;
  /** ...at no less than this fraction (0-1). */
  minFraction: number;
  /** A smaller stratum is surveyed in full ('all') or with at least `smallMin` customers. */
  smallStratum: 'all' | 'atLeast';
  smallMin: number;
  /** Target response rate (0-1) per channel; 'import' is the online channel. */
  targetRates: Record<Channel, number>;
  /** Reminders are due this many days after the first contact. */
  reminderDays: number[];
}

export const DEFAULT_SAMPLING: SamplingDefaults = {
  minBase: 100,
  minFraction: 0.3,
  smallStratum: 'all',
  smallMin: 50,
  targetRates: { interview: 0.8, kiosk: 0.6, paper: 0.6, import: 0.6 },
  reminderDays: [3, 5],
};

const rate = z.number().min(0).max(1);
const reminderDays = z.array(z.number().int().min(1).max(60)).max(5);
const targetRates = z.strictObject({
  interview: rate.optional(),
  kiosk: rate.optional(),
  paper: rate.optional(),
  import: rate.optional(),
});

export const samplingDefaultsPatch = z.strictObject({
  minBase: z.number().int().min(1).max(100_000).optional(),
  minFraction: z.number().gt(0).max(1).optional(),
  smallStratum: z.enum(['all', 'atLeast']).optional(),
  smallMin: z.number().int().min(1).max(100_000).optional(),
  targetRates: targetRates.optional(),
  reminderDays: reminderDays.optional(),
});
export type SamplingDefaultsPatch = z.infer<typeof samplingDefaultsPatch>;

/** A measurable target of the wave, e.g. "response-speed score" from 3.5 to 4.2. */
export interface TargetFigure {
  metric: string;
  baseline: number | null;
  target: number;
}

const targetFigure = z.strictObject({
  metric: z.string().trim().min(1).max(200),
  baseline: z.number().finite().nullable(),
  target: z.number().finite(),
});

/** A wave with its plan: period, channels, goal, target figures, response-rate targets, reminders. */
export interface WavePlan {
  id: string;
  surveyId: string;
  name: string;
  startsOn: string | null;
  endsOn: string | null;
  goal: string;
  targetFigures: TargetFigure[];
  channels: Channel[];
  targetRates: Record<Channel, number>;
  reminderDays: number[];
  createdAt: string;
}

export const wavePlanPatch = z.strictObject({
  id: z.uuid(),
  name: z.string().trim().min(1).max(100).optional(),
  startsOn: z.iso.date().nullable().optional(),
  endsOn: z.iso.date().nullable().optional(),
  goal: z.string().trim().max(2000).optional(),
  targetFigures: z.array(targetFigure).max(20).optional(),
  channels: z.array(z.enum(CHANNELS)).min(1).max(CHANNELS.length).optional(),
  targetRates: targetRates.optional(),
  reminderDays: reminderDays.optional(),
});
export type WavePlanPatch = z.infer<typeof wavePlanPatch>;

/** How every stratum's sample size is set. */
export const sampleRule = z.discriminatedUnion('kind', [
  /** DOMAIN.md: base >= minBase -> >= minFraction; smaller strata all or >= smallMin. */
  z.strictObject({
    kind: z.literal('domain'),
    smallStratum: z.enum(['all', 'atLeast']).optional(),
  }),
  z.strictObject({ kind: z.literal('fixedSize'), size: z.number().int().min(1).max(1_000_000) }),
  z.strictObject({ kind: z.literal('fixedFraction'), fraction: z.number().gt(0).max(1) }),
]);
export type SampleRule = z.infer<typeof sampleRule>;

/**
 * A rule set for one stratum, replacing the general rule there: strategic strata (e.g. all
 * high-value customers) surveyed in full, or a size chosen for that stratum.
 */
export const stratumOverride = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('all') }),
  z.strictObject({ kind: z.literal('fixedSize'), size: z.number().int().min(1).max(1_000_000) }),
]);
export type StratumOverride = z.infer<typeof stratumOverride>;

/** What the user chooses before drawing. */
export const sampleDesign = z.strictObject({
  strata: z.array(z.enum(STRATUM_ATTRIBUTES)).max(STRATUM_ATTRIBUTES.length).default([]),
  rule: sampleRule.default({ kind: 'domain' }),
  /** Customer codes or ids surveyed with certainty (strategic accounts). */
  alwaysInclude: z.array(z.string().trim().min(1).max(64)).max(10_000).default([]),
  /** Per stratum key (as in the plan): a rule replacing the general one there. */
  overrides: z.record(z.string().min(1).max(500), stratumOverride).default({}),
});
export type SampleDesignInput = z.input<typeof sampleDesign>;
export type SampleDesign = z.output<typeof sampleDesign>;

/** How one stratum's size was decided, for the plan's explanation. */
export type StratumBasis =
  | 'fraction'
  | 'all'
  | 'atLeast'
  | 'fixedSize'
  | 'fixedFraction'
  | 'certainOnly'
  /** Set for this stratum: everyone, or a chosen size. */
  | 'allChosen'
  | 'sizeChosen';

/** One stratum of the plan, shown before drawing. */
export interface PlanStratum {
  /** Stable key: the attribute values joined, e.g. "老客户 | 华东". */
  key: string;
  values: Partial<Record<StratumAttribute, string>>;
  population: number;
  /** Always-include members (inclusion probability 1, weight 1). */
  certain: number;
  sampleSize: number;
  /** sampleSize / population. */
  fraction: number;
  /** The design weight of a randomly drawn member: (N - certain) / (n - certain); null if none drawn. */
  weight: number | null;
  basis: StratumBasis;
}

export interface SamplePlan {
  design: SampleDesign;
  strata: PlanStratum[];
  population: number;
  sampleSize: number;
  /** Always-include entries that match no customer. */
  unknownIncludes: string[];
}

/** The stored sample of a wave. */
export interface SampleInfo {
  waveId: string;
  seed: number;
  design: SampleDesign;
  drawnAt: string;
  drawnBy: string | null;
  population: number;
  size: number;
}

/** One sampled customer with its contact state. */
export interface SampleMember {
  customerId: string;
  code: string | null;
  name: string;
  contact: string | null;
  phone: string | null;
  email: string | null;
  stratum: string;
  inclusionProbability: number;
  weight: number;
  certain: boolean;
  channel: Channel;
  status: ContactStatus;
  accountManager: string | null;
  firstContactAt: string | null;
  lastContactAt: string | null;
  /** Reminder due dates (YYYY-MM-DD), from the first contact and the wave's reminder days. */
  remindersDue: string[];
  remindersSent: number;
  /** The next reminder date if one is still owed, else null. */
  nextReminder: string | null;
  notes: string;
  /** A completed response of this customer in this wave exists. */
  responded: boolean;
}

export interface ContactEvent {
  at: string;
  status: ContactStatus;
  actor: string | null;
  note: string;
}

/** Responses against the target for one group (a stratum or a channel). */
export interface RateRow {
  key: string;
  sampled: number;
  responded: number;
  rate: number;
  /** The target rate (0-1); for a stratum, the target of its members' channels, weighted. */
  target: number;
}

export interface ResponseRates {
  overall: RateRow;
  byStratum: RateRow[];
  byChannel: RateRow[];
}

/** The sample list of a wave, with its live response rates. */
export interface SampleView {
  wave: WavePlan;
  sample: SampleInfo | null;
  members: SampleMember[];
  rates: ResponseRates | null;
  /** Today's local date (YYYY-MM-DD) the due reminders were judged against. */
  today: string;
}

// Customer ids are UUIDs made by this app, but registers merged from other tools may differ.
export const customerId = z.string().min(1).max(64);
export const memberIds = z.array(customerId).min(1).max(100_000);

/** Which members a call list contains. */
export const sampleListFilter = z.strictObject({
  status: z.enum(CONTACT_STATUSES).optional(),
  accountManager: z.string().max(100).optional(),
  stratum: z.string().max(500).optional(),
  dueOnly: z.boolean().optional(),
  respondedOnly: z.boolean().optional(),
  notResponded: z.boolean().optional(),
});
export type SampleListFilter = z.infer<typeof sampleListFilter>;

/** Whether a member passes the filter on `today` (used by the screen and the exported lists alike). */
export function memberMatches(
  member: SampleMember,
  filter: SampleListFilter,
  today: string,
): boolean {
  if (filter.status && member.status !== filter.status) return false;
  if (
    filter.accountManager !== undefined &&
    (member.accountManager ?? '') !== filter.accountManager
  )
    return false;
  if (filter.stratum !== undefined && member.stratum !== filter.stratum) return false;
  if (filter.dueOnly && !isReminderDue(member, today)) return false;
  if (filter.respondedOnly && !member.responded) return false;
  if (filter.notResponded && member.responded) return false;
  return true;
}

/** A reminder is due when one is owed and its date has come, and the customer has not answered. */
export function isReminderDue(member: SampleMember, today: string): boolean {
  return !member.responded && member.nextReminder !== null && member.nextReminder <= today;
}

/**
 * Interviewed is final. A refusal may still turn into an interview (the customer calls back) or
 * a second attempt; everything else may move to any contacted status.
 */
const NEXT: Record<ContactStatus, readonly ContactStatus[]> = {
  not_contacted: ['reminded', 'interviewed', 'refused', 'unreachable'],
  reminded: ['reminded', 'interviewed', 'refused', 'unreachable'],
  unreachable: ['reminded', 'interviewed', 'refused', 'unreachable'],
  refused: ['reminded', 'interviewed'],
  interviewed: [],
};

export function canMove(from: ContactStatus, to: ContactStatus): boolean {
  return NEXT[from].includes(to);
}
