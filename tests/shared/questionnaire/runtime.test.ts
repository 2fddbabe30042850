import { describe, expect, it } from 'vitest';
import { allQuestions, type Question } from '../../../shared/questionnaire/model';
import { checkAnswer, toggleChoice, visiblePages, withCalculations } from '../../../shared/questionnaire/runtime';
import { TEMPLATES } from '../../../shared/questionnaire/templates';

const service = TEMPLATES['customer-service'];
const q = (name: string) => allQuestions(service).find((x) => x.name === name)!;
const shown = (answers: Record<string, string | number | string[] | null>) =>
  visiblePages(service, answers).flatMap((p) => p.questions.map((x) => x.name));

describe('running a questionnaire', () => {
  it('shows the phone questions only after "call me back" is chosen', () => {
    expect(shown({})).not.toContain('phone');
    expect(shown({ callback: 'no' })).not.toContain('phone');
    expect(shown({ callback: 'phone' })).toEqual(expect.arrayContaining(['contact_name', 'phone']));
  });

  it('requires an answer to a required question, and not to an optional one', () => {
    expect(checkAnswer(q('resp_1'), {})).toEqual([{ code: 'required' }]);
    expect(checkAnswer(q('improve'), {})).toEqual([]);
  });

  it('refuses a Likert value outside the scale', () => {
    expect(checkAnswer(q('resp_1'), { resp_1: 6 })).toEqual([{ code: 'out_of_scale', min: 1, max: 5 }]);
    expect(checkAnswer(q('nps'), { nps: 0 })).toEqual([]);
  });

  it('applies the phone constraint with its message', () => {
    expect(checkAnswer(q('phone'), { phone: '+86 138 0013 8000' })).toEqual([]);
    const [problem] = checkAnswer(q('phone'), { phone: 'call me' });
    expect(problem).toMatchObject({ code: 'constraint' });
  });

  it('asks for the text of "other" when other is chosen', () => {
    expect(checkAnswer(q('service_type'), { service_type: ['other'] })).toEqual([{ code: 'other_missing' }]);
    expect(checkAnswer(q('service_type'), { service_type: ['other'], service_type_other: '驻场' })).toEqual([]);
  });

  it('lets an exclusive "none" choice clear the others, and another choice clear "none"', () => {
    const interest = allQuestions(TEMPLATES['trade-show']).find((x) => x.name === 'interest') as Extract<Question, { type: 'multiple' }>;
    expect(toggleChoice(interest, ['crm', 'analytics'], 'none')).toEqual(['none']);
    expect(toggleChoice(interest, ['none'], 'crm')).toEqual(['crm']);
    expect(toggleChoice(interest, ['crm'], 'crm')).toEqual([]);
  });

  it('computes calculated fields in order', () => {
    const definition = structuredClone(service);
    definition.pages[0]!.questions.push({
      id: 'c',
      name: 'resp_mean',
      type: 'calculate',
      calculation: '(${resp_1} + ${resp_2} + ${resp_3}) div 3',
      label: {},
      hint: {},
      required: false,
      relevant: '',
      constraint: '',
      constraintMessage: {},
      dimension: null,
      weight: 1,
      personal: false,
    });
    expect(withCalculations(definition, { resp_1: 3, resp_2: 4, resp_3: 5 }).resp_mean).toBe(4);
  });
});
