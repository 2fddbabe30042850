/** A 问卷星-style export of the customer-service questionnaire, built in code for the import tests. */
import { allQuestions, type SurveyDefinition } from '../../shared/questionnaire/model';

/**
 * The file 问卷星 writes for the likert items, NPS and the callback question: numbered question
 * texts as headers and the chosen labels as values. Row r answers point ((r + i) % 5) + 1.
 */
export function wjxRows(definition: SurveyDefinition, rows: number): string[][] {
  const questions = allQuestions(definition).filter(
    (q) => q.type === 'likert' || q.type === 'nps' || q.name === 'callback',
  );
  const header = [
    '序号',
    '提交答卷时间',
    '所用时间',
    '来源',
    '来源详情',
    '来自IP',
    ...questions.map((q, i) => `${i + 1}、${q.label['zh-CN']}`),
  ];
  const body = Array.from({ length: rows }, (_, r) => [
    String(r + 1),
    `2026/3/${r + 2} 10:15:00`,
    `${300 + r * 7}秒`,
    '微信',
    'N/A',
    `223.104.3.${r + 10}(江苏-南京)`,
    ...questions.map((q, i) => {
      if (q.type === 'likert') return q.pointLabels[(r + i) % 5]!['zh-CN']!;
      if (q.type === 'nps') return String((r * 3) % 11);
      return q.type === 'single' ? q.choices.find((c) => c.value === 'no')!.label['zh-CN']! : '';
    }),
  ]);
  return [header, ...body];
}
