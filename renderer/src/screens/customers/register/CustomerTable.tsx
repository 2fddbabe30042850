/** The register's page of customers, sortable by column; a row opens the customer (click, Enter or Space). */
import { useTranslation } from 'react-i18next';
import type { Customer, CustomerSort } from '../../../../../shared/customers';
import { CUSTOMER_PAGE_SIZES, useCustomersStore } from '../../../stores/customers';
import { stageLabel, typeLabel } from './labels';

const COLUMNS: { key: keyof Customer; sort?: CustomerSort; className?: string }[] = [
  { key: 'code', sort: 'code', className: 'mono' },
  { key: 'name', sort: 'name', className: 'customer-name' },
  { key: 'type', sort: 'type' },
  { key: 'stage', sort: 'stage' },
  { key: 'region', sort: 'region' },
  { key: 'accountManager', sort: 'accountManager' },
  { key: 'contact' },
  { key: 'phone', className: 'nowrap' },
  { key: 'responseCount', className: 'num' },
];

function cell(
  t: ReturnType<typeof useTranslation>['t'],
  customer: Customer,
  key: keyof Customer,
): string {
  if (key === 'type') return typeLabel(t, customer.type);
  if (key === 'stage') return stageLabel(t, customer.stage);
  const value = customer[key];
  if (Array.isArray(value)) return value.join('、');
  return value === null ? '' : String(value);
}

function Pager() {
  const { t } = useTranslation();
  const { total, offset, limit, items, setPage } = useCustomersStore();
  return (
    <div className="pager" data-testid="customer-pager">
      <span className="pager-range">
        {total > 0 &&
          t('customers.pager.range', { from: offset + 1, to: offset + items.length, total })}
      </span>
      <label className="pager-size">
        <span className="muted">{t('customers.pager.perPage')}</span>
        <select
          className="input"
          value={limit}
          onChange={(e) => setPage(0, Number(e.target.value))}
        >
          {CUSTOMER_PAGE_SIZES.map((n) => (
            <option key={n} value={n}>
              {n}
            </option>
          ))}
        </select>
      </label>
      <button
        type="button"
        className="button secondary"
        disabled={offset === 0}
        onClick={() => setPage(Math.max(0, offset - limit))}
      >
        {t('customers.pager.previous')}
      </button>
      <button
        type="button"
        className="button secondary"
        disabled={offset + limit >= total}
        onClick={() => setPage(offset + limit)}
      >
        {t('customers.pager.next')}
      </button>
    </div>
  );
}

export function CustomerTable() {
  const { t } = useTranslation();
  const { items, query, sortBy, open, selected, loading, total } = useCustomersStore();
  const filtered =
    query.search !== '' || query.type || query.stage || query.region || query.accountManager;
  return (
    <div className="customer-table-wrap">
      <div className="customer-scroll">
        <table className="table customer-table" data-testid="customer-table" aria-busy={loading}>
          <thead>
            <tr>
              {COLUMNS.map((c) => (
                <th
                  key={c.key}
                  className={c.className === 'num' ? 'num' : undefined}
                  aria-sort={
                    query.sort === c.sort
                      ? query.descending
                        ? 'descending'
                        : 'ascending'
                      : undefined
                  }
                >
                  {c.sort ? (
                    <button
                      type="button"
                      className="sort-button"
                      data-sort={c.sort}
                      onClick={() => sortBy(c.sort!)}
                    >
                      {t(`customers.field.${c.key === 'responseCount' ? 'responses' : c.key}`)}
                      {query.sort === c.sort && (
                        <span aria-hidden="true">{query.descending ? ' ▼' : ' ▲'}</span>
                      )}
                    </button>
                  ) : (
                    t(`customers.field.${c.key === 'responseCount' ? 'responses' : c.key}`)
                  )}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {items.map((customer) => (
              <tr
                key={customer.id}
                className={selected?.id === customer.id ? 'clickable selected' : 'clickable'}
                data-customer={customer.code ?? customer.id}
                tabIndex={0}
                onClick={() => void open(customer.id)}
                onKeyDown={(e) => {
                  if (e.key === 'Enter' || e.key === ' ') {
                    e.preventDefault();
                    void open(customer.id);
                  }
                }}
              >
                {COLUMNS.map((c) => (
                  <td key={c.key} className={c.className}>
                    {cell(t, customer, c.key)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
        {!loading && total === 0 && (
          <p className="muted customer-empty" data-testid="customer-empty">
            {filtered ? t('customers.noMatch') : t('customers.empty')}
          </p>
        )}
      </div>
      <Pager />
    </div>
  );
}
