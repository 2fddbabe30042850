import { describe, expect, it } from 'vitest';
import { signatureOf, summarizeChanges } from '../../../shared/questionnaire/changes';
import { updateQuestion, deleteQuestion } from '../../../shared/questionnaire/edit';
import { allQuestions, type Question, type SurveyDefinition } from '../../../shared/questionnaire/model';
import { TEMPLATES } from '../../../shared/questionnaire/templates';

const v1 = TEMPLATES['after-sales'];
const idOf = (d: SurveyDefinition, name: string) => allQuestions(d).find((q) => q.name === name)!.id;

describe('version change summary', () => {
  it('lists added, removed and edited questions', () => {
    let v2 = updateQuestion(v1, idOf(v1, 'timeliness'), (q) => ({ ...q, label: { ...q.label, en: 'Staff came on time' } }));
    v2 = deleteQuestion(v2, idOf(v2, 'suggestion'));
    const summary = summarizeChanges(v1, v2, signatureOf(v1, 1), 'en');
    expect(summary.incompatible).toEqual([]);
    expect(summary.changes.map((c) => [c.kind, c.name])).toEqual([
      ['edited', 'timeliness'],
      ['removed', 'suggestion'],
    ]);
  });

  it('blocks turning a single choice into a multiple choice under the same name', () => {
    const v2 = updateQuestion(v1, idOf(v1, 'solved'), (q) => ({ ...q, type: 'multiple', minSelections: null, maxSelections: null }) as Question);
    const summary = summarizeChanges(v1, v2, signatureOf(v1, 1), 'en');
    expect(summary.incompatible.map((c) => c.name)).toEqual(['solved']);
  });

  it('blocks flipping a Likert item to reverse-coded, which would invert its scores', () => {
    const v2 = updateQuestion(v1, idOf(v1, 'timeliness'), (q) => ({ ...q, reverse: true }) as Question);
    expect(summarizeChanges(v1, v2, signatureOf(v1, 1), 'en').incompatible.map((c) => c.name)).toEqual(['timeliness']);
  });

  it('catches a variable name dropped in v2 and reused for another kind of question in v3', () => {
    const v2 = deleteQuestion(v1, idOf(v1, 'time_to_fix'));
    const history = new Map([...signatureOf(v1, 1), ...signatureOf(v2, 2)]);
    const v3 = updateQuestion(v2, idOf(v2, 'remaining'), (q) => ({ ...q, name: 'time_to_fix' }));
    const summary = summarizeChanges(v2, v3, history, 'en');
    expect(summary.incompatible.map((c) => c.name)).toEqual(['time_to_fix']);
  });

  it('allows a dropdown to become a single choice (the same measurement)', () => {
    const v2 = updateQuestion(v1, idOf(v1, 'service_kind'), (q) => ({ ...q, type: 'dropdown' }) as Question);
    expect(summarizeChanges(v1, v2, signatureOf(v1, 1), 'en').incompatible).toEqual([]);
  });
});
