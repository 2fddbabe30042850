/**
 * The customer register (客户档案): list with search, filters and paging, one customer with its
 * responses, add and edit by hand, and customer lists imported from CRM exports (CSV or XLSX)
 * with a column mapping. No delete here: erasing personal data leaves a tombstone (privacy).
 * `customers.search` / `customers.create` (shared/api/fieldwork.ts) stay for the interview screen.
 */
import { z } from 'zod';
import {
  CUSTOMER_FIELDS,
  customerFieldsInput,
  customerQuery,
  type Customer,
  type CustomerFields,
  type CustomerFilterValues,
  type CustomerPage,
  type CustomerResponse,
} from '../customers';
import { IMPORT_MAX_BYTES, type ImportIssue } from './imports';
import { method, noInput } from './method';

/** What a column of a customer list is read as: a register field, or nothing. */
export const CUSTOMER_IMPORT_TARGETS = [...CUSTOMER_FIELDS, 'ignore'] as const;
export type CustomerImportTarget = (typeof CUSTOMER_IMPORT_TARGETS)[number];

/** One column of the file, what its header suggests and what it is read as. */
export interface CustomerImportColumn {
  /** 0-based position in the file. */
  index: number;
  /** The header as written in the file. */
  column: string;
  /** Recognised from the header alone. */
  proposed: CustomerImportTarget;
  /** Used for this run: the mapping's choice, else the proposal. */
  target: CustomerImportTarget;
  /** The column's first non-empty cells as read, to judge the mapping by. */
  sample: string[];
}

/** A data row as it will be stored; `action` says what the import does with it. */
export interface CustomerPreviewRow {
  row: number;
  action: 'create' | 'update' | 'unchanged' | 'invalid';
  values: CustomerFields;
}

/** The outcome of a customer-list import or its dry run: nothing is stored while `problems` is not empty. */
export interface CustomerImportResult {
  encoding: string | null;
  sheet: string | null;
  columns: CustomerImportColumn[];
  /** Data rows in the file (blank rows not counted). */
  rows: number;
  /** The first rows as they will be stored, failing ones included. */
  preview: CustomerPreviewRow[];
  created: number;
  updated: number;
  unchanged: number;
  problems: ImportIssue[];
  warnings: ImportIssue[];
  /** Rows written: 0 on a dry run or when there are problems. */
  imported: number;
  /** The backup made just before writing; null on a dry run or when nothing was written. */
  backup: string | null;
}

export const customerImportInput = z.strictObject({
  fileName: z.string().trim().min(1).max(260),
  dataBase64: z
    .string()
    .max(Math.ceil(IMPORT_MAX_BYTES / 3) * 4)
    .regex(/^[A-Za-z0-9+/]*={0,2}$/),
  /** Column header -> register field or `ignore`, overriding the proposal. */
  map: z.record(z.string().min(1).max(200), z.enum(CUSTOMER_IMPORT_TARGETS)).optional(),
  dryRun: z.boolean(),
});
export type CustomerImportInput = z.infer<typeof customerImportInput>;

export const customerMethods = {
  /** One page of the register: search, filters, order. */
  'customerRegister.list': method<CustomerPage>()(customerQuery),
  /** The values the list's filters offer (types, stages, regions, account managers in use). */
  'customerRegister.filters': method<CustomerFilterValues>()(noInput),
  'customerRegister.get': method<Customer>()(z.strictObject({ id: z.uuid() })),
  /** Adds a customer; INVALID_INPUT with one issue per field that breaks a rule. */
  'customerRegister.add': method<Customer>()(customerFieldsInput),
  'customerRegister.update': method<Customer>()(
    z.strictObject({ id: z.uuid(), fields: customerFieldsInput }),
  ),
  /** The customer's responses across surveys, newest first. */
  'customerRegister.responses': method<CustomerResponse[]>()(z.strictObject({ id: z.uuid() })),
  /** Imports a CRM customer list, upserting by customer code, all rows or none (dry run: preview). */
  'customerRegister.importList': method<CustomerImportResult>()(customerImportInput),
};
