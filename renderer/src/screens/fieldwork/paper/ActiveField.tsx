/**
 * The one field being keyed, large: the card number, or the current question with every
 * printed code, or "Enter saves". One input stays mounted across fields so focus never jumps.
 */
import type { TFunction } from 'i18next';
import { forwardRef, type CSSProperties, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { textIn, type SurveyLanguage } from '../../../../../shared/questionnaire/model';
import { answerProblemText } from '../../../components/form/answerProblem';
import type { EntryField } from './fields';
import { codeChips, codeRange } from './format';
import type { EntryState, Refusal } from './keys';

export function refusalText(
  refusal: Refusal,
  field: EntryField | undefined,
  t: TFunction,
  lang: SurveyLanguage,
): string {
  switch (refusal.code) {
    case 'answer':
      return answerProblemText(refusal.problem, t, lang);
    case 'no_such_code':
      return t('paper.refusal.no_such_code', {
        key: refusal.key,
        codes: field ? codeRange(field) : '',
      });
    case 'card_exists':
      return t('paper.refusal.card_exists', { card: refusal.card });
    default:
      return t(`paper.refusal.${refusal.code}`);
  }
}

/** The number printed on the card: 5, matrix items 5a 5b, an "other" text 5+. */
export function fieldNumber(field: EntryField): string {
  if (field.item) return `${field.number}${String.fromCharCode(97 + field.item.index)}`;
  return field.kind === 'other' ? `${field.number}+` : String(field.number);
}

/** The field's text: the question, a matrix item, or the "other" choice's label. */
export function fieldLabel(field: EntryField, lang: SurveyLanguage): string {
  if (field.item) return textIn(field.item.label, lang);
  if (field.kind === 'other' && 'choices' in field.question) {
    const other = field.question.choices.find((c) => c.other);
    return `${textIn(field.question.label, lang)} · ${other ? textIn(other.label, lang) : ''}`;
  }
  return textIn(field.question.label, lang);
}

/** Columns and rows of the code list (the CSS picks the layout for the screen width). */
function codeGrid(n: number): CSSProperties {
  return {
    '--codes': n,
    '--rows2': Math.ceil(n / 2),
    '--rows3': Math.ceil(n / 3),
  } as CSSProperties;
}

interface Props {
  entry: EntryState;
  field: EntryField | undefined;
  lang: SurveyLanguage;
  onKeyDown: (e: KeyboardEvent<HTMLInputElement>) => void;
  onInput: (value: string) => void;
}

export const ActiveField = forwardRef<HTMLInputElement, Props>(function ActiveField(
  { entry, field, lang, onKeyDown, onInput },
  ref,
) {
  const { t } = useTranslation();
  const phase = entry.phase;
  const current = field ? entry.answers[field.variable] : undefined;
  const chosen = (value: string | number) =>
    field?.kind === 'multi' ? entry.draft.includes(String(value)) : current === value;
  const bare = field ? field.options.every((o) => !textIn(o.label, lang)) : false;
  const typed = field && ['text', 'number', 'date', 'other'].includes(field.kind);
  const shake = entry.refusal ? (entry.refusals % 2 ? 'shake-a' : 'shake-b') : '';
  const help =
    field?.question.type === 'nps'
      ? t('paper.entry.nps')
      : field?.kind === 'multi'
        ? t('paper.entry.multi')
        : typed
          ? t('paper.entry.typed')
          : '';
  return (
    <div
      className={`paper-active ${shake}`}
      data-testid="paper-active"
      data-phase={phase}
      data-variable={phase === 'answer' ? field?.variable : undefined}
    >
      {phase === 'card' && <p className="paper-active-title">{t('paper.entry.cardPrompt')}</p>}
      {phase === 'answer' && field && (
        <>
          <p className="paper-active-title">
            <span className="paper-qno">{fieldNumber(field)}</span>
            <span>{fieldLabel(field, lang)}</span>
            {field.question.required && <span className="paper-required">*</span>}
          </p>
          {field.item && <p className="paper-active-sub">{textIn(field.question.label, lang)}</p>}
          {field.options.length > 0 && (
            <ol
              className={`paper-codes ${bare ? 'bare' : field.options.length > 7 ? 'dense' : ''}`}
              style={codeGrid(field.options.length)}
              aria-label={codeRange(field)}
            >
              {codeChips(field, lang).map((chip, i) => (
                <li
                  key={chip.code}
                  className={chosen(field.options[i]!.value) ? 'chosen' : ''}
                  data-code={chip.code}
                >
                  <kbd>{chip.code}</kbd>
                  {chip.label && <span>{chip.label}</span>}
                </li>
              ))}
            </ol>
          )}
          {field.question.type === 'nps' && (
            <p className="paper-anchors">
              <span>0 = {textIn(field.question.lowLabel, lang)}</span>
              <span>10 = {textIn(field.question.highLabel, lang)}</span>
            </p>
          )}
        </>
      )}
      {phase === 'review' && (
        <p className="paper-active-title paper-review" data-testid="paper-review">
          {t('paper.entry.review', { card: entry.cardNo })}
        </p>
      )}
      <input
        ref={ref}
        className={`input paper-input ${entry.refusal ? 'invalid' : ''}`}
        data-testid="paper-input"
        value={phase === 'card' ? entry.cardNo : phase === 'answer' ? entry.buffer : ''}
        inputMode={typed ? 'text' : 'numeric'}
        autoComplete="off"
        spellCheck={false}
        aria-label={phase === 'card' ? t('paper.entry.card') : field ? fieldLabel(field, lang) : ''}
        aria-invalid={entry.refusal ? true : undefined}
        onKeyDown={onKeyDown}
        onChange={(e) => onInput(e.target.value)}
      />
      {entry.refusal ? (
        <p className="paper-refusal" role="alert" data-testid="paper-refusal">
          {refusalText(entry.refusal, field, t, lang)}
        </p>
      ) : (
        help && <p className="paper-help">{help}</p>
      )}
    </div>
  );
});
