/**
 * The Word report module, loaded only when a job needs it: it brings docx and the native chart
 * canvas (a third of a second) into a job's worker, which a backup or an analysis does without.
 */
import type * as WordReport from './word/report';

type WordReportModule = typeof WordReport;

export async function loadWordReport(): Promise<WordReportModule> {
  try {
    return await import('./word/report');
  } catch (error) {
    // Run from the TypeScript sources (development, the test host), a job's worker loads modules
    // through tsx's CommonJS hook, which a native import() does not go through: require instead.
    const missing = (error as { code?: string }).code === 'ERR_MODULE_NOT_FOUND';
    if (!missing || typeof require !== 'function') throw error;
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- see above
    return require('./word/report') as WordReportModule;
  }
}
