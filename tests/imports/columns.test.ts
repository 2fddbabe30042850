/** What each header of an imported file is read as, and how --map changes it. */
import { describe, expect, it } from 'vitest';
import { Catalog, fieldOf, parseMapOption, planColumns } from '../../main/imports/columns';
import { afterSalesTemplate } from '../../shared/questionnaire/templates/after-sales';
import { customerServiceTemplate } from '../../shared/questionnaire/templates/customer-service';

const catalog = new Catalog(customerServiceTemplate);
const fields = (headers: string[], map: Record<string, string> = {}) =>
  planColumns(headers, catalog, map, () => true).bindings.map((b) => fieldOf(b.role));

describe('recognising headers', () => {
  it('reads response fields and customer attributes named in English', () => {
    expect(
      fields([
        'Response ID',
        'Customer ID',
        'Company name',
        'StartDate',
        'EndDate',
        'Duration (in seconds)',
        'Channel',
        'Interviewer',
        'Consent',
        'Customer type',
        'Stage',
        'Region',
        'Industry',
        'Company size',
      ]),
    ).toEqual([
      'id',
      'customer',
      'customer_name',
      'start',
      'end',
      'duration',
      'channel',
      'interviewer',
      'consent',
      'type',
      'stage',
      'region',
      'industry',
      'size',
    ]);
  });

  it('reads the same fields named in Chinese, as 问卷星 and CRM exports write them', () => {
    expect(
      fields([
        '序号',
        '客户编号',
        '客户名称',
        '开始答题时间',
        '提交答卷时间',
        '所用时间',
        '渠道',
        '访问员',
        '知情同意',
        '客户类型',
        '客户阶段',
        '所属区域',
        '行业',
        '企业规模',
      ]),
    ).toEqual([
      'id',
      'customer',
      'customer_name',
      'start',
      'end',
      'duration',
      'channel',
      'interviewer',
      'consent',
      'type',
      'stage',
      'region',
      'industry',
      'size',
    ]);
  });

  it('reads a duration in minutes when the header says minutes', () => {
    expect(fields(['Duration (in minutes)', '答题时长（分钟）'])).toEqual([
      'duration_min',
      'duration_min',
    ]);
  });

  it('prefers a variable of the questionnaire over a field of the same name, in any case', () => {
    expect(fields(['customer_id', 'PHONE', 'Resp_1'])).toEqual(['customer_id', 'phone', 'resp_1']);
  });

  it('reads option columns of a multiple choice and the "other" text', () => {
    expect(fields(['service_type_consult', 'service_type/training', 'service_type_other'])).toEqual(
      ['service_type_consult', 'service_type_training', 'service_type_other'],
    );
  });

  it('reads a question by its text in any survey language, with or without its number', () => {
    expect(
      fields([
        '3、紧急问题能够得到优先处理',
        'Q16: Overall, how satisfied are you with our service?',
      ]),
    ).toEqual(['resp_3', 'overall']);
  });

  it('keeps every other column as a respondent attribute, and drops a headless empty one', () => {
    const plan = planColumns(['来源', '', 'IP'], catalog, {}, (i) => i !== 1);
    expect(plan.bindings.map((b) => fieldOf(b.role))).toEqual(['attribute', 'ignore', 'attribute']);
    expect(plan.warnings.map((w) => w.code)).not.toContain('no_header');
  });

  it('uses the customer-id question as the customer when no column names the customer', () => {
    const plan = planColumns(['customer_id', 'overall'], catalog, {}, () => true);
    expect(plan.customerColumn).toBe(0);
    expect(plan.customerVariable).toBeNull();
    const named = planColumns(['客户编号', 'overall'], catalog, {}, () => true);
    expect(named.customerColumn).toBe(0);
    expect(named.customerVariable).toBe('customer_id');
  });

  it('warns about required questions the file has no column for', () => {
    const plan = planColumns(['overall'], new Catalog(afterSalesTemplate), {}, () => true);
    expect(
      plan.warnings
        .filter((w) => w.code === 'required_column_missing')
        .map((w) => w.params.variable),
    ).toContain('nps');
    // Shown only after "not solved": not expected in every file.
    expect(plan.warnings.map((w) => w.params.variable)).not.toContain('remaining');
  });
});

describe('--map', () => {
  it('parses col=field pairs, splitting at the last "="', () => {
    expect(parseMapOption('Q1=resp_1, 来源=ignore,a=b=region,')).toEqual({
      Q1: 'resp_1',
      来源: 'ignore',
      'a=b': 'region',
    });
  });

  it('maps columns to variables, options, fields and attributes, overriding recognition', () => {
    expect(
      fields(['Q1', 'Q2', 'When', 'Region', 'Overall'], {
        Q1: 'resp_1',
        q2: 'service_type_consult',
        When: 'start',
        Region: 'attribute',
        overall: 'ignore',
      }),
    ).toEqual(['resp_1', 'service_type_consult', 'start', 'attribute', 'ignore']);
  });

  it('refuses targets that are neither a variable nor a field, and columns the file lacks', () => {
    const plan = planColumns(['Q1'], catalog, { Q1: 'nothing', Q9: 'resp_1' }, () => true);
    expect(plan.problems.map((p) => [p.column, p.code])).toEqual([
      ['Q1', 'map_unknown_target'],
      ['Q9', 'map_no_column'],
      [null, 'no_answer_columns'],
    ]);
  });

  it('refuses a variable given twice, and a multiple choice given both ways', () => {
    const plan = planColumns(
      ['overall', 'Overall', 'service_type', 'service_type_consult'],
      catalog,
      {},
      () => true,
    );
    expect(plan.problems.map((p) => [p.column, p.code])).toEqual([
      ['Overall', 'column_twice'],
      ['service_type', 'mixed_layout'],
    ]);
  });
});
