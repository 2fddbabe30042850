/**
 * The field-work facts of a report's method section (调查方法): when each wave was in the field
 * (first and last response), how the answers were collected (channels with counts), and by how
 * many interviewers on how many devices. Read from the same selection of responses as the
 * analysis (main/analysis/selection.ts), voided responses left out.
 *
 * The sample a wave was drawn from (抽样) lives with the sampling capability, which this module
 * does not import: whoever has it passes a `SampleFactsSource` (see ExportRun) and the method
 * section describes the sample; without one the section says nothing about a sample.
 */
import { responsesWhere, type ResponseSelection } from '../analysis/selection';
import type { Db } from '../db/connection';

export interface WavePeriod {
  waveId: string | null;
  /** The wave's name; null for responses outside any wave. */
  name: string | null;
  /** Started-at of the first response and completed-at (else started-at) of the last, ISO. */
  first: string;
  last: string;
  responses: number;
}

/** A wave's sample as the sampling capability knows it. */
export interface SampleFacts {
  waveId: string;
  /** How the sample was drawn, in the report's language (e.g. "按区域分层随机抽样"). */
  method: string;
  /** Customers in the sampling frame (null when unknown). */
  frame: number | null;
  /** Customers drawn into the sample. */
  drawn: number;
  /** Drawn customers with a complete response (null when not tracked). */
  completed: number | null;
}

/** Where sample facts come from; called with the waves of the report. */
export type SampleFactsSource = (db: Db, waveIds: string[]) => SampleFacts[];

export interface FieldworkFacts {
  /** Per wave, in the order the waves started. */
  waves: WavePeriod[];
  /** Overall first and last response (null when there is none). */
  period: { from: string; to: string } | null;
  /** Responses per channel, most first. */
  channels: { channel: string; responses: number }[];
  /** Distinct interviewers named on responses (kiosk and imports often name none). */
  interviewers: number;
  /** Distinct devices the responses were recorded on. */
  devices: number;
  /** The sample of each wave that has one; empty without a sample source. */
  samples: SampleFacts[];
}

/** The field-work facts of the responses a report covers. */
export function fieldworkFacts(
  db: Db,
  selection: ResponseSelection,
  sampleSource?: SampleFactsSource,
): FieldworkFacts {
  const { sql, params } = responsesWhere(selection);
  const waves = db
    .prepare(
      `SELECT r.wave_id AS waveId, w.name AS name, min(r.started_at) AS first,
              max(coalesce(r.completed_at, r.started_at)) AS last, count(*) AS responses
       ${sql} GROUP BY r.wave_id ORDER BY min(r.started_at)`,
    )
    .all(...params) as WavePeriod[];
  const channels = db
    .prepare(
      `SELECT r.channel AS channel, count(*) AS responses ${sql}
       GROUP BY r.channel ORDER BY count(*) DESC, r.channel`,
    )
    .all(...params) as { channel: string; responses: number }[];
  const people = db
    .prepare(
      `SELECT count(DISTINCT nullif(trim(r.interviewer), '')) AS interviewers,
              count(DISTINCT r.device_id) AS devices ${sql}`,
    )
    .get(...params) as { interviewers: number; devices: number };
  const first = waves.reduce<string | null>(
    (m, w) => (m === null || w.first < m ? w.first : m),
    null,
  );
  const last = waves.reduce<string | null>((m, w) => (m === null || w.last > m ? w.last : m), null);
  const waveIds = waves.flatMap((w) => (w.waveId ? [w.waveId] : []));
  return {
    waves,
    period: first && last ? { from: first, to: last } : null,
    channels,
    interviewers: people.interviewers,
    devices: people.devices,
    samples: sampleSource && waveIds.length ? sampleSource(db, waveIds) : [],
  };
}
