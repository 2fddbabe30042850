/**
 * Touch-sized answer widgets: every tap target at least 64 px, one question filling the screen.
 * Scale points and choices call `onTap` (saved and advanced by the store); the rest edit a draft
 * that the Next button submits.
 */
import type { TFunction } from 'i18next';
import {
  textIn,
  type Choice,
  type LocalizedText,
  type Question,
  type SurveyLanguage,
} from '../../../../../shared/questionnaire/model';
import {
  toggleChoice,
  type AnswerValue,
  type Answers,
} from '../../../../../shared/questionnaire/runtime';

export interface WidgetProps {
  question: Question;
  lang: SurveyLanguage;
  fallback: SurveyLanguage;
  /** Committed answers (what single taps show as selected). */
  answers: Answers;
  /** The screen's draft for Next-button questions. */
  draft: Answers;
  onTap: (name: string, value: AnswerValue) => void;
  onDraft: (name: string, value: AnswerValue) => void;
  t: TFunction;
}

function ScalePoints(props: {
  name: string;
  value: AnswerValue;
  min: number;
  max: number;
  labels: string[];
  onPick: (value: number) => void;
  className: string;
}) {
  const points = Array.from({ length: props.max - props.min + 1 }, (_, i) => props.min + i);
  return (
    <div
      className={`${props.className} points-${points.length}`}
      role="radiogroup"
      aria-label={props.name}
    >
      {points.map((point, i) => (
        <button
          key={point}
          type="button"
          role="radio"
          aria-checked={props.value === point}
          className={props.value === point ? 'k-point selected' : 'k-point'}
          data-value={point}
          onClick={() => props.onPick(point)}
        >
          <span className="k-point-number">{point}</span>
          {props.labels[i] && <span className="k-point-label">{props.labels[i]}</span>}
        </button>
      ))}
    </div>
  );
}

function ChoiceList(props: {
  choices: Choice[];
  selected: string[];
  multi: boolean;
  text: (value: LocalizedText) => string;
  onPick: (value: string) => void;
}) {
  return (
    <div className={props.choices.length > 6 ? 'k-choices two-columns' : 'k-choices'}>
      {props.choices.map((choice) => {
        const on = props.selected.includes(choice.value);
        return (
          <button
            key={choice.value}
            type="button"
            role={props.multi ? 'checkbox' : 'radio'}
            aria-checked={on}
            data-value={choice.value}
            className={`k-choice${props.multi ? ' multi' : ''}${on ? ' selected' : ''}`}
            onClick={() => props.onPick(choice.value)}
          >
            <span className="k-mark" aria-hidden="true" />
            <span>{props.text(choice.label)}</span>
          </button>
        );
      })}
    </div>
  );
}

/** Phone-like fields get the phone keypad on a tablet. */
function inputModeFor(question: Question): 'tel' | 'email' | 'text' {
  if (/phone|mobile|tel/i.test(question.name)) return 'tel';
  if (/mail/i.test(question.name)) return 'email';
  return 'text';
}

