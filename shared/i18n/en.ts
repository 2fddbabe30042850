/** English texts. zh-CN.ts must have exactly the same keys (a test checks). */
export const en = {
  app: { name: 'SurveyDesk', tagline: 'Customer-satisfaction surveys, offline and end to end' },
  nav: {
    surveys: 'Surveys',
    fieldwork: 'Field work',
    responses: 'Responses',
    analysis: 'Analysis',
    reports: 'Reports',
    improvement: 'Improvement',
    sync: 'Sync',
    settings: 'Settings',
  },
  notBuilt: {
    title: '{{screen}} is not built yet',
    body: 'This screen is planned but does not exist in this version of SurveyDesk. Nothing here is simulated. See the status table in README.md for what works today.',
    planned: 'Planned: {{what}}',
  },
  planned: {
    surveys: 'questionnaire designer, templates, skip logic, XLSForm import and export',
    fieldwork: 'interview mode, tablet kiosk mode and fast paper-card entry',
    responses: 'the response register: filters, quality flags, review and edit history',
    analysis: 'cleaning, scores, segments, drivers, reliability, trends and open text',
    reports: 'Word and Excel reports, CSV and SPSS exports',
    improvement: 'problems, improvement actions, follow-ups and their verification',
    sync: 'encrypted exchange packages between machines and imports from other tools',
  },
  settings: {
    title: 'Settings',
    language: 'Language',
    languageHelp: 'The language of screens, messages and, later, reports.',
    followSystem: 'Follow the system',
    database: 'Local database',
    dbPath: 'File',
    schemaVersion: 'Schema version',
    appVersion: 'App version',
    deviceId: 'Device id',
    runtime: 'Running in',
    counts: 'Records',
    refresh: 'Refresh',
    backups: 'Backups',
    backupNow: 'Back up now',
    verifyNow: 'Check integrity',
    noBackups: 'No backups yet. One is made before every schema upgrade and once a day.',
    backupReason: { manual: 'manual', migration: 'before upgrade', daily: 'daily' },
  },
  runtime: { electron: 'desktop app', host: 'browser host', cli: 'command line' },
  counts: {
    surveys: 'Surveys',
    surveyVersions: 'Questionnaire versions',
    waves: 'Waves',
    customers: 'Customers',
    responses: 'Responses',
    answers: 'Answers',
  },
  jobs: {
    title: 'Jobs',
    kind: { 'db.backup': 'Database backup', 'db.verify': 'Integrity check' },
    status: {
      running: 'Running',
      done: 'Done',
      failed: 'Failed',
      cancelled: 'Cancelled',
    },
    cancel: 'Cancel',
    none: 'No jobs have run since the app started.',
    verifyOk: 'The database is intact.',
    backupDone: 'Backup saved to {{path}}',
  },
  common: { loading: 'Loading…', close: 'Close', error: 'Error' },
  errors: {
    INVALID_INPUT: 'The request was not accepted: {{details}}',
    UNKNOWN_METHOD: 'Unknown operation "{{method}}".',
    FORBIDDEN: 'This request was refused: {{reason}}',
    NOT_FOUND: '{{what}} was not found.',
    NOT_AVAILABLE: '{{what}} is not available here.',
    CONFLICT: 'Conflict: {{reason}}',
    DB_MISSING:
      'There is no database at {{path}}. Start the app once or run "surveydesk init --db {{path}}".',
    DB_TOO_NEW:
      'The database at {{path}} was made by a newer SurveyDesk (schema {{found}}; this version knows up to {{known}}). Update SurveyDesk to open it; the file was not changed.',
    DB_CORRUPT:
      'The database at {{path}} is damaged ({{detail}}). Restore the last backup ({{backup}}) to continue.',
    DB_MIGRATION_FAILED:
      'Upgrading the database to schema {{version}} failed ({{detail}}). Nothing was changed; a backup is at {{backup}}.',
    BACKUP_NOT_FOUND: 'The backup {{path}} does not exist.',
    JOB_NOT_FOUND: 'There is no job {{id}}.',
    JOB_CANCELLED: 'The job was cancelled.',
    INTERNAL: 'An unexpected error occurred: {{detail}}. It was written to the log.',
  },
  validation: {
    required: 'required',
    invalid: 'invalid value',
    fileNameNotPath: 'a file name, not a path',
  },
};

type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };
export type Messages = Widen<typeof en>;
