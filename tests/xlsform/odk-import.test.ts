import { describe, expect, it } from 'vitest';
import { importXlsForm } from '../../main/xlsform/import';
import type { ImportIssue } from '../../main/xlsform/errors';
import { definitionSchema } from '../../shared/questionnaire/model';
import { buildWorkbook, type Cell } from './workbook';

const YESNO: Cell[][] = [
  ['list_name', 'name', 'label', 'label::English (en)'],
  ['yesno', 'yes', '是', 'Yes'],
  ['yesno', 'no', '否', 'No'],
  ['fruits', 'apple', '苹果', 'Apple'],
  ['fruits', 'pear', '梨', 'Pear'],
];

/** A household form as an ODK user writes it: Chinese in plain `label`, English beside it. */
const HOUSEHOLD: Cell[][] = [
  [
    'type',
    'name',
    'label',
    'label::English (en)',
    'hint',
    'required',
    'relevant',
    'constraint',
    'appearance',
  ],
  ['start', 'start'], // row 2
  ['begin group', 'household', '住户信息', 'Household', null, null, null, null, 'field-list'],
  ['select_one yesno', 'agree', '您同意参加吗？', 'Do you agree to take part?', null, 'TRUE()'],
  ['geopoint', 'location', '位置', 'Location'], // row 5
  [
    'integer',
    'members',
    '家庭人数',
    'Household size',
    '包括您自己',
    'yes',
    "${agree} = 'yes'",
    '. > 0 and . < 30',
  ],
  ['end group'],
  ['image', 'photo', '照片', 'Photo'], // row 8
  ['begin repeat', 'person', '成员', 'Member'], // row 9
  ['text', 'person_name', '姓名', 'Name'],
  ['select_one yesno', 'adult', '成年？', 'Adult?'],
  ['end repeat'], // row 12
  ['select_multiple fruits or_other', 'fruit', '喜欢的水果', 'Favourite fruit', null, 'true'],
  ['text', 'remarks', '备注', 'Remarks', null, null, null, null, 'multiline'],
  ['end', 'end'], // row 15
];

async function importSheets(sheets: Record<string, Cell[][]>) {
  return importXlsForm(await buildWorkbook(sheets));
}

const where = (issues: ImportIssue[]) =>
  issues.map(({ code, sheet, row }) => ({ code, sheet, row }));

