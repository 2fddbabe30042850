/**
 * Everything stored about one person: their customer records, every response linked to them or
 * chosen in the search, with labelled answers, consent and edit history, and the rows of other
 * tables that point at them (follow-ups, sample memberships...), found by their columns.
 */
import type { Locale } from '../../shared/locale';
import type {
  LinkedRecords,
  PersonRecord,
  PersonResponse,
  PersonSubject,
} from '../../shared/privacy';
import { consentSchema, type Consent } from '../../shared/responses';
import { AppError } from '../../shared/errors';
import { customerOf, type CustomerRow } from '../customers/repository';
import type { Db } from '../db/connection';
import { fromRow, type AnswerRow } from '../fieldwork/answers';
import { collectActivity } from './activity';
import { labelAnswer, versionCatalog } from './versions';

interface ResponseRow {
  id: string;
  survey_version_id: string;
  wave_name: string | null;
  channel: string;
  status: string;
  revision: number;
  interviewer: string | null;
  device_id: string;
  started_at: string;
  completed_at: string | null;
  customer_id: string | null;
  consent: string | null;
  notes: string;
  lead: string | null;
  attributes: string;
}

interface HistoryRow {
  revision: number;
  at: string;
  actor: string | null;
  action: string;
  variable: string | null;
  old_value: string | null;
  new_value: string | null;
  comment: string | null;
}

/** The responses a subject covers: those chosen plus every response of the chosen customers. */
export function responseIdsOf(db: Db, subject: PersonSubject): string[] {
  const linked = db
    .prepare<[string], { id: string }>(
      'SELECT id FROM responses WHERE customer_id IN (SELECT value FROM json_each(?)) ORDER BY started_at, id',
    )
    .all(JSON.stringify(subject.customerIds))
    .map((r) => r.id);
  return [...new Set([...linked, ...subject.responseIds])];
}

/** Throws NOT_FOUND when a chosen customer or response does not exist (any more). */
export function assertSubjectExists(db: Db, subject: PersonSubject): void {
  const customer = db.prepare<[string], { n: number }>(
    'SELECT COUNT(*) AS n FROM customers WHERE id = ?',
  );
  for (const id of subject.customerIds) {
    if (customer.get(id)?.n !== 1) throw new AppError('NOT_FOUND', { what: 'customer', id });
  }
  const response = db.prepare<[string], { n: number }>(
    'SELECT COUNT(*) AS n FROM responses WHERE id = ?',
  );
  for (const id of subject.responseIds) {
    if (response.get(id)?.n !== 1) throw new AppError('NOT_FOUND', { what: 'response', id });
  }
}

function parseConsent(text: string | null): Consent | null {
  if (!text) return null;
  try {
    const parsed = consentSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    // A consent that is not JSON was never written by this app: shown as not recorded.
    return null;
  }
}

function parseObject(text: string): Record<string, string> {
  try {
    const value = JSON.parse(text) as unknown;
    return typeof value === 'object' && value !== null ? (value as Record<string, string>) : {};
  } catch {
    return {};
  }
}

/** Tables (other than the core ones read above) with a customer_id or response_id column. */
export function linkingTables(db: Db): { table: string; columns: string[] }[] {
  const core = new Set(['customers', 'responses', 'answers', 'response_history']);
  const tables = db
    .prepare<[], { name: string }>(
      `SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`,
    )
    .all()
    .map((r) => r.name)
    .filter((name) => !core.has(name));
  const out: { table: string; columns: string[] }[] = [];
  for (const table of tables) {
    const columns = db
      .prepare<[string], { name: string }>('SELECT name FROM pragma_table_info(?)')
      .all(table)
      .map((c) => c.name)
      .filter((name) => name === 'customer_id' || name === 'response_id');
    if (columns.length > 0) out.push({ table, columns });
  }
  return out;
}

