/**
 * Customers and sampling (调查准备): the customer register, and per wave the stratified sample
 * with its contact tracking. Each tab owns its folder (register/, sampling/).
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { RegisterPanel } from './register/RegisterPanel';
import { SamplingPanel } from './sampling/SamplingPanel';
import './customers.css';

const TABS = ['register', 'sampling'] as const;
type Tab = (typeof TABS)[number];

export function CustomersScreen() {
  const { t } = useTranslation();
  const [tab, setTab] = useState<Tab>('register');
  return (
    <section className="screen customers-screen" data-testid="customers-screen">
      <header className="customers-head">
        <h1>{t('nav.customers')}</h1>
        <div className="customers-tabs" role="tablist" aria-label={t('customersScreen.tabsLabel')}>
          {TABS.map((name) => (
            <button
              key={name}
              type="button"
              role="tab"
              aria-selected={tab === name}
              className={tab === name ? 'customers-tab selected' : 'customers-tab'}
              data-tab={name}
              onClick={() => setTab(name)}
            >
              {t(`customersScreen.tabs.${name}`)}
            </button>
          ))}
        </div>
      </header>
      <div className="customers-panel" role="tabpanel" data-panel={tab}>
        {tab === 'register' ? <RegisterPanel /> : <SamplingPanel />}
      </div>
    </section>
  );
}
