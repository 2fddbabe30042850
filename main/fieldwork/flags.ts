/**
 * Quality flags (剔除无效问卷): each rule flags, never deletes, and says why. Pure functions:
 * data in, flags out; the thresholds come from settings.
 */
import { allQuestions, variablesOf, type SurveyDefinition } from '../../shared/questionnaire/model';
import { checkAnswer, visiblePages, type Answers } from '../../shared/questionnaire/runtime';
import { type CleaningRules, type FlagRule, type QualityFlag } from '../../shared/responses';

export { DEFAULT_CLEANING_RULES, type CleaningRules } from '../../shared/responses';

export interface FlagSubject {
  definition: SurveyDefinition;
  answers: Answers;
  startedAt: string;
  completedAt: string | null;
}

function flag(rule: FlagRule, detail: Record<string, string | number>): QualityFlag {
  return { rule, detail, override: null };
}

/** The scale answers (Likert, matrix items) with their scale's top point. */
function scaleAnswers(definition: SurveyDefinition, answers: Answers): { value: number; max: number }[] {
  const out: { value: number; max: number }[] = [];
  for (const { name, question } of variablesOf(definition)) {
    if (question.type !== 'likert' && question.type !== 'matrix') continue;
    const value = answers[name];
    if (typeof value === 'number') out.push({ value, max: question.points });
  }
  return out;
}

/** Flags of one response on its own (duplicates need the whole wave: see findDuplicates). */
export function flagsFor(subject: FlagSubject, rules: CleaningRules): QualityFlag[] {
  const flags: QualityFlag[] = [];
  const { definition, answers } = subject;
  if (subject.completedAt) {
    const seconds = (Date.parse(subject.completedAt) - Date.parse(subject.startedAt)) / 1000;
    if (seconds >= 0 && seconds < rules.tooFastSeconds) flags.push(flag('too_fast', { seconds: Math.round(seconds), limit: rules.tooFastSeconds }));
  }
  const scales = scaleAnswers(definition, answers);
  if (scales.length >= rules.straightLiningMinItems) {
    const first = scales[0]!.value;
    const allSame = scales.every((s) => s.value === first);
    const extreme = scales.every((s) => s.value === 1) || scales.every((s) => s.value === s.max);
    if (allSame && extreme) flags.push(flag('straight_lining', { value: first, items: scales.length }));
  }
  const missing = rules.keyFields.filter((name) => {
    const v = answers[name];
    return v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0);
  });
  if (missing.length) flags.push(flag('missing_key', { fields: missing.join(', ') }));
  const shown = new Set(visiblePages(definition, answers).flatMap((p) => p.questions.map((q) => q.id)));
  const wrong = allQuestions(definition)
    .filter((q) => shown.has(q.id))
    .flatMap((q) => checkAnswer(q, answers).filter((p) => p.code !== 'required').map(() => q.name));
  if (wrong.length) flags.push(flag('wrong_value', { fields: [...new Set(wrong)].join(', ') }));
  return flags;
}

export interface DuplicateCandidate {
  id: string;
  customerId: string | null;
  batchId: string | null;
  cardNo: string | null;
  answers: Answers;
  startedAt: string;
}

/**
 * Duplicates within a wave: the same customer twice, the same paper card twice, or identical
 * answers. The earliest response stays unflagged; later ones are flagged with the first one's id.
 */
export function findDuplicates(candidates: DuplicateCandidate[]): Map<string, QualityFlag> {
  const ordered = [...candidates].sort((a, b) => a.startedAt.localeCompare(b.startedAt) || a.id.localeCompare(b.id));
  const seen = new Map<string, string>();
  const out = new Map<string, QualityFlag>();
  for (const c of ordered) {
    const answerKey = JSON.stringify(Object.keys(c.answers).sort().map((k) => [k, c.answers[k]]));
    const keys: [string, string][] = [];
    if (c.customerId) keys.push(['customer', `c:${c.customerId}`]);
    if (c.batchId && c.cardNo) keys.push(['card', `p:${c.batchId}:${c.cardNo}`]);
    if (Object.keys(c.answers).length >= 3) keys.push(['answers', `a:${answerKey}`]);
    for (const [why, key] of keys) {
      const first = seen.get(key);
      if (first && !out.has(c.id)) out.set(c.id, flag('duplicate', { of: first, why }));
    }
    for (const [, key] of keys) if (!seen.has(key)) seen.set(key, c.id);
  }
  return out;
}

/** New flags replace old ones of the same rule, but a reviewer's override is kept. */
export function mergeFlags(previous: QualityFlag[], next: QualityFlag[]): QualityFlag[] {
  return next.map((f) => ({ ...f, override: previous.find((p) => p.rule === f.rule)?.override ?? null }));
}

/** Whether a response takes part in analysis: complete, and no flag left standing. */
export function isAnalysable(status: string, flags: QualityFlag[]): boolean {
  return status === 'complete' && flags.every((f) => f.override?.keep === true);
}
