import { describe, expect, it } from 'vitest';
import { XlsFormError, type ImportIssue } from '../../main/xlsform/errors';
import { exportSurveyJson, importSurveyJson } from '../../main/xlsform/json';
import { TEMPLATES } from '../../shared/questionnaire/templates';
import { everyTypeForm } from './forms';

function issuesOf(text: string): ImportIssue[] {
  try {
    importSurveyJson(text);
  } catch (error) {
    if (error instanceof XlsFormError) return error.issues;
    throw error;
  }
  throw new Error('import succeeded');
}

describe('questionnaire JSON files', () => {
  it('wraps the definition in a marked, versioned envelope of pretty JSON', () => {
    const text = exportSurveyJson(TEMPLATES['after-sales']);
    expect(JSON.parse(text)).toEqual({
      surveydesk: 'questionnaire',
      formatVersion: 1,
      definition: TEMPLATES['after-sales'],
    });
    expect(text).toContain('\n  "definition": {');
  });

  it('gives back the exported questionnaire unchanged', () => {
    expect(importSurveyJson(exportSurveyJson(everyTypeForm))).toEqual({
      definition: everyTypeForm,
      warnings: [],
    });
  });

  it('reads a file saved with a byte-order mark', () => {
    expect(importSurveyJson(`\uFEFF${exportSurveyJson(everyTypeForm)}`).definition).toEqual(
      everyTypeForm,
    );
  });

  it('refuses text that is not JSON', () => {
    const issues = issuesOf('{ "surveydesk": "questionnaire", ');
    expect(issues).toMatchObject([{ code: 'json_syntax', sheet: 'json', row: null }]);
  });

  it('refuses JSON that is not a SurveyDesk questionnaire', () => {
    expect(issuesOf('{"title": "x"}')).toMatchObject([
      { code: 'json_not_questionnaire', sheet: 'json', row: null },
    ]);
    expect(issuesOf('[1, 2]')[0]?.code).toBe('json_not_questionnaire');
  });

  it('refuses a file from a newer SurveyDesk with a message saying so', () => {
    const issues = issuesOf(
      JSON.stringify({ surveydesk: 'questionnaire', formatVersion: 2, definition: {} }),
    );
    expect(issues).toMatchObject([{ code: 'json_newer_format', column: 'formatVersion' }]);
    expect(issues[0]?.message.en).toContain('format 2');
  });

  it('lists each invalid field with its path in the column', () => {
    const [page, ...pages] = everyTypeForm.pages;
    const [question, ...questions] = page?.questions ?? [];
    const definition = {
      ...everyTypeForm,
      languages: [],
      pages: [
        { ...page, questions: [{ ...question, name: '1 bad name' }, ...questions] },
        ...pages,
      ],
    };
    const file = { surveydesk: 'questionnaire', formatVersion: 1, definition };
    const issues = issuesOf(JSON.stringify(file));
    expect(issues.map((i) => [i.code, i.sheet, i.row, i.column])).toEqual([
      ['json_invalid', 'json', null, 'definition.languages'],
      ['json_invalid', 'json', null, 'definition.pages.0.questions.0.name'],
    ]);
    expect(issues[1]?.message.en).toContain('definition.pages.0.questions.0.name');
  });
});
