/** Wave planning, stratified sampling and contact tracking (调查批次与抽样). */
import { z } from 'zod';
import { CHANNELS } from '../responses';
import {
  CONTACT_STATUSES,
  customerId,
  memberIds,
  sampleDesign,
  sampleListFilter,
  samplingDefaultsPatch,
  wavePlanPatch,
  type ContactEvent,
  type SamplePlan,
  type SampleView,
  type SamplingDefaults,
  type WavePlan,
} from '../sampling';
import { method, noInput } from './method';

const waveId = z.uuid();

export const samplingMethods = {
  /** A wave with its plan and targets. */
  'waves.get': method<WavePlan>()(z.strictObject({ id: z.uuid() })),
  'waves.update': method<WavePlan>()(wavePlanPatch),
  /** Sampling defaults (DOMAIN.md "Planning"), editable; new plans start from them. */
  'sample.defaults': method<SamplingDefaults>()(noInput),
  'sample.updateDefaults': method<SamplingDefaults>()(samplingDefaultsPatch),
  /** The plan per stratum for a design, before anything is drawn. */
  'sample.plan': method<SamplePlan>()(z.strictObject({ waveId, design: sampleDesign })),
  /** Draws and stores the wave's sample; refused once contacts have been recorded. */
  'sample.draw': method<SampleView>()(
    z.strictObject({ waveId, design: sampleDesign, seed: z.number().int().min(0).max(0xffffffff) }),
  ),
  /** The sample list with contact states, due reminders and live response rates. */
  'sample.get': method<SampleView>()(z.strictObject({ waveId })),
  'sample.contact': method<SampleView>()(
    z.strictObject({
      waveId,
      customerIds: memberIds,
      status: z.enum(CONTACT_STATUSES).exclude(['not_contacted']),
      note: z.string().trim().max(2000).default(''),
    }),
  ),
  'sample.assign': method<SampleView>()(
    z.strictObject({
      waveId,
      customerIds: memberIds,
      accountManager: z.string().trim().max(100).nullable(),
    }),
  ),
  'sample.channel': method<SampleView>()(
    z.strictObject({ waveId, customerIds: memberIds, channel: z.enum(CHANNELS) }),
  ),
  'sample.notes': method<SampleView>()(
    z.strictObject({ waveId, customerId, notes: z.string().max(20_000) }),
  ),
  'sample.history': method<ContactEvent[]>()(z.strictObject({ waveId, customerId })),
  /** A call / visit list as XLSX or CSV (UTF-8 with BOM), written to `path`. */
  'sample.export': method<{ path: string; rows: number }>()(
    z.strictObject({
      waveId,
      format: z.enum(['xlsx', 'csv']),
      lang: z.enum(['zh-CN', 'en']),
      path: z
        .string()
        .max(4096)
        .regex(/^(\/|[A-Za-z]:[\\/]|\\\\)/, 'an absolute path'),
      filter: sampleListFilter.default({}),
    }),
  ),
};
