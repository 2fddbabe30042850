/** The import capability's contract methods; the work is in responses.ts. */
import type { Handlers } from '../api/handlers';
import { getSettings } from '../services/settings';
import { importResponses } from './responses';

export const importHandlers: Pick<Handlers, 'responses.importData'> = {
  'responses.importData': (input, ctx) =>
    importResponses(
      { db: ctx.db, fieldwork: ctx.fieldwork, locale: ctx.locale() },
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
};
