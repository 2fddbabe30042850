/** The answers in questionnaire order, labelled in the UI language; unanswered ones say so. */
import { useTranslation } from 'react-i18next';
import type { SurveyDefinition, SurveyLanguage } from '../../../../shared/questionnaire/model';
import { visiblePages, type Answers } from '../../../../shared/questionnaire/runtime';
import { answerRows, answerText } from './format';

export function AnswerList({
  definition,
  answers,
  lang,
}: {
  definition: SurveyDefinition;
  answers: Answers;
  lang: SurveyLanguage;
}) {
  const { t } = useTranslation();
  // Questions the skip logic hid were never asked: say so, rather than "not answered".
  const asked = new Set(
    visiblePages(definition, answers).flatMap((p) => p.questions.map((q) => q.id)),
  );
  const rows = answerRows(definition, lang).filter(
    (row) => !row.name.endsWith('_other') || answers[row.name] !== undefined,
  );
  return (
    <dl className="answer-list" data-testid="answers">
      {rows.map((row) => {
        const notAsked = !asked.has(row.question.id) && answers[row.name] === undefined;
        const text = answerText(
          row.question,
          row.name,
          answers[row.name],
          lang,
          definition.defaultLanguage,
        );
        return (
          <div
            key={row.name}
            className={notAsked ? 'answer-row not-asked' : 'answer-row'}
            data-answer={row.name}
          >
            <dt>
              {row.label}
              <span className="variable mono">{row.name}</span>
            </dt>
            <dd className={text ? undefined : 'muted'}>
              {text || t(notAsked ? 'register.detail.notAsked' : 'register.detail.unanswered')}
            </dd>
          </div>
        );
      })}
    </dl>
  );
}
