/**
 * Importing responses collected elsewhere (online survey tools, spreadsheets): a CSV or XLSX
 * file whose headers are variable names, checked as a whole and stored in one transaction.
 */
import { z } from 'zod';
import { method } from './method';

/** Files up to 40 MB; base64 takes four characters for every three bytes. */
export const IMPORT_MAX_BYTES = 40 * 1024 * 1024;

/** Why a row, a cell or the file does not fit; the message is in the caller's language. */
export interface ImportIssue {
  /** The row as a spreadsheet shows it (the header is row 1); null for the file as a whole. */
  row: number | null;
  /** The column's header as written in the file; null when the issue is not about one column. */
  column: string | null;
  /** The cell as read from the file ('' when not about one cell). */
  value: string;
  /** A stable code for the reason (e.g. `unknown_choice`, `out_of_scale`, `end_before_start`). */
  code: string;
  params: Record<string, string | number>;
  message: string;
}

/** What one column of the file was read as: a variable, `start`, `customer`, `region`, `attribute`, `ignore`... */
export interface ImportColumn {
  column: string;
  field: string;
}

/** The outcome of an import or a dry run: nothing is stored when `problems` is not empty. */
export interface ImportResult {
  /** Responses stored (on a dry run: that would be stored); 0 when there are problems. */
  imported: number;
  problems: ImportIssue[];
  warnings: ImportIssue[];
  columns: ImportColumn[];
  /** What the mapping screen shows; absent when the file could not be read as a table. */
  preview?: ImportPreview;
  /** The backup made just before storing (imports through the app); absent on a dry run. */
  backup?: string;
}

/** The file as read, for the mapping screen: its first rows and what a column may be mapped to. */
export interface ImportPreview {
  /** CSV: the encoding the text was read in; XLSX: null. */
  encoding: string | null;
  headers: string[];
  /** The first data rows, cells as read (the header is row 1). */
  rows: { row: number; cells: string[] }[];
  /** Every mapping target: the questionnaire's variables, response fields, customer attributes. */
  targets: string[];
}

/** Which importer a saved column mapping is for. */
export const MAPPING_KINDS = ['customers', 'responses'] as const;
export type MappingKind = (typeof MAPPING_KINDS)[number];

/** A column mapping saved by name to be reused on the next file from the same tool. */
export interface SavedMapping {
  name: string;
  /** Column header -> target (a register field, a variable, a response field or `ignore`). */
  map: Record<string, string>;
  savedAt: string;
}

const mappingName = z.string().trim().min(1).max(100);
const mappingKind = z.enum(MAPPING_KINDS);

export const importDataInput = z.strictObject({
  surveyId: z.uuid(),
  /** Only its extension matters (.csv, .txt, .tsv or .xlsx); shown back in the history. */
  fileName: z.string().trim().min(1).max(260),
  dataBase64: z
    .string()
    .max(Math.ceil(IMPORT_MAX_BYTES / 3) * 4)
    .regex(/^[A-Za-z0-9+/]*={0,2}$/),
  /** Column header -> variable or response field, overriding what the header is recognised as. */
  map: z.record(z.string().min(1).max(200), z.string().trim().min(1).max(100)).optional(),
  /** The wave the responses belong to; created when the survey has none of that name. */
  waveName: z.string().trim().min(1).max(100).optional(),
  dryRun: z.boolean(),
});
export type ImportDataInput = z.infer<typeof importDataInput>;

export const importMethods = {
  /** Loads a CSV/XLSX of responses into the survey's latest published version, all rows or none. */
  'responses.importData': method<ImportResult>()(importDataInput),
  /** The saved column mappings of one importer, by name. */
  'imports.mappings': method<SavedMapping[]>()(z.strictObject({ kind: mappingKind })),
  /** Saves (or replaces) a mapping by name; answers the importer's mappings. */
  'imports.saveMapping': method<SavedMapping[]>()(
    z.strictObject({
      kind: mappingKind,
      name: mappingName,
      map: z.record(z.string().min(1).max(200), z.string().trim().min(1).max(100)),
    }),
  ),
  'imports.deleteMapping': method<SavedMapping[]>()(
    z.strictObject({ kind: mappingKind, name: mappingName }),
  ),
};
