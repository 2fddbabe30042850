/**
 * What each questionnaire version says about its variables: which hold personal data (questions
 * flagged `personal`, and their "other, please specify" texts) and how to label an answer.
 */
import type { Locale } from '../../shared/locale';
import {
  definitionSchema,
  hasChoices,
  textIn,
  variablesOf,
  type Question,
  type SurveyDefinition,
} from '../../shared/questionnaire/model';
import type { Db } from '../db/connection';

export interface VersionFacts {
  id: string;
  versionNo: number;
  surveyTitle: string;
  surveyCode: string;
  definition: SurveyDefinition;
  /** Stored variable names holding personal data. */
  personal: Set<string>;
  /** Stored variable name -> its question (an `_other` text maps to its choice question). */
  questions: Map<string, Question>;
}

interface VersionRow {
  id: string;
  version_no: number;
  definition: string;
  title: string;
  code: string;
}

/** The stored variables of a version: each question's, plus `<name>_other` for "other" choices. */
function variableMap(definition: SurveyDefinition): Map<string, Question> {
  const map = new Map<string, Question>();
  for (const { name, question } of variablesOf(definition)) {
    map.set(name, question);
    if (hasChoices(question) && question.choices.some((c) => c.other)) {
      map.set(`${name}_other`, question);
    }
  }
  return map;
}

/** Reads every version once per call; a privacy operation touches few of them. */
export function versionCatalog(db: Db): (versionId: string) => VersionFacts {
  const read = db.prepare<[string], VersionRow>(
    `SELECT v.id, v.version_no, v.definition, s.title, s.code
       FROM survey_versions v JOIN surveys s ON s.id = v.survey_id WHERE v.id = ?`,
  );
  const cache = new Map<string, VersionFacts>();
  return (versionId) => {
    const cached = cache.get(versionId);
    if (cached) return cached;
    const row = read.get(versionId);
    if (!row) throw new Error(`survey version ${versionId} is missing`);
    const definition = definitionSchema.parse(JSON.parse(row.definition));
    const questions = variableMap(definition);
    const personal = new Set([...questions].filter(([, q]) => q.personal).map(([name]) => name));
    const facts: VersionFacts = {
      id: row.id,
      versionNo: row.version_no,
      surveyTitle: row.title,
      surveyCode: row.code,
      definition,
      personal,
      questions,
    };
    cache.set(versionId, facts);
    return facts;
  };
}

/** Every version id with its personal variables (for searching and purging across surveys). */
export function personalVariablesByVersion(db: Db): Map<string, string[]> {
  const catalog = versionCatalog(db);
  const ids = db.prepare<[], { id: string }>('SELECT id FROM survey_versions').all();
  const out = new Map<string, string[]>();
  for (const { id } of ids) {
    const personal = [...catalog(id).personal];
    if (personal.length > 0) out.set(id, personal);
  }
  return out;
}

/** The question text and the answer with choice codes replaced by labels, in `locale`. */
export function labelAnswer(
  facts: VersionFacts,
  variable: string,
  value: number | string | string[] | null,
  locale: Locale,
): { question: string; label: string } {
  const lang = locale;
  const fallback = facts.definition.defaultLanguage;
  const question = facts.questions.get(variable);
  if (!question) return { question: variable, label: formatValue(value) };
  let questionText = textIn(question.label, lang, fallback);
  if (question.type === 'matrix') {
    const item = question.items.find((i) => i.name === variable);
    if (item) questionText = `${questionText} - ${textIn(item.label, lang, fallback)}`;
  }
  if (variable.endsWith('_other') && variable !== question.name) {
    return {
      question: `${questionText} (${lang === 'zh-CN' ? '其他' : 'other'})`,
      label: formatValue(value),
    };
  }
  if (hasChoices(question)) {
    const labelOf = (code: string) =>
      textIn(question.choices.find((c) => c.value === code)?.label, lang, fallback) || code;
    const label = Array.isArray(value)
      ? value.map(labelOf).join(lang === 'zh-CN' ? '、' : ', ')
      : typeof value === 'string'
        ? labelOf(value)
        : formatValue(value);
    return { question: questionText, label };
  }
  if ((question.type === 'likert' || question.type === 'matrix') && typeof value === 'number') {
    const point = textIn(question.pointLabels[value - 1], lang, fallback);
    return { question: questionText, label: point ? `${value} ${point}` : String(value) };
  }
  return { question: questionText, label: formatValue(value) };
}

function formatValue(value: number | string | string[] | null): string {
  if (value === null) return '';
  return Array.isArray(value) ? value.join(', ') : String(value);
}
