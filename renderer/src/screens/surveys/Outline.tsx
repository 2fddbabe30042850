/**
 * Pages and questions in order. Reorder by dragging, or with the keyboard: Alt+↑/↓ moves the
 * focused question (across pages at the edges), Ctrl+D duplicates, Delete removes (undo brings
 * it back).
 */
import { useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  addPage,
  addQuestion,
  deletePage,
  deleteQuestion,
  duplicateQuestion,
  movePage,
  moveQuestion,
  moveQuestionTo,
  newQuestion,
} from '../../../../shared/questionnaire/edit';
import { QUESTION_TYPES, textIn, type QuestionType } from '../../../../shared/questionnaire/model';
import { newId, useDesignerStore } from '../../stores/designer';

export const TYPE_CODES: Record<QuestionType, string> = {
  likert: '1-5',
  nps: '0-10',
  single: '◉',
  multiple: '☑',
  dropdown: '▾',
  range: '↔',
  number: '#',
  text: 'Aa',
  date: '31',
  matrix: '▦',
  note: 'ℹ',
  calculate: 'ƒ',
};

/** Marks a question or page that has skip logic; the expression shows on hover. */
function LogicMark({ title }: { title: string }) {
  return (
    <svg className="logic-mark" viewBox="0 0 16 16" width="16" height="16" role="img" aria-label={title}>
      <title>{title}</title>
      <path d="M4 2v5a3 3 0 0 0 3 3h5M10 7l3 3-3 3" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}

export function Outline() {
  const { t } = useTranslation();
  const definition = useDesignerStore((s) => s.definition)!;
  const selection = useDesignerStore((s) => s.selection);
  const problems = useDesignerStore((s) => s.problems);
  const { edit, select } = useDesignerStore.getState();
  const [adding, setAdding] = useState<string | null>(null);
  const [dragging, setDragging] = useState<string | null>(null);
  const lang = definition.defaultLanguage;
  const withErrors = new Set(problems.filter((p) => p.severity === 'error').map((p) => p.questionId));

  const onQuestionKey = (event: KeyboardEvent, questionId: string) => {
    if (event.altKey && (event.key === 'ArrowUp' || event.key === 'ArrowDown')) {
      event.preventDefault();
      edit((d) => moveQuestion(d, questionId, event.key === 'ArrowUp' ? -1 : 1));
      requestAnimationFrame(() => document.querySelector<HTMLElement>(`[data-outline-question="${questionId}"]`)?.focus());
    } else if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'd') {
      event.preventDefault();
      const result = duplicateQuestion(definition, questionId, newId);
      edit(() => result.definition, { kind: 'question', id: result.id });
    } else if (event.key === 'Delete') {
      event.preventDefault();
      edit((d) => deleteQuestion(d, questionId), { kind: 'survey' });
    }
  };

  const add = (pageId: string, type: QuestionType) => {
    const question = newQuestion(definition, type, newId);
    const after = selection.kind === 'question' && definition.pages.find((p) => p.id === pageId)?.questions.some((q) => q.id === selection.id) ? selection.id : null;
    edit((d) => addQuestion(d, pageId, question, after), { kind: 'question', id: question.id });
    setAdding(null);
  };

  return (
    <nav className="outline" aria-label={t('designer.outline')}>
      <button type="button" className={selection.kind === 'survey' ? 'outline-item survey selected' : 'outline-item survey'} onClick={() => select({ kind: 'survey' })}>
        ⚙ {t('designer.surveySettings')}
      </button>
      {definition.pages.map((page, pageIndex) => (
        <div
          key={page.id}
          className="outline-page"
          onDragOver={(e) => {
            if (dragging) e.preventDefault();
          }}
          onDrop={(e) => {
            e.preventDefault();
            if (dragging) edit((d) => moveQuestionTo(d, dragging, page.id, page.questions.length));
            setDragging(null);
          }}
        >
          <div className={selection.kind === 'page' && selection.id === page.id ? 'outline-page-head selected' : 'outline-page-head'}>
            <button type="button" className="outline-page-title" onClick={() => select({ kind: 'page', id: page.id })}>
              {textIn(page.title, lang) || t('designer.pageN', { n: pageIndex + 1 })}
              {page.relevant && <LogicMark title={page.relevant} />}
            </button>
            <button type="button" className="icon-button" aria-label={t('designer.moveUp')} disabled={pageIndex === 0} onClick={() => edit((d) => movePage(d, page.id, -1))}>
              ↑
            </button>
            <button type="button" className="icon-button" aria-label={t('designer.moveDown')} disabled={pageIndex === definition.pages.length - 1} onClick={() => edit((d) => movePage(d, page.id, 1))}>
              ↓
            </button>
            <button type="button" className="icon-button" aria-label={t('designer.deletePage')} disabled={definition.pages.length <= 1} onClick={() => edit((d) => deletePage(d, page.id), { kind: 'survey' })}>
              ✕
            </button>
          </div>
          <ol className="outline-questions">
            {page.questions.map((question, index) => (
              <li
                key={question.id}
                draggable
                onDragStart={() => setDragging(question.id)}
                onDragEnd={() => setDragging(null)}
                onDragOver={(e) => e.preventDefault()}
                onDrop={(e) => {
                  e.preventDefault();
                  e.stopPropagation();
                  if (dragging && dragging !== question.id) edit((d) => moveQuestionTo(d, dragging, page.id, index));
                  setDragging(null);
                }}
              >
                <button
                  type="button"
                  data-outline-question={question.id}
                  data-name={question.name}
                  className={`outline-item${selection.kind === 'question' && selection.id === question.id ? ' selected' : ''}${withErrors.has(question.id) ? ' has-error' : ''}`}
                  onClick={() => select({ kind: 'question', id: question.id })}
                  onKeyDown={(e) => onQuestionKey(e, question.id)}
                  title={t('designer.outlineKeys')}
                >
                  <span className="type-code" aria-label={t(`qtype.${question.type}`)}>
                    {TYPE_CODES[question.type]}
                  </span>
                  <span className="outline-text">
                    <span className="mono small">{question.name}</span>
                    <span className="outline-label">{textIn(question.label, lang) || (question.type === 'calculate' ? question.calculation : '—')}</span>
                  </span>
                  {question.relevant && <LogicMark title={question.relevant} />}
                </button>
              </li>
            ))}
          </ol>
          {adding === page.id ? (
            <div className="type-menu" role="menu">
              {QUESTION_TYPES.map((type) => (
                <button key={type} type="button" role="menuitem" data-add-type={type} onClick={() => add(page.id, type)}>
                  <span className="type-code">{TYPE_CODES[type]}</span> {t(`qtype.${type}`)}
                </button>
              ))}
              <button type="button" className="button ghost small" onClick={() => setAdding(null)}>
                {t('common.cancel')}
              </button>
            </div>
          ) : (
            <button type="button" className="button ghost small add-question" data-action="add-question" onClick={() => setAdding(page.id)}>
              + {t('designer.addQuestion')}
            </button>
          )}
        </div>
      ))}
      <button
        type="button"
        className="button ghost small"
        onClick={() => {
          const result = addPage(definition, newId, selection.kind === 'page' ? selection.id : null);
          edit(() => result.definition, { kind: 'page', id: result.id });
        }}
      >
        + {t('designer.addPage')}
      </button>
    </nav>
  );
}
