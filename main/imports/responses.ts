/**
 * `import-responses` and `responses.importData`: a CSV/XLSX of responses checked as a whole and
 * stored in one transaction into the survey's latest published version, or not at all. A dry
 * run does the same writes and rolls them back, so it finds exactly what a real run would.
 */
import type { ImportIssue, ImportPreview, ImportResult } from '../../shared/api/imports';
import { stageOf } from '../../shared/customers';
import type { Locale } from '../../shared/locale';
import type { Db } from '../db/connection';
import type { FieldworkService } from '../fieldwork/service';
import { getCleaningRules, getDeviceId } from '../services/settings';
import {
  CUSTOMER_ATTRIBUTES,
  RESPONSE_FIELDS,
  Catalog,
  fieldOf,
  planColumns,
  type CustomerAttribute,
} from './columns';
import { issue, localize, type RawIssue } from './issues';
import { UnreadableFile, readTable, type Table } from './read-table';
import { readRows, type PlannedResponse } from './rows';
import { importStore, type ImportStore } from './store';

export interface ImportRequest {
  surveyId: string;
  fileName: string;
  data: Uint8Array;
  /** Column header -> variable or field word (see columns.ts). */
  map?: Record<string, string> | undefined;
  waveName?: string | undefined;
  dryRun: boolean;
  /** Who imports (the operator setting), stamped on each response's history. */
  actor?: string | null | undefined;
}

export interface ImportDeps {
  db: Db;
  fieldwork: FieldworkService;
  locale: Locale;
  clock?: () => Date;
  /** Makes a backup of the database and answers its path; called only before a real write. */
  backup?: () => Promise<string>;
}

/** Thrown inside the transaction to undo a dry run's writes. */
class DryRunRollback extends Error {}

interface CustomerPlan {
  name: string | null;
  values: Partial<Record<CustomerAttribute, string>>;
}

/** One entry per customer code: the first name and attribute values the file gives it. */
function customersOf(
  responses: PlannedResponse[],
  store: ImportStore,
  warnings: RawIssue[],
): Map<string, CustomerPlan> {
  const customers = new Map<string, CustomerPlan>();
  for (const r of responses) {
    if (!r.customerCode) continue;
    const plan = customers.get(r.customerCode) ?? { name: null, values: {} };
    plan.name ??= r.customerName;
    for (const attribute of CUSTOMER_ATTRIBUTES) {
      const given = r.customer[attribute];
      if (given === undefined) continue;
      // Stored as the register stores it: 'stable' or 稳定 becomes 稳定期 (shared/customers.ts).
      const value = attribute === 'stage' ? (stageOf(given) ?? given) : given;
      const first = plan.values[attribute];
      if (first === undefined) plan.values[attribute] = value;
      else if (first !== value) {
        warnings.push(
          issue(
            'customer_varies',
            { row: r.row, column: attribute, value },
            { code: r.customerCode, field: attribute, value: first, other: value },
          ),
        );
      }
    }
    customers.set(r.customerCode, plan);
  }
  let fresh = 0;
  for (const [code, plan] of customers) {
    const stored = store.customer(code);
    if (!stored) {
      fresh++;
      continue;
    }
    for (const attribute of CUSTOMER_ATTRIBUTES) {
      const value = plan.values[attribute];
      const kept = stored[attribute];
      if (value !== undefined && kept !== null && kept !== value) {
        warnings.push(
          issue(
            'customer_conflict',
            { column: attribute, value },
            { code, field: attribute, value, stored: kept },
          ),
        );
      }
    }
  }
  if (fresh) warnings.push(issue('new_customers', {}, { count: fresh }));
  return customers;
}

/** Data rows the mapping screen shows. */
export const PREVIEW_ROWS = 5;

/** The first rows as read and every target a column may be mapped to. */
function previewOf(table: Table, catalog: Catalog): ImportPreview {
  return {
    encoding: table.encoding,
    headers: table.headers,
    rows: table.rows
      .filter((r) => r.cells.some((c) => c.trim() !== ''))
      .slice(0, PREVIEW_ROWS)
      .map((r) => ({ row: r.row, cells: r.cells })),
    targets: [
      ...catalog.variables.keys(),
      ...catalog.others.keys(),
      ...RESPONSE_FIELDS,
      ...CUSTOMER_ATTRIBUTES,
      'attribute',
      'ignore',
    ],
  };
}

