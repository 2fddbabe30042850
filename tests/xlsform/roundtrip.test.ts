import { describe, expect, it } from 'vitest';
import { exportXlsForm } from '../../main/xlsform/export';
import { importXlsForm } from '../../main/xlsform/import';
import { definitionSchema, type SurveyDefinition } from '../../shared/questionnaire/model';
import { TEMPLATES, TEMPLATE_IDS } from '../../shared/questionnaire/templates';
import { englishFirstForm, everyTypeForm, threeLanguageForm } from './forms';
import { readWorkbook } from './workbook';

async function roundTrip(definition: SurveyDefinition) {
  return importXlsForm(await exportXlsForm(definition));
}

describe('XLSForm round trip', () => {
  it.each(TEMPLATE_IDS)('gives back the %s template unchanged, without warnings', async (id) => {
    const { definition, warnings } = await roundTrip(TEMPLATES[id]);
    expect(definition).toEqual(definitionSchema.parse(TEMPLATES[id]));
    expect(warnings).toEqual([]);
  });

  it('gives back a form with every question type and field unchanged', async () => {
    const { definition, warnings } = await roundTrip(everyTypeForm);
    expect(definition).toEqual(everyTypeForm);
    expect(warnings).toEqual([]);
  });

  it('keeps the language order and the default language of an English-first form', async () => {
    const { definition } = await roundTrip(englishFirstForm);
    expect(definition).toEqual(englishFirstForm);
    expect(definition.languages).toEqual(['en', 'zh-CN']);
    expect(definition.defaultLanguage).toBe('en');
  });

  it('keeps simplified and traditional Chinese apart, and missing translations missing', async () => {
    const { definition } = await roundTrip(threeLanguageForm);
    expect(definition).toEqual(threeLanguageForm);
    expect(definition.pages[0]?.title).toEqual({ 'zh-TW': '問卷' });
  });
});

