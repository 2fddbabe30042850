/**
 * Loads a survey's responses into columns for the analysis engine: one Float64Array per scale
 * variable (NaN = no answer), arrays for choices and text, respondent attributes for segments,
 * and the quality flags that decide who is analysed. Reading is one indexed scan per variable.
 */
import { attributeValueText } from '../../shared/analysis';
import {
  variablesOf,
  type Question,
  type SurveyDefinition,
} from '../../shared/questionnaire/model';
import type { QualityFlag } from '../../shared/responses';
import type { Db } from '../db/connection';
import { responsesWhere, type ResponseSelection } from './selection';

/** Respondent attributes that segments compare. */
export const ATTRIBUTES = [
  'wave',
  'type',
  'stage',
  'region',
  'industry',
  'size',
  'channel',
  'interviewer',
] as const;
export type Attribute = (typeof ATTRIBUTES)[number];

/** Which responses to load: the same selection reports and exports use. */
export type DatasetFilter = ResponseSelection;

export interface Dataset {
  n: number;
  ids: string[];
  waveIds: (string | null)[];
  startedAt: string[];
  attributes: Record<Attribute, (string | null)[]>;
  /**
   * Attributes brought by imported files (responses.attributes), by name, in the order they were
   * first met: a value per response, null where the response has none.
   */
  custom: Map<string, (string | null)[]>;
  flags: QualityFlag[][];
  statuses: string[];
  weights: Float64Array;
  /** Numeric answers: Likert, matrix items, NPS, numbers. */
  numeric: Map<string, Float64Array>;
  /** Choice answers: a code, or a list for multiple choice. */
  choices: Map<string, (string | string[] | null)[]>;
  /** Open answers. */
  texts: Map<string, (string | null)[]>;
  /** The wave names by id, in wave order. */
  waves: { id: string; name: string; startsOn: string | null }[];
}

interface ResponseRow {
  id: string;
  wave_id: string | null;
  wave_name: string | null;
  started_at: string;
  status: string;
  quality_flags: string;
  channel: string;
  interviewer: string | null;
  type: string | null;
  stage: string | null;
  region: string | null;
  industry: string | null;
  size: string | null;
  attributes: string;
}

function kindOf(question: Question): 'numeric' | 'choice' | 'text' | null {
  switch (question.type) {
    case 'likert':
    case 'matrix':
    case 'nps':
    case 'number':
      return 'numeric';
    case 'single':
    case 'dropdown':
    case 'range':
    case 'multiple':
      return 'choice';
    case 'text':
      return 'text';
    default:
      return null;
  }
}

/** The imported attributes of each response, as columns (values as text). */
function customAttributes(rows: ResponseRow[]): Map<string, (string | null)[]> {
  const custom = new Map<string, (string | null)[]>();
  rows.forEach((row, i) => {
    if (row.attributes === '{}' || !row.attributes) return;
    let parsed: unknown;
    try {
      parsed = JSON.parse(row.attributes);
    } catch {
      return;
    }
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return;
    for (const [name, value] of Object.entries(parsed as Record<string, unknown>)) {
      const text = attributeValueText(value);
      if (text === null) continue;
      let column = custom.get(name);
      if (!column) custom.set(name, (column = new Array<string | null>(rows.length).fill(null)));
      column[i] = text;
    }
  });
  return custom;
}

export function loadDataset(db: Db, definition: SurveyDefinition, filter: DatasetFilter): Dataset {
  const selection = responsesWhere(filter, { sequential: true });
  const rows = db
    .prepare(
      `SELECT r.id, r.wave_id, w.name AS wave_name, r.started_at, r.status, r.quality_flags, r.channel, r.interviewer,
              c.type, c.stage, c.region, c.industry, c.size, r.attributes
       ${selection.sql}`,
    )
    .all(...selection.params) as ResponseRow[];
  const attributeOf = (row: ResponseRow, attribute: Attribute): string | null =>
    attribute === 'wave' ? row.wave_name : row[attribute];

  const n = rows.length;
  const index = new Map(rows.map((row, i) => [row.id, i]));
  const attributes = Object.fromEntries(
    ATTRIBUTES.map((a) => [a, rows.map((row) => attributeOf(row, a))]),
  ) as Record<Attribute, (string | null)[]>;

  const custom = customAttributes(rows);
  const numeric = new Map<string, Float64Array>();
  const choices = new Map<string, (string | string[] | null)[]>();
  const texts = new Map<string, (string | null)[]>();
  // Numbers come from the covering index (variable, value_num) alone; asking for the text columns
  // too would visit the table for every row, five times slower.
  const numbersOf = db
    .prepare('SELECT response_id, value_num FROM answers WHERE variable = ?')
    .raw(true);
  const byVariable = db
    .prepare(
      'SELECT response_id, value_num, value_text, value_json FROM answers WHERE variable = ?',
    )
    .raw(true);
  const variables = variablesOf(definition);
  for (const { name, question } of variables) {
    const kind = kindOf(question);
    // Personal data (names, phones) and short text fields are never analysed: not even read.
    if (!kind || question.personal || (question.type === 'text' && !question.multiline)) continue;
    if (kind === 'numeric') {
      const column = new Float64Array(n).fill(Number.NaN);
      for (const [id, num] of numbersOf.iterate(name) as Iterable<[string, number | null]>) {
        const i = index.get(id);
        if (i !== undefined && num !== null) column[i] = num;
      }
      numeric.set(name, column);
    } else if (kind === 'choice') {
      const column: (string | string[] | null)[] = new Array<string | string[] | null>(n).fill(
        null,
      );
      for (const [id, , text, json] of byVariable.iterate(name) as Iterable<
        [string, number | null, string | null, string | null]
      >) {
        const i = index.get(id);
        if (i !== undefined) column[i] = json !== null ? (JSON.parse(json) as string[]) : text;
      }
      choices.set(name, column);
    } else {
      const column: (string | null)[] = new Array<string | null>(n).fill(null);
      for (const [id, , text] of byVariable.iterate(name) as Iterable<
        [string, number | null, string | null]
      >) {
        const i = index.get(id);
        if (i !== undefined) column[i] = text;
      }
      texts.set(name, column);
    }
  }
  const waves = db
    .prepare(
      'SELECT id, name, starts_on FROM waves WHERE survey_id = ? ORDER BY coalesce(starts_on, created_at), created_at',
    )
    .all(filter.surveyId) as { id: string; name: string; starts_on: string | null }[];
  return {
    n,
    ids: rows.map((row) => row.id),
    waveIds: rows.map((row) => row.wave_id),
    startedAt: rows.map((row) => row.started_at),
    attributes,
    custom,
    flags: rows.map((row) => JSON.parse(row.quality_flags) as QualityFlag[]),
    statuses: rows.map((row) => row.status),
    weights: new Float64Array(n).fill(1),
    numeric,
    choices,
    texts,
    waves: waves.map((w) => ({ id: w.id, name: w.name, startsOn: w.starts_on })),
  };
}
