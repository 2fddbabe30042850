/**
 * Step 3: the questionnaire page by page. Skip logic follows the answers live; Next shows what is
 * missing on the page instead of moving on; the last page finishes. Alt+→ / Alt+← move too.
 */
import { useEffect, useEffectEvent, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { textIn, type SurveyDefinition } from '../../../../../shared/questionnaire/model';
import type { Answers, VisiblePage } from '../../../../../shared/questionnaire/runtime';
import { QuestionView } from '../../../components/form/QuestionView';
import { answerProblemText } from '../../../components/form/answerProblem';
import { useInterviewStore } from '../../../stores/interview';
import { NotesPanel } from './NotesPanel';
import { answeredCount, pageNoOf, placeOf, problemsOn, type PagePlace } from './pages';

export function QuestionPages() {
  const definition = useInterviewStore((s) => s.definition);
  const answers = useInterviewStore((s) => s.answers);
  const pageNo = useInterviewStore((s) => s.pageNo);
  const place = useMemo(
    () => (definition ? placeOf(definition, answers, pageNo) : null),
    [definition, answers, pageNo],
  );
  if (!definition || !place?.current) return null;
  return (
    <PageView definition={definition} answers={answers} place={place} current={place.current} />
  );
}

interface PageViewProps {
  definition: SurveyDefinition;
  answers: Answers;
  place: PagePlace;
  current: VisiblePage;
}

function PageView({ definition, answers, place, current }: PageViewProps) {
  const { t } = useTranslation();
  const lang = useInterviewStore((s) => s.lang);
  const showProblems = useInterviewStore((s) => s.showProblems);
  const answer = useInterviewStore((s) => s.answer);
  const goTo = useInterviewStore((s) => s.goTo);
  const flush = useInterviewStore((s) => s.flush);
  const finish = useInterviewStore((s) => s.finish);
  const setShowProblems = useInterviewStore((s) => s.setShowProblems);
  const top = useRef<HTMLDivElement>(null);
  const { pages, index } = place;
  const problems = useMemo(() => problemsOn(current, answers), [current, answers]);
  const count = useMemo(() => answeredCount(pages, answers), [pages, answers]);
  const isLast = index + 1 >= pages.length;
  const fallback = definition.defaultLanguage;

  const next = () => {
    if (problems.size > 0) {
      setShowProblems(true);
      return;
    }
    if (isLast) void finish();
    else goTo(pageNoOf(definition, pages[index + 1]!));
  };
  const back = () => {
    if (index > 0) goTo(pageNoOf(definition, pages[index - 1]!));
  };

  const onKey = useEffectEvent((event: KeyboardEvent) => {
    if (!event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
    if (event.key === 'ArrowRight') next();
    else if (event.key === 'ArrowLeft') back();
    else return;
    // Alt+← would otherwise be the browser's "go back".
    event.preventDefault();
  });
  useEffect(() => {
    const listener = (event: KeyboardEvent) => onKey(event);
    window.addEventListener('keydown', listener);
    return () => window.removeEventListener('keydown', listener);
  }, []);

  // A new page starts at its top.
  useEffect(() => {
    top.current?.scrollIntoView({ block: 'start' });
  }, [current.page.id]);
  // Problems shown (Next refused, or the finish sent back here): the first one comes into view.
  useEffect(() => {
    if (showProblems)
      top.current?.querySelector('.question.has-problem')?.scrollIntoView({ block: 'center' });
  }, [showProblems, current.page.id]);

  return (
    <div className="iv-body">
      <div className="iv-main" ref={top}>
        <div className="iv-progress" data-testid="interview-progress">
          <div className="iv-progress-text">
            <strong data-testid="page-of">
              {t('form.progress', { page: index + 1, pages: pages.length })}
            </strong>
            <span className="muted" data-testid="answered-count">
              {t('interview.progress.answered', { answered: count.answered, total: count.total })}
            </span>
          </div>
          <div
            className="form-progress"
            role="progressbar"
            aria-valuemin={0}
            aria-valuemax={count.total}
            aria-valuenow={count.answered}
          >
            <div
              className="form-progress-bar"
              style={{ width: `${count.total ? (count.answered / count.total) * 100 : 0}%` }}
            />
          </div>
        </div>
        <h2 className="iv-page-title" data-page={current.page.id}>
          {textIn(current.page.title, lang, fallback)}
        </h2>
        {showProblems && problems.size > 0 && (
          <p className="notice-bar warn iv-page-problem" role="alert">
            {t('interview.progress.fixFirst')}
          </p>
        )}
        {/* Leaving a field sends its typed answer at once instead of after the pause. */}
        <div className="respondent-form iv-questions" lang={lang} onBlur={() => void flush()}>
          {current.questions.map((question) => {
            const problem = showProblems ? problems.get(question.id) : undefined;
            return (
              <QuestionView
                key={question.id}
                question={question}
                lang={lang}
                fallback={fallback}
                answers={answers}
                onAnswer={answer}
                problem={problem ? answerProblemText(problem, t, lang) : null}
              />
            );
          })}
        </div>
        <nav className="iv-nav">
          <button
            type="button"
            className="button secondary big"
            data-action="back"
            disabled={index === 0}
            onClick={back}
          >
            ← {t('form.back')}
          </button>
          <span className="muted iv-shortcuts">{t('interview.progress.shortcuts')}</span>
          <button
            type="button"
            className="button big"
            data-action={isLast ? 'finish' : 'next'}
            onClick={next}
          >
            {isLast ? t('form.finish') : `${t('form.next')} →`}
          </button>
        </nav>
      </div>
      <NotesPanel />
    </div>
  );
}
