/**
 * The `customers` table behind one typed interface: rows in, rows out, SQL parameters only.
 * Statements are prepared once per connection; the list's WHERE is assembled from fixed
 * fragments (never from values), and each shape is prepared once too.
 */
import type { Statement } from 'better-sqlite3';
import type {
  Customer,
  CustomerFields,
  CustomerFilterValues,
  CustomerQuery,
  CustomerResponse,
  CustomerSort,
} from '../../shared/customers';
import type { Db } from '../db/connection';

/** A row of `customers` as stored. */
export interface CustomerRow {
  id: string;
  code: string | null;
  name: string;
  type: string | null;
  stage: string | null;
  region: string | null;
  industry: string | null;
  size: string | null;
  contact: string | null;
  phone: string | null;
  email: string | null;
  account_manager: string | null;
  staff_id: string | null;
  tags: string;
  created_at: string;
  updated_at: string;
  response_count?: number;
}

const SORT_COLUMNS: Record<CustomerSort, string> = {
  code: 'c.code',
  name: 'c.name',
  type: 'c.type',
  stage: 'c.stage',
  region: 'c.region',
  accountManager: 'c.account_manager',
  updatedAt: 'c.updated_at',
};

const RESPONSE_COUNT = `(SELECT count(*) FROM responses r WHERE r.customer_id = c.id AND r.status != 'void') AS response_count`;

function parseTags(text: string): string[] {
  try {
    const value: unknown = JSON.parse(text);
    return Array.isArray(value) ? value.filter((t): t is string => typeof t === 'string') : [];
  } catch {
    // A hand-edited or damaged tags cell reads as no tags rather than breaking the register.
    return [];
  }
}

export function customerOf(row: CustomerRow): Customer {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    type: row.type,
    stage: row.stage,
    region: row.region,
    industry: row.industry,
    size: row.size,
    contact: row.contact,
    phone: row.phone,
    email: row.email,
    accountManager: row.account_manager,
    staffId: row.staff_id,
    tags: parseTags(row.tags),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    responseCount: row.response_count ?? 0,
  };
}

/** The stored values of a customer's editable fields, for comparing with an imported row. */
export function fieldsOf(row: CustomerRow): CustomerFields {
  const c = customerOf(row);
  return {
    code: c.code,
    name: c.name,
    type: c.type,
    stage: c.stage,
    region: c.region,
    industry: c.industry,
    size: c.size,
    contact: c.contact,
    phone: c.phone,
    email: c.email,
    accountManager: c.accountManager,
    staffId: c.staffId,
    tags: c.tags,
  };
}

type FieldParams = [
  string | null,
  string,
  string | null,
  string | null,
  string | null,
  string | null,
  string | null,
  string | null,
  string | null,
  string | null,
  string | null,
  string | null,
  string,
];

function fieldParams(f: CustomerFields): FieldParams {
  return [
    f.code,
    f.name,
    f.type,
    f.stage,
    f.region,
    f.industry,
    f.size,
    f.contact,
    f.phone,
    f.email,
    f.accountManager,
    f.staffId,
    JSON.stringify(f.tags),
  ];
}

/** `%text%` for LIKE with its wildcards escaped. */
function likePattern(text: string): string {
  return `%${text.replace(/[%_\\]/g, (c) => `\\${c}`)}%`;
}

