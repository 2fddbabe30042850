/**
 * Double entry, side by side: every answer the two passes disagree on, with the printed code
 * and label of each, settled by taking one side or typing the right value; the cards missing
 * from either pass; and "verified" once nothing is left.
 */
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PaperMismatch } from '../../../../../shared/api/paper';
import type { SurveyDefinition, SurveyLanguage } from '../../../../../shared/questionnaire/model';
import { usePaperStore } from '../../../stores/paper';
import { fieldLabel, fieldNumber } from './ActiveField';
import { allEntryFields, type EntryField } from './fields';
import { valueFromEntry, valueText } from './format';

function MismatchRow({
  m,
  field,
  lang,
}: {
  m: PaperMismatch;
  field: EntryField | undefined;
  lang: SurveyLanguage;
}) {
  const { t } = useTranslation();
  const resolve = usePaperStore((s) => s.resolve);
  const [typed, setTyped] = useState('');
  const [unreadable, setUnreadable] = useState(false);
  const none = <em className="muted">{t('paper.entry.noAnswer')}</em>;
  const apply = () => {
    const parsed = field ? valueFromEntry(field, typed) : { value: typed.trim() || null };
    setUnreadable(!parsed);
    if (parsed) void resolve(m, parsed.value);
  };
  return (
    <tr data-mismatch={`${m.cardNo}:${m.variable}`}>
      <td className="num">{m.cardNo}</td>
      <td>
        {field ? (
          <>
            <span className="paper-qno">{fieldNumber(field)}</span> {fieldLabel(field, lang)}
          </>
        ) : (
          m.variable
        )}
      </td>
      {(['first', 'second'] as const).map((side) => (
        <td key={side} className="paper-side-value" data-side={side}>
          <span>{valueText(field, m[side], lang) || none}</span>
          <button
            type="button"
            className="button small secondary"
            data-action={`use-${side}`}
            onClick={() => void resolve(m, m[side])}
          >
            {t('paper.compare.use')}
          </button>
        </td>
      ))}
      <td>
        <form
          className="inline paper-correct"
          onSubmit={(e) => {
            e.preventDefault();
            apply();
          }}
        >
          <input
            className="input compact"
            data-field="correct"
            value={typed}
            placeholder={t('paper.compare.correctHint')}
            aria-label={t('paper.compare.correct')}
            onChange={(e) => setTyped(e.target.value)}
          />
          <button
            type="submit"
            className="button small"
            data-action="apply-correct"
            disabled={!typed.trim()}
          >
            {t('paper.compare.apply')}
          </button>
        </form>
        {unreadable && (
          <p className="field-error">{t('paper.compare.unreadable', { text: typed })}</p>
        )}
      </td>
    </tr>
  );
}

export function ComparePanel({ lang }: { lang: SurveyLanguage }) {
  const { t } = useTranslation();
  const comparison = usePaperStore((s) => s.comparison)!;
  const definition = usePaperStore((s) => s.compareDefinition) as SurveyDefinition;
  const verify = usePaperStore((s) => s.verify);
  const fields = useMemo(() => allEntryFields(definition), [definition]);
  const { batch, mismatches } = comparison;
  const lists = [
    ['missingSecond', comparison.missingSecond],
    ['missingFirst', comparison.missingFirst],
    ['unfinished', comparison.unfinished],
  ] as const;
  return (
    <div className="card paper-compare" data-testid="paper-compare">
      <h2>{t('paper.compare.title', { batch: batch.batchNo })}</h2>
      <p data-testid="compare-summary">
        {t('paper.compare.summary', {
          cards: comparison.comparedCards,
          mismatches: mismatches.length,
        })}
      </p>
      {lists.map(([key, cards]) =>
        cards.length ? (
          <p key={key} className="paper-missing" data-testid={`compare-${key}`}>
            {t(`paper.compare.${key}`, { cards: cards.join(', ') })}
          </p>
        ) : null,
      )}
      {mismatches.length > 0 ? (
        <table className="data-table paper-mismatches">
          <thead>
            <tr>
              <th className="num">{t('paper.compare.card')}</th>
              <th>{t('paper.compare.question')}</th>
              <th>{t('paper.compare.first')}</th>
              <th>{t('paper.compare.second')}</th>
              <th>{t('paper.compare.correct')}</th>
            </tr>
          </thead>
          <tbody>
            {mismatches.map((m) => (
              <MismatchRow
                key={`${m.cardNo}:${m.variable}`}
                m={m}
                field={fields.get(m.variable)}
                lang={lang}
              />
            ))}
          </tbody>
        </table>
      ) : (
        comparison.comparedCards > 0 && <p className="good">{t('paper.compare.allMatch')}</p>
      )}
      <div className="actions">
        {batch.status === 'verified' ? (
          <p className="good" data-testid="compare-verified">
            {t('paper.compare.verified')}
          </p>
        ) : (
          <button
            type="button"
            className="button"
            data-action="verify"
            disabled={!comparison.verifiable}
            onClick={() => void verify()}
          >
            {t('paper.compare.verify')}
          </button>
        )}
      </div>
    </div>
  );
}
