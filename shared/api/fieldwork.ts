/** Field work: waves and customers to pick from, responses answered one commit at a time. */
import { z } from 'zod';
import type { SurveyDefinition } from '../questionnaire/model';
import {
  CHANNELS,
  FLAG_RULES,
  answerValueSchema,
  consentSchema,
  customerInput,
  responseFilter,
  type CustomerSummary,
  type ResponseRecord,
  type ResponseSummary,
  type Wave,
} from '../responses';
import { method, noInput } from './method';

const position = z.strictObject({ page: z.number().int().min(0).max(1000), question: z.string().max(64).optional() });
const variable = z.string().regex(/^[A-Za-z_][A-Za-z0-9_]{0,70}$/);

export const fieldworkMethods = {
  'waves.list': method<Wave[]>()(z.strictObject({ surveyId: z.uuid().optional() })),
  'waves.create': method<Wave>()(
    z.strictObject({
      surveyId: z.uuid(),
      name: z.string().trim().min(1).max(100),
      startsOn: z.iso.date().nullable().default(null),
      endsOn: z.iso.date().nullable().default(null),
    }),
  ),
  'customers.search': method<CustomerSummary[]>()(
    z.strictObject({ query: z.string().max(100), limit: z.number().int().min(1).max(200).default(20) }),
  ),
  /** Adds a customer on the spot (the full register comes with sampling). */
  'customers.create': method<CustomerSummary>()(customerInput),
  /** The published version of a survey, which field staff collect with. */
  'responses.questionnaire': method<{ versionNo: number; definition: SurveyDefinition }>()(z.strictObject({ id: z.uuid() })),
  'responses.start': method<ResponseRecord>()(
    z.strictObject({
      surveyId: z.uuid(),
      waveId: z.uuid().nullable(),
      customerId: z.uuid().nullable(),
      channel: z.enum(CHANNELS),
      consent: consentSchema.nullable(),
    }),
  ),
  /** Commits one answer; durable when the call returns. */
  'responses.answer': method<{ savedAt: string }>()(
    z.strictObject({ id: z.uuid(), variable, value: answerValueSchema, position: position.optional() }),
  ),
  'responses.position': method<{ ok: true }>()(z.strictObject({ id: z.uuid(), position })),
  'responses.notes': method<{ ok: true }>()(z.strictObject({ id: z.uuid(), notes: z.string().max(20_000) })),
  'responses.complete': method<ResponseRecord>()(z.strictObject({ id: z.uuid() })),
  'responses.abandon': method<ResponseRecord>()(z.strictObject({ id: z.uuid() })),
  'responses.void': method<ResponseRecord>()(z.strictObject({ id: z.uuid(), reason: z.string().trim().min(1).max(500) })),
  /** Changes answers of a finished response: a new revision with history. */
  'responses.edit': method<ResponseRecord>()(
    z.strictObject({ id: z.uuid(), answers: z.record(variable, answerValueSchema), comment: z.string().trim().min(1).max(500) }),
  ),
  'responses.get': method<ResponseRecord>()(z.strictObject({ id: z.uuid() })),
  'responses.list': method<{ total: number; items: ResponseSummary[] }>()(responseFilter),
  /** Interviews left in progress on this device, newest first, to resume. */
  'responses.resumable': method<ResponseSummary[]>()(noInput),
  'responses.overrideFlag': method<ResponseRecord>()(
    z.strictObject({ id: z.uuid(), rule: z.enum(FLAG_RULES), keep: z.boolean(), comment: z.string().trim().min(1).max(500) }),
  ),
  'responses.recomputeFlags': method<Record<string, number>>()(z.strictObject({ waveId: z.uuid() })),
  /** Leaving kiosk mode: WRONG_PIN unless the PIN matches. */
  'kiosk.verifyPin': method<{ ok: true }>()(z.strictObject({ pin: z.string().max(16) })),
};
