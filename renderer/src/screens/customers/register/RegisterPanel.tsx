/**
 * The customer register tab (客户档案): search and filters, the sortable paged table, a side
 * panel with the customer's details and responses or the add/edit form, and the Import drawer
 * for CRM lists (the same mapping flow as the Sync screen's Imports tab).
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCustomersStore } from '../../../stores/customers';
import { useRegisterImportStore } from '../../../stores/imports';
import { ImportFlow } from '../../sync/imports/ImportFlow';
import '../../responses/responses.css';
import '../../responses/detail.css';
import { CustomerDrawer } from './CustomerDrawer';
import { CustomerTable } from './CustomerTable';
import { CustomerToolbar } from './CustomerToolbar';
import './register.css';

function ImportDrawer({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <>
      <div className="drawer-backdrop" onClick={onClose} />
      <aside
        className="detail-drawer customer-import-drawer"
        data-testid="customer-import"
        role="dialog"
        aria-label={t('customers.importTitle')}
      >
        <header className="drawer-head">
          <h2>{t('customers.importTitle')}</h2>
          <button
            type="button"
            className="button ghost close"
            aria-label={t('customers.detail.close')}
            onClick={onClose}
          >
            ✕
          </button>
        </header>
        <ImportFlow store={useRegisterImportStore} chooseKind={false} onClose={onClose} />
      </aside>
    </>
  );
}

export function RegisterPanel() {
  const { t } = useTranslation();
  const load = useCustomersStore((s) => s.load);
  const [importing, setImporting] = useState(false);

  useEffect(() => {
    void load();
  }, [load]);

  return (
    <div data-testid="register-panel" className="customer-register">
      <p className="muted customer-subtitle">{t('customers.subtitle')}</p>
      <CustomerToolbar onImport={() => setImporting(true)} />
      <CustomerTable />
      <CustomerDrawer />
      {importing && (
        <ImportDrawer
          onClose={() => {
            setImporting(false);
            // The register shows what the import changed.
            if (useRegisterImportStore.getState().status === 'done')
              useRegisterImportStore.getState().reset();
            void load();
          }}
        />
      )}
    </div>
  );
}