export function AnswerWidget({
  question,
  lang,
  fallback,
  answers,
  draft,
  onTap,
  onDraft,
  t,
}: WidgetProps) {
  const text = (value: LocalizedText) => textIn(value, lang, fallback);
  const otherText = (selected: string[]) =>
    question.type !== 'single' && question.type !== 'multiple'
      ? null
      : question.choices.some((c) => c.other && selected.includes(c.value)) && (
          <input
            className="k-input"
            data-field={`${question.name}_other`}
            autoFocus
            placeholder={t('kiosk.otherPlaceholder')}
            value={
              typeof draft[`${question.name}_other`] === 'string'
                ? String(draft[`${question.name}_other`])
                : ''
            }
            onChange={(e) => onDraft(`${question.name}_other`, e.target.value)}
          />
        );
  switch (question.type) {
    case 'likert':
      return (
        <ScalePoints
          className="k-scale"
          name={question.name}
          value={answers[question.name] ?? null}
          min={1}
          max={question.points}
          labels={Array.from({ length: question.points }, (_, i) =>
            question.pointLabels[i] ? text(question.pointLabels[i]) : '',
          )}
          onPick={(v) => onTap(question.name, v)}
        />
      );
    case 'nps':
      return (
        <div className="k-nps-block">
          <ScalePoints
            className="k-nps"
            name={question.name}
            value={answers[question.name] ?? null}
            min={0}
            max={10}
            labels={[]}
            onPick={(v) => onTap(question.name, v)}
          />
          <div className="k-nps-ends">
            <span>← {text(question.lowLabel)}</span>
            <span>{text(question.highLabel)} →</span>
          </div>
        </div>
      );
    case 'single':
    case 'range':
    case 'dropdown': {
      const value = answers[question.name];
      const selected = typeof value === 'string' ? [value] : [];
      return (
        <>
          <ChoiceList
            choices={question.choices}
            selected={selected}
            multi={false}
            text={text}
            onPick={(v) => onTap(question.name, v)}
          />
          {otherText(selected)}
        </>
      );
    }
    case 'multiple': {
      const value = draft[question.name];
      const selected = Array.isArray(value) ? value : [];
      return (
        <>
          {/* Unless the question already says so (the templates' "（可多选）"). */}
          {!text(question.label)
            .toLowerCase()
            .includes(String(t('kiosk.chooseAll')).toLowerCase()) && (
            <p className="k-caption">{t('kiosk.chooseAll')}</p>
          )}
          <ChoiceList
            choices={question.choices}
            selected={selected}
            multi
            text={text}
            onPick={(v) => onDraft(question.name, toggleChoice(question, selected, v))}
          />
          {otherText(selected)}
        </>
      );
    }
    case 'text': {
      const value = typeof draft[question.name] === 'string' ? String(draft[question.name]) : '';
      return question.multiline ? (
        <textarea
          className="k-input k-textarea"
          data-field={question.name}
          autoFocus
          rows={4}
          placeholder={t('kiosk.typeHere')}
          value={value}
          onChange={(e) => onDraft(question.name, e.target.value)}
        />
      ) : (
        <input
          className="k-input"
          data-field={question.name}
          autoFocus
          inputMode={inputModeFor(question)}
          autoComplete="off"
          placeholder={t('kiosk.typeHere')}
          value={value}
          onChange={(e) => onDraft(question.name, e.target.value)}
        />
      );
    }
    case 'number': {
      const value = draft[question.name];
      return (
        <div className="k-number">
          <input
            className="k-input"
            data-field={question.name}
            autoFocus
            type="number"
            inputMode={question.integer ? 'numeric' : 'decimal'}
            step={question.integer ? 1 : 'any'}
            value={typeof value === 'number' ? value : ''}
            onChange={(e) =>
              onDraft(question.name, e.target.value === '' ? null : Number(e.target.value))
            }
          />
          {text(question.unit) && <span className="k-unit">{text(question.unit)}</span>}
        </div>
      );
    }
    case 'date': {
      const value = draft[question.name];
      return (
        <input
          className="k-input"
          data-field={question.name}
          type={question.mode === 'datetime' ? 'datetime-local' : question.mode}
          value={typeof value === 'string' ? value : ''}
          onChange={(e) => onDraft(question.name, e.target.value || null)}
        />
      );
    }
    case 'matrix':
      return (
        <div className="k-matrix">
          {question.items.map((item) => (
            <div key={item.id} className="k-matrix-row">
              <div className="k-matrix-label">{text(item.label)}</div>
              <ScalePoints
                className="k-scale compact"
                name={item.name}
                value={draft[item.name] ?? null}
                min={1}
                max={question.points}
                labels={Array.from({ length: question.points }, (_, i) =>
                  question.pointLabels[i] ? text(question.pointLabels[i]) : '',
                )}
                onPick={(v) => onDraft(item.name, v)}
              />
            </div>
          ))}
        </div>
      );
    case 'note':
    case 'calculate':
      return null;
  }
}
