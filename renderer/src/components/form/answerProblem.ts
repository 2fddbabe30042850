import type { TFunction } from 'i18next';
import { textIn, type SurveyLanguage } from '../../../../shared/questionnaire/model';
import type { AnswerProblem } from '../../../../shared/questionnaire/runtime';

/** The respondent-facing text of an answer problem, in the survey's language where it has one. */
export function answerProblemText(problem: AnswerProblem, t: TFunction, lang: SurveyLanguage): string {
  if (problem.code === 'constraint') {
    return textIn(problem.message, lang) || t('answer.constraint');
  }
  const { code, ...params } = problem;
  return t(`answer.${code}`, params);
}
