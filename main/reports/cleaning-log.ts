/**
 * The cleaning log: every complete response with a quality flag, each flag's reason in words and
 * the reviewer's decision, and whether the analysis left the response out. Read row by row.
 */
import { createI18n } from '../../shared/i18n';
import type { QualityFlag } from '../../shared/responses';
import type { Db } from '../db/connection';
import { isAnalysable } from '../fieldwork/flags';
import { responsesWhere } from '../analysis/selection';
import type { RawDataFilter } from './raw-data';
import { fill, reportTexts, type ReportLang } from './texts';

export interface CleaningLogEntry {
  id: string;
  wave: string | null;
  startedAt: string;
  /** Rule names in the report language, one per flag. */
  rules: string[];
  /** Each flag's reason in words. */
  details: string[];
  /** Reviewer overrides, in words. */
  decisions: string[];
  /** Left out of the analysis ('clean' quality and a flag still standing). */
  excluded: boolean;
}

export function* readCleaningLog(
  db: Db,
  filter: RawDataFilter,
  quality: 'clean' | 'all',
  lang: ReportLang,
): Generator<CleaningLogEntry, void, undefined> {
  const t = createI18n(lang).t;
  const texts = reportTexts(lang);
  const { sql, params } = responsesWhere(filter);
  const rows = db
    .prepare(
      `SELECT r.id, w.name, r.started_at, r.status, r.quality_flags ${sql} AND r.status = 'complete' AND r.quality_flags != '[]' ORDER BY r.started_at, r.id`,
    )
    .raw(true);
  for (const [id, wave, startedAt, status, json] of rows.iterate(...params) as Iterable<
    [string, string | null, string, string, string]
  >) {
    const flags = JSON.parse(json) as QualityFlag[];
    if (flags.length === 0) continue;
    const reasonKey = (flag: QualityFlag) =>
      flag.rule === 'duplicate' ? `duplicate_${String(flag.detail.why ?? 'answers')}` : flag.rule;
    yield {
      id,
      wave,
      startedAt,
      rules: flags.map((f) => t(`register.rule.${f.rule}`, { defaultValue: f.rule })),
      details: flags.map((f) =>
        t(`register.reason.${reasonKey(f)}`, { ...f.detail, defaultValue: f.rule }),
      ),
      decisions: flags
        .filter((f) => f.override)
        .map(
          (f) =>
            `${t(`register.rule.${f.rule}`, { defaultValue: f.rule })}: ${fill(f.override!.keep ? texts.decision.keep : texts.decision.drop, { by: f.override!.by })}${f.override!.comment ? ` (${f.override!.comment})` : ''}`,
        ),
      excluded: quality === 'clean' && !isAnalysable(status, flags),
    };
  }
}
