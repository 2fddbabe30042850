import { describe, expect, it } from 'vitest';
import { checkDefinition, type FormProblem } from '../../../shared/questionnaire/check';
import { addQuestion, newQuestion, updateQuestion } from '../../../shared/questionnaire/edit';
import { blankDefinition } from '../../../shared/questionnaire/blank';
import type { Question, SurveyDefinition } from '../../../shared/questionnaire/model';

let n = 0;
const newId = () => `x${++n}`;

/** A form with questions q1..qN of the given types, in order. */
function form(...types: Question['type'][]): SurveyDefinition {
  let d = blankDefinition('en');
  for (const type of types) {
    const q = newQuestion(d, type, newId);
    d = addQuestion(d, 'p1', { ...q, label: { en: `Question ${q.name}` } });
  }
  return d;
}

function set(d: SurveyDefinition, name: string, patch: Partial<Question> & Record<string, unknown>): SurveyDefinition {
  const q = d.pages.flatMap((p) => p.questions).find((x) => x.name === name)!;
  return updateQuestion(d, q.id, (x) => ({ ...x, ...patch }) as Question);
}

const codes = (problems: FormProblem[], severity = 'error') => problems.filter((p) => p.severity === severity).map((p) => p.code);

describe('the form check', () => {
  it('accepts a small correct form', () => {
    expect(codes(checkDefinition(form('likert', 'single')))).toEqual([]);
  });

  it('reports a syntax error in skip logic with the character position', () => {
    const d = set(form('likert', 'likert'), 'q2', { relevant: '${q1} >= (4' });
    const problem = checkDefinition(d).find((p) => p.code === 'expression_error')!;
    expect(problem).toMatchObject({ field: 'relevant', params: { name: 'q2', field: 'relevant' } });
    expect(problem.params.position).toBe(12);
  });

  it('reports skip logic that refers to an unknown question', () => {
    const d = set(form('likert', 'likert'), 'q2', { relevant: '${nope} = 1' });
    expect(checkDefinition(d).find((p) => p.code === 'unknown_reference')?.params.ref).toBe('${nope}');
  });

  it('reports skip logic that depends on a question asked later, or on itself', () => {
    const later = set(form('likert', 'likert'), 'q1', { relevant: '${q2} = 1' });
    expect(codes(checkDefinition(later))).toEqual(['forward_reference']);
    const itself = set(form('likert'), 'q1', { relevant: '${q1} = 1' });
    expect(codes(checkDefinition(itself))).toEqual(['forward_reference']);
  });

  it('lets a constraint refer to its own answer and earlier ones', () => {
    const d = set(form('number', 'number'), 'q2', { constraint: '. >= ${q1} and ${q2} < 100' });
    expect(codes(checkDefinition(d))).toEqual([]);
  });

  it('finds calculations that depend on each other in a circle', () => {
    let d = form('calculate', 'calculate', 'calculate');
    d = set(d, 'q1', { calculation: '${q3} + 1' });
    d = set(d, 'q2', { calculation: '${q1} * 2' });
    d = set(d, 'q3', { calculation: '${q2} - 1' });
    const circular = checkDefinition(d).filter((p) => p.code === 'circular_calculation');
    expect(circular).toHaveLength(1);
    expect(String(circular[0]!.params.names).split(' -> ')).toHaveLength(4);
  });

  it('finds duplicate variable names, empty labels, empty choice lists and duplicate choice codes', () => {
    let d = form('single', 'single', 'multiple');
    d = set(d, 'q2', { name: 'q1' });
    d = set(d, 'q3', { choices: [], label: { en: ' ' } });
    const problems = codes(checkDefinition(d));
    expect(problems).toEqual(expect.arrayContaining(['duplicate_name', 'empty_label', 'no_choices']));
    const dupChoice = set(form('single'), 'q1', {
      choices: [
        { value: 'a', label: { en: 'A' }, other: false, exclusive: false },
        { value: 'a', label: { en: 'B' }, other: false, exclusive: false },
      ],
    });
    expect(codes(checkDefinition(dupChoice))).toEqual(['duplicate_choice']);
  });

  it('marks missing translations as warnings, not errors', () => {
    const d = { ...form('likert'), languages: ['en', 'zh-CN'] as SurveyDefinition['languages'] };
    const problems = checkDefinition(d);
    expect(codes(problems)).toEqual([]);
    expect(problems.some((p) => p.code === 'missing_translation' && String(p.params.langs) === 'zh-CN')).toBe(true);
  });

  it('warns when open questions exceed 30 % and when the form is longer than 8 minutes', () => {
    const open = form('text', 'text', 'likert');
    expect(codes(checkDefinition(open), 'warning')).toContain('too_many_open');
    const long = form(...(Array.from({ length: 60 }, () => 'multiple') as Question['type'][]));
    expect(codes(checkDefinition(long), 'warning')).toContain('too_long');
  });
});
