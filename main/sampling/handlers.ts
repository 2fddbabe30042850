import type { HandlersFor } from '../api/handlers';
import { AppError } from '../../shared/errors';
import { samplingTexts } from '../../shared/i18n/bundles/sampling';
import type { ContactStatus } from '../../shared/sampling';
import type { Db } from '../db/connection';
import { exportCallList } from './export';
import { samplingService, type SamplingService } from './service';
import { getSamplingDefaults, getWavePlan, updateSamplingDefaults, updateWavePlan } from './waves';

// One service (prepared statements) per database connection.
const services = new WeakMap<Db, SamplingService>();
function sampling(db: Db): SamplingService {
  let found = services.get(db);
  if (!found) {
    found = samplingService(db);
    services.set(db, found);
  }
  return found;
}

/** waves.list / waves.create stay with field work (main/fieldwork/handlers.ts). */
export const samplingHandlers: HandlersFor<'sample.'> &
  Pick<HandlersFor<'waves.'>, 'waves.get' | 'waves.update'> = {
  'waves.get': (input, ctx) => getWavePlan(ctx.db, input.id),
  'waves.update': (input, ctx) => updateWavePlan(ctx.db, input),
  'sample.defaults': (_input, ctx) => getSamplingDefaults(ctx.db),
  'sample.updateDefaults': (input, ctx) => updateSamplingDefaults(ctx.db, input),
  'sample.plan': (input, ctx) => sampling(ctx.db).plan(input.waveId, input.design),
  'sample.draw': (input, ctx) => sampling(ctx.db).draw(input.waveId, input.design, input.seed),
  'sample.get': (input, ctx) => sampling(ctx.db).view(input.waveId),
  'sample.contact': (input, ctx) => {
    try {
      return sampling(ctx.db).contact(input.waveId, input.customerIds, input.status, input.note);
    } catch (error) {
      // The statuses are codes in the service; the message names them in the user's language.
      if (error instanceof AppError && error.code === 'CONTACT_NOT_ALLOWED') {
        const names = samplingTexts[ctx.locale()].sampling.status;
        const { customer, from, to } = error.params as {
          customer: string;
          from: ContactStatus;
          to: ContactStatus;
        };
        throw new AppError('CONTACT_NOT_ALLOWED', { customer, from: names[from], to: names[to] });
      }
      throw error;
    }
  },
  'sample.assign': (input, ctx) =>
    sampling(ctx.db).assign(input.waveId, input.customerIds, input.accountManager || null),
  'sample.channel': (input, ctx) =>
    sampling(ctx.db).setChannel(input.waveId, input.customerIds, input.channel),
  'sample.notes': (input, ctx) =>
    sampling(ctx.db).setNotes(input.waveId, input.customerId, input.notes),
  'sample.history': (input, ctx) => sampling(ctx.db).history(input.waveId, input.customerId),
  'sample.export': async (input, ctx) => {
    const view = sampling(ctx.db).view(input.waveId);
    if (!view.sample)
      throw new AppError('NOT_FOUND', { what: `the sample of wave ${view.wave.name}` });
    const rows = await exportCallList(view, input);
    return { path: input.path, rows };
  },
};
