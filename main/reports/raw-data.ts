/**
 * Reads a survey's responses and answers from SQLite for the raw-data exports, one row per
 * response in the order they were started. Rows are produced in batches as the writer asks for
 * them, so 100,000 responses never sit in memory: the answers of 500 responses at a time are
 * looked up by primary key.
 */
import { attributeValueText } from '../../shared/analysis';
import { definitionSchema, type SurveyDefinition } from '../../shared/questionnaire/model';
import type { QualityFlag } from '../../shared/responses';
import { AppError } from '../../shared/errors';
import { responsesWhere, type ResponseSelection } from '../analysis/selection';
import type { Db } from '../db/connection';
import { isAnalysable } from '../fieldwork/flags';
import {
  rawLayout,
  type AnswerTarget,
  type CustomAttributeInfo,
  type RawLayout,
  type RawValue,
} from './raw-columns';
import type { ReportLang } from './texts';

export type { RawValue } from './raw-columns';

/** Which responses: those of the analysis request (voided responses are never exported). */
export type RawDataFilter = ResponseSelection;

export interface RawDataOptions {
  lang: ReportLang;
  includePersonal: boolean;
}

export interface RawData extends RawLayout {
  /** How many rows `rows()` yields. */
  count: number;
  rows: () => Generator<RawValue[], void, undefined>;
}

const BATCH = 500;

/** The latest published version's definition, else the draft: the same one the analysis uses. */
export function readDefinition(
  db: Db,
  surveyId: string,
): { definition: SurveyDefinition; versionNo: number } {
  const row = db
    .prepare(
      "SELECT definition, version_no FROM survey_versions WHERE survey_id = ? ORDER BY status = 'published' DESC, version_no DESC LIMIT 1",
    )
    .get(surveyId) as { definition: string; version_no: number } | undefined;
  if (!row) throw new AppError('NOT_FOUND', { what: `survey ${surveyId}` });
  return {
    definition: definitionSchema.parse(JSON.parse(row.definition)),
    versionNo: row.version_no,
  };
}

type ResponseRow = [
  id: string,
  wave: string | null,
  channel: string,
  status: string,
  flags: string,
  startedAt: string,
  completedAt: string | null,
  interviewer: string | null,
  code: string | null,
  type: string | null,
  stage: string | null,
  region: string | null,
  industry: string | null,
  size: string | null,
  attributes: string,
];
type AnswerRow = [
  responseId: string,
  variable: string,
  num: number | null,
  text: string | null,
  json: string | null,
];

function asNumber(num: number | null, text: string | null): number | null {
  if (num !== null) return num;
  if (text === null || text.trim() === '') return null;
  const n = Number(text);
  return Number.isFinite(n) ? n : null;
}

function asText(num: number | null, text: string | null, json: string | null): string | null {
  if (text !== null) return text;
  if (num !== null) return String(num);
  if (json !== null) return (JSON.parse(json) as string[]).join(' ');
  return null;
}

function place(row: RawValue[], target: AnswerTarget, answer: AnswerRow): void {
  const [, , num, text, json] = answer;
  if (target.kind === 'options') {
    const chosen = json !== null ? (JSON.parse(json) as string[]) : text !== null ? [text] : [];
    target.values.forEach((value, k) => (row[target.first + k] = chosen.includes(value) ? 1 : 0));
    return;
  }
  row[target.column] = target.type === 'number' ? asNumber(num, text) : asText(num, text, json);
}