function quoteIdentifier(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

function linkedRecords(db: Db, customerIds: string[], responseIds: string[]): LinkedRecords[] {
  const out: LinkedRecords[] = [];
  for (const { table, columns } of linkingTables(db)) {
    const where = columns
      .map((c) =>
        c === 'customer_id'
          ? `customer_id IN (SELECT value FROM json_each(@customers))`
          : `response_id IN (SELECT value FROM json_each(@responses))`,
      )
      .join(' OR ');
    // Table names come from sqlite_schema, never from input; quoted as identifiers.
    const rows = db
      .prepare<{ customers: string; responses: string }, Record<string, unknown>>(
        `SELECT * FROM ${quoteIdentifier(table)} WHERE ${where}`,
      )
      .all({ customers: JSON.stringify(customerIds), responses: JSON.stringify(responseIds) });
    if (rows.length > 0) out.push({ table, rows });
  }
  return out;
}

export function collectPerson(
  db: Db,
  subject: PersonSubject,
  options: { locale: Locale; now: Date },
): PersonRecord {
  assertSubjectExists(db, subject);
  const catalog = versionCatalog(db);
  const customers = db
    .prepare<[string], CustomerRow>(
      `SELECT c.*, (SELECT count(*) FROM responses r
                       WHERE r.customer_id = c.id AND r.status <> 'void') AS response_count
         FROM customers c WHERE c.id IN (SELECT value FROM json_each(?)) ORDER BY c.name, c.id`,
    )
    .all(JSON.stringify(subject.customerIds))
    .map(customerOf);
  const responseIds = responseIdsOf(db, subject);
  const readResponse = db.prepare<[string], ResponseRow>(
    `SELECT r.id, r.survey_version_id, w.name AS wave_name, r.channel, r.status, r.revision,
            r.interviewer, r.device_id, r.started_at, r.completed_at, r.customer_id, r.consent,
            r.notes, r.lead, r.attributes
       FROM responses r LEFT JOIN waves w ON w.id = r.wave_id WHERE r.id = ?`,
  );
  const readAnswers = db.prepare<[string], AnswerRow>(
    'SELECT variable, value_num, value_text, value_json FROM answers WHERE response_id = ?',
  );
  const readHistory = db.prepare<[string], HistoryRow>(
    `SELECT revision, at, actor, action, variable, old_value, new_value, comment
       FROM response_history WHERE response_id = ? ORDER BY id`,
  );
  const responses: PersonResponse[] = [];
  for (const id of responseIds) {
    const row = readResponse.get(id);
    if (!row) continue;
    const facts = catalog(row.survey_version_id);
    const order = [...facts.questions.keys()];
    const answers = readAnswers
      .all(id)
      .sort((a, b) => rank(order, a.variable) - rank(order, b.variable))
      .map((answer) => {
        const value = fromRow(answer);
        const labelled = labelAnswer(facts, answer.variable, value, options.locale);
        return {
          variable: answer.variable,
          question: labelled.question,
          value,
          label: labelled.label,
          personal: facts.personal.has(answer.variable),
        };
      });
    responses.push({
      id: row.id,
      surveyTitle: facts.surveyTitle,
      surveyCode: facts.surveyCode,
      versionNo: facts.versionNo,
      waveName: row.wave_name,
      channel: row.channel,
      status: row.status,
      revision: row.revision,
      interviewer: row.interviewer,
      deviceId: row.device_id,
      startedAt: row.started_at,
      completedAt: row.completed_at,
      customerId: row.customer_id,
      consent: parseConsent(row.consent),
      notes: row.notes,
      lead: row.lead,
      attributes: parseObject(row.attributes),
      answers,
      history: readHistory.all(id).map((h) => ({
        revision: h.revision,
        at: h.at,
        actor: h.actor,
        action: h.action,
        variable: h.variable,
        oldValue: h.old_value,
        newValue: h.new_value,
        comment: h.comment,
      })),
    });
  }
  return {
    subject,
    exportedAt: options.now.toISOString(),
    customers,
    responses,
    ...collectActivity(db, subject.customerIds, responseIds),
    linked: linkedRecords(db, subject.customerIds, responseIds),
  };
}

function rank(order: string[], variable: string): number {
  const index = order.indexOf(variable);
  return index === -1 ? order.length : index;
}
