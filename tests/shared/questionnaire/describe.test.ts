import { describe, expect, it } from 'vitest';
import { describeRelevance } from '../../../shared/questionnaire/describe';
import type { Question, SurveyDefinition } from '../../../shared/questionnaire/model';
import { TEMPLATES } from '../../../shared/questionnaire/templates';

const service = TEMPLATES['customer-service'];
// Question numbers in the customer-service template, as the card prints them.
const OVERALL = 16;
const NPS = 17;
const SERVICE_TYPE = 21;
const CALLBACK = 24;

/** A small definition with a matrix and a number question, built in code. */
function withMatrixAndNumber(): SurveyDefinition {
  const base = {
    hint: {},
    required: false,
    relevant: '',
    constraint: '',
    constraintMessage: {},
    dimension: null,
    weight: 1,
    personal: false,
  };
  const questions: Question[] = [
    { ...base, id: 'intro', name: 'intro', label: { en: 'Welcome' }, type: 'note' },
    {
      ...base,
      id: 'grid',
      name: 'grid',
      label: { en: 'Rate us', 'zh-CN': '请评价' },
      type: 'matrix',
      points: 5,
      pointLabels: [],
      items: [
        {
          id: 'speed',
          name: 'speed',
          label: { en: 'Speed', 'zh-CN': '速度' },
          reverse: false,
          dimension: null,
        },
      ],
    },
    {
      ...base,
      id: 'visits',
      name: 'visits',
      label: { en: 'Visits' },
      type: 'number',
      integer: true,
      min: null,
      max: null,
      unit: {},
    },
    {
      ...base,
      id: 'score',
      name: 'score',
      label: { en: 'Score' },
      type: 'calculate',
      calculation: '${visits} * 2',
    },
  ];
  return { ...service, pages: [{ id: 'p', title: {}, relevant: '', questions }] };
}

