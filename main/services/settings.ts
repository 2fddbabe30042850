/** User settings and this device's identity, stored as JSON values in the `settings` table. */
import { randomBytes, scryptSync, timingSafeEqual } from 'node:crypto';
import type { Branding, Settings } from '../../shared/contract';
import { LOCALES, localeFromSystem, type Locale } from '../../shared/locale';
import { DEFAULT_CLEANING_RULES, DEFAULT_KIOSK, type CleaningRules } from '../../shared/responses';
import type { Statement } from 'better-sqlite3';
import type { Db } from '../db/connection';

// Every API call reads the language setting, so the statements are prepared once per connection.
const statements = new WeakMap<
  Db,
  { read: Statement<[string], { value: string }>; write: Statement<[string, string]> }
>();

function prepared(db: Db) {
  let found = statements.get(db);
  if (!found) {
    found = {
      read: db.prepare<[string], { value: string }>('SELECT value FROM settings WHERE key = ?'),
      write: db.prepare<[string, string]>(
        'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
      ),
    };
    statements.set(db, found);
  }
  return found;
}

function readValue(db: Db, key: string): unknown {
  const row = prepared(db).read.get(key);
  return row ? (JSON.parse(row.value) as unknown) : undefined;
}

function writeValue(db: Db, key: string, value: unknown): void {
  prepared(db).write.run(key, JSON.stringify(value));
}

function objectValue(db: Db, key: string): Record<string, unknown> {
  const value = readValue(db, key);
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
}

export function getCleaningRules(db: Db): CleaningRules {
  return { ...DEFAULT_CLEANING_RULES, ...(objectValue(db, 'cleaning') as Partial<CleaningRules>) };
}

export function getSettings(db: Db): Settings {
  const locale = readValue(db, 'locale');
  const operator = readValue(db, 'operatorName');
  const kiosk = objectValue(db, 'kiosk') as Partial<Settings['kiosk']>;
  return {
    locale: (LOCALES as readonly unknown[]).includes(locale) ? (locale as Locale) : null,
    operatorName: typeof operator === 'string' && operator ? operator : null,
    cleaning: getCleaningRules(db),
    kiosk: {
      idleSeconds: kiosk.idleSeconds ?? DEFAULT_KIOSK.idleSeconds,
      thanksSeconds: kiosk.thanksSeconds ?? DEFAULT_KIOSK.thanksSeconds,
      pinSet: typeof readValue(db, 'kioskPinHash') === 'string',
    },
    branding: getBranding(db),
  };
}

export function getBranding(db: Db): Branding {
  const branding = objectValue(db, 'branding');
  const text = (value: unknown) => (typeof value === 'string' && value ? value : null);
  return { orgName: text(branding.orgName), logoPngBase64: text(branding.logoPngBase64) };
}

/** What a report or a paper card prints on its cover: the name and the logo's bytes. */
export function reportBranding(db: Db): { orgName?: string; logoPng?: Buffer } {
  const { orgName, logoPngBase64 } = getBranding(db);
  return {
    ...(orgName ? { orgName } : {}),
    ...(logoPngBase64 ? { logoPng: Buffer.from(logoPngBase64, 'base64') } : {}),
  };
}

export interface SettingsPatch {
  locale?: Locale | null | undefined;
  operatorName?: string | null | undefined;
  cleaning?: Partial<CleaningRules> | undefined;
  kiosk?: { idleSeconds?: number | undefined; thanksSeconds?: number | undefined } | undefined;
  kioskPin?: string | undefined;
  branding?:
    { orgName?: string | null | undefined; logoPngBase64?: string | null | undefined } | undefined;
}

function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

export function updateSettings(db: Db, patch: SettingsPatch): Settings {
  db.transaction(() => {
    if (patch.locale !== undefined) writeValue(db, 'locale', patch.locale);
    if (patch.operatorName !== undefined) writeValue(db, 'operatorName', patch.operatorName);
    if (patch.cleaning)
      writeValue(db, 'cleaning', {
        ...objectValue(db, 'cleaning'),
        ...definedOnly(patch.cleaning),
      });
    if (patch.kiosk)
      writeValue(db, 'kiosk', { ...objectValue(db, 'kiosk'), ...definedOnly(patch.kiosk) });
    if (patch.kioskPin !== undefined) writeValue(db, 'kioskPinHash', hashPin(patch.kioskPin));
    if (patch.branding)
      writeValue(db, 'branding', {
        ...objectValue(db, 'branding'),
        ...definedOnly(patch.branding),
      });
  })();
  return getSettings(db);
}

/** A salted scrypt hash, so the PIN cannot be read back from the database. */
function hashPin(pin: string): string {
  const salt = randomBytes(16);
  return `${salt.toString('hex')}:${scryptSync(pin, salt, 32).toString('hex')}`;
}

/** True when `pin` matches the kiosk PIN; with no PIN set, leaving kiosk mode needs none. */
export function verifyKioskPin(db: Db, pin: string): boolean {
  const stored = readValue(db, 'kioskPinHash');
  if (typeof stored !== 'string') return true;
  const [saltHex, hashHex] = stored.split(':');
  const expected = Buffer.from(hashHex ?? '', 'hex');
  const actual = scryptSync(pin, Buffer.from(saltHex ?? '', 'hex'), 32);
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}

/** The language for messages: the user's choice, else the system's. */
export function effectiveLocale(db: Db, systemLocale: string): Locale {
  const locale = readValue(db, 'locale');
  return (LOCALES as readonly unknown[]).includes(locale)
    ? (locale as Locale)
    : localeFromSystem(systemLocale);
}

export function getDeviceId(db: Db): string {
  const id = readValue(db, 'deviceId');
  if (typeof id !== 'string')
    throw new Error('settings.deviceId is missing: migration 2 did not run');
  return id;
}
