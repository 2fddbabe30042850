/**
 * Import problems as values: a code, the place in the file and a message in both UI languages.
 * Errors stop the import (XlsFormError, nothing is stored); warnings travel with the result.
 */
import type { SurveyDefinition } from '../../shared/questionnaire/model';
import type { ImportIssue } from '../../shared/surveys';
import { issueMessage, type ErrorCode, type IssueParams, type WarningCode } from './messages';

/** One problem found in an imported file (the API contract's type); `row` is Excel's row number. */
export type { ImportIssue };

/** An imported questionnaire and what was imported differently from the file. */
export interface ImportResult {
  definition: SurveyDefinition;
  warnings: ImportIssue[];
}

/** Where an issue is: the sheet, the Excel row (null = the whole sheet) and the column. */
export interface IssuePlace {
  sheet: string;
  row: number | null;
  column?: string;
}

/** The sheet name used for problems with the file as a whole. */
export const FILE_SHEET = 'file';

export function makeIssue(
  code: ErrorCode | WarningCode,
  place: IssuePlace,
  params: IssueParams = {},
): ImportIssue {
  const issue: ImportIssue = {
    sheet: place.sheet,
    row: place.row,
    code,
    message: issueMessage(code, params),
  };
  if (place.column !== undefined) issue.column = place.column;
  return issue;
}

/** The import failed; `issues` lists every error found, each with its place. */
export class XlsFormError extends Error {
  constructor(readonly issues: ImportIssue[]) {
    super(issues.map((issue) => describeIssue(issue)).join('; ') || 'import failed');
    this.name = 'XlsFormError';
  }
}

function describeIssue(issue: ImportIssue): string {
  const row = issue.row === null ? '' : ` row ${issue.row}`;
  const column = issue.column ? ` [${issue.column}]` : '';
  return `${issue.sheet}${row}${column}: ${issue.message.en}`;
}

/** Collects errors and warnings while a file is read, so one import reports every problem. */
export class IssueLog {
  readonly errors: ImportIssue[] = [];
  readonly warnings: ImportIssue[] = [];

  error(code: ErrorCode, place: IssuePlace, params?: IssueParams): void {
    this.errors.push(makeIssue(code, place, params));
  }

  warn(code: WarningCode, place: IssuePlace, params?: IssueParams): void {
    this.warnings.push(makeIssue(code, place, params));
  }

  /** Throws when an error has been logged; called where going on would only add noise. */
  throwIfErrors(): void {
    if (this.errors.length > 0) throw new XlsFormError(this.errors);
  }
}

/** Throws a single error at once: for problems that leave nothing to read further. */
export function fail(code: ErrorCode, place: IssuePlace, params?: IssueParams): never {
  throw new XlsFormError([makeIssue(code, place, params)]);
}
