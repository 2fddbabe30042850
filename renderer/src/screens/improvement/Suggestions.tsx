/** The problems a wave's analysis suggests (priority list and complaint themes), each with "create problem". */
import { useTranslation } from 'react-i18next';
import type { Problem } from '../../../../shared/improvement';
import { textIn } from '../../../../shared/questionnaire/model';
import { useAppStore } from '../../stores/app';
import { useImprovementStore } from '../../stores/improvement';
import { one, priorityReason } from './format';

export function PriorityBadge({ priority }: { priority: Problem['reason']['priority'] }) {
  const { t } = useTranslation();
  return (
    <span className={`priority-badge ${priority}`} data-priority={priority}>
      {t(`improvement.priority.${priority}`)}
    </span>
  );
}

export function Suggestions() {
  const { t } = useTranslation();
  const locale = useAppStore((s) => s.locale);
  const { suggestions, suggesting, waveId, waves } = useImprovementStore();
  const suggest = useImprovementStore((s) => s.suggest);
  const create = useImprovementStore((s) => s.createFromSuggestion);
  const wave = waves.find((w) => w.id === waveId)?.name ?? '';
  return (
    <section className="card improvement-wide" data-testid="suggestions">
      <div className="card-head">
        <h2>{t('improvement.problems.suggestedTitle', { wave })}</h2>
        <button
          type="button"
          className="button"
          data-action="suggest"
          disabled={!waveId || suggesting}
          onClick={() => void suggest()}
        >
          {suggesting ? t('improvement.problems.suggesting') : t('improvement.problems.suggest')}
        </button>
      </div>
      <p className="muted">{t('improvement.problems.suggestHelp')}</p>
      {suggestions && suggestions.length === 0 && (
        <p className="muted">{t('improvement.problems.noSuggestions')}</p>
      )}
      {suggestions && suggestions.length > 0 && (
        <table className="table improvement-table">
          <thead>
            <tr>
              <th>{t('improvement.problems.title')}</th>
              <th>{t('improvement.problems.sourceCol')}</th>
              <th className="num" title={t('improvement.problems.frequencyHelp')}>
                {t('improvement.problems.frequency')}
              </th>
              <th>{t('improvement.problems.score')}</th>
              <th className="num">{t('improvement.problems.baseline')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {suggestions.map((s) => (
              <tr key={s.sourceRef} data-suggestion={s.sourceRef}>
                <td>
                  <strong>{textIn(s.title, locale, 'zh-CN')}</strong>
                  {s.detail.quotes?.[0] && (
                    <div className="muted quote">“{s.detail.quotes[0]}”</div>
                  )}
                </td>
                <td>{t(`improvement.problems.source.${s.source}`)}</td>
                <td className="num">{one(s.frequency)}%</td>
                <td>
                  <PriorityBadge priority={s.reason.priority} />{' '}
                  <span className="muted">{priorityReason(t, s.reason)}</span>
                </td>
                <td className="num">{one(s.baseline)}</td>
                <td>
                  {s.problemId ? (
                    <span className="muted">{t('improvement.problems.created')}</span>
                  ) : (
                    <button
                      type="button"
                      className="button small secondary"
                      data-action="create-problem"
                      onClick={() => void create(s)}
                    >
                      {t('improvement.problems.create')}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
