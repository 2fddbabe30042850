/** Search and the four filters of the register (type, stage, region, account manager), and its actions. */
import { useTranslation } from 'react-i18next';
import { useCustomersStore } from '../../../stores/customers';
import { stageLabel, typeLabel } from './labels';

type FilterKey = 'type' | 'stage' | 'region' | 'accountManager';

function Filter({
  name,
  values,
  label,
}: {
  name: FilterKey;
  values: string[];
  label: (v: string) => string;
}) {
  const { t } = useTranslation();
  const value = useCustomersStore((s) => s.query[name]);
  const setQuery = useCustomersStore((s) => s.setQuery);
  return (
    <label className="filter">
      <span className="filter-label">{t(`customers.field.${name}`)}</span>
      <select
        className="input"
        data-filter={name}
        value={value ?? ''}
        onChange={(e) => setQuery({ [name]: e.target.value || null })}
      >
        <option value="">{t('customers.all')}</option>
        {values.map((v) => (
          <option key={v} value={v}>
            {label(v)}
          </option>
        ))}
      </select>
    </label>
  );
}

export function CustomerToolbar({ onImport }: { onImport: () => void }) {
  const { t } = useTranslation();
  const { query, filters, setQuery, resetQuery, startAdd } = useCustomersStore();
  const filtered =
    query.search !== '' || query.type || query.stage || query.region || query.accountManager;
  return (
    <div className="filter-bar customer-toolbar" data-testid="customer-toolbar">
      <label className="filter customer-search">
        <span className="filter-label">{t('customers.search')}</span>
        <input
          className="input"
          type="search"
          data-field="customer-search"
          value={query.search}
          maxLength={100}
          placeholder={t('customers.searchPlaceholder')}
          onChange={(e) => setQuery({ search: e.target.value })}
        />
      </label>
      <Filter name="type" values={filters.types} label={(v) => typeLabel(t, v)} />
      <Filter name="stage" values={filters.stages} label={(v) => stageLabel(t, v)} />
      <Filter name="region" values={filters.regions} label={(v) => v} />
      <Filter name="accountManager" values={filters.accountManagers} label={(v) => v} />
      {filtered && (
        <button type="button" className="button ghost filter-reset" onClick={resetQuery}>
          {t('customers.reset')}
        </button>
      )}
      <div className="customer-actions">
        <button
          type="button"
          className="button secondary"
          data-action="import-customers"
          onClick={onImport}
        >
          {t('customers.import')}
        </button>
        <button type="button" className="button" data-action="add-customer" onClick={startAdd}>
          {t('customers.add')}
        </button>
      </div>
    </div>
  );
}
