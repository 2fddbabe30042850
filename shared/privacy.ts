/**
 * Personal-data rights: finding a respondent across surveys, exporting everything about them,
 * erasing them (deleted, or kept anonymised), and the retention period after which personal
 * fields are purged. Types shared by main, the renderer and the CLI.
 */
import type { Consent } from './responses';
import type { Customer } from './customers';

/**
 * Which field of a customer or a response matched the search; sampleNote, contactNote and
 * followUp are texts of sampling and the improvement loop that belong to the customer or response.
 */
export type MatchField =
  | 'code'
  | 'name'
  | 'contact'
  | 'phone'
  | 'email'
  | 'answer'
  | 'notes'
  | 'attributes'
  | 'sampleNote'
  | 'contactNote'
  | 'followUp';

export interface CustomerHit {
  id: string;
  code: string | null;
  name: string;
  contact: string | null;
  phone: string | null;
  email: string | null;
  matched: MatchField[];
  /** Responses linked to this customer, in every survey. */
  responseCount: number;
}

export interface ResponseHit {
  id: string;
  surveyTitle: string;
  surveyCode: string;
  waveName: string | null;
  startedAt: string;
  completedAt: string | null;
  status: string;
  customerId: string | null;
  customerName: string | null;
  /** The personal-data question whose answer matched (`answer` hits only). */
  matchedVariable: string | null;
  /** The matching text, shown so the user can tell people apart. */
  matchedValue: string | null;
  matched: MatchField[];
}

export interface PersonSearchResult {
  query: string;
  customers: CustomerHit[];
  responses: ResponseHit[];
  /** True when more hits exist than were listed: refine the search. */
  truncated: boolean;
}

/** Whom an export or erasure is about: customers (with all their responses) and loose responses. */
export interface PersonSubject {
  customerIds: string[];
  responseIds: string[];
}

/** A customer record as the register shows it. */
export type PersonCustomer = Customer;

export interface PersonAnswer {
  variable: string;
  /** The question's text in the survey (in the user's language when translated). */
  question: string;
  /** The answer as stored: number, code, text or list of codes. */
  value: number | string | string[] | null;
  /** The answer with choice codes replaced by their labels. */
  label: string;
  personal: boolean;
}

export interface PersonHistoryEntry {
  revision: number;
  at: string;
  actor: string | null;
  action: string;
  variable: string | null;
  oldValue: string | null;
  newValue: string | null;
  comment: string | null;
}

export interface PersonResponse {
  id: string;
  surveyTitle: string;
  surveyCode: string;
  versionNo: number;
  waveName: string | null;
  channel: string;
  status: string;
  revision: number;
  interviewer: string | null;
  deviceId: string;
  startedAt: string;
  completedAt: string | null;
  customerId: string | null;
  /** The consent recorded with the response; null when none was recorded. */
  consent: Consent | null;
  notes: string;
  /** Lead details noted with the response (trade shows), if any. */
  lead: string | null;
  attributes: Record<string, string>;
  answers: PersonAnswer[];
  history: PersonHistoryEntry[];
}

/** Rows of other tables that point at the person (follow-ups, sample memberships...). */
export interface LinkedRecords {
  table: string;
  rows: Record<string, unknown>[];
}

export interface PersonSampleContact {
  at: string;
  /** The local calendar day of the contact. */
  onDate: string;
  status: string;
  actor: string | null;
  note: string;
}

/** The person's customer drawn into a wave's sample, with its contact history. */
export interface PersonSampleMembership {
  waveId: string;
  waveName: string | null;
  surveyTitle: string | null;
  customerId: string;
  stratum: string;
  channel: string;
  status: string;
  accountManager: string | null;
  notes: string;
  updatedAt: string;
  contacts: PersonSampleContact[];
}

/** A follow-up (回访) raised for the person's customer record or one of their responses. */
export interface PersonFollowUp {
  id: string;
  customerId: string | null;
  responseId: string | null;
  reason: string;
  detail: string;
  score: number | null;
  urgent: boolean;
  status: string;
  owner: string;
  plan: string;
  raisedAt: string;
  revisitedAt: string | null;
  revisitScore: number | null;
  closedAt: string | null;
}

/** A problem of the improvement loop built partly on the person's responses. */
export interface PersonProblem {
  id: string;
  title: string;
  /** Lines of the problem's description copied from the person's open answers. */
  quotes: string[];
  /** The person's responses among those the problem is based on. */
  responseIds: string[];
}

/** Everything stored about one person: what "export my data" returns. */
export interface PersonRecord {
  subject: PersonSubject;
  exportedAt: string;
  customers: PersonCustomer[];
  responses: PersonResponse[];
  samples: PersonSampleMembership[];
  followUps: PersonFollowUp[];
  problems: PersonProblem[];
  /** Rows of any other table with a customer_id or response_id column pointing at the person. */
  linked: LinkedRecords[];
}

/** What an erasure did to the records of sampling and the improvement loop. Counts only. */
export interface LinkedErasure {
  sampleMemberships: number;
  sampleContacts: number;
  followUpsDeleted: number;
  followUpsAnonymised: number;
  /** Problems whose description lost quotes from the person's answers. */
  problemsCleaned: number;
}

export const ERASE_MODES = ['delete', 'anonymise'] as const;
/** delete: responses removed entirely; anonymise: answers kept without anything personal. */
export type EraseMode = (typeof ERASE_MODES)[number];

export interface EraseResult {
  mode: EraseMode;
  customersDeleted: number;
  responsesDeleted: number;
  responsesAnonymised: number;
  answersRemoved: number;
  tombstones: number;
  linked: LinkedErasure;
  /** The backup made just before the erasure (it still holds the erased data until rotated out). */
  backupPath: string;
  /** False when the write-ahead log could not be emptied yet (another connection was reading). */
  logCleared: boolean;
}

/** The retention period: personal fields of responses older than `days` are purged; null = off. */
export interface RetentionSettings {
  days: number | null;
}

export const RETENTION_MIN_DAYS = 30;
export const RETENTION_MAX_DAYS = 3650;

/** What a purge removes (or would remove, in a preview). Counts only, never the values. */
export interface PurgeCounts {
  /** Responses older than the cutoff that still hold personal-data answers. */
  responses: number;
  answers: number;
  /** Customers whose contact person, phone and e-mail are cleared. */
  customers: number;
  /** Sample memberships whose notes are cleared. */
  sampleNotes: number;
  /** Contacts of the sample whose note is cleared. */
  contactNotes: number;
  /** Follow-ups (回访) whose detail and plan are cleared. */
  followUps: number;
}

export interface RetentionStatus extends RetentionSettings {
  /** Cutoff of the current setting (ISO), or null when retention is off. */
  cutoff: string | null;
  preview: PurgeCounts | null;
  lastPurge: { at: string; counts: PurgeCounts; trigger: PurgeTrigger } | null;
}

export type PurgeTrigger = 'start' | 'daily' | 'manual';

export interface PurgeResult extends PurgeCounts {
  cutoff: string;
  at: string;
}

/** A backup written to a file the user chose. */
export interface BackupFileResult {
  path: string;
  sizeBytes: number;
}

/** A database replaced by a backup while the app runs; the previous data is kept in `keptAs`. */
export interface RestoreFileResult {
  restoredFrom: string;
  keptAs: string;
  schemaVersion: number;
  /** The backup's schema was older and was brought up to date. */
  migratedFrom: number | null;
}
