/** The user's theme dictionary, kept in settings; the built-in one until edited. */
import type { Db } from '../db/connection';
import { DEFAULT_THEMES, type ThemeRule } from './text';

export function getThemes(db: Db): ThemeRule[] {
  const row = db.prepare("SELECT value FROM settings WHERE key = 'themeDictionary'").get() as { value: string } | undefined;
  return row ? (JSON.parse(row.value) as ThemeRule[]) : DEFAULT_THEMES;
}

export function setThemes(db: Db, themes: ThemeRule[]): ThemeRule[] {
  db.prepare("INSERT INTO settings (key, value) VALUES ('themeDictionary', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value").run(JSON.stringify(themes));
  return getThemes(db);
}
