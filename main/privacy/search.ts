/**
 * Finding a respondent across surveys: customers by code, name, contact, phone or e-mail, and
 * responses whose personal-data answers (a name or phone number typed in) match. Free texts of
 * sampling and the improvement loop count too: a sample note or contact note finds its customer,
 * a follow-up's detail or plan finds its customer and its response. Phone numbers are
 * compared on their digits, so "138 0013 8000" finds "13800138000" and "+86 138-0013-8000".
 */
import type {
  CustomerHit,
  MatchField,
  PersonSearchResult,
  ResponseHit,
} from '../../shared/privacy';
import type { Db } from '../db/connection';
import { personalVariablesByVersion } from './versions';

const MAX_CUSTOMERS = 50;
const MAX_RESPONSES = 200;

/** Digits of a phone-like query ("+86 138-0013 8000" -> 13800138000), or null for names, codes and e-mails. */
export function phoneDigits(query: string): string | null {
  if (!/^[\d\s+\-().]{5,}$/.test(query)) return null;
  // China's country code is dropped, so "+86 138..." finds numbers stored as "138...".
  const digits = query.replace(/^\s*(\+|00)\s*86/, '').replace(/\D/g, '');
  return digits.length >= 5 ? digits : null;
}

const registered = new WeakSet<Db>();

/** SQL functions the privacy queries use, registered once per connection. */
export function registerPrivacyFunctions(db: Db): void {
  if (registered.has(db)) return;
  db.function('privacy_digits', { deterministic: true }, (value: unknown) =>
    typeof value === 'string' || typeof value === 'number' ? String(value).replace(/\D/g, '') : '',
  );
  registered.add(db);
}

interface CustomerRow {
  id: string;
  code: string | null;
  name: string;
  contact: string | null;
  phone: string | null;
  email: string | null;
  responses: number;
}

interface ResponseRow {
  id: string;
  survey_title: string;
  survey_code: string;
  wave_name: string | null;
  started_at: string;
  completed_at: string | null;
  status: string;
  customer_id: string | null;
  customer_name: string | null;
}

function contains(haystack: string | null, needle: string): boolean {
  return haystack !== null && haystack.toLowerCase().includes(needle.toLowerCase());
}

function customerMatches(row: CustomerRow, query: string, digits: string | null): MatchField[] {
  const matched: MatchField[] = [];
  if (row.code !== null && row.code.toLowerCase() === query.toLowerCase()) matched.push('code');
  if (contains(row.name, query)) matched.push('name');
  if (contains(row.contact, query)) matched.push('contact');
  if (digits && row.phone && row.phone.replace(/\D/g, '').includes(digits)) matched.push('phone');
  if (contains(row.email, query)) matched.push('email');
  return matched;
}

/** SQL: whether a text column holds the query, or the phone number's digits. */
function textMatches(column: string): string {
  return `(instr(lower(${column}), lower(@q)) > 0
           OR (@digits IS NOT NULL AND instr(privacy_digits(${column}), @digits) > 0))`;
}

/** Matches in sampling and the improvement loop, by the customer or response they belong to. */
function activityMatches(
  db: Db,
  params: { q: string; digits: string | null },
): { customers: Map<string, MatchField[]>; responses: Map<string, MatchField[]> } {
  const rows = db
    .prepare<typeof params, { kind: 'customer' | 'response'; id: string; field: MatchField }>(
      `SELECT DISTINCT 'customer' AS kind, customer_id AS id, 'sampleNote' AS field
         FROM sample_members WHERE ${textMatches('notes')}
       UNION SELECT DISTINCT 'customer', customer_id, 'contactNote'
         FROM sample_contacts WHERE ${textMatches('note')}
       UNION SELECT DISTINCT 'customer', customer_id, 'followUp' FROM improvement_follow_ups
        WHERE customer_id IS NOT NULL AND (${textMatches('detail')} OR ${textMatches('plan')})
       UNION SELECT DISTINCT 'response', response_id, 'followUp' FROM improvement_follow_ups
        WHERE response_id IS NOT NULL AND (${textMatches('detail')} OR ${textMatches('plan')})
       ORDER BY 1, 2, 3
       LIMIT ${MAX_RESPONSES + MAX_CUSTOMERS}`,
    )
    .all(params);
  const customers = new Map<string, MatchField[]>();
  const responses = new Map<string, MatchField[]>();
  for (const row of rows) {
    const map = row.kind === 'customer' ? customers : responses;
    map.set(row.id, [...(map.get(row.id) ?? []), row.field]);
  }
  return { customers, responses };
}

