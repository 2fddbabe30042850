/** The import capability's contract methods; the work is in responses.ts and mappings.ts. */
import type { Handlers } from '../api/handlers';
import { createBackup } from '../db/backups';
import { getSettings } from '../services/settings';
import { deleteMapping, listMappings, saveMapping } from './mappings';
import { importResponses } from './responses';

export const importHandlers: Pick<
  Handlers,
  'responses.importData' | 'imports.mappings' | 'imports.saveMapping' | 'imports.deleteMapping'
> = {
  'responses.importData': (input, ctx) =>
    importResponses(
      {
        db: ctx.db,
        fieldwork: ctx.fieldwork,
        locale: ctx.locale(),
        backup: async () =>
          (await createBackup(ctx.db, ctx.paths.backupsDir, { reason: 'import' })).path,
      },
      {
        surveyId: input.surveyId,
        fileName: input.fileName,
        data: Buffer.from(input.dataBase64, 'base64'),
        map: input.map,
        waveName: input.waveName,
        dryRun: input.dryRun,
        actor: getSettings(ctx.db).operatorName,
      },
    ),
  'imports.mappings': (input, ctx) => listMappings(ctx.db, input.kind),
  'imports.saveMapping': (input, ctx) => saveMapping(ctx.db, input.kind, input.name, input.map),
  'imports.deleteMapping': (input, ctx) => deleteMapping(ctx.db, input.kind, input.name),
};
