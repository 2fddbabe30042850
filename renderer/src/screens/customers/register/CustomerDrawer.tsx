/** The open customer in a side panel: its fields and its responses, or the add/edit form. */
import { useTranslation } from 'react-i18next';
import { CUSTOMER_FIELDS } from '../../../../../shared/customers';
import { useCustomersStore } from '../../../stores/customers';
import { CustomerForm } from './CustomerForm';
import { dateOf, stageLabel, typeLabel } from './labels';

function Responses() {
  const { t } = useTranslation();
  const responses = useCustomersStore((s) => s.responses);
  const openResponse = useCustomersStore((s) => s.openResponse);
  return (
    <section className="detail-section" data-testid="customer-responses">
      <h3>
        {t('customers.detail.responses')} <span className="muted">({responses.length})</span>
      </h3>
      {responses.length === 0 ? (
        <p className="muted">{t('customers.detail.noResponses')}</p>
      ) : (
        <table className="table customer-response-table">
          <tbody>
            {responses.map((r) => (
              <tr
                key={r.id}
                data-response={r.id}
                className="clickable"
                tabIndex={0}
                title={t('customers.detail.openResponse')}
                onClick={() => openResponse(r.id)}
                onKeyDown={(e) => {
                  if (e.key === 'Enter' || e.key === ' ') {
                    e.preventDefault();
                    openResponse(r.id);
                  }
                }}
              >
                <td className="nowrap">{dateOf(r.startedAt)}</td>
                <td>{r.surveyTitle}</td>
                <td>{r.waveName ?? '—'}</td>
                <td>{t(`customers.channel.${r.channel}`)}</td>
                <td>{t(`customers.status.${r.status}`)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

export function CustomerDrawer() {
  const { t } = useTranslation();
  const { selected, form, close, cancelForm, startEdit } = useCustomersStore();
  if (!selected && !form) return null;
  const title = form
    ? t(form.mode === 'add' ? 'customers.form.addTitle' : 'customers.form.editTitle')
    : selected!.name;
  return (
    <>
      <div className="drawer-backdrop" onClick={form ? cancelForm : close} />
      <aside
        className="detail-drawer customer-drawer"
        data-testid="customer-drawer"
        role="dialog"
        aria-label={title}
      >
        <header className="drawer-head">
          <div>
            <h2>{title}</h2>
            {selected && !form && (
              <p className="muted small">
                <span className="mono">{selected.code}</span> ·{' '}
                {t('customers.detail.dates', {
                  created: dateOf(selected.createdAt),
                  updated: dateOf(selected.updatedAt),
                })}
              </p>
            )}
          </div>
          <button
            type="button"
            className="button ghost close"
            aria-label={t('customers.detail.close')}
            onClick={form ? cancelForm : close}
          >
            ✕
          </button>
        </header>
        {form ? (
          <CustomerForm />
        ) : (
          selected && (
            <>
              <div className="drawer-actions">
                <button
                  type="button"
                  className="button secondary"
                  data-action="edit-customer"
                  onClick={startEdit}
                >
                  {t('customers.detail.edit')}
                </button>
              </div>
              <dl className="facts customer-facts" data-testid="customer-facts">
                {CUSTOMER_FIELDS.filter((f) => f !== 'name').map((f) => {
                  const value = selected[f];
                  const shown =
                    f === 'stage'
                      ? stageLabel(t, selected.stage)
                      : f === 'type'
                        ? typeLabel(t, selected.type)
                        : Array.isArray(value)
                          ? value.join('、')
                          : (value ?? '');
                  return (
                    <div key={f} className="customer-fact">
                      <dt>{t(`customers.field.${f}`)}</dt>
                      <dd data-value-of={f}>{shown || <span className="muted">—</span>}</dd>
                    </div>
                  );
                })}
              </dl>
              <Responses />
            </>
          )
        )}
      </aside>
    </>
  );
}
