/** One question per screen: progress at the top, the question large, Back and Next at the bottom. */
import { useState } from 'react';
import { textIn } from '../../../../../shared/questionnaire/model';
import type { AnswerValue, Answers } from '../../../../../shared/questionnaire/runtime';
import { answerProblemText } from '../../../components/form/answerProblem';
import { useKioskStore } from '../../../stores/kiosk';
import { choiceNeedsText, isSingleTap, kioskScreens, nextScreen, variablesOf } from './flow';
import { useKioskT } from './text';
import { AnswerWidget } from './widgets';
import './kiosk-question.css';

export function QuestionScreen() {
  const t = useKioskT();
  const survey = useKioskStore((s) => s.survey);
  const lang = useKioskStore((s) => s.lang);
  const answers = useKioskStore((s) => s.answers);
  const current = useKioskStore((s) => s.current);
  const problem = useKioskStore((s) => s.problem);
  const saving = useKioskStore((s) => s.saving);
  const saveFailed = useKioskStore((s) => s.saveFailed);
  const tap = useKioskStore((s) => s.tap);
  const submit = useKioskStore((s) => s.submit);
  const back = useKioskStore((s) => s.back);
  // The screen is keyed by question, so the draft starts from the committed answers each time.
  const [draft, setDraft] = useState<Answers>(() => {
    const question = survey?.definition.pages
      .flatMap((p) => p.questions)
      .find((q) => q.name === current);
    return Object.fromEntries(
      (question ? variablesOf(question) : []).map((name) => [name, answers[name] ?? null]),
    );
  });

  if (!survey) return null;
  const { definition } = survey;
  const screens = kioskScreens(definition, { ...answers, ...draft });
  const index = screens.findIndex((q) => q.name === current);
  const question = screens[index];
  if (!question) return null;
  const fallback = definition.defaultLanguage;
  const singleTap = isSingleTap(question);
  const value = answers[question.name];
  const showNext =
    !singleTap ||
    choiceNeedsText(question, value ?? null) ||
    (value !== undefined && value !== null);
  const isLast = nextScreen(screens, question.name) === null;
  const hint = textIn(question.hint, lang, fallback);
  const onDraft = (name: string, next: AnswerValue) => setDraft((d) => ({ ...d, [name]: next }));
  const onNext = () => {
    const values: Answers = { ...draft };
    if (singleTap) values[question.name] = value ?? null;
    void submit(values);
  };

  return (
    <div className="k-question-screen" data-testid="kiosk-question" data-question={question.name}>
      <header className="k-top">
        <div
          className="k-progress"
          role="progressbar"
          aria-valuemin={1}
          aria-valuemax={screens.length}
          aria-valuenow={index + 1}
        >
          <div
            className="k-progress-bar"
            style={{ width: `${((index + 1) / screens.length) * 100}%` }}
          />
        </div>
        <span className="k-progress-text">
          {t('kiosk.progress', { current: index + 1, total: screens.length })}
        </span>
      </header>
      <form
        className="k-body k-enter"
        onSubmit={(e) => {
          e.preventDefault();
          if (showNext) onNext();
        }}
      >
        <h1 className="k-label">
          {textIn(question.label, lang, fallback)}
          {question.required && question.type !== 'note' && (
            <span className="k-required" aria-label="required">
              *
            </span>
          )}
        </h1>
        {hint && <p className="k-question-hint">{hint}</p>}
        <AnswerWidget
          question={question}
          lang={lang}
          fallback={fallback}
          answers={answers}
          draft={draft}
          onTap={(name, v) => void tap(name, v)}
          onDraft={onDraft}
          t={t}
        />
        {problem && (
          <p className="k-problem" role="alert" data-testid="kiosk-problem">
            {answerProblemText(problem, t, lang)}
          </p>
        )}
        {saveFailed && (
          <p className="k-problem" role="alert">
            {t('kiosk.saveFailed')}
          </p>
        )}
        {/* Lets Enter on a text field submit the form. */}
        <button type="submit" hidden tabIndex={-1} />
      </form>
      <footer className="k-bottom">
        <button
          type="button"
          className={
            index === 0 ? 'k-button k-secondary k-back hidden' : 'k-button k-secondary k-back'
          }
          data-action="back"
          disabled={index === 0 || saving}
          onClick={back}
        >
          <span aria-hidden="true">←</span> {t('kiosk.back')}
        </button>
        {showNext && (
          <button
            type="button"
            className="k-button k-primary k-next"
            data-action="next"
            disabled={saving}
            onClick={onNext}
          >
            {saving ? t('kiosk.saving') : isLast ? t('kiosk.finish') : t('kiosk.next')}
            {!saving && <span aria-hidden="true"> →</span>}
          </button>
        )}
      </footer>
    </div>
  );
}
