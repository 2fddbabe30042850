/**
 * Which responses an analysis, a report or an export covers: one FROM ... WHERE for all of them,
 * so the figures of a report and the rows of its raw data always describe the same respondents.
 */
import {
  customAttributeName,
  isCustomAttribute,
  type AnalysisAttribute,
  type SegmentAttribute,
} from '../../shared/analysis';

export interface ResponseSelection {
  surveyId: string;
  waveIds?: string[] | undefined;
  channel?: string | undefined;
  segment?: { attribute: SegmentAttribute; value: string } | undefined;
  from?: string | undefined;
  to?: string | undefined;
}

/** Where each segment attribute lives: the response, its wave or its customer. */
export const SEGMENT_COLUMN: Record<AnalysisAttribute, string> = {
  wave: 'w.name',
  type: 'c.type',
  stage: 'c.stage',
  region: 'c.region',
  industry: 'c.industry',
  size: 'c.size',
  channel: 'r.channel',
  interviewer: 'r.interviewer',
};

/**
 * FROM ... WHERE for the selected responses (voided ones never count); the parameters go with it,
 * never into the text. `sequential` scans responses in table order (NOT INDEXED): walking the text
 * primary key's index instead reads the table in random order, three times slower on 100,000.
 */
export function responsesWhere(
  selection: ResponseSelection,
  options: { sequential?: boolean } = {},
): { sql: string; params: string[] } {
  const where = ['v.survey_id = ?', "r.status != 'void'"];
  const params = [selection.surveyId];
  if (selection.waveIds?.length) {
    where.push(`r.wave_id IN (${selection.waveIds.map(() => '?').join(',')})`);
    params.push(...selection.waveIds);
  }
  if (selection.channel) {
    where.push('r.channel = ?');
    params.push(selection.channel);
  }
  if (selection.from) {
    where.push('r.started_at >= ?');
    params.push(selection.from);
  }
  if (selection.to) {
    where.push("r.started_at < date(?, '+1 day')");
    params.push(selection.to);
  }
  const segment = selection.segment;
  if (segment && isCustomAttribute(segment.attribute)) {
    // An imported attribute: a key of the response's attributes object (text values).
    where.push('EXISTS (SELECT 1 FROM json_each(r.attributes) a WHERE a.key = ? AND a.value = ?)');
    params.push(customAttributeName(segment.attribute), segment.value);
  } else if (segment) {
    where.push(`${SEGMENT_COLUMN[segment.attribute as AnalysisAttribute]} = ?`);
    params.push(segment.value);
  }
  const sql = `FROM responses r${options.sequential ? ' NOT INDEXED' : ''} JOIN survey_versions v ON v.id = r.survey_version_id
    LEFT JOIN waves w ON w.id = r.wave_id LEFT JOIN customers c ON c.id = r.customer_id
    WHERE ${where.join(' AND ')}`;
  return { sql, params };
}
