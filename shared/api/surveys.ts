/** Questionnaires: list, create from templates, edit the draft, check, publish, files. */
import { z } from 'zod';
import type { ChangeSummary } from '../questionnaire/changes';
import type { FormProblem } from '../questionnaire/check';
import { definitionSchema, surveyLanguage, type SurveyDefinition } from '../questionnaire/model';
import { TEMPLATE_IDS, type TemplateSummary } from '../questionnaire/templates';
import type { PublishResult, SurveyDetail, SurveyImportResult, SurveySummary } from '../surveys';
import { method, noInput } from './method';

export const surveyMethods = {
  'surveys.list': method<SurveySummary[]>()(noInput),
  'surveys.templates': method<TemplateSummary[]>()(noInput),
  /** A new survey from a built-in template, or blank in the given language. */
  'surveys.create': method<SurveyDetail>()(
    z.strictObject({ template: z.enum(TEMPLATE_IDS).nullable(), language: surveyLanguage }),
  ),
  'surveys.get': method<SurveyDetail>()(z.strictObject({ id: z.uuid() })),
  'surveys.getVersion': method<SurveyDefinition>()(
    z.strictObject({ id: z.uuid(), versionNo: z.number().int().min(1) }),
  ),
  /** Autosave of the designer: replaces the draft (created from the last version if none). */
  'surveys.saveDraft': method<SurveySummary>()(
    z.strictObject({ id: z.uuid(), definition: definitionSchema }),
  ),
  'surveys.check': method<FormProblem[]>()(z.strictObject({ definition: definitionSchema })),
  /** What publishing the draft would change, and what would break comparability. */
  'surveys.changes': method<ChangeSummary>()(z.strictObject({ id: z.uuid() })),
  'surveys.publish': method<PublishResult>()(z.strictObject({ id: z.uuid() })),
  'surveys.archive': method<{ archived: true }>()(z.strictObject({ id: z.uuid() })),
  /** Writes a version (default: the one being edited) as XLSForm or JSON to `path`. */
  'surveys.exportFile': method<{ path: string }>()(
    z.strictObject({
      id: z.uuid(),
      versionNo: z.number().int().min(1).optional(),
      format: z.enum(['xlsform', 'json']),
      path: z.string().min(1).max(4096),
    }),
  ),
  /** Imports an XLSForm (.xlsx) or JSON questionnaire sent as base64 (from a file picker). */
  'surveys.importData': method<SurveyImportResult>()(
    z.strictObject({
      fileName: z.string().min(1).max(255),
      dataBase64: z.string().max(40_000_000),
    }),
  ),
};
