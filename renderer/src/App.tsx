import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorBanner } from './components/ErrorBanner';
import { Sidebar } from './components/Sidebar';
import { NotBuiltScreen } from './screens/placeholder/NotBuiltScreen';
import { AnalysisScreen } from './screens/analysis/AnalysisScreen';
import { CustomersScreen } from './screens/customers/CustomersScreen';
import { SyncScreen } from './screens/sync/SyncScreen';
import { ImprovementScreen } from './screens/improvement/ImprovementScreen';
import { ReportsScreen } from './screens/reports/ReportsScreen';
import { FieldworkScreen } from './screens/fieldwork/FieldworkScreen';
import { ResponsesScreen } from './screens/responses/ResponsesScreen';
import { SettingsScreen } from './screens/settings/SettingsScreen';
import { SurveysScreen } from './screens/surveys/SurveysScreen';
import { useAppStore } from './stores/app';
import { useKioskStore } from './stores/kiosk';

export function App() {
  const { t } = useTranslation();
  const screen = useAppStore((s) => s.screen);
  const load = useAppStore((s) => s.load);
  // Kiosk mode owns the window: no sidebar (so no Alt+1..9 jumps) and no error banner for visitors.
  // The slots stay in place, so the kiosk inside <main> is not remounted when this flips.
  const kiosk = useKioskStore((s) => s.active);

  useEffect(() => {
    void load();
  }, [load]);

  return (
    <div className={kiosk ? 'app kiosk-active' : 'app'}>
      {!kiosk && <Sidebar />}
      <main className="content" aria-label={t(`nav.${screen}`)}>
        {!kiosk && <ErrorBanner />}
        {screen === 'settings' ? (
          <SettingsScreen />
        ) : screen === 'surveys' ? (
          <SurveysScreen />
        ) : screen === 'customers' ? (
          <CustomersScreen />
        ) : screen === 'fieldwork' ? (
          <FieldworkScreen />
        ) : screen === 'responses' ? (
          <ResponsesScreen />
        ) : screen === 'analysis' ? (
          <AnalysisScreen />
        ) : screen === 'reports' ? (
          <ReportsScreen />
        ) : screen === 'sync' ? (
          <SyncScreen />
        ) : screen === 'improvement' ? (
          <ImprovementScreen />
        ) : (
          <NotBuiltScreen screen={screen} />
        )}
      </main>
    </div>
  );
}
