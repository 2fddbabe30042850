/**
 * The Analysis screen (评分与分析): one analysis job per filter choice, its result shown in tabs
 * from the overview down to cross-tabs. Every figure comes from that one result object.
 */
import { useEffect, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppStore } from '../../stores/app';
import {
  ANALYSIS_TABS,
  answersRequest,
  requestOf,
  useAnalysisStore,
  type AnalysisTab,
} from '../../stores/analysis';
import { CrossTabsTab } from './CrossTabsTab';
import { DriversTab } from './DriversTab';
import { DrillDrawer } from './DrillDrawer';
import { AnalysisFilterBar } from './FilterBar';
import { useLabel } from './format';
import { ItemsTab } from './ItemsTab';
import { OverviewTab } from './OverviewTab';
import { RunStatus } from './RunStatus';
import { SegmentsTab } from './SegmentsTab';
import { TextTab } from './TextTab';
import { TrendsTab } from './TrendsTab';
import './analysis.css';
import './tabs.css';

const TAB_BODIES: Record<AnalysisTab, () => ReactNode> = {
  overview: () => <OverviewTab />,
  items: () => <ItemsTab />,
  segments: () => <SegmentsTab />,
  drivers: () => <DriversTab />,
  trends: () => <TrendsTab />,
  text: () => <TextTab />,
  crosstabs: () => <CrossTabsTab />,
};

function NoPublishedSurvey() {
  const { t } = useTranslation();
  const go = useAppStore((s) => s.go);
  return (
    <div className="card notice" data-testid="analysis-empty" data-empty="no-survey">
      <h2>{t('analysis.empty.noSurveyTitle')}</h2>
      <p>{t('analysis.empty.noSurvey')}</p>
      <button type="button" className="button" onClick={() => go('surveys')}>
        {t('analysis.empty.toSurveys')}
      </button>
    </div>
  );
}

/** Nothing to analyse in this selection: no responses, or every one excluded. */
function NoData() {
  const { t } = useTranslation();
  const result = useAnalysisStore((s) => s.result);
  const quality = useAnalysisStore((s) => s.filter.quality);
  const setFilter = useAnalysisStore((s) => s.setFilter);
  const go = useAppStore((s) => s.go);
  if (!result) return null;
  const { total, excluded, incomplete } = result.cleaning;
  return (
    <div
      className="card notice"
      data-testid="analysis-empty"
      data-empty={total ? 'excluded' : 'none'}
    >
      <h2>{t(total ? 'analysis.empty.noneAnalysedTitle' : 'analysis.empty.noResponsesTitle')}</h2>
      <p>
        {total
          ? t('analysis.empty.noneAnalysed', { total, excluded, incomplete })
          : t('analysis.empty.noResponses')}
      </p>
      <div className="actions">
        {total > 0 && quality === 'clean' && excluded > 0 && (
          <button type="button" className="button" onClick={() => setFilter({ quality: 'all' })}>
            {t('analysis.empty.includeFlagged')}
          </button>
        )}
        <button type="button" className="button secondary" onClick={() => go('fieldwork')}>
          {t('analysis.empty.toFieldwork')}
        </button>
      </div>
    </div>
  );
}

function Tabs() {
  const { t } = useTranslation();
  const tab = useAnalysisStore((s) => s.tab);
  const setTab = useAnalysisStore((s) => s.setTab);
  return (
    <div className="analysis-tabs" role="tablist" aria-label={t('analysis.tabsLabel')}>
      {ANALYSIS_TABS.map((name) => (
        <button
          key={name}
          type="button"
          role="tab"
          aria-selected={tab === name}
          className={tab === name ? 'analysis-tab selected' : 'analysis-tab'}
          data-tab={name}
          onClick={() => setTab(name)}
        >
          {t(`analysis.tabs.${name}`)}
        </button>
      ))}
    </div>
  );
}

export function AnalysisScreen() {
  const { t } = useTranslation();
  const label = useLabel();
  const load = useAnalysisStore((s) => s.load);
  const surveysLoaded = useAnalysisStore((s) => s.surveysLoaded);
  const surveys = useAnalysisStore((s) => s.surveys);
  const result = useAnalysisStore((s) => s.result);
  const status = useAnalysisStore((s) => s.run.status);
  const tab = useAnalysisStore((s) => s.tab);
  const surveyId = useAnalysisStore((s) => s.surveyId);
  const runNow = useAnalysisStore((s) => s.runNow);
  const current = useAnalysisStore(
    (s) => !s.result || !s.surveyId || answersRequest(s.result, requestOf(s.surveyId, s.filter)),
  );

  useEffect(() => {
    void load();
  }, [load]);

  // Dimmed while a run is under way, or when the figures belong to other filters (cancelled run).
  const stale = status === 'running' || status === 'starting' || !current;
  const noSurvey = surveysLoaded && surveys.length === 0;
  return (
    <section className="screen analysis" data-testid="analysis">
      <div className="screen-head">
        <div>
          <h1>{t('nav.analysis')}</h1>
          <p className="muted small analysis-subtitle">
            {result
              ? t('analysis.subtitle', {
                  title: label(result.surveyTitle),
                  version: result.versionNo,
                  n: result.cleaning.analysed,
                })
              : t('analysis.subtitleEmpty')}
          </p>
        </div>
        {!noSurvey && (
          <button
            type="button"
            className="button secondary small"
            data-action="refresh-analysis"
            disabled={status === 'running' || status === 'starting' || !surveyId}
            onClick={() => void runNow()}
          >
            {t('analysis.refresh')}
          </button>
        )}
      </div>
      {noSurvey ? (
        <NoPublishedSurvey />
      ) : (
        <>
          <AnalysisFilterBar />
          <RunStatus />
          {result && result.cleaning.analysed === 0 ? (
            <NoData />
          ) : result ? (
            <div
              className={stale ? 'analysis-body stale' : 'analysis-body'}
              data-testid="analysis-result"
              aria-busy={status === 'running' || status === 'starting'}
              data-stale={stale}
            >
              <Tabs />
              <div className="analysis-panel" role="tabpanel" data-panel={tab}>
                {TAB_BODIES[tab]()}
              </div>
            </div>
          ) : null}
        </>
      )}
      <DrillDrawer />
    </section>
  );
}