describe('XLSForm export', () => {
  async function sheetsOf(
    definition: SurveyDefinition,
    meta?: { formId?: string; version?: number },
  ) {
    return readWorkbook(await exportXlsForm(definition, meta));
  }

  const row = (rows: Record<string, string>[] | undefined, name: string) =>
    rows?.find((r) => r.name === name);

  it('writes survey, choices, settings and sd_survey sheets with ODK language headers', async () => {
    const sheets = await sheetsOf(everyTypeForm, { formId: 'every_type', version: 7 });
    expect(Object.keys(sheets)).toEqual(['survey', 'choices', 'settings', 'sd_survey']);
    expect(sheets.settings).toEqual([
      {
        form_title: '全部题型',
        form_id: 'every_type',
        version: '7',
        default_language: 'Chinese (zh-CN)',
        style: 'pages',
      },
    ]);
    expect(row(sheets.survey, 'speed')).toMatchObject({
      'label::Chinese (zh-CN)': '速度',
      'label::English (en)': 'Speed',
      'hint::English (en)': 'Choose one',
    });
  });

  it('maps each question type to its XLSForm type, keeping ours in sd_type', async () => {
    const { survey } = await sheetsOf(everyTypeForm);
    const types = Object.fromEntries(
      (survey ?? [])
        .filter((r) => r.name && r.type !== 'end_group')
        .map((r): [string, string[]] => [
          r.name ?? '',
          [r.type ?? '', r.sd_type ?? '', r.appearance ?? ''],
        ]),
    );
    expect(types).toMatchObject({
      speed: ['select_one likert3_speed', 'likert', 'likert'],
      quality: ['select_one likert7_quality', 'likert', 'likert'],
      recommend: ['select_one nps_recommend', 'nps', 'likert'],
      channel: ['select_one channel', '', ''],
      channel_other: ['text', 'other_text', ''],
      issues: ['select_multiple issues', '', ''],
      city: ['select_one city', 'dropdown', 'minimal'],
      wait_time: ['select_one wait_time', 'range', ''],
      age: ['integer', '', ''],
      spend: ['decimal', '', ''],
      comments: ['text', '', 'multiline'],
      visit_date: ['date', '', ''],
      visit_at: ['dateTime', '', ''],
      call_time: ['time', '', ''],
      aspects: ['begin_group', 'matrix', 'field-list'],
      aspect_price: ['select_one matrix5_aspects', '', ''],
      thanks_note: ['note', '', ''],
      score_sum: ['calculate', '', ''],
      p_experience: ['begin_group', '', 'field-list'],
      page_2: ['begin_group', '', 'field-list'],
    });
  });

  it('writes bounds as constraints other tools enforce, next to the question’s own rule', async () => {
    const { survey } = await sheetsOf(everyTypeForm);
    expect(row(survey, 'age')).toMatchObject({
      constraint: '. >= 18 and . <= 99',
      sd_min: '18',
      sd_max: '99',
    });
    expect(row(survey, 'spend')?.constraint).toBe('. >= 0 and (. != 13.5)');
    expect(row(survey, 'issues')).toMatchObject({
      constraint:
        "count-selected(.) >= 1 and count-selected(.) <= 3 and (not(selected(., 'none') and count-selected(.) > 1))",
      min_selections: '1',
      max_selections: '3',
    });
    expect(row(survey, 'staff_name')?.constraint).toBe('string-length(.) <= 40');
    expect(row(survey, 'channel_other')?.relevant).toBe("selected(${channel}, 'other')");
  });

  it('writes Likert anchors, NPS points and choice flags to the choices sheet', async () => {
    const { choices } = await sheetsOf(everyTypeForm);
    const list = (name: string) => (choices ?? []).filter((c) => c.list_name === name);
    expect(list('likert3_speed').map((c) => [c.name, c['label::English (en)']])).toEqual([
      ['1', 'Slow'],
      ['2', 'Average'],
      ['3', 'Fast'],
    ]);
    // A scale without anchors is labelled with its numbers, since XLSForm needs labels.
    expect(list('likert7_quality').map((c) => c['label::Chinese (zh-CN)'])).toEqual([
      '1',
      '2',
      '3',
      '4',
      '5',
      '6',
      '7',
    ]);
    expect(list('nps_recommend').map((c) => c.name)).toEqual([
      '0',
      '1',
      '2',
      '3',
      '4',
      '5',
      '6',
      '7',
      '8',
      '9',
      '10',
    ]);
    expect(list('channel').find((c) => c.name === 'other')?.sd_other).toBe('yes');
    expect(list('issues').find((c) => c.name === 'none')?.sd_exclusive).toBe('yes');
  });

  it('keeps page ids that are not variable names in sd_id, and pages as groups with their condition', async () => {
    const { survey } = await sheetsOf(everyTypeForm);
    expect(row(survey, 'page_2')).toMatchObject({ sd_id: 'page 2', relevant: '${recommend} <= 6' });
    expect(row(survey, 'email')?.sd_id).toBe('q_17');
    expect(survey?.filter((r) => r.type === 'end_group')).toHaveLength(3);
  });

  it('writes dimensions, targets, consent and texts to sd_survey', async () => {
    const { sd_survey: meta } = await sheetsOf(everyTypeForm);
    expect(meta).toContainEqual({
      key: 'dimension',
      id: 'service',
      value: '2',
      'text::Chinese (zh-CN)': '服务',
      'text::English (en)': 'Service',
    });
    expect(meta).toContainEqual({
      key: 'target',
      id: 'service',
      value: '4',
      baseline: '3.2',
      'text::Chinese (zh-CN)': '服务得分',
      'text::English (en)': 'Service score',
    });
    expect(meta).toContainEqual({
      key: 'consent',
      value: 'no',
      'text::Chinese (zh-CN)': '同意参加',
      'text::English (en)': 'I agree to take part',
    });
  });

  it('names lists so that a question called like a generated list does not collide', async () => {
    const form = definitionSchema.parse({
      ...everyTypeForm,
      pages: [
        {
          id: 'p',
          title: {},
          questions: [
            {
              type: 'single',
              id: 'nps_x',
              name: 'nps_x',
              label: {},
              choices: [{ value: 'a', label: { 'zh-CN': 'A' } }],
            },
            { type: 'nps', id: 'x', name: 'x', label: {} },
          ],
        },
      ],
    });
    const { survey } = await sheetsOf(form);
    expect(row(survey, 'x')?.type).toBe('select_one nps_x_2');
    expect((await roundTrip(form)).definition).toEqual(form);
  });
});
