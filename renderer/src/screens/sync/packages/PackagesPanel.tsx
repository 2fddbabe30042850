/**
 * The "Exchange packages" tab of the Sync screen: export a package, import one (verify, preview,
 * apply), the conflicts waiting for a decision and the import log.
 */
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useSyncStore } from '../../../stores/sync';
import { ConflictsCard } from './ConflictsCard';
import { ExportCard } from './ExportCard';
import { ImportCard } from './ImportCard';
import { ImportLog } from './ImportLog';
import { ImportPreview } from './ImportPreview';
import './packages.css';

export function PackagesPanel() {
  const { t } = useTranslation();
  const load = useSyncStore((s) => s.loadPackages);
  useEffect(() => {
    void load();
  }, [load]);
  return (
    <div className="packages" data-testid="packages-panel">
      <p className="muted packages-subtitle">{t('syncUi.subtitle')}</p>
      <div className="packages-top">
        <ExportCard />
        <ImportCard />
      </div>
      <ImportPreview />
      <ConflictsCard />
      <ImportLog />
    </div>
  );
}
