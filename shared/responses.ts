/** Responses as the API returns them, and the field-work inputs. */
import { z } from 'zod';
import type { Answers } from './questionnaire/runtime';

export const CHANNELS = ['interview', 'kiosk', 'paper', 'import'] as const;
export type Channel = (typeof CHANNELS)[number];
export const RESPONSE_STATUSES = ['in_progress', 'complete', 'abandoned', 'void'] as const;
export type ResponseStatus = (typeof RESPONSE_STATUSES)[number];

export const FLAG_RULES = ['too_fast', 'straight_lining', 'missing_key', 'duplicate', 'wrong_value'] as const;
export type FlagRule = (typeof FLAG_RULES)[number];

/** A quality flag with its reason; a reviewer may override it (keep the response or not). */
export interface QualityFlag {
  rule: FlagRule;
  detail: Record<string, string | number>;
  override: { keep: boolean; by: string; at: string; comment: string } | null;
}

export const CONSENT_METHODS = ['verbal', 'signed', 'tapped', 'paper'] as const;
export const consentSchema = z.strictObject({
  given: z.literal(true),
  method: z.enum(CONSENT_METHODS),
  /** The survey version whose consent text was shown (the text itself is in that version). */
  versionNo: z.number().int().min(1),
  givenAt: z.iso.datetime(),
});
export type Consent = z.infer<typeof consentSchema>;

/** An answer as it crosses the API: scale points are numbers, choices strings, multiple choice arrays. */
export const answerValueSchema = z.union([
  z.number().finite(),
  z.string().max(20_000),
  z.array(z.string().max(200)).max(500),
  z.null(),
]);

export interface Position {
  page: number;
  question?: string;
}

export interface EntryStats {
  keystrokes: number;
  corrections: number;
  durationMs: number;
}

export interface ResponseSummary {
  id: string;
  surveyId: string;
  surveyTitle: string;
  versionNo: number;
  waveId: string | null;
  waveName: string | null;
  customerId: string | null;
  customerName: string | null;
  channel: Channel;
  status: ResponseStatus;
  interviewer: string | null;
  revision: number;
  startedAt: string;
  completedAt: string | null;
  updatedAt: string;
  flags: QualityFlag[];
  batchId: string | null;
  cardNo: string | null;
  answerCount: number;
}

export interface HistoryEntry {
  revision: number;
  at: string;
  actor: string | null;
  action: string;
  variable: string | null;
  oldValue: unknown;
  newValue: unknown;
  comment: string | null;
}

export interface ResponseRecord extends ResponseSummary {
  deviceId: string;
  consent: Consent | null;
  notes: string;
  position: Position | null;
  answers: Answers;
  history: HistoryEntry[];
  entryStats: EntryStats | null;
}

export interface Wave {
  id: string;
  surveyId: string;
  name: string;
  startsOn: string | null;
  endsOn: string | null;
  createdAt: string;
  responseCount: number;
}

export interface CustomerSummary {
  id: string;
  code: string | null;
  name: string;
  type: string | null;
  region: string | null;
  industry: string | null;
  contact: string | null;
  accountManager: string | null;
}

export const customerInput = z.strictObject({
  code: z.string().trim().max(64).nullable().default(null),
  name: z.string().trim().min(1).max(200),
  type: z.string().trim().max(64).nullable().default(null),
  stage: z.string().trim().max(64).nullable().default(null),
  region: z.string().trim().max(64).nullable().default(null),
  industry: z.string().trim().max(64).nullable().default(null),
  size: z.string().trim().max(64).nullable().default(null),
  contact: z.string().trim().max(100).nullable().default(null),
  phone: z.string().trim().max(40).nullable().default(null),
  email: z.string().trim().max(200).nullable().default(null),
  accountManager: z.string().trim().max(100).nullable().default(null),
});
export type CustomerInput = z.infer<typeof customerInput>;

export const responseFilter = z.strictObject({
  surveyId: z.uuid().optional(),
  waveId: z.uuid().optional(),
  channel: z.enum(CHANNELS).optional(),
  status: z.enum(RESPONSE_STATUSES).optional(),
  flag: z.enum([...FLAG_RULES, 'any', 'none']).optional(),
  interviewer: z.string().max(100).optional(),
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
  limit: z.number().int().min(1).max(1000).default(200),
  offset: z.number().int().min(0).default(0),
});
export type ResponseFilter = z.infer<typeof responseFilter>;

export interface CleaningRules {
  /** Completed faster than this is "too fast" (DOMAIN.md: 2 minutes). */
  tooFastSeconds: number;
  /** Straight-lining needs at least this many scale answers, all at the same extreme. */
  straightLiningMinItems: number;
  /** Variables that must be answered (e.g. customer_id, contact_name); empty = none. */
  keyFields: string[];
}

export const DEFAULT_CLEANING_RULES: CleaningRules = { tooFastSeconds: 120, straightLiningMinItems: 5, keyFields: [] };


export const cleaningRulesPatch = z.strictObject({
  tooFastSeconds: z.number().int().min(0).max(36_000).optional(),
  straightLiningMinItems: z.number().int().min(2).max(200).optional(),
  keyFields: z.array(z.string().regex(/^[A-Za-z_][A-Za-z0-9_]{0,63}$/)).max(50).optional(),
});

export interface KioskSettings {
  /** Seconds without a touch before a partial response is saved as abandoned and the kiosk resets. */
  idleSeconds: number;
  /** Seconds the thank-you screen stays before the next visitor's welcome screen. */
  thanksSeconds: number;
  pinSet: boolean;
}

export const DEFAULT_KIOSK: Omit<KioskSettings, 'pinSet'> = { idleSeconds: 90, thanksSeconds: 5 };
