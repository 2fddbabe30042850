/**
 * The Sync screen's "Import from other tools" tab: a CRM customer list or responses from an
 * online survey tool (问卷星 and similar), through the column mapping, into the database.
 */
import { useTranslation } from 'react-i18next';
import { useImportsStore } from '../../../stores/imports';
import { ImportFlow } from './ImportFlow';

export function ImportsPanel() {
  const { t } = useTranslation();
  return (
    <div data-testid="imports-panel" className="imports-panel">
      <p className="muted imports-subtitle">{t('imports.subtitle')}</p>
      <ImportFlow store={useImportsStore} chooseKind />
    </div>
  );
}