describe('describeRelevance', () => {
  it('returns null for a question that is always shown', () => {
    expect(describeRelevance('', service, 'zh-CN')).toBeNull();
    expect(describeRelevance('   ', service, 'en')).toBeNull();
  });

  it('names the question by its printed number and the choice by its label', () => {
    const source = "${callback} = 'phone'";
    expect(describeRelevance(source, service, 'zh-CN')).toBe(
      `仅当第 ${CALLBACK} 题选择“可以，请电话联系我”时回答`,
    );
    expect(describeRelevance(source, service, 'en')).toBe(
      `Answer only if you chose “Yes, by phone” in question ${CALLBACK}`,
    );
  });

  it('writes traditional Chinese with corner quotes, falling back to the default-language label', () => {
    expect(describeRelevance("${callback} = 'phone'", service, 'zh-TW')).toBe(
      `僅當第 ${CALLBACK} 題選擇「可以，请电话联系我」時回答`,
    );
  });

  it('phrases a low score as "N or less", turning < into <= on whole-point scales', () => {
    expect(describeRelevance('${overall} <= 2', service, 'zh-CN')).toBe(
      `仅当第 ${OVERALL} 题选择 2 分或以下时回答`,
    );
    expect(describeRelevance('${nps} < 7', service, 'en')).toBe(
      `Answer only if you chose 6 or lower in question ${NPS}`,
    );
    expect(describeRelevance('9 <= ${nps}', service, 'zh-CN')).toBe(
      `仅当第 ${NPS} 题选择 9 分或以上时回答`,
    );
  });

  it('phrases "not this choice"', () => {
    expect(describeRelevance("${callback} != 'phone'", service, 'zh-CN')).toBe(
      `仅当第 ${CALLBACK} 题未选择“可以，请电话联系我”时回答`,
    );
    expect(describeRelevance("${callback} != 'phone'", service, 'en')).toBe(
      `Answer only if you did not choose “Yes, by phone” in question ${CALLBACK}`,
    );
  });

  it('phrases selected() on a multiple choice as ticking, and not(selected()) as not ticking', () => {
    expect(describeRelevance("selected(${service_type}, 'complaint')", service, 'zh-CN')).toBe(
      `仅当第 ${SERVICE_TYPE} 题勾选了“投诉”时回答`,
    );
    expect(describeRelevance("not(selected(${service_type}, 'complaint'))", service, 'en')).toBe(
      `Answer only if you did not tick “Complaint” in question ${SERVICE_TYPE}`,
    );
  });

  it('joins and/or with 并且/或者 and brackets a nested group', () => {
    const source = "${callback} = 'phone' and (${nps} <= 6 or ${overall} <= 2)";
    expect(describeRelevance(source, service, 'zh-CN')).toBe(
      `仅当第 ${CALLBACK} 题选择“可以，请电话联系我”，并且（第 ${NPS} 题选择 6 分或以下，或者第 ${OVERALL} 题选择 2 分或以下）时回答`,
    );
    expect(describeRelevance(source, service, 'en')).toBe(
      `Answer only if you chose “Yes, by phone” in question ${CALLBACK} and (you chose 6 or lower in question ${NPS} or you chose 2 or lower in question ${OVERALL})`,
    );
  });

  it('reads two choices of one question as one phrase', () => {
    const source =
      "selected(${service_type}, 'complaint') or selected(${service_type}, 'after_sales')";
    expect(describeRelevance(source, service, 'zh-CN')).toBe(
      `仅当第 ${SERVICE_TYPE} 题勾选了“投诉”或“售后”时回答`,
    );
    expect(describeRelevance(source, service, 'en')).toBe(
      `Answer only if you ticked “Complaint” or “After-sales” in question ${SERVICE_TYPE}`,
    );
  });

  it('pushes not() inside with De Morgan', () => {
    expect(describeRelevance("not(${overall} > 3 or ${callback} = 'no')", service, 'zh-CN')).toBe(
      `仅当第 ${OVERALL} 题选择 3 分或以下，并且第 ${CALLBACK} 题未选择“不需要”时回答`,
    );
  });

  it('phrases answered/blank and how many options were ticked', () => {
    expect(describeRelevance("${improve} != ''", service, 'zh-CN')).toBe(
      '仅当第 18 题已作答时回答',
    );
    expect(describeRelevance("${improve} = ''", service, 'en')).toBe(
      'Answer only if you left question 18 blank',
    );
    expect(describeRelevance('count-selected(${service_type}) > 1', service, 'en')).toBe(
      `Answer only if you ticked at least 2 options in question ${SERVICE_TYPE}`,
    );
  });

  it('says "this section" for a page relevance', () => {
    expect(describeRelevance("${callback} = 'phone'", service, 'zh-CN', 'page')).toBe(
      `仅当第 ${CALLBACK} 题选择“可以，请电话联系我”时回答本部分`,
    );
    expect(describeRelevance("${callback} = 'phone'", service, 'en', 'page')).toBe(
      `Answer this section only if you chose “Yes, by phone” in question ${CALLBACK}`,
    );
  });

  it('names a matrix row and a number question, skipping notes when numbering', () => {
    const definition = withMatrixAndNumber();
    expect(describeRelevance('${speed} <= 2', definition, 'zh-CN')).toBe(
      '仅当第 1 题“速度”一项选择 2 分或以下时回答',
    );
    expect(describeRelevance('${visits} >= 3', definition, 'en')).toBe(
      'Answer only if your answer to question 2 is at least 3',
    );
    expect(describeRelevance('${visits} > 3', definition, 'zh-CN')).toBe(
      '仅当第 2 题填写的数值大于 3 时回答',
    );
  });

  it('falls back to a generic sentence with question numbers for what it cannot phrase', () => {
    expect(describeRelevance('${overall} + ${nps} > 8', service, 'zh-CN')).toBe(
      `请按以下条件作答：第 ${OVERALL} 题 + 第 ${NPS} 题 > 8`,
    );
    expect(describeRelevance("${callback} = 'fax'", service, 'en')).toBe(
      `Answer according to this condition: Q${CALLBACK} = 'fax'`,
    );
    expect(describeRelevance('${score} > 2', withMatrixAndNumber(), 'en')).toBe(
      'Answer according to this condition: ${score} > 2',
    );
    expect(describeRelevance('${overall} <=', service, 'zh-CN')).toBe(
      `请按以下条件作答：第 ${OVERALL} 题 <=`,
    );
  });
});
