/**
 * What changed between two questionnaire versions, and which changes would make old responses
 * incomparable. Variables are compared by name across every published version, so a name that
 * was dropped and later reused for a different kind of question is caught too.
 */
import { textIn, variablesOf, type Question, type SurveyDefinition, type SurveyLanguage } from './model';

/** What a variable measures; responses are comparable across versions only when this matches. */
export function measurementOf(question: Question): string {
  switch (question.type) {
    case 'likert':
    case 'matrix':
      return `scale${question.points}${question.type === 'likert' && question.reverse ? 'r' : ''}`;
    case 'single':
    case 'dropdown':
    case 'range':
      return 'one-choice';
    case 'multiple':
      return 'many-choices';
    case 'nps':
      return 'nps';
    case 'number':
      return 'number';
    case 'text':
      return 'text';
    case 'date':
      return `date-${question.mode}`;
    case 'calculate':
      return 'calculated';
    case 'note':
      return 'none';
  }
}

function matrixItemMeasurement(question: Extract<Question, { type: 'matrix' }>, itemName: string): string {
  const item = question.items.find((i) => i.name === itemName);
  return `scale${question.points}${item?.reverse ? 'r' : ''}`;
}

export type VariableSignature = Map<string, { measurement: string; versionNo: number }>;

export function signatureOf(definition: SurveyDefinition, versionNo: number): VariableSignature {
  const map: VariableSignature = new Map();
  for (const { name, question } of variablesOf(definition)) {
    const measurement = question.type === 'matrix' ? matrixItemMeasurement(question, name) : measurementOf(question);
    map.set(name, { measurement, versionNo });
  }
  return map;
}

export interface VariableChange {
  name: string;
  label: string;
  /** added / removed / label, choices, logic or other edits / an incompatible change. */
  kind: 'added' | 'removed' | 'edited' | 'incompatible';
  detail: string;
}

export interface ChangeSummary {
  changes: VariableChange[];
  incompatible: VariableChange[];
}

function choiceValues(question: Question): string[] {
  return 'choices' in question ? question.choices.map((c) => c.value) : [];
}

function describeEdit(before: Question, after: Question): string[] {
  const edits: string[] = [];
  if (JSON.stringify(before.label) !== JSON.stringify(after.label)) edits.push('label');
  if (before.relevant !== after.relevant) edits.push('skip logic');
  if (before.constraint !== after.constraint) edits.push('validation');
  if (before.required !== after.required) edits.push('required');
  if (before.dimension !== after.dimension || before.weight !== after.weight) edits.push('dimension/weight');
  const removedChoices = choiceValues(before).filter((v) => !choiceValues(after).includes(v));
  const addedChoices = choiceValues(after).filter((v) => !choiceValues(before).includes(v));
  if (removedChoices.length) edits.push(`choices removed: ${removedChoices.join(', ')}`);
  if (addedChoices.length) edits.push(`choices added: ${addedChoices.join(', ')}`);
  return edits;
}

/**
 * Compares a draft with the previous published version (`previous`, may be null) and with the
 * signature of all published versions (`history`), in `lang` for labels.
 */
export function summarizeChanges(
  previous: SurveyDefinition | null,
  draft: SurveyDefinition,
  history: VariableSignature,
  lang: SurveyLanguage,
): ChangeSummary {
  const before = new Map(previous ? variablesOf(previous).map((v) => [v.name, v.question]) : []);
  const draftSignature = signatureOf(draft, 0);
  const changes: VariableChange[] = [];
  const incompatible: VariableChange[] = [];

  for (const { name, question } of variablesOf(draft)) {
    const label = textIn(question.label, lang, draft.defaultLanguage);
    const earlier = history.get(name);
    const now = draftSignature.get(name)!.measurement;
    if (earlier && earlier.measurement !== now) {
      const change: VariableChange = {
        name,
        label,
        kind: 'incompatible',
        detail: `${earlier.measurement} (v${earlier.versionNo}) -> ${now}`,
      };
      incompatible.push(change);
      changes.push(change);
      continue;
    }
    const old = before.get(name);
    if (!old) {
      changes.push({ name, label, kind: 'added', detail: question.type });
      continue;
    }
    const edits = describeEdit(old, question);
    if (edits.length) changes.push({ name, label, kind: 'edited', detail: edits.join('; ') });
  }
  for (const [name, question] of before) {
    if (!draftSignature.has(name)) {
      changes.push({
        name,
        label: textIn(question.label, lang, previous?.defaultLanguage),
        kind: 'removed',
        detail: question.type,
      });
    }
  }
  return { changes, incompatible };
}
