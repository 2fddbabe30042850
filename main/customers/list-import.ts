/**
 * A customer list from a CRM export (CSV in any of the usual encodings, or XLSX) read through
 * a column mapping, checked row by row with the register's rules, and upserted by customer code:
 * all rows or none, in one transaction, after a backup. A dry run returns the same preview and
 * problems without writing, so the mapping screen shows exactly what the import would do.
 *
 * An empty cell never erases what the register holds: a CRM export that leaves a column blank
 * usually does not know the value, not that it is gone.
 */
import { randomUUID } from 'node:crypto';
import type {
  CustomerImportColumn,
  CustomerImportResult,
  CustomerImportTarget,
  CustomerPreviewRow,
} from '../../shared/api/customers';
import {
  CUSTOMER_FIELDS,
  checkCustomer,
  normalizeCustomer,
  splitTags,
  type CustomerField,
  type CustomerFields,
} from '../../shared/customers';
import { AppError } from '../../shared/errors';
import type { Locale } from '../../shared/locale';
import type { Db } from '../db/connection';
import { UnreadableFile, readTable, type Table } from '../imports/read-table';
import { planCustomerColumns } from './list-columns';
import {
  fieldIssue,
  listIssue,
  localizeListIssue,
  readerIssue,
  type ListIssue,
} from './list-issues';
import { fieldsOf } from './repository';
import { repositoryFor } from './service';

/** Rows shown in the preview. */
export const PREVIEW_ROWS = 10;
/** Cells shown beside each column in the mapping. */
const SAMPLE_CELLS = 3;

export interface CustomerImportRequest {
  fileName: string;
  data: Uint8Array;
  map?: Record<string, CustomerImportTarget> | undefined;
  dryRun: boolean;
}

export interface CustomerImportDeps {
  db: Db;
  locale: Locale;
  clock?: () => Date;
  actor?: string | null;
  /** Makes a backup of the database and answers its path; called only before a real write. */
  backup?: () => Promise<string>;
}

const EMPTY: CustomerFields = {
  code: null,
  name: '',
  type: null,
  stage: null,
  region: null,
  industry: null,
  size: null,
  contact: null,
  phone: null,
  email: null,
  accountManager: null,
  staffId: null,
  tags: [],
};

interface PlannedRow {
  row: number;
  id: string | null;
  action: CustomerPreviewRow['action'];
  values: CustomerFields;
}

/** The cells a row gives, by field: only non-empty cells of mapped columns. */
function cellsOf(cells: string[], columns: CustomerImportColumn[]): Partial<CustomerFields> {
  const given: Partial<Record<CustomerField, string | string[]>> = {};
  for (const c of columns) {
    if (c.target === 'ignore') continue;
    const text = (cells[c.index] ?? '').trim();
    if (!text) continue;
    given[c.target] = c.target === 'tags' ? splitTags(text) : text;
  }
  return given as Partial<CustomerFields>;
}

function same(a: CustomerFields, b: CustomerFields): boolean {
  return CUSTOMER_FIELDS.every((f) =>
    f === 'tags'
      ? a.tags.length === b.tags.length && a.tags.every((tag, i) => tag === b.tags[i])
      : a[f] === b[f],
  );
}

