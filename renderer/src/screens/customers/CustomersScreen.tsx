/**
 * Customers and sampling (调查准备): the customer register, and per wave the stratified sample
 * with its contact tracking. Each tab owns its folder (register/, sampling/).
 */
import { useTranslation } from 'react-i18next';
import { TabbedScreen } from '../../components/TabbedScreen';
import { RegisterPanel } from './register/RegisterPanel';
import { SamplingPanel } from './sampling/SamplingPanel';

const TABS = ['register', 'sampling'] as const;

export function CustomersScreen() {
  const { t } = useTranslation();
  return (
    <TabbedScreen
      testId="customers-screen"
      title={t('nav.customers')}
      texts="customersScreen"
      tabs={TABS}
      render={(tab) => (tab === 'register' ? <RegisterPanel /> : <SamplingPanel />)}
    />
  );
}
