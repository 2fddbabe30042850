import { useTranslation } from 'react-i18next';
import { BrandingPanel } from './BrandingPanel';
import { CleaningPanel } from './CleaningPanel';
import { DatabasePanel } from './DatabasePanel';
import { JobsPanel } from './JobsPanel';
import { KeysPanel } from './KeysPanel';
import { KioskPanel } from './KioskPanel';
import { LanguagePanel } from './LanguagePanel';
import { PrivacyPanel } from './PrivacyPanel';

export function SettingsScreen() {
  const { t } = useTranslation();
  return (
    <section className="screen settings" data-testid="settings">
      <h1>{t('settings.title')}</h1>
      <div className="settings-grid">
        <div className="settings-column">
          <LanguagePanel />
          <BrandingPanel />
          <KioskPanel />
          <CleaningPanel />
          <JobsPanel />
          <KeysPanel />
        </div>
        <DatabasePanel />
        <PrivacyPanel />
      </div>
    </section>
  );
}
