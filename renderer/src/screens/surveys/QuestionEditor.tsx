import { useTranslation } from 'react-i18next';
import { deleteQuestion, duplicateQuestion, findQuestion, newQuestion, updateQuestion } from '../../../../shared/questionnaire/edit';
import { QUESTION_TYPES, VARIABLE_NAME, hasChoices, type Question, type QuestionType, type SurveyDefinition } from '../../../../shared/questionnaire/model';
import { newId, useDesignerStore } from '../../stores/designer';
import { ChoicesEditor, MatrixItemsEditor, ScaleLabelsEditor } from './ChoicesEditor';
import { ExpressionField, LocalizedField, NumberField, TextField, Toggle } from './fields';

/** Changing the type keeps everything the two types share (texts, logic, choices). */
function convert(definition: SurveyDefinition, question: Question, type: QuestionType): Question {
  const fresh = newQuestion(definition, type, newId);
  const common = {
    id: question.id,
    name: question.name,
    label: question.label,
    hint: question.hint,
    required: question.required,
    relevant: question.relevant,
    constraint: question.constraint,
    constraintMessage: question.constraintMessage,
    dimension: question.dimension,
    weight: question.weight,
    personal: question.personal,
  };
  const next = { ...fresh, ...common };
  if (hasChoices(next) && hasChoices(question)) next.choices = question.choices;
  return next;
}

