/**
 * Fixtures for the import tests, built in code: a published survey (the customer-service
 * template plus a matrix and a number question) and CSV text from rows of cells.
 */
import type { ImportResult } from '../../shared/api/imports';
import { questionSchema, type SurveyDefinition } from '../../shared/questionnaire/model';
import type { SurveyDetail } from '../../shared/surveys';
import { importResponses, type ImportRequest } from '../../main/imports/responses';
import type { RunningServices } from '../../main/services/start';

export async function call<T>(
  services: RunningServices,
  method: string,
  input: unknown,
): Promise<T> {
  const result = await services.dispatch(method, input);
  if (!result.ok) throw new Error(result.error.message);
  return result.value as T;
}

const extraPage = {
  id: 'p_site',
  title: { 'zh-CN': '现场', en: 'On site' },
  relevant: '',
  questions: [
    questionSchema.parse({
      type: 'matrix',
      id: 'site',
      name: 'site',
      label: { 'zh-CN': '现场服务', en: 'On-site service' },
      items: [
        { id: 'site_clean', name: 'site_clean', label: { 'zh-CN': '整洁', en: 'Tidy' } },
        { id: 'site_staff', name: 'site_staff', label: { 'zh-CN': '人员', en: 'Staff' } },
      ],
    }),
    questionSchema.parse({
      type: 'number',
      id: 'visits',
      name: 'visits',
      label: { 'zh-CN': '拜访次数', en: 'Number of visits' },
      min: 0,
      max: 100,
    }),
  ],
};

/** The customer-service template plus the extra page, published as version 1. */
export async function publishedSurvey(services: RunningServices): Promise<SurveyDetail> {
  const survey = await call<SurveyDetail>(services, 'surveys.create', {
    template: 'customer-service',
    language: 'zh-CN',
  });
  const definition: SurveyDefinition = {
    ...survey.definition,
    pages: [...survey.definition.pages, extraPage],
  };
  await call(services, 'surveys.saveDraft', { id: survey.id, definition });
  await call(services, 'surveys.publish', { id: survey.id });
  return survey;
}

export const LIKERTS = [
  'resp_1',
  'resp_2',
  'resp_3',
  'reso_1',
  'reso_2',
  'reso_3',
  'prof_1',
  'prof_2',
  'prof_3',
  'comm_1',
  'comm_2',
  'comm_3',
  'value_1',
  'value_2',
  'value_3',
  'overall',
];

/** A response's cells by header; the scale items vary so no straight-lining flag appears. */
export interface RowSpec {
  id?: string;
  customer?: string;
  start?: string;
  end?: string;
  scale?: number[];
  nps?: string;
  serviceType?: string;
  callback?: string;
  extra?: Record<string, string>;
}

export const SCALE = LIKERTS.map((_, i) => (i % 5) + 1);

/** Headers in the file's language: Chinese field names, or English ones. */
export const FIELD_HEADERS = {
  zh: {
    id: '答卷编号',
    customer: '客户编号',
    type: '客户类型',
    region: '区域',
    start: '开始时间',
    end: '结束时间',
  },
  en: {
    id: 'Response ID',
    customer: 'Customer ID',
    type: 'Customer type',
    region: 'Region',
    start: 'Start time',
    end: 'End time',
  },
};

/** Two good rows: C001 (new, east) finished in 65 s, C002 (existing, south) in 10 minutes. */
export function goodRows(lang: 'zh' | 'en' = 'zh'): string[][] {
  const h = FIELD_HEADERS[lang];
  const header = [
    h.id,
    h.customer,
    h.type,
    h.region,
    h.start,
    h.end,
    ...LIKERTS,
    'nps',
    'service_type',
    'callback',
    'site_clean',
    'visits',
    '来源',
  ];
  return [
    header,
    [
      'R1',
      'C001',
      '新客户',
      '华东',
      '2026-03-02 09:00:00',
      '2026-03-02 09:01:05',
      ...SCALE.map(String),
      '9',
      'consult;complaint',
      'no',
      '4',
      '3',
      '微信',
    ],
    [
      'R2',
      'C002',
      '老客户',
      '华南',
      '2026-03-02 10:00:00',
      '2026-03-02 10:10:00',
      ...SCALE.map(String),
      '7',
      'after_sales',
      'no',
      '5',
      '12',
      '网页',
    ],
  ];
}

/** CSV text; cells with commas, quotes or line breaks are quoted. */
export function toCsv(rows: string[][], delimiter = ','): string {
  const quote = (cell: string) =>
    /[",\n\r;\t]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
  return `${rows.map((row) => row.map(quote).join(delimiter)).join('\r\n')}\r\n`;
}

export function runImport(
  services: RunningServices,
  request: Omit<ImportRequest, 'dryRun'> & { dryRun?: boolean },
  locale: 'en' | 'zh-CN' = 'en',
): Promise<ImportResult> {
  return importResponses(
    { db: services.ctx.db, fieldwork: services.ctx.fieldwork, locale },
    { dryRun: false, ...request },
  );
}

/** What was stored, without generated ids and clock times, to compare two imports. */
export function snapshot(services: RunningServices): unknown {
  const db = services.ctx.db;
  const responses = db
    .prepare(
      `SELECT r.id, r.channel, r.status, r.started_at, r.completed_at, r.consent, r.quality_flags, r.attributes,
              c.code, c.name, c.type, c.region
       FROM responses r LEFT JOIN customers c ON c.id = r.customer_id ORDER BY r.started_at`,
    )
    .all() as { id: string }[];
  const answers = db.prepare(
    'SELECT variable, value_num, value_text, value_json FROM answers WHERE response_id = ? ORDER BY variable',
  );
  return responses.map(({ id, ...rest }) => ({ ...rest, answers: answers.all(id) }));
}

export function count(
  services: RunningServices,
  table: 'responses' | 'answers' | 'customers' | 'waves' | 'response_history',
): number {
  return (services.ctx.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
}
