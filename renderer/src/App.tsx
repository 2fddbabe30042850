import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorBanner } from './components/ErrorBanner';
import { Sidebar } from './components/Sidebar';
import { NotBuiltScreen } from './screens/placeholder/NotBuiltScreen';
import { FieldworkScreen } from './screens/fieldwork/FieldworkScreen';
import { ResponsesScreen } from './screens/responses/ResponsesScreen';
import { SettingsScreen } from './screens/settings/SettingsScreen';
import { SurveysScreen } from './screens/surveys/SurveysScreen';
import { useAppStore } from './stores/app';

export function App() {
  const { t } = useTranslation();
  const screen = useAppStore((s) => s.screen);
  const load = useAppStore((s) => s.load);

  useEffect(() => {
    void load();
  }, [load]);

  return (
    <div className="app">
      <Sidebar />
      <main className="content" aria-label={t(`nav.${screen}`)}>
        <ErrorBanner />
        {screen === 'settings' ? (
          <SettingsScreen />
        ) : screen === 'surveys' ? (
          <SurveysScreen />
        ) : screen === 'fieldwork' ? (
          <FieldworkScreen />
        ) : screen === 'responses' ? (
          <ResponsesScreen />
        ) : (
          <NotBuiltScreen screen={screen} />
        )}
      </main>
    </div>
  );
}
