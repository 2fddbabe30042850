/**
 * The Word report module, loaded only when a job needs it: it brings docx and the native chart
 * canvas (a third of a second) into a job's worker, which a backup or an analysis does without.
 */
import type * as WordReport from './word/report';

type WordReportModule = typeof WordReport;

export async function loadWordReport(): Promise<WordReportModule> {
  // Run from the TypeScript sources (tests, development), a job's worker loads modules through
  // tsx's CommonJS hook, which a native import() does not go through: require them instead. The
  // built app has no .ts modules and imports the bundled chunk.
  if (new URL(import.meta.url).pathname.endsWith('.ts') && typeof require === 'function') {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- see above
    return require('./word/report') as WordReportModule;
  }
  return import('./word/report');
}
