import { describe, expect, it } from 'vitest';
import { XlsFormError, type ImportIssue } from '../../main/xlsform/errors';
import { importXlsForm } from '../../main/xlsform/import';
import { buildWorkbook, type Cell } from './workbook';

/** The issues importXlsForm throws for this input; fails the test when it does not throw. */
async function issuesOf(data: Buffer | Record<string, Cell[][]>): Promise<ImportIssue[]> {
  const file = Buffer.isBuffer(data) ? data : await buildWorkbook(data);
  try {
    await importXlsForm(file);
  } catch (error) {
    if (error instanceof XlsFormError) return error.issues;
    throw error;
  }
  throw new Error('import succeeded');
}

const place = (issues: ImportIssue[]) =>
  issues.map(({ code, sheet, row, column }) => ({ code, sheet, row, column }));

const HEADER: Cell[] = ['type', 'name', 'label', 'relevant', 'constraint', 'calculation'];
const CHOICES: Cell[][] = [
  ['list_name', 'name', 'label'],
  ['yesno', 'yes', 'Yes'],
  ['yesno', 'no', 'No'],
];

describe('XLSForm import errors', () => {
  it('refuses bytes that are not a workbook', async () => {
    const issues = await issuesOf(Buffer.from('type,name\ntext,q1\n'));
    expect(place(issues)).toEqual([
      { code: 'not_a_workbook', sheet: 'file', row: null, column: undefined },
    ]);
    expect(issues[0]?.message['zh-CN']).toContain('.xlsx');
  });

  it('refuses a damaged zip', async () => {
    const good = await buildWorkbook({
      survey: [
        ['type', 'name'],
        ['text', 'q'],
      ],
    });
    const issues = await issuesOf(good.subarray(0, Math.floor(good.length / 2)));
    expect(issues[0]?.code).toBe('not_a_workbook');
  });

  it('needs a survey sheet', async () => {
    const issues = await issuesOf({
      questions: [
        ['type', 'name'],
        ['text', 'q'],
      ],
    });
    expect(place(issues)).toEqual([
      { code: 'missing_survey_sheet', sheet: 'survey', row: null, column: undefined },
    ]);
  });

  it.each(['type', 'name'])('needs a %s column', async (column) => {
    const header = ['type', 'name', 'label'].filter((c) => c !== column);
    const issues = await issuesOf({ survey: [header, ['text', 'q']] });
    expect(place(issues)).toEqual([{ code: 'missing_column', sheet: 'survey', row: 1, column }]);
    expect(issues[0]?.message.en).toContain(column);
  });

  it('names an unknown type with its row', async () => {
    const issues = await issuesOf({ survey: [HEADER, ['text', 'a', 'A'], ['txet', 'b', 'B']] });
    expect(place(issues)).toEqual([
      { code: 'unknown_type', sheet: 'survey', row: 3, column: 'type' },
    ]);
    expect(issues[0]?.message.en).toContain('"txet"');
  });

  it('refuses a variable name used twice, naming both rows', async () => {
    const issues = await issuesOf({
      survey: [HEADER, ['text', 'a', 'A'], ['integer', 'b', 'B'], ['text', 'a', 'A again']],
    });
    expect(place(issues)).toEqual([
      { code: 'duplicate_name', sheet: 'survey', row: 4, column: 'name' },
    ]);
    expect(issues[0]?.message.en).toContain('row 2');
    expect(issues[0]?.message['zh-CN']).toContain('第 2 行');
  });

  it('refuses a select whose choice list does not exist', async () => {
    const issues = await issuesOf({
      survey: [HEADER, ['select_one colours', 'c', 'Colour']],
      choices: CHOICES,
    });
    expect(place(issues)).toEqual([
      { code: 'list_not_found', sheet: 'survey', row: 2, column: 'type' },
    ]);
    expect(issues[0]?.message.en).toContain('"colours"');
  });

  it('refuses a select whose choice list is empty', async () => {
    const issues = await issuesOf({
      survey: [HEADER, ['select_multiple empty', 'c', 'Colour']],
      choices: [...CHOICES, ['empty', null, null]],
    });
    expect(place(issues)).toEqual([
      { code: 'empty_list', sheet: 'survey', row: 2, column: 'type' },
    ]);
  });

  it('refuses a select without a list name', async () => {
    const issues = await issuesOf({
      survey: [HEADER, ['select_one', 'c', 'Colour']],
      choices: CHOICES,
    });
    expect(place(issues)).toEqual([
      { code: 'missing_list_name', sheet: 'survey', row: 2, column: 'type' },
    ]);
    expect(issues[0]?.message.en).toContain('select_one yesno');
  });

  it('reports an expression that does not parse with its position', async () => {
    const issues = await issuesOf({
      survey: [HEADER, ['integer', 'a', 'A'], ['text', 'b', 'B', '${a} > (1 + 2']],
    });
    expect(place(issues)).toEqual([
      { code: 'invalid_expression', sheet: 'survey', row: 3, column: 'relevant' },
    ]);
    expect(issues[0]?.message.en).toMatch(/character \d+/);
    expect(issues[0]?.message['zh-CN']).toContain('relevant');
  });

  it('reports bad constraint and calculation expressions in their own columns', async () => {
    const issues = await issuesOf({
      survey: [
        HEADER,
        ['integer', 'a', 'A', null, '. >'],
        ['calculate', 'c', null, null, null, 'sum(${a},'],
      ],
    });
    expect(place(issues)).toEqual([
      { code: 'invalid_expression', sheet: 'survey', row: 2, column: 'constraint' },
      { code: 'invalid_expression', sheet: 'survey', row: 3, column: 'calculation' },
    ]);
  });

  it('refuses an end group without a begin group', async () => {
    const issues = await issuesOf({ survey: [HEADER, ['text', 'a', 'A'], ['end group']] });
    expect(place(issues)).toEqual([
      { code: 'unbalanced_group', sheet: 'survey', row: 3, column: 'type' },
    ]);
  });

  it('refuses a begin group that is never closed, at the row that opens it', async () => {
    const issues = await issuesOf({
      survey: [HEADER, ['begin_group', 'g', 'G'], ['text', 'a', 'A']],
    });
    expect(place(issues)).toEqual([
      { code: 'unbalanced_group', sheet: 'survey', row: 2, column: 'type' },
    ]);
  });

  it('refuses an end repeat that closes a group', async () => {
    const issues = await issuesOf({
      survey: [
        HEADER,
        ['begin group', 'g', 'G'],
        ['text', 'a', 'A'],
        ['end repeat'],
        ['end group'],
      ],
    });
    expect(place(issues)[0]).toEqual({
      code: 'unbalanced_group',
      sheet: 'survey',
      row: 4,
      column: 'type',
    });
    expect(issues[0]?.message.en).toContain('row 2');
  });

  it('refuses questions without a name or with a name that is not a variable name', async () => {
    const issues = await issuesOf({
      survey: [HEADER, ['text', null, 'A'], ['text', '1st', 'B'], [null, 'c', 'C']],
    });
    expect(place(issues)).toEqual([
      { code: 'missing_name', sheet: 'survey', row: 2, column: 'name' },
      { code: 'invalid_name', sheet: 'survey', row: 3, column: 'name' },
      { code: 'missing_type', sheet: 'survey', row: 4, column: 'type' },
    ]);
  });

  it('refuses duplicate and malformed choices on the choices sheet', async () => {
    const issues = await issuesOf({
      survey: [HEADER, ['select_one yesno', 'q', 'Q']],
      choices: [
        ...CHOICES,
        ['yesno', 'yes', 'Yes again'],
        ['yesno', 'not ok', 'Bad'],
        ['yesno', null, 'No code'],
      ],
    });
    expect(place(issues)).toEqual([
      { code: 'duplicate_choice', sheet: 'choices', row: 4, column: 'name' },
      { code: 'invalid_choice_value', sheet: 'choices', row: 5, column: 'name' },
      { code: 'missing_choice_name', sheet: 'choices', row: 6, column: 'name' },
    ]);
  });

  it('refuses a calculate without a calculation and a Likert scale of 4 points', async () => {
    const issues = await issuesOf({
      survey: [
        ['type', 'name', 'label', 'calculation', 'sd_type'],
        ['calculate', 'total', null],
        ['select_one four', 'sat', 'Satisfaction', null, 'likert'],
      ],
      choices: [['list_name', 'name', 'label'], ...[1, 2, 3, 4].map((n) => ['four', n, String(n)])],
    });
    expect(place(issues)).toEqual([
      { code: 'missing_calculation', sheet: 'survey', row: 2, column: 'calculation' },
      { code: 'invalid_likert_points', sheet: 'survey', row: 3, column: 'sd_points' },
    ]);
  });

  it('reports every error in the file at once, not only the first', async () => {
    const issues = await issuesOf({
      survey: [HEADER, ['txet', 'a', 'A'], ['text', 'b', 'B', '(('], ['end_group']],
    });
    expect(issues.map((i) => i.row)).toEqual([2, 3, 4]);
  });

  it('refuses what the questionnaire model refuses, at the row of the question', async () => {
    const choices: Cell[][] = [
      ['list_name', 'name', 'label'],
      ...Array.from({ length: 51 }, (_, i) => ['buckets', `b${i}`, `B${i}`]),
    ];
    const issues = await issuesOf({
      survey: [
        ['type', 'name', 'label', 'sd_type'],
        ['text', 'a', 'A'],
        ['select_one buckets', 'wait', 'Wait', 'range'],
      ],
      choices,
    });
    expect(place(issues)).toEqual([
      {
        code: 'definition_invalid',
        sheet: 'survey',
        row: 3,
        column: 'pages.0.questions.1.choices',
      },
    ]);
  });
});
