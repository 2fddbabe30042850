import fs from 'node:fs';
import { templateSummaries } from '../../shared/questionnaire/templates';
import type { HandlersFor } from '../api/handlers';
import { exportSurveyFile, importSurveyFile } from './files';

export const surveyHandlers: HandlersFor<'surveys.'> = {
  'surveys.list': (_input, ctx) => ctx.surveys.list(),
  'surveys.templates': () => templateSummaries(),
  'surveys.create': (input, ctx) => ctx.surveys.create(input),
  'surveys.get': (input, ctx) => ctx.surveys.get(input.id),
  'surveys.getVersion': (input, ctx) => ctx.surveys.getVersion(input.id, input.versionNo),
  'surveys.saveDraft': (input, ctx) => ctx.surveys.saveDraft(input.id, input.definition),
  'surveys.check': (input, ctx) => ctx.surveys.check(input.definition),
  'surveys.changes': (input, ctx) => ctx.surveys.changes(input.id, ctx.locale()),
  'surveys.publish': (input, ctx) => ctx.surveys.publish(input.id, ctx.locale()),
  'surveys.archive': (input, ctx) => {
    ctx.surveys.archive(input.id);
    return { archived: true as const };
  },
  'surveys.exportFile': async (input, ctx) => {
    const detail = ctx.surveys.get(input.id);
    const definition = input.versionNo ? ctx.surveys.getVersion(input.id, input.versionNo) : detail.definition;
    await exportSurveyFile(definition, input.format, input.path, {
      formId: detail.code,
      version: input.versionNo ?? detail.editingVersion,
    });
    return { path: input.path };
  },
  'surveys.importData': async (input, ctx) => {
    const { definition, warnings } = await importSurveyFile(input.fileName, Buffer.from(input.dataBase64, 'base64'));
    const survey = ctx.surveys.create({ template: null, language: definition.defaultLanguage, definition });
    return { survey, warnings };
  },
};

/** For the CLI: read a file from disk and import it the same way. */
export async function importSurveyFromPath(path: string) {
  return importSurveyFile(path, fs.readFileSync(path));
}
