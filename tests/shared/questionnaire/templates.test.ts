import { describe, expect, it } from 'vitest';
import { checkDefinition } from '../../../shared/questionnaire/check';
import { estimateSeconds } from '../../../shared/questionnaire/estimate';
import { allQuestions, definitionSchema, variablesOf } from '../../../shared/questionnaire/model';
import { TEMPLATES, TEMPLATE_IDS } from '../../../shared/questionnaire/templates';

describe('built-in templates', () => {
  it.each(TEMPLATE_IDS)('%s is a valid definition with no errors in the form check', (id) => {
    const definition = definitionSchema.parse(TEMPLATES[id]);
    expect(checkDefinition(definition).filter((p) => p.severity === 'error')).toEqual([]);
  });

  it.each(TEMPLATE_IDS)('%s is complete in Chinese and English (no missing translations)', (id) => {
    const problems = checkDefinition(TEMPLATES[id]).filter((p) => p.code === 'missing_translation');
    expect(problems).toEqual([]);
  });

  it('customer service: five dimensions with three Likert items each, overall, NPS and two open questions', () => {
    const t = TEMPLATES['customer-service'];
    expect(t.dimensions).toHaveLength(5);
    for (const dimension of t.dimensions) {
      const items = allQuestions(t).filter((q) => q.type === 'likert' && q.dimension === dimension.id);
      expect(items).toHaveLength(3);
    }
    const names = variablesOf(t).map((v) => v.name);
    expect(names).toEqual(expect.arrayContaining(['overall', 'nps', 'improve', 'memorable', 'customer_id', 'callback', 'phone']));
    expect(allQuestions(t).filter((q) => q.personal).map((q) => q.name)).toEqual(['contact_name', 'phone']);
    expect(t.targets[0]).toMatchObject({ metric: 'responsiveness', baseline: 3.5, target: 4.2 });
  });

  it('customer service takes 5-8 minutes by the estimate', () => {
    const minutes = estimateSeconds(TEMPLATES['customer-service']) / 60;
    expect(minutes).toBeGreaterThanOrEqual(4);
    expect(minutes).toBeLessThanOrEqual(8);
  });

  it('trade show has at most eight questions and asks for contact details only after consent', () => {
    const t = TEMPLATES['trade-show'];
    expect(allQuestions(t).length).toBeLessThanOrEqual(8);
    for (const q of allQuestions(t).filter((q) => q.personal)) expect(q.relevant).toBe("${lead_ok} = 'yes'");
  });
});
