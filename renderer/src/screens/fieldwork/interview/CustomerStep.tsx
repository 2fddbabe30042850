/** Step 1: whom the interview is with. Search as you type, add on the spot, or go without. */
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CustomerSummary } from '../../../../../shared/responses';
import { useInterviewStore } from '../../../stores/interview';
import { customerTypeLabel, NewCustomerForm } from './NewCustomerForm';

const SEARCH_PAUSE_MS = 150;

function CustomerRow({ customer, onPick }: { customer: CustomerSummary; onPick: () => void }) {
  const { t } = useTranslation();
  const details = [
    customer.code,
    customerTypeLabel(customer.type, t),
    customer.region,
    customer.contact,
  ].filter(Boolean);
  return (
    <li>
      <button
        type="button"
        className="iv-customer-row"
        data-customer={customer.code ?? customer.name}
        onClick={onPick}
      >
        <strong>{customer.name}</strong>
        <span className="muted">{details.join(' · ')}</span>
      </button>
    </li>
  );
}

export function CustomerStep() {
  const { t } = useTranslation();
  const customers = useInterviewStore((s) => s.customers);
  const query = useInterviewStore((s) => s.customerQuery);
  const search = useInterviewStore((s) => s.searchCustomers);
  const choose = useInterviewStore((s) => s.chooseCustomer);
  const [draft, setDraft] = useState(query);
  const [adding, setAdding] = useState(false);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  useEffect(() => {
    void search(draft);
    // Only the first list on entering; typing searches below.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  useEffect(() => () => void (timer.current && clearTimeout(timer.current)), []);

  const onType = (text: string) => {
    setDraft(text);
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => void search(text), SEARCH_PAUSE_MS);
  };

  return (
    <div className="iv-step iv-customer-step">
      <div className="card iv-card">
        <h2>{t('interview.customer.title')}</h2>
        <label className="field">
          <span className="field-label">{t('interview.customer.search')}</span>
          <input
            className="input iv-search"
            type="search"
            data-field="customer-search"
            value={draft}
            placeholder={t('interview.customer.searchPlaceholder')}
            autoFocus
            onChange={(e) => onType(e.target.value)}
          />
        </label>
        <ul className="plain-list iv-customer-list" data-testid="customer-results">
          {customers.map((c) => (
            <CustomerRow key={c.id} customer={c} onPick={() => choose(c)} />
          ))}
        </ul>
        {customers.length === 0 && (
          <p className="muted">
            {query.trim()
              ? t('interview.customer.noMatch', { query: query.trim() })
              : t('interview.customer.none')}
          </p>
        )}
        <div className="iv-actions">
          <button
            type="button"
            className="button secondary"
            data-action="add-customer"
            aria-expanded={adding}
            onClick={() => setAdding(!adding)}
          >
            + {t('interview.customer.add')}
          </button>
          <button
            type="button"
            className="button ghost"
            data-action="no-customer"
            onClick={() => choose(null)}
          >
            {t('interview.customer.withoutCustomer')} →
          </button>
        </div>
      </div>
      {adding && <NewCustomerForm initialName={draft.trim()} onCancel={() => setAdding(false)} />}
    </div>
  );
}
