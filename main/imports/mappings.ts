/**
 * Column mappings saved by name for the next file from the same tool, one list per importer,
 * kept as one JSON value in the `settings` table (key `importMappings`): a handful of small
 * objects that need no table of their own.
 */
import type { MappingKind, SavedMapping } from '../../shared/api/imports';
import type { Db } from '../db/connection';

const KEY = 'importMappings';

type Stored = Partial<Record<MappingKind, SavedMapping[]>>;

function read(db: Db): Stored {
  const row = db
    .prepare<[string], { value: string }>('SELECT value FROM settings WHERE key = ?')
    .get(KEY);
  if (!row) return {};
  const value: unknown = JSON.parse(row.value);
  if (typeof value !== 'object' || value === null) return {};
  return value;
}

function write(db: Db, stored: Stored): void {
  db.prepare<[string, string]>(
    'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
  ).run(KEY, JSON.stringify(stored));
}

const byName = (a: SavedMapping, b: SavedMapping) => a.name.localeCompare(b.name);

export function listMappings(db: Db, kind: MappingKind): SavedMapping[] {
  return [...(read(db)[kind] ?? [])].sort(byName);
}

/** Saves `map` under `name`, replacing a mapping of the same name. */
export function saveMapping(
  db: Db,
  kind: MappingKind,
  name: string,
  map: Record<string, string>,
  now: Date = new Date(),
): SavedMapping[] {
  return db.transaction(() => {
    const stored = read(db);
    const others = (stored[kind] ?? []).filter((m) => m.name !== name);
    stored[kind] = [...others, { name, map, savedAt: now.toISOString() }];
    write(db, stored);
    return listMappings(db, kind);
  })();
}

export function deleteMapping(db: Db, kind: MappingKind, name: string): SavedMapping[] {
  return db.transaction(() => {
    const stored = read(db);
    stored[kind] = (stored[kind] ?? []).filter((m) => m.name !== name);
    write(db, stored);
    return listMappings(db, kind);
  })();
}
