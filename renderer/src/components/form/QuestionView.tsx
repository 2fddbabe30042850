/**
 * One question as the respondent sees it. Used by the designer's preview and by the entry
 * screens, so what the manager previews is exactly what the respondent gets.
 */
import { textIn, type LocalizedText, type Question, type SurveyLanguage } from '../../../../shared/questionnaire/model';
import { toggleChoice, type AnswerValue, type Answers } from '../../../../shared/questionnaire/runtime';

export interface QuestionViewProps {
  question: Question;
  lang: SurveyLanguage;
  fallback: SurveyLanguage;
  answers: Answers;
  onAnswer: (name: string, value: AnswerValue) => void;
  problem?: string | null;
}

function Scale({ name, value, min, max, labels, onPick, lang, fallback }: {
  name: string;
  value: AnswerValue;
  min: number;
  max: number;
  labels: (LocalizedText | null)[];
  onPick: (v: number) => void;
  lang: SurveyLanguage;
  fallback: SurveyLanguage;
}) {
  const points = Array.from({ length: max - min + 1 }, (_, i) => min + i);
  return (
    <div className={`scale points-${points.length}`} role="radiogroup" aria-label={name}>
      {points.map((point, i) => {
        const label = labels[i] ? textIn(labels[i], lang, fallback) : '';
        return (
          <button
            key={point}
            type="button"
            role="radio"
            aria-checked={value === point}
            className={value === point ? 'scale-point selected' : 'scale-point'}
            data-value={point}
            onClick={() => onPick(point)}
          >
            <span className="scale-number">{point}</span>
            {label && <span className="scale-label">{label}</span>}
          </button>
        );
      })}
    </div>
  );
}

export function QuestionView({ question, lang, fallback, answers, onAnswer, problem }: QuestionViewProps) {
  const t = (text: LocalizedText) => textIn(text, lang, fallback);
  const value = answers[question.name] ?? null;
  const hint = t(question.hint);
  const body = (() => {
    switch (question.type) {
      case 'likert':
        return (
          <Scale name={question.name} value={value} min={1} max={question.points} labels={Array.from({ length: question.points }, (_, i) => question.pointLabels[i] ?? null)} onPick={(v) => onAnswer(question.name, v)} lang={lang} fallback={fallback} />
        );
      case 'nps':
        return (
          <div className="nps">
            <Scale name={question.name} value={value} min={0} max={10} labels={[]} onPick={(v) => onAnswer(question.name, v)} lang={lang} fallback={fallback} />
            <div className="nps-ends">
              <span>{t(question.lowLabel)}</span>
              <span>{t(question.highLabel)}</span>
            </div>
          </div>
        );
      case 'single':
      case 'range':
        return (
          <div className="choices" role="radiogroup">
            {question.choices.map((choice) => (
              <button key={choice.value} type="button" role="radio" aria-checked={value === choice.value} className={value === choice.value ? 'choice selected' : 'choice'} onClick={() => onAnswer(question.name, choice.value)}>
                <span className="choice-mark" aria-hidden="true" />
                {t(choice.label)}
              </button>
            ))}
            {question.choices.some((c) => c.other && c.value === value) && (
              <input className="input other" value={String(answers[`${question.name}_other`] ?? '')} onChange={(e) => onAnswer(`${question.name}_other`, e.target.value)} aria-label="other" />
            )}
          </div>
        );
      case 'dropdown':
        return (
          <select className="input" value={typeof value === 'string' ? value : ''} onChange={(e) => onAnswer(question.name, e.target.value || null)}>
            <option value="">—</option>
            {question.choices.map((choice) => (
              <option key={choice.value} value={choice.value}>
                {t(choice.label)}
              </option>
            ))}
          </select>
        );
      case 'multiple': {
        const selected = Array.isArray(value) ? value : [];
        return (
          <div className="choices">
            {question.choices.map((choice) => (
              <button key={choice.value} type="button" role="checkbox" aria-checked={selected.includes(choice.value)} className={selected.includes(choice.value) ? 'choice multi selected' : 'choice multi'} onClick={() => onAnswer(question.name, toggleChoice(question, selected, choice.value))}>
                <span className="choice-mark" aria-hidden="true" />
                {t(choice.label)}
              </button>
            ))}
            {question.choices.some((c) => c.other && selected.includes(c.value)) && (
              <input className="input other" value={String(answers[`${question.name}_other`] ?? '')} onChange={(e) => onAnswer(`${question.name}_other`, e.target.value)} aria-label="other" />
            )}
          </div>
        );
      }
      case 'number':
        return (
          <input className="input number" type="number" inputMode={question.integer ? 'numeric' : 'decimal'} step={question.integer ? 1 : 'any'} value={typeof value === 'number' ? value : ''} onChange={(e) => onAnswer(question.name, e.target.value === '' ? null : Number(e.target.value))} />
        );
      case 'text':
        return question.multiline ? (
          <textarea className="input" rows={4} value={typeof value === 'string' ? value : ''} onChange={(e) => onAnswer(question.name, e.target.value)} />
        ) : (
          <input className="input" value={typeof value === 'string' ? value : ''} onChange={(e) => onAnswer(question.name, e.target.value)} />
        );
      case 'date':
        return (
          <input className="input" type={question.mode === 'datetime' ? 'datetime-local' : question.mode} value={typeof value === 'string' ? value : ''} onChange={(e) => onAnswer(question.name, e.target.value || null)} />
        );
      case 'matrix':
        return (
          <table className="matrix">
            <thead>
              <tr>
                <th />
                {Array.from({ length: question.points }, (_, i) => (
                  <th key={i}>{question.pointLabels[i] ? t(question.pointLabels[i]) : i + 1}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {question.items.map((item) => (
                <tr key={item.id}>
                  <th scope="row">{t(item.label)}</th>
                  {Array.from({ length: question.points }, (_, i) => (
                    <td key={i}>
                      <button type="button" role="radio" aria-label={`${t(item.label)} ${i + 1}`} aria-checked={answers[item.name] === i + 1} className={answers[item.name] === i + 1 ? 'cell selected' : 'cell'} onClick={() => onAnswer(item.name, i + 1)} />
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        );
      case 'note':
      case 'calculate':
        return null;
    }
  })();
  return (
    <div className={`question q-${question.type}${problem ? ' has-problem' : ''}`} data-question={question.name}>
      <div className="question-label">
        {t(question.label)}
        {question.required && question.type !== 'note' && <span className="required" aria-label="required">*</span>}
      </div>
      {hint && <div className="question-hint">{hint}</div>}
      {body}
      {problem && (
        <div className="question-problem" role="alert">
          {problem}
        </div>
      )}
    </div>
  );
}
