/**
 * Editing a finished response on the questionnaire version it was taken on. Only changed
 * answers are sent, with the reviewer's comment; main keeps the old values in the history.
 */
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type {
  Question,
  SurveyDefinition,
  SurveyLanguage,
} from '../../../../shared/questionnaire/model';
import {
  checkAnswer,
  visiblePages,
  type AnswerValue,
  type Answers,
} from '../../../../shared/questionnaire/runtime';
import type { ResponseRecord } from '../../../../shared/responses';
import { answerProblemText } from '../../components/form/answerProblem';
import { QuestionView } from '../../components/form/QuestionView';
import { useResponsesStore } from '../../stores/responses';

function normalised(value: AnswerValue | undefined): AnswerValue {
  if (value === undefined || value === '' || (Array.isArray(value) && value.length === 0))
    return null;
  return value;
}

/** The answers that differ from the stored ones; a cleared answer is sent as null. */
function changedAnswers(before: Answers, after: Answers): Record<string, AnswerValue> {
  const out: Record<string, AnswerValue> = {};
  for (const name of new Set([...Object.keys(before), ...Object.keys(after)])) {
    const next = normalised(after[name]);
    if (JSON.stringify(normalised(before[name])) !== JSON.stringify(next)) out[name] = next;
  }
  return out;
}

/** Whether any variable of the question (matrix items and "other" text included) was changed. */
function touches(question: Question, changes: Record<string, AnswerValue>): boolean {
  const names =
    question.type === 'matrix'
      ? question.items.map((i) => i.name)
      : [question.name, `${question.name}_other`];
  return names.some((name) => name in changes);
}

export function EditAnswers({
  record,
  definition,
  lang,
  onSaved,
  onCancel,
}: {
  record: ResponseRecord;
  definition: SurveyDefinition;
  lang: SurveyLanguage;
  onSaved: (revision: number | null) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const edit = useResponsesStore((s) => s.edit);
  const [draft, setDraft] = useState<Answers>(() => ({ ...record.answers }));
  const [comment, setComment] = useState('');
  const [saving, setSaving] = useState(false);
  const pages = useMemo(() => visiblePages(definition, draft), [definition, draft]);
  const changes = useMemo(() => changedAnswers(record.answers, draft), [record.answers, draft]);
  const count = Object.keys(changes).length;
  const problems = useMemo(() => {
    const map = new Map<string, string>();
    for (const question of pages.flatMap((p) => p.questions)) {
      const found = checkAnswer(question, draft)[0];
      if (found) map.set(question.id, answerProblemText(found, t, lang));
    }
    return map;
  }, [pages, draft, t, lang]);

  const save = async () => {
    if (!comment.trim()) return;
    if (count === 0) {
      onSaved(null);
      return;
    }
    setSaving(true);
    const saved = await edit(changes, comment.trim());
    setSaving(false);
    if (saved) onSaved(saved.revision);
  };

  return (
    <form
      className="edit-answers"
      data-testid="edit-answers"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <h3>{t('register.edit.title', { version: record.versionNo })}</h3>
      <p className="muted small">{t('register.edit.help')}</p>
      <div className="edit-questions">
        {pages.map(({ page, questions }) => (
          <div key={page.id} className="edit-page">
            {questions
              .filter((q) => q.type !== 'note')
              .map((question) => (
                <div
                  key={question.id}
                  className={touches(question, changes) ? 'edit-question changed' : 'edit-question'}
                >
                  <QuestionView
                    question={question}
                    lang={lang}
                    fallback={definition.defaultLanguage}
                    answers={draft}
                    onAnswer={(name, value) => setDraft((d) => ({ ...d, [name]: value }))}
                    problem={problems.get(question.id) ?? null}
                  />
                </div>
              ))}
          </div>
        ))}
      </div>
      <div className="edit-footer">
        {problems.size > 0 && <p className="field-error">{t('register.edit.problems')}</p>}
        <label className="field">
          <span className="field-label">{t('register.edit.comment')}</span>
          <textarea
            className="input"
            rows={2}
            data-field="edit-comment"
            value={comment}
            onChange={(e) => setComment(e.target.value)}
          />
        </label>
        <div className="form-actions">
          <button
            type="submit"
            className="button"
            data-action="save-edit"
            disabled={!comment.trim() || saving}
          >
            {t('register.edit.save')}
          </button>
          <button type="button" className="button ghost" onClick={onCancel}>
            {t('register.edit.cancel')}
          </button>
          <span className="muted" data-testid="edit-count">
            {t('register.edit.changed', { n: count })}
          </span>
        </div>
      </div>
    </form>
  );
}
