/**
 * The responses behind a clicked group or theme: its figures and quotes, and what the register
 * will show when opened from here, including what it cannot narrow down to.
 */
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useAnalysisStore } from '../../stores/analysis';
import { registerPreset } from './drill';
import { attributeText, percent, useLabel, valueText } from './format';

export function DrillDrawer() {
  const { t } = useTranslation();
  const label = useLabel();
  const drill = useAnalysisStore((s) => s.drill);
  const result = useAnalysisStore((s) => s.result);
  const surveyId = useAnalysisStore((s) => s.surveyId);
  const filter = useAnalysisStore((s) => s.filter);
  const close = useAnalysisStore((s) => s.closeDrill);
  const openResponses = useAnalysisStore((s) => s.openResponses);

  useEffect(() => {
    if (!drill) return;
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && close();
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [drill, close]);

  if (!drill || !result || !surveyId) return null;
  const preset = registerPreset(surveyId, filter, result, drill);
  const waveName = result.waves.find((w) => w.id === preset.filter.waveId)?.name;
  const shown = [
    t('analysis.drill.showSurvey', { title: label(result.surveyTitle) }),
    waveName ? t('analysis.drill.showWave', { wave: waveName }) : t('analysis.drill.showAllWaves'),
    preset.filter.channel &&
      t('analysis.drill.showChannel', { channel: t(`register.channel.${preset.filter.channel}`) }),
    preset.filter.interviewer &&
      t('analysis.drill.showInterviewer', { interviewer: preset.filter.interviewer }),
    t('analysis.drill.showComplete'),
    preset.filter.flag === 'none' && t('analysis.drill.showUnflagged'),
  ].filter((x): x is string => !!x);

  return (
    <aside
      className="drill-drawer"
      data-testid="drill-drawer"
      data-kind={drill.kind}
      aria-label={t('analysis.drill.label')}
    >
      <div className="drill-head">
        <h2>
          {drill.kind === 'group'
            ? t('analysis.drill.groupTitle', {
                attribute: t(`analysis.attribute.${drill.attribute}`),
                value: valueText(t, drill.attribute, drill.value),
              })
            : drill.label}
        </h2>
        <button
          type="button"
          className="button ghost small"
          data-action="close-drill"
          onClick={close}
        >
          {t('common.close')}
        </button>
      </div>
      {drill.kind === 'group' ? (
        <p data-testid="drill-count">{t('analysis.drill.groupCount', { n: drill.n })}</p>
      ) : (
        <>
          <p data-testid="drill-count">
            {t('analysis.drill.themeCount', { n: drill.count, ids: drill.responseIds.length })}
            {drill.dissatisfiedShare !== null &&
              ` ${t('analysis.text.dissatisfied', { share: percent(drill.dissatisfiedShare, 0) })}`}
          </p>
          <h3>{t('analysis.drill.quotes')}</h3>
          <ul className="quotes" data-testid="drill-quotes">
            {drill.quotes.map((q) => (
              <li key={q}>“{q}”</li>
            ))}
          </ul>
        </>
      )}
      <h3>{t('analysis.drill.registerWill')}</h3>
      <ul className="drill-shown" data-testid="drill-shown">
        {shown.map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
      {preset.notApplied.length > 0 && (
        <div className="notice-bar warn drill-missing" data-testid="drill-not-applied">
          <p>{t('analysis.drill.cannot')}</p>
          <ul>
            {preset.notApplied.map((x) => (
              <li key={`${x.attribute}:${x.value}`}>
                {x.attribute === 'theme'
                  ? t('analysis.drill.cannotTheme', { theme: x.value })
                  : `${attributeText(t, x.attribute)} = ${valueText(t, x.attribute, x.value)}`}
              </li>
            ))}
          </ul>
          <p>{t('analysis.drill.wider')}</p>
        </div>
      )}
      <button
        type="button"
        className="button"
        data-action="open-responses"
        onClick={() => openResponses(preset.filter)}
      >
        {t('analysis.drill.open')}
      </button>
    </aside>
  );
}
