/** Who did what to a response and when: completion, edits (from -> to, with the comment), voids, flag decisions. */
import { useTranslation } from 'react-i18next';
import type { SurveyDefinition, SurveyLanguage } from '../../../../shared/questionnaire/model';
import { FLAG_RULES, type HistoryEntry } from '../../../../shared/responses';
import { answerRows, answerText, dateTime, questionFor } from './format';

const KNOWN_ACTIONS = ['complete', 'abandon', 'void', 'edit', 'flag_kept', 'flag_confirmed'];

export function HistoryList({
  history,
  definition,
  lang,
}: {
  history: HistoryEntry[];
  definition: SurveyDefinition;
  lang: SurveyLanguage;
}) {
  const { t } = useTranslation();
  if (history.length === 0) return <p className="muted">{t('register.detail.noHistory')}</p>;
  const labels = new Map(answerRows(definition, lang).map((row) => [row.name, row.label]));
  const value = (variable: string, v: unknown) =>
    answerText(questionFor(definition, variable), variable, v, lang, definition.defaultLanguage) ||
    t('register.history.empty');
  // Newest first: the reviewer usually wants the latest change.
  const entries = [...history].reverse();
  return (
    <ol className="history-list plain-list" data-testid="history">
      {entries.map((h, i) => {
        const isRule =
          h.variable !== null &&
          (FLAG_RULES as readonly string[]).includes(h.variable) &&
          h.action.startsWith('flag_');
        return (
          <li
            key={`${h.at}-${i}`}
            className={`history-item action-${h.action}`}
            data-history={h.action}
          >
            <div className="history-head">
              <strong>
                {KNOWN_ACTIONS.includes(h.action)
                  ? t(`register.history.action.${h.action}`)
                  : h.action}
              </strong>
              <span className="muted">
                {dateTime(h.at)} · {h.actor ?? t('register.history.unknownActor')} ·{' '}
                {t('register.detail.revision', { revision: h.revision })}
              </span>
            </div>
            {h.variable && isRule && <div>{t(`register.rule.${h.variable}`)}</div>}
            {h.variable && !isRule && (
              <div className="history-change">
                <span className="history-variable">{labels.get(h.variable) ?? h.variable}</span>{' '}
                <span className="old-value">{value(h.variable, h.oldValue)}</span> →{' '}
                <span className="new-value">{value(h.variable, h.newValue)}</span>
              </div>
            )}
            {h.comment && <div className="history-comment">“{h.comment}”</div>}
          </li>
        );
      })}
    </ol>
  );
}