function byRow(a: RawIssue, b: RawIssue): number {
  return (a.row ?? 0) - (b.row ?? 0);
}

function hasData(table: Table, index: number): boolean {
  return table.rows.some((r) => (r.cells[index] ?? '').trim() !== '');
}

export async function importResponses(
  deps: ImportDeps,
  request: ImportRequest,
): Promise<ImportResult> {
  const { db, locale } = deps;
  const now = (deps.clock ?? (() => new Date()))();
  const store = importStore(db);
  const version = store.publishedVersion(request.surveyId);
  const catalog = new Catalog(version.definition);
  const result = (
    imported: number,
    problems: RawIssue[],
    warnings: RawIssue[],
    columns: ImportResult['columns'] = [],
  ): ImportResult => ({
    imported,
    problems: [...problems].sort(byRow).map((p): ImportIssue => localize(p, locale)),
    warnings: [...warnings].sort(byRow).map((w): ImportIssue => localize(w, locale)),
    columns,
    ...(preview ? { preview } : {}),
  });
  let preview: ImportPreview | null = null;

  let table: Table;
  try {
    table = await readTable(request.fileName, request.data);
  } catch (error) {
    if (!(error instanceof UnreadableFile)) throw error;
    const params: Record<string, string> =
      error.reason === 'unsupported_type' ? { extension: error.detail } : { detail: error.detail };
    return result(0, [issue(error.reason, { row: error.row }, params)], []);
  }
  preview = previewOf(table, catalog);
  const warnings: RawIssue[] = [];
  if (table.encoding && table.encoding !== 'UTF-8')
    warnings.push(issue('encoding', {}, { encoding: table.encoding }));
  const plan = planColumns(table.headers, catalog, request.map ?? {}, (i) => hasData(table, i));
  warnings.push(...plan.warnings);
  const columns = plan.bindings
    .filter((b) => b.header !== '')
    .map((b) => ({ column: b.header, field: fieldOf(b.role) }));
  if (plan.problems.length) return result(0, plan.problems, warnings, columns);

  const rows = readRows(table, plan, catalog, now);
  const problems = [...rows.problems];
  warnings.push(...rows.warnings);
  const earlier = store.importedIds(request.surveyId);
  const idColumn =
    plan.bindings.find((b) => b.role.kind === 'field' && b.role.field === 'id')?.header ?? null;
  for (const r of rows.responses) {
    const file = r.sourceId ? earlier.get(r.sourceId) : undefined;
    if (file !== undefined)
      problems.push(
        issue(
          'already_imported',
          { row: r.row, column: idColumn, value: r.sourceId ?? '' },
          { file },
        ),
      );
  }
  const customers = customersOf(rows.responses, store, warnings);
  const existingWave = request.waveName ? store.waveId(request.surveyId, request.waveName) : null;
  if (request.waveName && !existingWave)
    warnings.push(issue('wave_created', {}, { wave: request.waveName }));
  if (problems.length) return result(0, problems, warnings, columns);

  const backup = !request.dryRun && deps.backup ? await deps.backup() : null;
  const at = now.toISOString();
  const deviceId = getDeviceId(db);
  const rules = getCleaningRules(db);
  try {
    db.transaction(() => {
      const waveId = request.waveName
        ? (existingWave ?? store.createWave(request.surveyId, request.waveName, at))
        : null;
      const customerIds = new Map<string, string>();
      for (const [code, customer] of customers) {
        customerIds.set(code, store.upsertCustomer(code, customer.name, customer.values, at));
      }
      for (const response of rows.responses) {
        store.insertResponse({
          response,
          version,
          waveId,
          customerId: response.customerCode
            ? (customerIds.get(response.customerCode) ?? null)
            : null,
          deviceId,
          actor: request.actor ?? null,
          origin: { file: request.fileName, row: response.row, id: response.sourceId },
          rules,
          at,
        });
      }
      // The wave's duplicates (same customer, identical answers) need every response of the wave.
      if (waveId) deps.fieldwork.recomputeFlags(waveId);
      if (request.dryRun) throw new DryRunRollback();
    })();
  } catch (error) {
    if (!(error instanceof DryRunRollback)) throw error;
  }
  return {
    ...result(rows.responses.length, [], warnings, columns),
    ...(backup ? { backup } : {}),
  };
}
