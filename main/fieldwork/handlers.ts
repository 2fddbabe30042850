import type { HandlersFor } from '../api/handlers';
import { getSettings } from '../services/settings';
import { checkKioskPin } from './pin-guard';

// responses.importData is the import capability's (main/imports/handlers.ts); waves.get and
// waves.update are sampling's (main/sampling/handlers.ts).
export const fieldworkHandlers: Omit<
  HandlersFor<'waves.' | 'customers.' | 'responses.' | 'kiosk.'>,
  'responses.importData' | 'waves.get' | 'waves.update'
> = {
  'waves.list': (input, ctx) => ctx.registers.waves(input.surveyId),
  'waves.create': (input, ctx) => ctx.registers.createWave(input),
  'customers.search': (input, ctx) => ctx.registers.searchCustomers(input.query, input.limit),
  'customers.create': (input, ctx) => ctx.registers.createCustomer(input),
  'responses.questionnaire': (input, ctx) => ctx.fieldwork.publishedDefinition(input.id),
  'responses.start': (input, ctx) =>
    ctx.fieldwork.start({ ...input, interviewer: getSettings(ctx.db).operatorName }),
  'responses.answer': (input, ctx) => ctx.fieldwork.answer(input.id, input.variable, input.value, input.position),
  'responses.position': (input, ctx) => {
    ctx.fieldwork.setPosition(input.id, input.position);
    return { ok: true as const };
  },
  'responses.notes': (input, ctx) => {
    ctx.fieldwork.setNotes(input.id, input.notes);
    return { ok: true as const };
  },
  'responses.complete': (input, ctx) => ctx.fieldwork.complete(input.id),
  'responses.abandon': (input, ctx) => ctx.fieldwork.abandon(input.id),
  'responses.void': (input, ctx) => ctx.fieldwork.void(input.id, getSettings(ctx.db).operatorName, input.reason),
  'responses.edit': (input, ctx) => ctx.fieldwork.edit(input.id, input.answers, getSettings(ctx.db).operatorName, input.comment),
  'responses.get': (input, ctx) => ctx.fieldwork.record(input.id),
  'responses.list': (input, ctx) => ctx.fieldwork.list(input),
  'responses.resumable': (_input, ctx) => ctx.fieldwork.resumable(),
  'responses.overrideFlag': (input, ctx) =>
    ctx.fieldwork.overrideFlag(input.id, input.rule, input.keep, getSettings(ctx.db).operatorName ?? '-', input.comment),
  'responses.recomputeFlags': (input, ctx) => ctx.fieldwork.recomputeFlags(input.waveId),
  'kiosk.verifyPin': (input, ctx) => {
    checkKioskPin(ctx.db, input.pin);
    return { ok: true as const };
  },
};
