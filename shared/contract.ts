/**
 * The one API contract between the renderer and the main process (and the browser host and CLI).
 * Each method has a zod schema for its input, checked in main before any service runs, and an
 * output type. Adding a capability = a method here, a handler in main/api/handlers, a screen.
 */
import { z } from 'zod';
import type { ApiError, ErrorCode } from './errors';
import type { Messages } from './i18n/en';
import { LOCALES, type Locale } from './locale';
import type { ChangeSummary } from './questionnaire/changes';
import type { FormProblem } from './questionnaire/check';
import { definitionSchema, surveyLanguage, type SurveyDefinition } from './questionnaire/model';
import { TEMPLATE_IDS, type TemplateSummary } from './questionnaire/templates';
import type { PublishResult, SurveyDetail, SurveyImportResult, SurveySummary } from './surveys';

/** A method's declaration: the input schema at run time, the output type at compile time only. */
export interface MethodSpec<I extends z.ZodType, O> {
  input: I;
  /** Phantom field carrying the output type; never set at run time. */
  output?: O;
}

function method<O>() {
  return <I extends z.ZodType>(input: I): MethodSpec<I, O> => ({ input });
}

const noInput = z.strictObject({});

/**
 * A custom validation message is an i18n key (`validation.<name>`), not text: the dispatcher
 * translates it into the caller's language, as zod's own messages are.
 */
export function validationKey(name: keyof Messages['validation']): string {
  return `validation.${name}`;
}

export const JOB_KINDS = ['db.backup', 'db.verify'] as const;
export type JobKind = (typeof JOB_KINDS)[number];

export const jobStartInput = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('db.backup') }),
  z.strictObject({ kind: z.literal('db.verify') }),
]);
export type JobStartInput = z.infer<typeof jobStartInput>;

/** Record counts per table, shown by `info`. */
export interface RecordCounts {
  surveys: number;
  surveyVersions: number;
  waves: number;
  customers: number;
  responses: number;
  answers: number;
}

export type Runtime = 'electron' | 'host' | 'cli';

/** What `surveydesk info` and the Settings screen show about this installation. */
export interface AppInfo {
  appVersion: string;
  schemaVersion: number;
  latestSchemaVersion: number;
  dbPath: string;
  deviceId: string;
  runtime: Runtime;
  systemLocale: string;
  counts: RecordCounts;
}

/** User settings stored in the database; `locale` null means "follow the system". */
export interface Settings {
  locale: Locale | null;
}

export type BackupReason = 'manual' | 'migration' | 'daily';

export interface BackupInfo {
  path: string;
  fileName: string;
  createdAt: string;
  sizeBytes: number;
  reason: BackupReason;
  schemaVersion: number | null;
}

export type JobStatus = 'running' | 'done' | 'failed' | 'cancelled';

export interface JobProgress {
  done: number;
  total: number;
}

/** A long-running job as the UI sees it; progress and the final state arrive as events. */
export interface JobState {
  id: string;
  kind: JobKind;
  status: JobStatus;
  progress: JobProgress;
  startedAt: string;
  finishedAt: string | null;
  result: unknown;
  error: { code: ErrorCode; message: string } | null;
}

export interface FileFilter {
  name: string;
  extensions: string[];
}

const fileFilters = z
  .array(
    z.strictObject({
      name: z.string().min(1).max(100),
      extensions: z
        .array(z.string().regex(/^[a-z0-9*]{1,10}$/i))
        .min(1)
        .max(20),
    }),
  )
  .max(10)
  .default([]);

export const contract = {
  /** Versions, database location and record counts. */
  'app.info': method<AppInfo>()(noInput),
  'settings.get': method<Settings>()(noInput),
  'settings.update': method<Settings>()(
    z.strictObject({ locale: z.enum(LOCALES).nullable().optional() }),
  ),
  'backups.list': method<BackupInfo[]>()(noInput),
  /** Start a long job; its progress and result arrive as `job` events. */
  'jobs.start': method<JobState>()(jobStartInput),
  'jobs.cancel': method<JobState>()(z.strictObject({ id: z.uuid() })),
  'jobs.list': method<JobState[]>()(noInput),
  'surveys.list': method<SurveySummary[]>()(noInput),
  'surveys.templates': method<TemplateSummary[]>()(noInput),
  /** A new survey from a built-in template, or blank in the given language. */
  'surveys.create': method<SurveyDetail>()(
    z.strictObject({ template: z.enum(TEMPLATE_IDS).nullable(), language: surveyLanguage }),
  ),
  'surveys.get': method<SurveyDetail>()(z.strictObject({ id: z.uuid() })),
  'surveys.getVersion': method<SurveyDefinition>()(
    z.strictObject({ id: z.uuid(), versionNo: z.number().int().min(1) }),
  ),
  /** Autosave of the designer: replaces the draft (created from the last version if none). */
  'surveys.saveDraft': method<SurveySummary>()(
    z.strictObject({ id: z.uuid(), definition: definitionSchema }),
  ),
  'surveys.check': method<FormProblem[]>()(z.strictObject({ definition: definitionSchema })),
  /** What publishing the draft would change, and what would break comparability. */
  'surveys.changes': method<ChangeSummary>()(z.strictObject({ id: z.uuid() })),
  'surveys.publish': method<PublishResult>()(z.strictObject({ id: z.uuid() })),
  'surveys.archive': method<{ archived: true }>()(z.strictObject({ id: z.uuid() })),
  /** Writes a version (default: the one being edited) as XLSForm or JSON to `path`. */
  'surveys.exportFile': method<{ path: string }>()(
    z.strictObject({
      id: z.uuid(),
      versionNo: z.number().int().min(1).optional(),
      format: z.enum(['xlsform', 'json']),
      path: z.string().min(1).max(4096),
    }),
  ),
  /** Imports an XLSForm (.xlsx) or JSON questionnaire sent as base64 (from a file picker). */
  'surveys.importData': method<SurveyImportResult>()(
    z.strictObject({
      fileName: z.string().min(1).max(255),
      dataBase64: z.string().max(40_000_000),
    }),
  ),
  /** Native file dialogs (Electron); the browser host answers NOT_AVAILABLE for open dialogs. */
  'dialog.openFile': method<{ path: string | null }>()(
    z.strictObject({ title: z.string().max(200).optional(), filters: fileFilters }),
  ),
  'dialog.saveFile': method<{ path: string | null }>()(
    z.strictObject({
      title: z.string().max(200).optional(),
      defaultName: z
        .string()
        .min(1)
        .max(200)
        .regex(/^[^/\\]+$/, validationKey('fileNameNotPath')),
      filters: fileFilters,
    }),
  ),
};

export type Contract = typeof contract;
export type MethodName = keyof Contract;
export type MethodInput<M extends MethodName> = z.input<Contract[M]['input']>;
export type ParsedInput<M extends MethodName> = z.output<Contract[M]['input']>;
export type MethodOutput<M extends MethodName> = NonNullable<Contract[M]['output']>;

export const METHOD_NAMES = Object.keys(contract) as MethodName[];

export function isMethodName(name: unknown): name is MethodName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(contract, name);
}

/** Events pushed from main to the renderer. */
export type ApiEvent = { type: 'job'; job: JobState } | { type: 'settings'; settings: Settings };

/** What a transport returns for one call. */
export type CallResult<T> = { ok: true; value: T } | { ok: false; error: ApiError };
