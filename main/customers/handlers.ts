/** The customer register's contract methods; the work is in service.ts and list-import.ts. */
import type { HandlersFor } from '../api/handlers';
import type { ServiceContext } from '../api/context';
import { createBackup } from '../db/backups';
import { getSettings } from '../services/settings';
import { importCustomerList } from './list-import';
import { customerService } from './service';

const serviceOf = (ctx: ServiceContext) =>
  customerService({ db: ctx.db, actor: () => getSettings(ctx.db).operatorName });

export const customerHandlers: HandlersFor<'customerRegister.'> = {
  'customerRegister.list': (input, ctx) => serviceOf(ctx).list(input),
  'customerRegister.filters': (_input, ctx) => serviceOf(ctx).filters(),
  'customerRegister.get': (input, ctx) => serviceOf(ctx).get(input.id),
  'customerRegister.add': (input, ctx) => serviceOf(ctx).add(input, ctx.locale()),
  'customerRegister.update': (input, ctx) =>
    serviceOf(ctx).update(input.id, input.fields, ctx.locale()),
  'customerRegister.responses': (input, ctx) => serviceOf(ctx).responses(input.id),
  'customerRegister.importList': (input, ctx) =>
    importCustomerList(
      {
        db: ctx.db,
        locale: ctx.locale(),
        actor: getSettings(ctx.db).operatorName,
        backup: async () =>
          (await createBackup(ctx.db, ctx.paths.backupsDir, { reason: 'import' })).path,
      },
      {
        fileName: input.fileName,
        data: Buffer.from(input.dataBase64, 'base64'),
        map: input.map,
        dryRun: input.dryRun,
      },
    ),
};
