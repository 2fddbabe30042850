/**
 * Improvement (改进闭环): the dashboard, problems suggested by the analysis, improvement actions
 * with their verification by a later wave, customer follow-ups (回访) and service-quality standards.
 */
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { TabbedScreen } from '../../components/TabbedScreen';
import { useAppStore } from '../../stores/app';
import { useImprovementStore } from '../../stores/improvement';
import { ActionsTab } from './ActionsTab';
import { DashboardTab } from './DashboardTab';
import { FollowUpsTab } from './FollowUpsTab';
import { ProblemsTab } from './ProblemsTab';
import { ScopeBar } from './ScopeBar';
import { StandardsTab } from './StandardsTab';
import './improvement.css';

const TABS = ['dashboard', 'problems', 'actions', 'followUps', 'standards'] as const;

function NoPublishedSurvey() {
  const { t } = useTranslation();
  const go = useAppStore((s) => s.go);
  return (
    <div className="card notice" data-testid="improvement-empty">
      <h2>{t('improvement.noSurveyTitle')}</h2>
      <p>{t('improvement.noSurvey')}</p>
      <button type="button" className="button" onClick={() => go('surveys')}>
        {t('improvement.toSurveys')}
      </button>
    </div>
  );
}

export function ImprovementScreen() {
  const { t } = useTranslation();
  const load = useImprovementStore((s) => s.load);
  const empty = useImprovementStore((s) => s.surveysLoaded && s.surveys.length === 0);

  useEffect(() => {
    void load();
  }, [load]);

  return (
    <TabbedScreen
      testId="improvement-screen"
      title={t('nav.improvement')}
      texts="improvement"
      tabs={TABS}
      render={(tab) =>
        empty ? (
          <div className="improvement">
            <NoPublishedSurvey />
            {tab === 'dashboard' ? <DashboardTab /> : tab === 'standards' ? <StandardsTab /> : null}
          </div>
        ) : (
          <div className="improvement">
            <ScopeBar />
            {tab === 'dashboard' ? (
              <DashboardTab />
            ) : tab === 'problems' ? (
              <ProblemsTab />
            ) : tab === 'actions' ? (
              <ActionsTab />
            ) : tab === 'followUps' ? (
              <FollowUpsTab />
            ) : (
              <StandardsTab />
            )}
          </div>
        )
      }
    />
  );
}