describe('importing an ODK / Kobo form', () => {
  it('skips geopoint, image, the repeat block and metadata with a warning naming sheet and row', async () => {
    const { warnings } = await importSheets({ survey: HOUSEHOLD, choices: YESNO });
    expect(where(warnings)).toEqual([
      { code: 'metadata_skipped', sheet: 'survey', row: 2 },
      { code: 'unsupported_type', sheet: 'survey', row: 5 },
      { code: 'unsupported_type', sheet: 'survey', row: 8 },
      { code: 'repeat_skipped', sheet: 'survey', row: 9 },
      { code: 'metadata_skipped', sheet: 'survey', row: 15 },
    ]);
    expect(warnings[3]?.message.en).toContain('rows 9-12');
    expect(warnings[1]?.message['zh-CN']).toContain('geopoint');
  });

  it('keeps the rest: groups as pages, loose questions in a default page, both languages', async () => {
    const { definition } = await importSheets({
      survey: HOUSEHOLD,
      choices: YESNO,
      settings: [
        ['form_title', 'form_id'],
        ['住户调查', 'household'],
      ],
    });
    expect(definitionSchema.parse(definition)).toEqual(definition);
    expect(definition.languages).toEqual(['zh-CN', 'en']);
    expect(definition.defaultLanguage).toBe('zh-CN');
    expect(definition.title).toEqual({ 'zh-CN': '住户调查' });
    expect(
      definition.pages.map((p) => [p.id, p.questions.map((q) => `${q.name}:${q.type}`)]),
    ).toEqual([
      ['household', ['agree:single', 'members:number']],
      ['page_1', ['fruit:multiple', 'remarks:text']],
    ]);
    const [agree, members] = definition.pages[0]?.questions ?? [];
    expect(agree).toMatchObject({
      label: { 'zh-CN': '您同意参加吗？', en: 'Do you agree to take part?' },
      required: true,
      choices: [
        { value: 'yes', label: { 'zh-CN': '是', en: 'Yes' }, other: false, exclusive: false },
        { value: 'no', label: { 'zh-CN': '否', en: 'No' }, other: false, exclusive: false },
      ],
    });
    expect(members).toMatchObject({
      integer: true,
      hint: { 'zh-CN': '包括您自己' },
      relevant: "${agree} = 'yes'",
      constraint: '. > 0 and . < 30',
      min: null,
      max: null,
    });
    expect(definition.pages[0]?.title).toEqual({ 'zh-CN': '住户信息', en: 'Household' });
    const [fruit, remarks] = definition.pages[1]?.questions ?? [];
    expect(fruit).toMatchObject({ required: true });
    expect(fruit && 'choices' in fruit ? fruit.choices.at(-1) : null).toEqual({
      value: 'other',
      label: { 'zh-CN': '其他', en: 'Other' },
      other: true,
      exclusive: false,
    });
    expect(remarks).toMatchObject({ multiline: true });
  });

  it.each([
    ['label::English', 'en'],
    ['label:: Chinese (zh)', 'zh-CN'],
    ['label::Chinese (zh-Hans)', 'zh-CN'],
    ['label::繁體中文', 'zh-TW'],
    ['label::Chinese Traditional (zh-TW)', 'zh-TW'],
    ['label::English (en-GB)', 'en'],
  ])('reads %s as %s', async (header, language) => {
    const { definition } = await importSheets({
      survey: [
        ['type', 'name', header],
        ['text', 'q1', 'Q'],
      ],
    });
    expect(definition.languages).toEqual([language]);
    expect(definition.pages[0]?.questions[0]?.label).toEqual({ [language]: 'Q' });
  });

  it('reads an unnamed label column in settings.default_language when given', async () => {
    const { definition } = await importSheets({
      survey: [
        ['type', 'name', 'label', 'label::Chinese (zh-CN)'],
        ['text', 'q1', 'Name', '姓名'],
      ],
      settings: [['default_language'], ['English (en)']],
    });
    expect(definition.languages).toEqual(['en', 'zh-CN']);
    expect(definition.defaultLanguage).toBe('en');
    expect(definition.pages[0]?.questions[0]?.label).toEqual({ en: 'Name', 'zh-CN': '姓名' });
  });

  it('warns about a language it does not support and ignores that column', async () => {
    const { definition, warnings } = await importSheets({
      survey: [
        ['type', 'name', 'label::English (en)', 'label::French (fr)'],
        ['text', 'q1', 'Name', 'Nom'],
      ],
    });
    expect(definition.languages).toEqual(['en']);
    expect(warnings).toMatchObject([
      { code: 'unknown_language', sheet: 'survey', row: 1, column: 'label::French (fr)' },
    ]);
  });

  it('maps appearance minimal to a dropdown and a 1..5 likert appearance to a Likert scale', async () => {
    const { definition } = await importSheets({
      survey: [
        ['type', 'name', 'label', 'appearance'],
        ['select_one city', 'city', 'City', 'minimal'],
        ['select_one sat', 'sat', 'Satisfaction', 'likert'],
      ],
      choices: [
        ['list name', 'name', 'label'],
        ['city', 'bj', 'Beijing'],
        ...['Bad', 'Poor', 'OK', 'Good', 'Great'].map((label, i) => ['sat', i + 1, label]),
      ],
    });
    const [city, sat] = definition.pages[0]?.questions ?? [];
    expect(city?.type).toBe('dropdown');
    expect(sat).toMatchObject({
      type: 'likert',
      points: 5,
      pointLabels: [{ en: 'Bad' }, { en: 'Poor' }, { en: 'OK' }, { en: 'Good' }, { en: 'Great' }],
    });
  });

  it('merges a nested group into its page, adding its condition to each question', async () => {
    const { definition, warnings } = await importSheets({
      survey: [
        ['type', 'name', 'label', 'relevant'],
        ['begin_group', 'p1', 'Page'],
        ['integer', 'age', 'Age'],
        ['begin_group', 'adults', 'Adults', '${age} >= 18'],
        ['text', 'job', 'Job', '${age} < 70'],
        ['end_group'],
        ['end_group'],
      ],
    });
    expect(definition.pages[0]?.questions[1]?.relevant).toBe('(${age} >= 18) and (${age} < 70)');
    expect(warnings).toMatchObject([{ code: 'nested_group_flattened', row: 4 }]);
  });

  it('imports the range widget as a number with its bounds', async () => {
    const { definition, warnings } = await importSheets({
      survey: [
        ['type', 'name', 'label', 'parameters'],
        ['range', 'score', 'Score', 'start=0 end=10 step=1'],
      ],
    });
    expect(definition.pages[0]?.questions[0]).toMatchObject({
      type: 'number',
      integer: true,
      min: 0,
      max: 10,
    });
    expect(warnings).toMatchObject([{ code: 'range_as_number', row: 2 }]);
  });

  it('repairs curly quotes and == in expressions, with a warning showing both forms', async () => {
    const { definition, warnings } = await importSheets({
      survey: [
        ['type', 'name', 'label', 'relevant'],
        ['text', 'a', 'A'],
        ['text', 'b', 'B', '${a} == ‘yes’'],
      ],
    });
    expect(definition.pages[0]?.questions[1]?.relevant).toBe("${a} = 'yes'");
    expect(warnings).toMatchObject([{ code: 'expression_rewritten', row: 3, column: 'relevant' }]);
  });

  it('warns about references to questions that do not exist, conditional required and unused columns', async () => {
    const { warnings } = await importSheets({
      survey: [
        ['type', 'name', 'label', 'required', 'default', 'relevant'],
        ['text', 'a', 'A', "${b} = 'x'", 'hello'],
        ['text', 'c', 'C', null, null, '${missing} > 1'],
      ],
    });
    expect(where(warnings)).toEqual([
      { code: 'unsupported_column', sheet: 'survey', row: 2 },
      { code: 'dynamic_required', sheet: 'survey', row: 2 },
      { code: 'unknown_variable', sheet: 'survey', row: 3 },
    ]);
  });

  it('puts questions before, between and after groups into default pages, in order', async () => {
    const { definition, warnings } = await importSheets({
      survey: [
        ['type', 'name', 'label', '$kuid'],
        ['text', 'a', 'A', 'k1'],
        ['begin_group', 'page_1', 'Named like a default page', 'k2'],
        ['text', 'b', 'B', 'k3'],
        ['end_group', null, null, 'k4'],
        ['text', 'c', 'C', 'k5'],
        ['text', 'd', 'D', 'k6'],
      ],
    });
    expect(definition.pages.map((p) => [p.id, p.questions.map((q) => q.name)])).toEqual([
      ['page_2', ['a']],
      ['page_1', ['b']],
      ['page_3', ['c', 'd']],
    ]);
    // Kobo's $kuid bookkeeping column is not worth a warning.
    expect(warnings).toEqual([]);
  });

  it('skips select_one_from_file and rank with a warning', async () => {
    const { definition, warnings } = await importSheets({
      survey: [
        ['type', 'name', 'label'],
        ['select_one_from_file towns.csv', 'town', 'Town'],
        ['rank colours', 'order', 'Order'],
        ['note', 'n', 'Hello'],
      ],
    });
    expect(where(warnings).map((w) => [w.code, w.row])).toEqual([
      ['unsupported_type', 2],
      ['unsupported_type', 3],
    ]);
    expect(definition.pages[0]?.questions.map((q) => q.name)).toEqual(['n']);
  });
});
