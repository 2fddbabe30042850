/**
 * What the analysis of one wave verified on the way: improvement actions from earlier waves met /
 * not met, and standards computed, with a way to the Improvement screen that shows them.
 */
import { useTranslation } from 'react-i18next';
import { useAnalysisStore } from '../../stores/analysis';
import { useAppStore } from '../../stores/app';
import { useImprovementStore } from '../../stores/improvement';
import './verified.css';

export function VerifiedNotice() {
  const { t } = useTranslation();
  const summary = useAnalysisStore((s) => s.result?.improvement);
  const surveyId = useAnalysisStore((s) => s.result?.request.surveyId);
  const chooseSurvey = useImprovementStore((s) => s.chooseSurvey);
  const go = useAppStore((s) => s.go);
  if (!summary) return null;
  return (
    <div
      className={summary.notMet > 0 ? 'notice-bar analysis-verified' : 'notice-bar good'}
      data-testid="analysis-verified"
      data-met={summary.met}
      data-not-met={summary.notMet}
      role="status"
    >
      <span>
        {summary.actions > 0 &&
          t('analysis.verified.actions', {
            actions: summary.actions,
            met: summary.met,
            notMet: summary.notMet,
          })}
        {summary.actions > 0 && summary.standards > 0 && ' '}
        {summary.standards > 0 &&
          t('analysis.verified.standards', { standards: summary.standards })}
      </span>
      <button
        type="button"
        className="button secondary"
        data-action="open-improvement"
        onClick={() => {
          // The Improvement screen opens on the survey just analysed.
          if (surveyId) void chooseSurvey(surveyId);
          go('improvement');
        }}
      >
        {t('analysis.verified.open')}
      </button>
    </div>
  );
}
