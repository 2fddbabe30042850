/**
 * Wave plans and the sampling defaults. A wave's plan lives in `waves.config` (JSON); what it
 * does not set comes from the sampling defaults in the settings, which the user can change:
 * nothing here is hard-wired except the first defaults of DOMAIN.md (shared/sampling.ts).
 */
import { AppError } from '../../shared/errors';
import { CHANNELS, type Channel } from '../../shared/responses';
import {
  DEFAULT_SAMPLING,
  type SamplingDefaults,
  type SamplingDefaultsPatch,
  type TargetFigure,
  type WavePlan,
  type WavePlanPatch,
} from '../../shared/sampling';
import type { Db } from '../db/connection';

const SETTINGS_KEY = 'sampling';

function readJson(text: string | undefined): Record<string, unknown> {
  if (!text) return {};
  const value = JSON.parse(text) as unknown;
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
}

export function getSamplingDefaults(db: Db): SamplingDefaults {
  const row = db
    .prepare<[string], { value: string }>('SELECT value FROM settings WHERE key = ?')
    .get(SETTINGS_KEY);
  const stored = readJson(row?.value) as Partial<SamplingDefaults>;
  return {
    ...DEFAULT_SAMPLING,
    ...stored,
    targetRates: { ...DEFAULT_SAMPLING.targetRates, ...stored.targetRates },
  };
}

export function updateSamplingDefaults(db: Db, patch: SamplingDefaultsPatch): SamplingDefaults {
  const current = getSamplingDefaults(db);
  const next: SamplingDefaults = {
    minBase: patch.minBase ?? current.minBase,
    minFraction: patch.minFraction ?? current.minFraction,
    smallStratum: patch.smallStratum ?? current.smallStratum,
    smallMin: patch.smallMin ?? current.smallMin,
    targetRates: { ...current.targetRates, ...definedRates(patch.targetRates) },
    reminderDays: patch.reminderDays ? sortedDays(patch.reminderDays) : current.reminderDays,
  };
  db.prepare(
    'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
  ).run(SETTINGS_KEY, JSON.stringify(next));
  return next;
}

function definedRates(
  rates: Partial<Record<Channel, number | undefined>> | undefined,
): Partial<Record<Channel, number>> {
  const out: Partial<Record<Channel, number>> = {};
  for (const channel of CHANNELS) {
    const value = rates?.[channel];
    if (value !== undefined) out[channel] = value;
  }
  return out;
}

// Reminders are sent in order, so the days are kept ascending and without repeats.
function sortedDays(days: readonly number[]): number[] {
  return [...new Set(days)].sort((a, b) => a - b);
}

interface WaveRow {
  id: string;
  survey_id: string;
  name: string;
  starts_on: string | null;
  ends_on: string | null;
  config: string;
  created_at: string;
}

function waveRow(db: Db, id: string): WaveRow {
  const row = db.prepare<[string], WaveRow>('SELECT * FROM waves WHERE id = ?').get(id);
  if (!row) throw new AppError('NOT_FOUND', { what: `wave ${id}` });
  return row;
}

export function getWavePlan(db: Db, id: string): WavePlan {
  const row = waveRow(db, id);
  const config = readJson(row.config);
  const defaults = getSamplingDefaults(db);
  const channels = Array.isArray(config.channels)
    ? (config.channels as unknown[]).filter((c): c is Channel =>
        (CHANNELS as readonly unknown[]).includes(c),
      )
    : [];
  return {
    id: row.id,
    surveyId: row.survey_id,
    name: row.name,
    startsOn: row.starts_on,
    endsOn: row.ends_on,
    goal: typeof config.goal === 'string' ? config.goal : '',
    targetFigures: Array.isArray(config.targetFigures)
      ? (config.targetFigures as TargetFigure[])
      : [],
    channels: channels.length > 0 ? channels : ['interview'],
    targetRates: {
      ...defaults.targetRates,
      ...(config.targetRates as Partial<Record<Channel, number>> | undefined),
    },
    reminderDays: Array.isArray(config.reminderDays)
      ? (config.reminderDays as number[])
      : defaults.reminderDays,
    createdAt: row.created_at,
  };
}

/** Changes a wave's period and plan; keys of `config` this module does not know are kept. */
export function updateWavePlan(db: Db, patch: WavePlanPatch): WavePlan {
  db.transaction(() => {
    const row = waveRow(db, patch.id);
    const config = readJson(row.config);
    if (patch.goal !== undefined) config.goal = patch.goal;
    if (patch.targetFigures !== undefined) config.targetFigures = patch.targetFigures;
    if (patch.channels !== undefined) config.channels = [...new Set(patch.channels)];
    if (patch.targetRates !== undefined) {
      config.targetRates = {
        ...(config.targetRates as object | undefined),
        ...definedRates(patch.targetRates),
      };
    }
    if (patch.reminderDays !== undefined) config.reminderDays = sortedDays(patch.reminderDays);
    const startsOn = patch.startsOn !== undefined ? patch.startsOn : row.starts_on;
    const endsOn = patch.endsOn !== undefined ? patch.endsOn : row.ends_on;
    if (startsOn && endsOn && endsOn < startsOn) {
      throw new AppError('WAVE_PERIOD_INVALID', { startsOn, endsOn });
    }
    db.prepare(
      'UPDATE waves SET name = ?, starts_on = ?, ends_on = ?, config = ? WHERE id = ?',
    ).run(patch.name ?? row.name, startsOn, endsOn, JSON.stringify(config), row.id);
  })();
  return getWavePlan(db, patch.id);
}