export async function importCustomerList(
  deps: CustomerImportDeps,
  request: CustomerImportRequest,
): Promise<CustomerImportResult> {
  const { db, locale } = deps;
  const repo = repositoryFor(db);
  const problems: ListIssue[] = [];
  const warnings: ListIssue[] = [];
  const result = (
    table: Table | null,
    columns: CustomerImportColumn[],
    planned: PlannedRow[],
    imported: number,
    backup: string | null,
  ): CustomerImportResult => {
    const count = (action: PlannedRow['action']) =>
      planned.filter((p) => p.action === action).length;
    // By row, then in the order of the file's columns, as the user reads the row.
    const position = (i: ListIssue) => columns.find((c) => c.column === i.column)?.index ?? -1;
    const byRow = (a: ListIssue, b: ListIssue) =>
      (a.row ?? 0) - (b.row ?? 0) || position(a) - position(b);
    return {
      encoding: table?.encoding ?? null,
      sheet: table?.sheet ?? null,
      columns,
      rows: planned.length,
      preview: planned
        .slice(0, PREVIEW_ROWS)
        .map(({ row, action, values }) => ({ row, action, values })),
      created: count('create'),
      updated: count('update'),
      unchanged: count('unchanged'),
      problems: [...problems].sort(byRow).map((p) => localizeListIssue(p, locale)),
      warnings: [...warnings].sort(byRow).map((w) => localizeListIssue(w, locale)),
      imported,
      backup,
    };
  };

  let table: Table;
  try {
    table = await readTable(request.fileName, request.data);
  } catch (error) {
    if (!(error instanceof UnreadableFile)) throw error;
    const params: Record<string, string> =
      error.reason === 'unsupported_type' ? { extension: error.detail } : { detail: error.detail };
    problems.push(readerIssue(error.reason, { row: error.row }, params));
    return result(null, [], [], 0, null);
  }
  if (table.encoding && table.encoding !== 'UTF-8')
    warnings.push(readerIssue('encoding', {}, { encoding: table.encoding }));

  const { columns, unknownKeys } = planCustomerColumns(table.headers, request.map ?? {});
  for (const key of unknownKeys)
    problems.push(listIssue('map_no_column', { column: key }, { column: key }));
  for (const c of columns) {
    for (const r of table.rows) {
      const cell = (r.cells[c.index] ?? '').trim();
      if (cell) c.sample.push(cell);
      if (c.sample.length === SAMPLE_CELLS) break;
    }
  }
  const columnOf = new Map<CustomerField, CustomerImportColumn>();
  for (const c of columns) {
    const hasData = table.rows.some((r) => (r.cells[c.index] ?? '').trim() !== '');
    if (c.target === 'ignore') {
      if (c.column === '' && hasData)
        warnings.push(readerIssue('no_header', {}, { index: c.index + 1 }));
      else if (c.column !== '' && hasData)
        warnings.push(readerIssue('column_ignored', { column: c.column }));
      continue;
    }
    const first = columnOf.get(c.target);
    if (first) {
      problems.push(
        listIssue('column_twice', { column: c.column }, { other: first.column, field: c.target }),
      );
    } else columnOf.set(c.target, c);
  }
  if (!columnOf.has('code')) problems.push(listIssue('no_code_column'));
  if (!columnOf.has('name')) problems.push(listIssue('no_name_column'));
  if (problems.length) return result(table, columns, [], 0, null);

  const planned: PlannedRow[] = [];
  const firstRowOf = new Map<string, number>();
  const where = (row: number, field: CustomerField, values: CustomerFields) => {
    const column = columnOf.get(field);
    const value = values[field];
    return {
      row,
      column: column?.column ?? null,
      value: Array.isArray(value) ? value.join('、') : (value ?? ''),
    };
  };
  const dataRows = table.rows
    .filter((r) => r.cells.some((c) => c.trim() !== ''))
    .map((source) => ({ source, given: cellsOf(source.cells, columns) }));
  const storedByCode = repo.byCodes(
    dataRows.flatMap(({ given }) => (given.code ? [given.code] : [])),
  );
  for (const { source, given } of dataRows) {
    const code = typeof given.code === 'string' ? given.code : null;
    const stored = code ? storedByCode.get(code) : undefined;
    const before = stored ? fieldsOf(stored) : EMPTY;
    const values = normalizeCustomer({ ...before, ...given });
    const rowProblems: ListIssue[] = [];
    for (const problem of checkCustomer(values, { codeRequired: true })) {
      // A stored value the file does not touch is not this file's problem.
      if (problem.code !== 'required' && !(problem.field in given)) continue;
      if (problem.field === 'name' && problem.code === 'required') {
        rowProblems.push(listIssue('name_needed', where(source.row, 'name', values)));
      } else rowProblems.push(fieldIssue(problem, where(source.row, problem.field, values)));
    }
    if (code) {
      const first = firstRowOf.get(code);
      if (first !== undefined)
        rowProblems.push(
          listIssue('duplicate_code', where(source.row, 'code', values), { code, first }),
        );
      else firstRowOf.set(code, source.row);
    }
    problems.push(...rowProblems);
    const action: PlannedRow['action'] = rowProblems.length
      ? 'invalid'
      : !stored
        ? 'create'
        : same(before, values)
          ? 'unchanged'
          : 'update';
    planned.push({ row: source.row, id: stored?.id ?? null, action, values });
  }
  if (planned.length === 0) problems.push(listIssue('no_customers'));
  if (problems.length || request.dryRun) return result(table, columns, planned, 0, null);

  const writes = planned.filter((p) => p.action === 'create' || p.action === 'update');
  if (writes.length === 0) return result(table, columns, planned, 0, null);
  const backup = deps.backup ? await deps.backup() : null;
  const at = (deps.clock ?? (() => new Date()))().toISOString();
  db.transaction(() => {
    for (const p of writes) {
      if (p.id) repo.update(p.id, p.values, at);
      // A customer added with this code while the backup ran: check again rather than fail on UNIQUE.
      else if (p.values.code && repo.byCode(p.values.code))
        throw new AppError('CONFLICT', { reason: `customer code ${p.values.code} was just added` });
      else repo.insert(randomUUID(), p.values, at);
    }
    repo.audit(at, deps.actor ?? null, 'customer.import', null, {
      file: request.fileName,
      created: planned.filter((p) => p.action === 'create').length,
      updated: planned.filter((p) => p.action === 'update').length,
    });
  })();
  return result(table, columns, planned, writes.length, backup);
}