export function QuestionEditor({ questionId }: { questionId: string }) {
  const { t } = useTranslation();
  const definition = useDesignerStore((s) => s.definition)!;
  const problems = useDesignerStore((s) => s.problems);
  const { edit } = useDesignerStore.getState();
  const place = findQuestion(definition, questionId);
  if (!place) return <p className="muted">{t('designer.nothingSelected')}</p>;
  const question = definition.pages[place.pageIndex]!.questions[place.index]!;
  const langs = definition.languages;
  const update = (patch: Partial<Question> | ((q: Question) => Question)) =>
    edit((d) => updateQuestion(d, questionId, typeof patch === 'function' ? patch : (q) => ({ ...q, ...patch }) as Question));
  const nameProblem = !VARIABLE_NAME.test(question.name)
    ? t('designer.badName')
    : problems.some((p) => p.code === 'duplicate_name' && p.params.name === question.name)
      ? t('designer.duplicateName')
      : null;

  return (
    <div className="editor" data-testid="question-editor" data-question-id={question.id}>
      <div className="editor-head">
        <h2>{t(`qtype.${question.type}`)}</h2>
        <div className="actions">
          <button type="button" className="button ghost small" onClick={() => {
            const result = duplicateQuestion(definition, questionId, newId);
            edit(() => result.definition, { kind: 'question', id: result.id });
          }}>
            {t('designer.duplicate')}
          </button>
          <button type="button" className="button ghost small danger" onClick={() => edit((d) => deleteQuestion(d, questionId), { kind: 'survey' })}>
            {t('designer.delete')}
          </button>
        </div>
      </div>
      <div className="field-row">
        <label className="field">
          <span className="field-label">{t('designer.type')}</span>
          <select className="input" value={question.type} data-field="type" onChange={(e) => edit((d) => updateQuestion(d, questionId, (q) => convert(d, q, e.target.value as QuestionType)))}>
            {QUESTION_TYPES.map((type) => (
              <option key={type} value={type}>
                {t(`qtype.${type}`)}
              </option>
            ))}
          </select>
        </label>
        <TextField label={t('designer.variable')} value={question.name} mono name="name" invalid={nameProblem} onChange={(name) => update({ name })} />
      </div>
      {question.type !== 'calculate' && (
        <LocalizedField label={t('designer.label')} name="label" value={question.label} languages={langs} required multiline onChange={(label) => update({ label })} />
      )}
      {question.type !== 'calculate' && question.type !== 'note' && (
        <LocalizedField label={t('designer.hint')} name="hint" value={question.hint} languages={langs} onChange={(hint) => update({ hint })} />
      )}

      {question.type === 'likert' && (
        <>
          <div className="field-row">
            <label className="field small-field">
              <span className="field-label">{t('designer.points')}</span>
              <select className="input" value={question.points} onChange={(e) => update({ points: Number(e.target.value) as 3 | 5 | 7 })}>
                {[3, 5, 7].map((n) => (
                  <option key={n}>{n}</option>
                ))}
              </select>
            </label>
            <Toggle label={t('designer.reverse')} checked={question.reverse} onChange={(reverse) => update({ reverse })} />
          </div>
          <ScaleLabelsEditor points={question.points} labels={question.pointLabels} languages={langs} onChange={(pointLabels) => update({ pointLabels })} />
        </>
      )}
      {question.type === 'nps' && (
        <div className="field-row">
          <LocalizedField label={t('designer.lowLabel')} value={question.lowLabel} languages={langs} onChange={(lowLabel) => update({ lowLabel })} />
          <LocalizedField label={t('designer.highLabel')} value={question.highLabel} languages={langs} onChange={(highLabel) => update({ highLabel })} />
        </div>
      )}
      {hasChoices(question) && (
        <ChoicesEditor choices={question.choices} languages={langs} allowFlags={question.type === 'multiple' || question.type === 'single'} allowExclusive={question.type === 'multiple'} onChange={(choices) => update({ choices })} />
      )}
      {question.type === 'multiple' && (
        <div className="field-row">
          <NumberField label={t('designer.minSelections')} integer value={question.minSelections} onChange={(minSelections) => update({ minSelections })} />
          <NumberField label={t('designer.maxSelections')} integer value={question.maxSelections} onChange={(maxSelections) => update({ maxSelections })} />
        </div>
      )}
      {question.type === 'number' && (
        <div className="field-row">
          <Toggle label={t('designer.integer')} checked={question.integer} onChange={(integer) => update({ integer })} />
          <NumberField label={t('designer.min')} value={question.min} onChange={(min) => update({ min })} />
          <NumberField label={t('designer.max')} value={question.max} onChange={(max) => update({ max })} />
        </div>
      )}
      {question.type === 'text' && (
        <div className="field-row">
          <Toggle label={t('designer.multiline')} checked={question.multiline} onChange={(multiline) => update({ multiline })} />
          <NumberField label={t('designer.maxLength')} integer value={question.maxLength} onChange={(maxLength) => update({ maxLength })} />
        </div>
      )}
      {question.type === 'date' && (
        <label className="field small-field">
          <span className="field-label">{t('designer.dateMode')}</span>
          <select className="input" value={question.mode} onChange={(e) => update({ mode: e.target.value as 'date' | 'datetime' | 'time' })}>
            {(['date', 'datetime', 'time'] as const).map((mode) => (
              <option key={mode} value={mode}>
                {t(`designer.dateModes.${mode}`)}
              </option>
            ))}
          </select>
        </label>
      )}
      {question.type === 'matrix' && (
        <>
          <label className="field small-field">
            <span className="field-label">{t('designer.points')}</span>
            <select className="input" value={question.points} onChange={(e) => update({ points: Number(e.target.value) as 3 | 5 | 7 })}>
              {[3, 5, 7].map((n) => (
                <option key={n}>{n}</option>
              ))}
            </select>
          </label>
          <ScaleLabelsEditor points={question.points} labels={question.pointLabels} languages={langs} onChange={(pointLabels) => update({ pointLabels })} />
          <MatrixItemsEditor items={question.items} languages={langs} dimensions={definition.dimensions} lang={definition.defaultLanguage} onChange={(items) => update({ items })} />
        </>
      )}
      {question.type === 'calculate' && (
        <ExpressionField label={t('designer.calculation')} name="calculation" value={question.calculation} help={t('designer.expressionHelp')} onChange={(calculation) => update({ calculation })} />
      )}

      {question.type !== 'note' && question.type !== 'calculate' && (
        <div className="field-row">
          <Toggle label={t('designer.required')} name="required" checked={question.required} onChange={(required) => update({ required })} />
          <Toggle label={t('designer.personal')} checked={question.personal} onChange={(personal) => update({ personal })} />
        </div>
      )}
      {(question.type === 'likert' || question.type === 'nps' || question.type === 'matrix' || question.type === 'single' || question.type === 'range') && (
        <div className="field-row">
          <label className="field">
            <span className="field-label">{t('designer.dimension')}</span>
            <select className="input" value={question.dimension ?? ''} onChange={(e) => update({ dimension: e.target.value || null })}>
              <option value="">{t('designer.noDimension')}</option>
              {definition.dimensions.map((d) => (
                <option key={d.id} value={d.id}>
                  {d.name[definition.defaultLanguage] ?? d.id}
                </option>
              ))}
            </select>
          </label>
          <NumberField label={t('designer.weight')} value={question.weight} onChange={(weight) => update({ weight: weight ?? 1 })} />
        </div>
      )}
      <h3 className="section-title">{t('designer.logic')}</h3>
      <ExpressionField label={t('designer.relevant')} name="relevant" value={question.relevant} help={t('designer.relevantHelp')} onChange={(relevant) => update({ relevant })} />
      {question.type !== 'note' && question.type !== 'calculate' && (
        <>
          <ExpressionField label={t('designer.constraint')} name="constraint" value={question.constraint} help={t('designer.constraintHelp')} onChange={(constraint) => update({ constraint })} />
          {question.constraint.trim() && (
            <LocalizedField label={t('designer.constraintMessage')} value={question.constraintMessage} languages={langs} onChange={(constraintMessage) => update({ constraintMessage })} />
          )}
        </>
      )}
    </div>
  );
}
