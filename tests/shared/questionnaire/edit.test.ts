import { describe, expect, it } from 'vitest';
import {
  addPage,
  addQuestion,
  deleteDimension,
  deletePage,
  duplicateQuestion,
  moveQuestion,
  moveQuestionTo,
  newQuestion,
} from '../../../shared/questionnaire/edit';
import { blankDefinition } from '../../../shared/questionnaire/blank';
import {
  allQuestions,
  definitionSchema,
  type SurveyDefinition,
} from '../../../shared/questionnaire/model';
import { TEMPLATES } from '../../../shared/questionnaire/templates';

let counter = 0;
const newId = () => `id${++counter}`;

function names(definition: SurveyDefinition): string[][] {
  return definition.pages.map((p) => p.questions.map((q) => q.name));
}

function twoPages(): SurveyDefinition {
  let d = blankDefinition('zh-CN');
  for (let k = 0; k < 3; k++) d = addQuestion(d, 'p1', newQuestion(d, 'likert', newId));
  const page = addPage(d, newId);
  d = page.definition;
  d = addQuestion(d, page.id, newQuestion(d, 'text', newId));
  return d;
}

describe('questionnaire edits', () => {
  it('never changes the definition it is given (undo relies on it)', () => {
    const before = twoPages();
    const frozen = JSON.stringify(before);
    moveQuestion(before, before.pages[0]!.questions[0]!.id, 1);
    deletePage(before, before.pages[1]!.id);
    expect(JSON.stringify(before)).toBe(frozen);
  });

  it('names new questions q1, q2... and every new question type is a valid definition', () => {
    let d = blankDefinition('en');
    for (const type of [
      'likert',
      'nps',
      'single',
      'multiple',
      'dropdown',
      'range',
      'number',
      'text',
      'date',
      'matrix',
      'note',
      'calculate',
    ] as const) {
      d = addQuestion(d, 'p1', newQuestion(d, type, newId));
    }
    expect(
      allQuestions(d)
        .map((q) => q.name)
        .slice(0, 3),
    ).toEqual(['q1', 'q2', 'q3']);
    expect(() => definitionSchema.parse(d)).not.toThrow();
  });

  it('moves a question down within its page, then across into the next page', () => {
    let d = twoPages();
    const id = d.pages[0]!.questions[1]!.id;
    d = moveQuestion(d, id, 1);
    expect(names(d)).toEqual([['q1', 'q3', 'q2'], ['q4']]);
    d = moveQuestion(d, id, 1);
    expect(names(d)).toEqual([
      ['q1', 'q3'],
      ['q2', 'q4'],
    ]);
  });

  it('drops a dragged question at a position in another page', () => {
    const d = twoPages();
    const moved = moveQuestionTo(d, d.pages[1]!.questions[0]!.id, 'p1', 0);
    expect(names(moved)).toEqual([['q4', 'q1', 'q2', 'q3'], []]);
  });

  it('duplicates with a new id and a unique variable name placed right after the original', () => {
    const d = twoPages();
    const original = d.pages[0]!.questions[0]!;
    const result = duplicateQuestion(d, original.id, newId);
    expect(names(result.definition)[0]).toEqual(['q1', 'q1_copy', 'q2', 'q3']);
    expect(result.id).not.toBe(original.id);
    const again = duplicateQuestion(result.definition, original.id, newId);
    expect(names(again.definition)[0]).toContain('q1_copy_2');
  });

  it('deleting a page keeps its questions on the previous page', () => {
    const d = twoPages();
    const after = deletePage(d, d.pages[1]!.id);
    expect(names(after)).toEqual([['q1', 'q2', 'q3', 'q4']]);
  });

  it('deleting a dimension unassigns its questions instead of deleting them', () => {
    const t = TEMPLATES['customer-service'];
    const after = deleteDimension(t, 'responsiveness');
    expect(after.dimensions.map((d) => d.id)).not.toContain('responsiveness');
    expect(allQuestions(after)).toHaveLength(allQuestions(t).length);
    expect(allQuestions(after).find((q) => q.name === 'resp_1')?.dimension).toBeNull();
  });
});
