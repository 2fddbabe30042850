/**
 * The export form of the exchange-package tab: its shape, the default file name of a package, and
 * which earlier export "since the last export" counts from. Pure: no API, no state.
 */
import type { JobStartInput } from '../../../shared/contract';
import type { SurveySummary } from '../../../shared/surveys';
import { PACKAGE_EXTENSION, type LastExport } from '../../../shared/sync';

export type ExportInput = Extract<JobStartInput, { kind: 'package.export' }>;
export type ExportScopeKind = ExportInput['scope']['kind'];
export type EncryptionMode = ExportInput['encryption']['mode'];

export interface ExportForm {
  surveyId: string | null;
  scope: ExportScopeKind;
  /** Local dates (YYYY-MM-DD) of the range scope. */
  from: string;
  to: string;
  encryption: EncryptionMode;
  recipientId: string | null;
}

const SCOPE_NAMES: Record<ExportScopeKind, string> = {
  all: 'all',
  'since-last': 'changes',
  range: 'range',
  questionnaire: 'questionnaire',
};

/**
 * A file name (no path) from the survey code, the scope and the local time to the second, so two
 * packages written the same day never take each other's name.
 */
export function packageFileName(
  survey: SurveySummary | undefined,
  scope: ExportScopeKind,
  now = new Date(),
): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  const stamp =
    `${now.getFullYear()}${pad(now.getMonth() + 1)}${pad(now.getDate())}-` +
    `${pad(now.getHours())}${pad(now.getMinutes())}${pad(now.getSeconds())}`;
  const base = [survey?.code || 'survey', SCOPE_NAMES[scope], stamp]
    .join('-')
    .replace(/[/\\:*?"<>|\s]+/g, '_');
  return `${base}.${PACKAGE_EXTENSION}`;
}

/** Today as a local date (YYYY-MM-DD), the default of the date range. */
export function today(): string {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** The last export to the destination the form has chosen (a recipient key, or the mode). */
export function lastExportTo(form: ExportForm, lastExports: LastExport[]): LastExport | null {
  return (
    lastExports.find((last) =>
      form.encryption === 'key'
        ? last.mode === 'key' && last.recipientId === form.recipientId
        : last.mode === form.encryption,
    ) ?? null
  );
}
