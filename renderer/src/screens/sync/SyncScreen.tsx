/**
 * Sync (同步与导入): exchange packages between machines (export, import with preview, import
 * log) and imports of customer lists and responses from other tools. Each tab owns its folder.
 */
import { useTranslation } from 'react-i18next';
import { TabbedScreen } from '../../components/TabbedScreen';
import { ImportsPanel } from './imports/ImportsPanel';
import { PackagesPanel } from './packages/PackagesPanel';

const TABS = ['packages', 'imports'] as const;

export function SyncScreen() {
  const { t } = useTranslation();
  return (
    <TabbedScreen
      testId="sync-screen"
      title={t('nav.sync')}
      texts="syncScreen"
      tabs={TABS}
      render={(tab) => (tab === 'packages' ? <PackagesPanel /> : <ImportsPanel />)}
    />
  );
}