export function customerRepository(db: Db) {
  const st = {
    byId: db.prepare<[string], CustomerRow>(
      `SELECT c.*, ${RESPONSE_COUNT} FROM customers c WHERE c.id = ?`,
    ),
    byCode: db.prepare<[string], CustomerRow>('SELECT * FROM customers WHERE code = ?'),
    // One statement for a whole file's codes: the JSON array is one parameter, however long.
    byCodes: db.prepare<[string], CustomerRow>(
      'SELECT c.* FROM customers c JOIN json_each(?) j ON c.code = j.value',
    ),
    insert: db.prepare<[string, ...FieldParams, string, string]>(
      `INSERT INTO customers (id, code, name, type, stage, region, industry, size, contact, phone, email,
         account_manager, staff_id, tags, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    update: db.prepare<[...FieldParams, string, string]>(
      `UPDATE customers SET code = ?, name = ?, type = ?, stage = ?, region = ?, industry = ?, size = ?,
         contact = ?, phone = ?, email = ?, account_manager = ?, staff_id = ?, tags = ?, updated_at = ?
       WHERE id = ?`,
    ),
    distinct: (column: 'type' | 'stage' | 'region' | 'account_manager') =>
      db.prepare<[], { value: string }>(
        `SELECT DISTINCT ${column} AS value FROM customers WHERE ${column} IS NOT NULL AND ${column} != '' ORDER BY 1`,
      ),
    responses: db.prepare<
      [string],
      {
        id: string;
        title: string;
        wave: string | null;
        channel: string;
        status: string;
        started_at: string;
        completed_at: string | null;
      }
    >(
      `SELECT r.id, s.title, w.name AS wave, r.channel, r.status, r.started_at, r.completed_at
       FROM responses r
       JOIN survey_versions v ON v.id = r.survey_version_id
       JOIN surveys s ON s.id = v.survey_id
       LEFT JOIN waves w ON w.id = r.wave_id
       WHERE r.customer_id = ?
       ORDER BY r.started_at DESC`,
    ),
    audit: db.prepare<[string, string | null, string, string | null, string]>(
      "INSERT INTO audit_log (at, actor, action, entity, entity_id, detail) VALUES (?, ?, ?, 'customer', ?, ?)",
    ),
  };
  const distinct = {
    type: st.distinct('type'),
    stage: st.distinct('stage'),
    region: st.distinct('region'),
    account_manager: st.distinct('account_manager'),
  };
  const listStatements = new Map<
    string,
    { page: Statement<unknown[], CustomerRow>; count: Statement<unknown[], { n: number }> }
  >();

  return {
    get(id: string): CustomerRow | undefined {
      return st.byId.get(id);
    },
    byCode(code: string): CustomerRow | undefined {
      return st.byCode.get(code);
    },
    /** The stored customers among `codes`, by code. */
    byCodes(codes: string[]): Map<string, CustomerRow> {
      const rows = st.byCodes.all(JSON.stringify([...new Set(codes)]));
      return new Map(rows.map((row) => [row.code ?? '', row]));
    },
    insert(id: string, fields: CustomerFields, at: string): void {
      st.insert.run(id, ...fieldParams(fields), at, at);
    },
    update(id: string, fields: CustomerFields, at: string): void {
      st.update.run(...fieldParams(fields), at, id);
    },
    audit(
      at: string,
      actor: string | null,
      action: string,
      id: string | null,
      detail: unknown,
    ): void {
      st.audit.run(at, actor, action, id, JSON.stringify(detail));
    },
    list(query: Required<CustomerQuery>): { total: number; rows: CustomerRow[] } {
      const where: string[] = [];
      const params: unknown[] = [];
      if (query.search) {
        where.push(
          `(c.code LIKE ? ESCAPE '\\' OR c.name LIKE ? ESCAPE '\\' OR c.contact LIKE ? ESCAPE '\\'
            OR c.phone LIKE ? ESCAPE '\\' OR c.email LIKE ? ESCAPE '\\' OR c.tags LIKE ? ESCAPE '\\')`,
        );
        const like = likePattern(query.search);
        params.push(like, like, like, like, like, like);
      }
      const filters: [string | null, string][] = [
        [query.type, 'c.type'],
        [query.stage, 'c.stage'],
        [query.region, 'c.region'],
        [query.accountManager, 'c.account_manager'],
      ];
      for (const [value, column] of filters) {
        if (value === null) continue;
        where.push(`${column} = ?`);
        params.push(value);
      }
      const whereSql = where.length ? `WHERE ${where.join(' AND ')}` : '';
      const direction = query.descending ? 'DESC' : 'ASC';
      // Empty values last whichever the direction, then a stable tie-break.
      const order = `${SORT_COLUMNS[query.sort]} IS NULL, ${SORT_COLUMNS[query.sort]} ${direction}, c.name, c.id`;
      const key = `${whereSql}|${order}`;
      let prepared = listStatements.get(key);
      if (!prepared) {
        prepared = {
          page: db.prepare<unknown[], CustomerRow>(
            `SELECT c.*, ${RESPONSE_COUNT} FROM customers c ${whereSql} ORDER BY ${order} LIMIT ? OFFSET ?`,
          ),
          count: db.prepare<unknown[], { n: number }>(
            `SELECT count(*) AS n FROM customers c ${whereSql}`,
          ),
        };
        listStatements.set(key, prepared);
      }
      const total = prepared.count.get(...params)?.n ?? 0;
      const rows = prepared.page.all(...params, query.limit, query.offset);
      return { total, rows };
    },
    filterValues(): CustomerFilterValues {
      const values = (s: Statement<[], { value: string }>) => s.all().map((r) => r.value);
      return {
        types: values(distinct.type),
        stages: values(distinct.stage),
        regions: values(distinct.region),
        accountManagers: values(distinct.account_manager),
      };
    },
    responses(id: string): CustomerResponse[] {
      return st.responses.all(id).map((r) => ({
        id: r.id,
        surveyTitle: r.title,
        waveName: r.wave,
        channel: r.channel,
        status: r.status,
        startedAt: r.started_at,
        completedAt: r.completed_at,
      }));
    },
  };
}

export type CustomerRepository = ReturnType<typeof customerRepository>;
