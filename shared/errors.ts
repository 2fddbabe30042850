/**
 * Errors that cross the process boundary. A service throws an `AppError` with a code and
 * parameters; the API layer turns it into an `ApiError` whose message is in the user's language.
 */
export const ERROR_CODES = [
  'INVALID_INPUT',
  'UNKNOWN_METHOD',
  'FORBIDDEN',
  'NOT_FOUND',
  'NOT_AVAILABLE',
  'CONFLICT',
  'DB_MISSING',
  'DB_TOO_NEW',
  'DB_CORRUPT',
  'DB_MIGRATION_FAILED',
  'BACKUP_NOT_FOUND',
  'JOB_NOT_FOUND',
  'JOB_CANCELLED',
  'SURVEY_HAS_ERRORS',
  'SURVEY_INCOMPATIBLE',
  'IMPORT_FAILED',
  'PACKAGE_UNREADABLE',
  'PACKAGE_TOO_NEW',
  'PACKAGE_CHECKSUM',
  'PACKAGE_WRONG_PASSPHRASE',
  'PACKAGE_PASSPHRASE_REQUIRED',
  'PACKAGE_WRONG_KEY',
  'PACKAGE_UNSAFE_PATH',
  'PACKAGE_SYMLINK',
  'PACKAGE_TOO_MANY_ENTRIES',
  'PACKAGE_TOO_LARGE',
  'PACKAGE_NESTED_ARCHIVE',
  'PACKAGE_CONTENT',
  'KEY_PASSPHRASE_REQUIRED',
  'PRIVATE_KEY_PASSPHRASE',
  'NO_KEY_PAIR',
  'KEY_INVALID',
  'NOT_PUBLISHED',
  'CONSENT_REQUIRED',
  'ANSWERS_INCOMPLETE',
  'WRONG_PIN',
  'PIN_LOCKED',
  'CARD_EXISTS',
  'SAME_OPERATOR',
  'BATCH_NOT_VERIFIED',
  'SAMPLE_STARTED',
  'CONTACT_NOT_ALLOWED',
  'WAVE_PERIOD_INVALID',
  'BACKUP_INVALID',
  'RETENTION_OFF',
  'JOBS_RUNNING',
  'INTERNAL',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

/** One problem with one field of an input, with the path to that field. */
export interface FieldIssue {
  path: string;
  message: string;
}

/** The error object every API call may return instead of its value. */
export interface ApiError {
  code: ErrorCode;
  message: string;
  issues?: FieldIssue[];
}

export type ErrorParams = Record<string, string | number>;

/** Thrown by services; carries no user text, only a code and the values the message needs. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly params: ErrorParams;
  readonly issues: FieldIssue[] | undefined;

  constructor(code: ErrorCode, params: ErrorParams = {}, issues?: FieldIssue[]) {
    super(`${code} ${JSON.stringify(params)}`);
    this.name = 'AppError';
    this.code = code;
    this.params = params;
    this.issues = issues;
  }
}

export function isApiError(value: unknown): value is ApiError {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as ApiError).code === 'string' &&
    typeof (value as ApiError).message === 'string'
  );
}
