/**
 * Service-quality standards (服务质量标准): indicator, dimension, target, formula, data source,
 * period and segment. Survey-sourced indicators get a result per analysed wave; manual ones
 * (e.g. response time from the ticket system) are compared with the figure the user enters.
 */
import { randomUUID } from 'node:crypto';
import type { StandardInput } from '../../shared/api/improvement';
import { AppError } from '../../shared/errors';
import type { Metric, Operator, Standard } from '../../shared/improvement';
import type { Db } from '../db/connection';

interface StandardRow {
  id: string;
  indicator: string;
  dimension: string;
  operator: Operator;
  target: number;
  formula: string;
  data_source: 'survey' | 'manual';
  period: string;
  segment: string | null;
  metric: string | null;
  manual_value: number | null;
}

interface ResultRow {
  standard_id: string;
  wave_id: string;
  wave_name: string;
  value: number | null;
  met: number | null;
}

export function standardStore(db: Db, now: () => Date) {
  const s = {
    list: db.prepare<[], StandardRow>(
      'SELECT * FROM improvement_standards ORDER BY created_at, indicator',
    ),
    get: db.prepare<[string], StandardRow>('SELECT * FROM improvement_standards WHERE id = ?'),
    insert: db.prepare(
      `INSERT INTO improvement_standards (id, indicator, dimension, operator, target, formula, data_source, period, segment, metric, manual_value, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    update: db.prepare(
      `UPDATE improvement_standards SET indicator = ?, dimension = ?, operator = ?, target = ?, formula = ?, data_source = ?, period = ?, segment = ?,
        metric = ?, manual_value = ? WHERE id = ?`,
    ),
    remove: db.prepare('DELETE FROM improvement_standards WHERE id = ?'),
    results: db.prepare<[string], ResultRow>(
      `SELECT r.*, w.name AS wave_name FROM improvement_standard_results r JOIN waves w ON w.id = r.wave_id
       WHERE r.standard_id = ? ORDER BY COALESCE(w.starts_on, w.created_at)`,
    ),
    upsertResult: db.prepare(
      `INSERT INTO improvement_standard_results (standard_id, wave_id, value, met, computed_at) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (standard_id, wave_id) DO UPDATE SET value = excluded.value, met = excluded.met, computed_at = excluded.computed_at`,
    ),
  };

  const toStandard = (row: StandardRow): Standard => ({
    id: row.id,
    indicator: row.indicator,
    dimension: row.dimension,
    operator: row.operator,
    target: row.target,
    formula: row.formula,
    dataSource: row.data_source,
    period: row.period,
    segment: row.segment === null ? null : (JSON.parse(row.segment) as Standard['segment']),
    metric: row.metric === null ? null : (JSON.parse(row.metric) as Metric),
    manualValue: row.manual_value,
    results: s.results.all(row.id).map((r) => ({
      waveId: r.wave_id,
      waveName: r.wave_name,
      value: r.value,
      met: r.met === null ? null : r.met === 1,
    })),
  });

  return {
    list: () => s.list.all().map(toStandard),
    save(input: StandardInput): Standard {
      if (input.dataSource === 'survey' && input.metric === null)
        throw new AppError('INVALID_INPUT', {
          details: 'a survey-sourced standard needs a metric',
        });
      const values = [
        input.indicator,
        input.dimension,
        input.operator,
        input.target,
        input.formula,
        input.dataSource,
        input.period,
        input.segment === null ? null : JSON.stringify(input.segment),
        input.metric === null ? null : JSON.stringify(input.metric),
        input.manualValue,
      ] as const;
      let id = input.id;
      if (id) {
        if (s.update.run(...values, id).changes === 0)
          throw new AppError('NOT_FOUND', { what: `standard ${id}` });
      } else {
        id = randomUUID();
        s.insert.run(id, ...values, now().toISOString());
      }
      return toStandard(s.get.get(id)!);
    },
    remove: (id: string) => s.remove.run(id).changes > 0,
    surveyStandards: () =>
      s.list
        .all()
        .filter((r) => r.data_source === 'survey')
        .map(toStandard),
    recordResult(
      standardId: string,
      waveId: string,
      value: number | null,
      met: boolean | null,
    ): void {
      s.upsertResult.run(
        standardId,
        waveId,
        value,
        met === null ? null : met ? 1 : 0,
        now().toISOString(),
      );
    },
  };
}

export type StandardStore = ReturnType<typeof standardStore>;
