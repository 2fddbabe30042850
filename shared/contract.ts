/**
 * The one API contract between the renderer and the main process (and the browser host and CLI).
 * Each method has a zod schema for its input, checked in main before any service runs, and an
 * output type. Adding a capability = a method here, a handler in main/api/handlers, a screen.
 */
import { z } from 'zod';
import type { ApiError, ErrorCode } from './errors';
import { method, noInput, validationKey } from './api/method';
import { LOCALES, type Locale } from './locale';
import { analysisRequest, REPORT_SECTIONS } from './analysis';
import { analysisMethods } from './api/analysis';
import { customerMethods } from './api/customers';
import { fieldworkMethods } from './api/fieldwork';
import { fileMethods } from './api/files';
import { importMethods } from './api/imports';
import { improvementMethods } from './api/improvement';
import { paperMethods } from './api/paper';
import { privacyMethods } from './api/privacy';
import { samplingMethods } from './api/sampling';
import { surveyMethods } from './api/surveys';
import { packageExportFields, packageImportFields, syncMethods } from './api/sync';
import { cleaningRulesPatch, type CleaningRules, type KioskSettings } from './responses';

export { validationKey, type MethodSpec } from './api/method';

export const JOB_KINDS = [
  'db.backup',
  'db.verify',
  'analysis.run',
  'report.export',
  'report.preview',
  'package.export',
  'package.import',
  'improvement.suggest',
  'improvement.evaluate',
] as const;
export type JobKind = (typeof JOB_KINDS)[number];

export const jobStartInput = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('db.backup') }),
  z.strictObject({ kind: z.literal('db.verify') }),
  /** The full analysis of a survey; the result is an AnalysisResult (shared/analysis.ts). */
  z.strictObject({ kind: z.literal('analysis.run'), request: analysisRequest }),
  /** A Word/Excel report or a CSV/SPSS data export written to `path`; see main/reports/export.ts. */
  z.strictObject({
    kind: z.literal('report.export'),
    request: analysisRequest,
    format: z.enum(['docx', 'xlsx', 'csv', 'sav']),
    lang: z.enum(['zh-CN', 'en']),
    /** Absolute; the file is written as `<path>.partial` and renamed when complete. */
    path: z
      .string()
      .max(4096)
      .regex(/^(\/|[A-Za-z]:[\\/]|\\\\)/, 'an absolute path'),
    labels: z.enum(['labels', 'codes']).default('labels'),
    encoding: z.enum(['utf8', 'gbk']).default('utf8'),
    /** Personal-data questions (names, phone numbers) are left out unless true. */
    includePersonal: z.boolean().default(false),
    /** Word: the sections to include, in any order (the report keeps its own; default all). */
    sections: z.array(z.enum(REPORT_SECTIONS)).min(1).max(20).optional(),
    /** Word and Excel report: the wave to compare with (same survey), analysed with the same filters. */
    compareWaveId: z.uuid().optional(),
  }),
  /** What the Word report will contain (a ReportPreview, shared/analysis.ts); nothing is written. */
  z.strictObject({
    kind: z.literal('report.preview'),
    request: analysisRequest,
    lang: z.enum(['zh-CN', 'en']),
    compareWaveId: z.uuid().optional(),
    sections: z.array(z.enum(REPORT_SECTIONS)).min(1).max(20).optional(),
  }),
  /** Writes an exchange package; the result is a PackageExportResult (shared/sync.ts). */
  z.strictObject({ kind: z.literal('package.export'), ...packageExportFields }),
  /** Verifies then applies an exchange package; the result is a PackageImportResult. */
  z.strictObject({ kind: z.literal('package.import'), ...packageImportFields }),
  /** The problems a wave's analysis suggests; the result is a ProblemSuggestion[] (shared/improvement.ts). */
  z.strictObject({ kind: z.literal('improvement.suggest'), surveyId: z.uuid(), waveId: z.uuid() }),
  /** Verifies earlier waves' actions and computes the standards with this wave (main/improvement/jobs.ts). */
  z.strictObject({ kind: z.literal('improvement.evaluate'), surveyId: z.uuid(), waveId: z.uuid() }),
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
  /** Who is using this machine (interviewer / typist); stamped on responses and edits. */
  operatorName: string | null;
  cleaning: CleaningRules;
  kiosk: KioskSettings;
  /** The organisation on report covers, page headers and paper cards. */
  branding: Branding;
}

/** The organisation's name and logo (PNG, as base64) for report covers; null when not set. */
export interface Branding {
  orgName: string | null;
  logoPngBase64: string | null;
}

/** A logo of at most 512 KB; base64 of a PNG file starts with the PNG signature's encoding. */
export const LOGO_MAX_BYTES = 512 * 1024;

export type BackupReason = 'manual' | 'migration' | 'daily' | 'import';

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
    z.strictObject({
      locale: z.enum(LOCALES).nullable().optional(),
      operatorName: z.string().trim().max(100).nullable().optional(),
      cleaning: cleaningRulesPatch.optional(),
      kiosk: z
        .strictObject({
          idleSeconds: z.number().int().min(10).max(3600).optional(),
          thanksSeconds: z.number().int().min(1).max(60).optional(),
        })
        .optional(),
      /** A new kiosk PIN (4-8 digits); stored only as a salted hash. */
      kioskPin: z
        .string()
        .regex(/^\d{4,8}$/, validationKey('pinDigits'))
        .optional(),
      branding: z
        .strictObject({
          orgName: z.string().trim().max(100).nullable().optional(),
          logoPngBase64: z
            .string()
            .max(Math.ceil(LOGO_MAX_BYTES / 3) * 4)
            .regex(/^iVBORw0KGgo[A-Za-z0-9+/]*={0,2}$/, validationKey('pngLogo'))
            .nullable()
            .optional(),
        })
        .optional(),
    }),
  ),
  'backups.list': method<BackupInfo[]>()(noInput),
  /** Start a long job; its progress and result arrive as `job` events. */
  'jobs.start': method<JobState>()(jobStartInput),
  'jobs.cancel': method<JobState>()(z.strictObject({ id: z.uuid() })),
  'jobs.list': method<JobState[]>()(noInput),
  ...surveyMethods,
  ...fieldworkMethods,
  ...analysisMethods,
  ...fileMethods,
  ...paperMethods,
  ...privacyMethods,
  ...importMethods,
  ...improvementMethods,
  ...samplingMethods,
  ...customerMethods,
  ...syncMethods,
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
