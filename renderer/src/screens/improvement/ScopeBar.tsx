/** The survey and wave in view, and "verify with this wave" (analyse it for actions and standards). */
import { useTranslation } from 'react-i18next';
import { useImprovementStore } from '../../stores/improvement';

export function ScopeBar() {
  const { t } = useTranslation();
  const { surveys, surveyId, waves, waveId, evaluating, lastEvaluation } = useImprovementStore();
  const chooseSurvey = useImprovementStore((s) => s.chooseSurvey);
  const chooseWave = useImprovementStore((s) => s.chooseWave);
  const evaluate = useImprovementStore((s) => s.evaluate);
  const waveName = waves.find((w) => w.id === lastEvaluation?.waveId)?.name ?? '';
  return (
    <div className="card improvement-scope">
      <div className="field-row">
        <label className="field">
          <span className="field-label">{t('improvement.survey')}</span>
          <select
            className="input"
            data-field="survey"
            value={surveyId ?? ''}
            onChange={(e) => void chooseSurvey(e.target.value)}
          >
            {surveys.map((s) => (
              <option key={s.id} value={s.id}>
                {s.title}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span className="field-label">{t('improvement.wave')}</span>
          <select
            className="input"
            data-field="wave"
            value={waveId ?? ''}
            disabled={waves.length === 0}
            onChange={(e) => chooseWave(e.target.value)}
          >
            {waves.length === 0 && <option value="">{t('improvement.noWave')}</option>}
            {waves.map((w) => (
              <option key={w.id} value={w.id}>
                {w.name} ({w.responseCount})
              </option>
            ))}
          </select>
        </label>
        <button
          type="button"
          className="button secondary improvement-evaluate"
          data-action="evaluate-wave"
          disabled={!waveId || evaluating}
          title={t('improvement.evaluateHelp')}
          onClick={() => void evaluate()}
        >
          {evaluating ? t('improvement.evaluating') : t('improvement.evaluate')}
        </button>
      </div>
      {lastEvaluation && (
        <p className="notice-bar good" data-testid="evaluation-done" role="status">
          {t('improvement.evaluated', {
            count: lastEvaluation.verifications.length,
            standards: lastEvaluation.standards,
            wave: waveName,
          })}
        </p>
      )}
    </div>
  );
}
