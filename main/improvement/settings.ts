/** The improvement loop's thresholds, one JSON value under the `improvement` settings key, defaults from DOMAIN.md. */
import { DEFAULT_IMPROVEMENT_SETTINGS, type ImprovementSettings } from '../../shared/improvement';
import type { Db } from '../db/connection';

const KEY = 'improvement';

export interface ImprovementSettingsPatch {
  priority?: Partial<ImprovementSettings['priority']> | undefined;
  atRiskDays?: number | undefined;
  followUp?: Partial<ImprovementSettings['followUp']> | undefined;
}

function defined<T extends object>(value: T | undefined): Partial<T> {
  return Object.fromEntries(
    Object.entries(value ?? {}).filter(([, v]) => v !== undefined),
  ) as Partial<T>;
}

function stored(db: Db): ImprovementSettingsPatch {
  const row = db
    .prepare<[string], { value: string }>('SELECT value FROM settings WHERE key = ?')
    .get(KEY);
  const value = row ? (JSON.parse(row.value) as unknown) : null;
  return typeof value === 'object' && value !== null ? value : {};
}

export function getImprovementSettings(db: Db): ImprovementSettings {
  const saved = stored(db);
  const d = DEFAULT_IMPROVEMENT_SETTINGS;
  return {
    priority: { ...d.priority, ...defined(saved.priority) },
    atRiskDays: saved.atRiskDays ?? d.atRiskDays,
    followUp: { ...d.followUp, ...defined(saved.followUp) },
  };
}

export function updateImprovementSettings(
  db: Db,
  patch: ImprovementSettingsPatch,
): ImprovementSettings {
  const saved = stored(db);
  const next: ImprovementSettingsPatch = {
    priority: { ...defined(saved.priority), ...defined(patch.priority) },
    atRiskDays: patch.atRiskDays ?? saved.atRiskDays,
    followUp: { ...defined(saved.followUp), ...defined(patch.followUp) },
  };
  db.prepare(
    'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
  ).run(KEY, JSON.stringify(next));
  return getImprovementSettings(db);
}
