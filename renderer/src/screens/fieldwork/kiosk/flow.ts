/**
 * The kiosk's path through a questionnaire: one question per screen, in questionnaire order,
 * only the questions skip logic shows for the answers so far. Pure functions: answers in, result out.
 */
import type { Locale } from '../../../../../shared/locale';
import {
  allQuestions,
  hasChoices,
  type Question,
  type SurveyDefinition,
  type SurveyLanguage,
} from '../../../../../shared/questionnaire/model';
import {
  visiblePages,
  type AnswerValue,
  type Answers,
} from '../../../../../shared/questionnaire/runtime';

/** The questions on the respondent's path now, one screen each. */
export function kioskScreens(definition: SurveyDefinition, answers: Answers): Question[] {
  return visiblePages(definition, answers).flatMap((page) => page.questions);
}

/** Answered with one tap (scale point, choice): saved and advanced without a Next button. */
export function isSingleTap(question: Question): boolean {
  switch (question.type) {
    case 'likert':
    case 'nps':
    case 'single':
    case 'range':
    case 'dropdown':
      return true;
    default:
      return false;
  }
}

/** "Other, please specify" asks for a text too: that choice waits for Next instead of advancing. */
export function choiceNeedsText(question: Question, value: AnswerValue): boolean {
  return hasChoices(question) && question.choices.some((c) => c.other && c.value === value);
}

/** The variables a question stores: its own name, matrix items, and the "other" text. */
export function variablesOf(question: Question): string[] {
  if (question.type === 'matrix') return question.items.map((item) => item.name);
  if (question.type === 'note' || question.type === 'calculate') return [];
  const names = [question.name];
  if (hasChoices(question) && question.choices.some((c) => c.other))
    names.push(`${question.name}_other`);
  return names;
}

function otherSelected(question: Question, answers: Answers): boolean {
  if (!hasChoices(question)) return false;
  const value = answers[question.name];
  const selected = Array.isArray(value) ? value : [value];
  return question.choices.some((c) => c.other && selected.includes(c.value));
}

/**
 * Answers the respondent can no longer see: questions hidden by a changed answer (the lead
 * fields after "yes" became "no") and "other" texts whose choice was unselected. They are
 * cleared, so nothing personal is kept that the respondent took back.
 */
export function staleAnswers(definition: SurveyDefinition, answers: Answers): string[] {
  const shown = new Set<string>();
  for (const question of kioskScreens(definition, answers)) {
    for (const name of variablesOf(question)) {
      if (name === `${question.name}_other` && !otherSelected(question, answers)) continue;
      shown.add(name);
    }
  }
  const calculated = new Set(
    allQuestions(definition)
      .filter((q) => q.type === 'calculate')
      .map((q) => q.name),
  );
  return Object.keys(answers).filter(
    (name) => !shown.has(name) && !calculated.has(name) && answers[name] !== null,
  );
}

/** The screen after `name` on the current path, or null at the end. */
export function nextScreen(screens: Question[], name: string | null): Question | null {
  const index = screens.findIndex((q) => q.name === name);
  return screens[index + 1] ?? null;
}

export function previousScreen(screens: Question[], name: string | null): Question | null {
  const index = screens.findIndex((q) => q.name === name);
  return index > 0 ? (screens[index - 1] ?? null) : null;
}

/** The survey language to start in: the app's language when the survey has it, else its default. */
export function initialLanguage(definition: SurveyDefinition, appLocale: Locale): SurveyLanguage {
  return definition.languages.includes(appLocale) ? appLocale : definition.defaultLanguage;
}

/** The interface language for a survey language (traditional Chinese uses the Chinese texts). */
export function interfaceLocale(lang: SurveyLanguage): Locale {
  return lang === 'en' ? 'en' : 'zh-CN';
}

/** A language's name written in itself, so every visitor finds theirs. */
export const LANGUAGE_NAMES: Record<SurveyLanguage, string> = {
  'zh-CN': '简体中文',
  'zh-TW': '繁體中文',
  en: 'English',
};