function responseValues(layout: RawLayout, response: ResponseRow, width: number): RawValue[] {
  const [
    id,
    wave,
    channel,
    status,
    flagsJson,
    startedAt,
    completedAt,
    interviewer,
    code,
    type,
    stage,
    region,
    industry,
    size,
    attributes,
  ] = response;
  const flags = JSON.parse(flagsJson) as QualityFlag[];
  const row = new Array<RawValue>(width).fill(null);
  const f = layout.fieldColumn;
  row[f.response_id] = id;
  row[f.wave] = wave;
  row[f.channel] = channel;
  row[f.status] = status;
  row[f.analysed] = isAnalysable(status, flags) ? 1 : 0;
  row[f.quality_flags] =
    flags
      .filter((flag) => flag.override?.keep !== true)
      .map((flag) => flag.rule)
      .join(' ') || null;
  row[f.started_at] = startedAt;
  row[f.completed_at] = completedAt;
  row[f.duration_sec] = completedAt
    ? Math.round((Date.parse(completedAt) - Date.parse(startedAt)) / 1000)
    : null;
  row[f.interviewer] = interviewer;
  row[f.customer_code] = code;
  row[f.customer_type] = type;
  row[f.customer_stage] = stage;
  row[f.customer_region] = region;
  row[f.customer_industry] = industry;
  row[f.customer_size] = size;
  if (attributes !== '{}' && layout.attributeColumn.size > 0) {
    const values = JSON.parse(attributes) as Record<string, unknown>;
    for (const [name, value] of Object.entries(values)) {
      const column = layout.attributeColumn.get(name);
      if (column !== undefined) row[column] = attributeValueText(value);
    }
  }
  return row;
}

/**
 * The attributes imported files brought to the selected responses, in the order of their first
 * appearance, with how many values each has.
 */
function importedAttributes(db: Db, sql: string, params: string[]): CustomAttributeInfo[] {
  return db
    .prepare(
      `SELECT a.key AS name, count(DISTINCT a.value) AS distinct_values
       FROM (SELECT r.rowid AS seq, r.attributes AS attributes ${sql} AND r.attributes != '{}') s,
            json_each(s.attributes) a
       WHERE a.value IS NOT NULL AND a.value != ''
       GROUP BY a.key ORDER BY min(s.seq * 1000 + a.id), a.key`,
    )
    .all(...params)
    .map((row) => {
      const { name, distinct_values } = row as { name: string; distinct_values: number };
      return { name, distinct: distinct_values };
    });
}

/** Opens the raw data of a filter: the column layout, the row count and a row generator. */
export function openRawData(
  db: Db,
  definition: SurveyDefinition,
  filter: RawDataFilter,
  options: RawDataOptions,
): RawData {
  const { sql, params } = responsesWhere(filter);
  const layout = rawLayout(
    definition,
    options.lang,
    options.includePersonal,
    importedAttributes(db, sql, params),
  );
  const count = (db.prepare(`SELECT count(*) AS n ${sql}`).get(...params) as { n: number }).n;
  const responses = db
    .prepare(
      `SELECT r.id, w.name, r.channel, r.status, r.quality_flags, r.started_at, r.completed_at, r.interviewer,
              c.code, c.type, c.stage, c.region, c.industry, c.size, r.attributes
       ${sql} ORDER BY r.started_at, r.id`,
    )
    .raw(true);
  const answersOf = db
    .prepare(
      `SELECT response_id, variable, value_num, value_text, value_json FROM answers WHERE response_id IN (${new Array(BATCH).fill('?').join(',')})`,
    )
    .raw(true);
  const width = layout.columns.length;

  function* flush(batch: ResponseRow[]): Generator<RawValue[], void, undefined> {
    const ids = batch.map((r) => r[0]);
    // A fixed-size IN list keeps one prepared statement; the padding ids match nothing.
    while (ids.length < BATCH) ids.push('');
    const rowsById = new Map(batch.map((r) => [r[0], responseValues(layout, r, width)]));
    for (const answer of answersOf.iterate(...ids) as Iterable<AnswerRow>) {
      const target = layout.targets.get(answer[1]);
      const row = rowsById.get(answer[0]);
      if (target && row) place(row, target, answer);
    }
    yield* rowsById.values();
  }

  function* rows(): Generator<RawValue[], void, undefined> {
    let batch: ResponseRow[] = [];
    for (const response of responses.iterate(...params) as Iterable<ResponseRow>) {
      batch.push(response);
      if (batch.length === BATCH) {
        yield* flush(batch);
        batch = [];
      }
    }
    if (batch.length) yield* flush(batch);
  }
  return { ...layout, count, rows };
}
