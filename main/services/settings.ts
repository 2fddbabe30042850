/** User settings and this device's identity, stored as JSON values in the `settings` table. */
import type { Settings } from '../../shared/contract';
import { LOCALES, localeFromSystem, type Locale } from '../../shared/locale';
import type { Db } from '../db/connection';

function readValue(db: Db, key: string): unknown {
  const row = db.prepare('SELECT value FROM settings WHERE key = ?').get(key) as
    { value: string } | undefined;
  return row ? (JSON.parse(row.value) as unknown) : undefined;
}

function writeValue(db: Db, key: string, value: unknown): void {
  db.prepare(
    'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
  ).run(key, JSON.stringify(value));
}

export function getSettings(db: Db): Settings {
  const locale = readValue(db, 'locale');
  return { locale: (LOCALES as readonly unknown[]).includes(locale) ? (locale as Locale) : null };
}

export function updateSettings(db: Db, patch: Partial<Settings>): Settings {
  db.transaction(() => {
    if (patch.locale !== undefined) writeValue(db, 'locale', patch.locale);
  })();
  return getSettings(db);
}

/** The language for messages: the user's choice, else the system's. */
export function effectiveLocale(db: Db, systemLocale: string): Locale {
  return getSettings(db).locale ?? localeFromSystem(systemLocale);
}

export function getDeviceId(db: Db): string {
  const id = readValue(db, 'deviceId');
  if (typeof id !== 'string')
    throw new Error('settings.deviceId is missing: migration 2 did not run');
  return id;
}
