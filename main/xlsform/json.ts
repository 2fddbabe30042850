/**
 * SurveyDesk's own questionnaire file: the definition as pretty JSON inside a small envelope
 * that says what the file is and which format wrote it, so a newer file is refused with a
 * clear message instead of being half read.
 */
import { definitionSchema, type SurveyDefinition } from '../../shared/questionnaire/model';
import { XlsFormError, makeIssue, type ImportIssue, type ImportResult } from './errors';

/** The envelope's marker and format; bump the format when the envelope itself changes. */
export const SURVEY_JSON_MARKER = 'questionnaire';
export const SURVEY_JSON_FORMAT = 1;

const SHEET = 'json';

/** The questionnaire as `{ "surveydesk": "questionnaire", "formatVersion": 1, "definition": … }`. */
export function exportSurveyJson(definition: SurveyDefinition): string {
  const file = { surveydesk: SURVEY_JSON_MARKER, formatVersion: SURVEY_JSON_FORMAT, definition };
  return `${JSON.stringify(file, null, 2)}\n`;
}

/** Reads a file written by exportSurveyJson; throws XlsFormError with one issue per problem. */
export function importSurveyJson(text: string): ImportResult {
  let file: unknown;
  try {
    file = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new XlsFormError([makeIssue('json_syntax', { sheet: SHEET, row: null }, { detail })]);
  }
  if (
    typeof file !== 'object' ||
    file === null ||
    (file as Record<string, unknown>).surveydesk !== SURVEY_JSON_MARKER
  ) {
    throw new XlsFormError([makeIssue('json_not_questionnaire', { sheet: SHEET, row: null })]);
  }
  const envelope = file as Record<string, unknown>;
  const version = envelope.formatVersion;
  if (typeof version === 'number' && version > SURVEY_JSON_FORMAT) {
    const place = { sheet: SHEET, row: null, column: 'formatVersion' };
    throw new XlsFormError([
      makeIssue('json_newer_format', place, { version, supported: SURVEY_JSON_FORMAT }),
    ]);
  }
  const parsed = definitionSchema.safeParse(envelope.definition);
  if (!parsed.success) {
    throw new XlsFormError(
      parsed.error.issues.map((issue): ImportIssue => {
        const path = ['definition', ...issue.path.map(String)].join('.');
        return makeIssue(
          'json_invalid',
          { sheet: SHEET, row: null, column: path },
          { path, detail: issue.message },
        );
      }),
    );
  }
  return { definition: parsed.data, warnings: [] };
}
