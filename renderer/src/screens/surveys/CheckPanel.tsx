import { useTranslation } from 'react-i18next';
import { problemMessage } from '../../../../shared/questionnaire/check';
import { estimateSeconds, openQuestionShare } from '../../../../shared/questionnaire/estimate';
import { useDesignerStore } from '../../stores/designer';

export function CheckPanel() {
  const { t } = useTranslation();
  const definition = useDesignerStore((s) => s.definition)!;
  const problems = useDesignerStore((s) => s.problems);
  const select = useDesignerStore((s) => s.select);
  const minutes = (estimateSeconds(definition) / 60).toFixed(1);
  const share = openQuestionShare(definition);
  const order = { error: 0, warning: 1, info: 2 };
  const sorted = [...problems].sort((a, b) => order[a.severity] - order[b.severity]);

  return (
    <div className="check-panel" data-testid="check-panel">
      <div className="check-facts">
        <span>{t('designer.estimate', { minutes })}</span>
        <span>{t('designer.openShare', { open: share.open, total: share.answered })}</span>
      </div>
      {sorted.length === 0 ? (
        <p className="good">{t('designer.noProblems')}</p>
      ) : (
        <ul className="problem-list">
          {sorted.map((problem, index) => (
            <li key={index} className={`problem ${problem.severity}`} data-code={problem.code}>
              <button
                type="button"
                disabled={!problem.questionId && !problem.pageId}
                onClick={() => {
                  if (problem.questionId) select({ kind: 'question', id: problem.questionId });
                  else if (problem.pageId) select({ kind: 'page', id: problem.pageId });
                }}
              >
                <span className="severity">{t(`designer.severity.${problem.severity}`)}</span>
                {problemMessage(problem, t)}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