export function searchPerson(db: Db, rawQuery: string): PersonSearchResult {
  registerPrivacyFunctions(db);
  const query = rawQuery.trim();
  const digits = phoneDigits(query);
  const params = { q: query, digits };
  const activity = activityMatches(db, params);

  const customerRows = db
    .prepare<typeof params & { activity: string }, CustomerRow>(
      `SELECT c.id, c.code, c.name, c.contact, c.phone, c.email,
              (SELECT COUNT(*) FROM responses r WHERE r.customer_id = c.id) AS responses
         FROM customers c
        WHERE lower(c.code) = lower(@q)
           OR instr(lower(c.name), lower(@q)) > 0
           OR instr(lower(c.contact), lower(@q)) > 0
           OR instr(lower(c.email), lower(@q)) > 0
           OR (@digits IS NOT NULL AND instr(privacy_digits(c.phone), @digits) > 0)
           OR c.id IN (SELECT value FROM json_each(@activity))
        ORDER BY c.name, c.id
        LIMIT ${MAX_CUSTOMERS + 1}`,
    )
    .all({ ...params, activity: JSON.stringify([...activity.customers.keys()]) });
  const customers: CustomerHit[] = customerRows.slice(0, MAX_CUSTOMERS).map((row) => ({
    id: row.id,
    code: row.code,
    name: row.name,
    contact: row.contact,
    phone: row.phone,
    email: row.email,
    matched: [...customerMatches(row, query, digits), ...(activity.customers.get(row.id) ?? [])],
    responseCount: row.responses,
  }));

  // Responses whose personal-data answers match, per questionnaire version (each has its own list).
  const answerHits = new Map<string, { variable: string; value: string }>();
  const byAnswer = db.prepare<
    { version: string; variables: string; q: string; digits: string | null },
    { response_id: string; variable: string; value: string }
  >(
    `SELECT a.response_id, a.variable,
            COALESCE(a.value_text, a.value_json, CAST(a.value_num AS TEXT)) AS value
       FROM responses r JOIN answers a ON a.response_id = r.id
      WHERE r.survey_version_id = @version
        AND a.variable IN (SELECT value FROM json_each(@variables))
        AND (instr(lower(COALESCE(a.value_text, a.value_json, '')), lower(@q)) > 0
             OR (@digits IS NOT NULL AND instr(privacy_digits(COALESCE(a.value_text, a.value_num)), @digits) > 0))
      LIMIT ${MAX_RESPONSES + 1}`,
  );
  for (const [version, variables] of personalVariablesByVersion(db)) {
    for (const hit of byAnswer.all({ version, variables: JSON.stringify(variables), ...params })) {
      if (!answerHits.has(hit.response_id)) answerHits.set(hit.response_id, hit);
    }
  }

  // Interviewer notes and imported attributes (columns of an online tool's export) may hold a
  // phone number or a name too.
  const noteHits = new Map<string, MatchField[]>();
  const byNote = db.prepare<typeof params, { id: string; notes: string; attributes: string }>(
    `SELECT id, notes, attributes FROM responses
      WHERE instr(lower(notes), lower(@q)) > 0 OR instr(lower(attributes), lower(@q)) > 0
         OR (@digits IS NOT NULL AND (instr(privacy_digits(notes), @digits) > 0
                                      OR instr(privacy_digits(attributes), @digits) > 0))
      LIMIT ${MAX_RESPONSES + 1}`,
  );
  for (const row of byNote.all(params)) {
    const fields: MatchField[] = [];
    const has = (text: string) =>
      contains(text, query) || (digits !== null && text.replace(/\D/g, '').includes(digits));
    if (has(row.notes)) fields.push('notes');
    if (has(row.attributes)) fields.push('attributes');
    noteHits.set(row.id, fields);
  }

  // The matching customers' own responses are listed too: they are about the same person.
  const customerIds = customers.map((c) => c.id);
  const linked = db
    .prepare<[string], { id: string }>(
      `SELECT id FROM responses WHERE customer_id IN (SELECT value FROM json_each(?))`,
    )
    .all(JSON.stringify(customerIds))
    .map((row) => row.id);
  const ids = [
    ...new Set([...linked, ...answerHits.keys(), ...noteHits.keys(), ...activity.responses.keys()]),
  ];
  const matchedOf = new Map(customers.map((c) => [c.id, c.matched]));
  const rows = db
    .prepare<[string], ResponseRow>(
      `SELECT r.id, s.title AS survey_title, s.code AS survey_code, w.name AS wave_name,
              r.started_at, r.completed_at, r.status, r.customer_id, c.name AS customer_name
         FROM responses r
         JOIN survey_versions v ON v.id = r.survey_version_id
         JOIN surveys s ON s.id = v.survey_id
         LEFT JOIN waves w ON w.id = r.wave_id
         LEFT JOIN customers c ON c.id = r.customer_id
        WHERE r.id IN (SELECT value FROM json_each(?))
        ORDER BY r.started_at DESC, r.id`,
    )
    .all(JSON.stringify(ids));
  const responses: ResponseHit[] = rows.slice(0, MAX_RESPONSES).map((row) => {
    const hit = answerHits.get(row.id);
    const viaCustomer = row.customer_id ? (matchedOf.get(row.customer_id) ?? []) : [];
    return {
      id: row.id,
      surveyTitle: row.survey_title,
      surveyCode: row.survey_code,
      waveName: row.wave_name,
      startedAt: row.started_at,
      completedAt: row.completed_at,
      status: row.status,
      customerId: row.customer_id,
      customerName: row.customer_name,
      matchedVariable: hit?.variable ?? null,
      matchedValue: hit?.value ?? null,
      matched: [
        ...viaCustomer,
        ...(hit ? (['answer'] as const) : []),
        ...(noteHits.get(row.id) ?? []),
        ...(activity.responses.get(row.id) ?? []),
      ].filter((field, index, all) => all.indexOf(field) === index),
    };
  });
  return {
    query,
    customers,
    responses,
    truncated: customerRows.length > MAX_CUSTOMERS || rows.length > MAX_RESPONSES,
  };
}
