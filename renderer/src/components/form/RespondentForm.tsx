/**
 * The questionnaire page by page, as a respondent goes through it: consent, pages with skip logic
 * and validation, thank-you. Answers live with the caller (`answers`/`onAnswer`), so the preview
 * keeps them in memory and the entry screens commit each one as it is given.
 */
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { textIn, type SurveyDefinition, type SurveyLanguage } from '../../../../shared/questionnaire/model';
import { checkAnswer, visiblePages, type AnswerValue, type Answers } from '../../../../shared/questionnaire/runtime';
import { answerProblemText } from './answerProblem';
import { QuestionView } from './QuestionView';

export interface RespondentFormProps {
  definition: SurveyDefinition;
  lang: SurveyLanguage;
  answers: Answers;
  onAnswer: (name: string, value: AnswerValue) => void;
  /** Start at this page index (e.g. to follow the designer's selection). */
  initialPage?: number;
  onRestart?: () => void;
}

type Step = { kind: 'consent' } | { kind: 'page'; index: number } | { kind: 'done' };

export function RespondentForm({ definition, lang, answers, onAnswer, onRestart }: RespondentFormProps) {
  const { t } = useTranslation();
  const fallback = definition.defaultLanguage;
  const tx = (text: Record<string, string | undefined>) => textIn(text, lang, fallback);
  const pages = useMemo(() => visiblePages(definition, answers), [definition, answers]);
  const consentText = tx(definition.consent.text);
  const [step, setStep] = useState<Step>(consentText ? { kind: 'consent' } : { kind: 'page', index: 0 });
  const [showProblems, setShowProblems] = useState(false);

  const index = step.kind === 'page' ? Math.min(step.index, Math.max(0, pages.length - 1)) : 0;
  const current = pages[index];
  const problems = useMemo(() => {
    const map = new Map<string, string>();
    if (!current) return map;
    for (const question of current.questions) {
      const found = checkAnswer(question, answers)[0];
      if (found) map.set(question.id, answerProblemText(found, t, lang));
    }
    return map;
  }, [current, answers, t, lang]);

  const next = () => {
    if (problems.size > 0) {
      setShowProblems(true);
      return;
    }
    setShowProblems(false);
    setStep(index + 1 < pages.length ? { kind: 'page', index: index + 1 } : { kind: 'done' });
  };

  if (step.kind === 'consent') {
    return (
      <div className="respondent-form">
        <h2 className="form-title">{tx(definition.title)}</h2>
        {tx(definition.description) && <p className="form-description">{tx(definition.description)}</p>}
        <div className="consent-box">{consentText}</div>
        <div className="form-nav">
          <span />
          <button type="button" className="button big" data-action="consent" onClick={() => setStep({ kind: 'page', index: 0 })}>
            {t('form.agree')}
          </button>
        </div>
      </div>
    );
  }
  if (step.kind === 'done' || !current) {
    return (
      <div className="respondent-form done">
        <h2 className="form-title">{tx(definition.thankYou) || t('form.thanks')}</h2>
        {onRestart && (
          <button type="button" className="button secondary" onClick={() => { onRestart(); setStep(consentText ? { kind: 'consent' } : { kind: 'page', index: 0 }); }}>
            {t('form.restart')}
          </button>
        )}
      </div>
    );
  }
  return (
    <div className="respondent-form">
      <div className="form-progress" aria-label={t('form.progress', { page: index + 1, pages: pages.length })}>
        <div className="form-progress-bar" style={{ width: `${((index + 1) / pages.length) * 100}%` }} />
      </div>
      <h3 className="page-title">{tx(current.page.title)}</h3>
      {current.questions.map((question) => (
        <QuestionView key={question.id} question={question} lang={lang} fallback={fallback} answers={answers} onAnswer={onAnswer} problem={showProblems ? problems.get(question.id) : null} />
      ))}
      <div className="form-nav">
        <button type="button" className="button secondary" disabled={index === 0} onClick={() => setStep({ kind: 'page', index: index - 1 })}>
          {t('form.back')}
        </button>
        <span className="muted">{t('form.progress', { page: index + 1, pages: pages.length })}</span>
        <button type="button" className="button" data-action="next" onClick={next}>
          {index + 1 < pages.length ? t('form.next') : t('form.finish')}
        </button>
      </div>
    </div>
  );
}
