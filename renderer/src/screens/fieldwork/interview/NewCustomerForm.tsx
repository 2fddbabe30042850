/** A customer added on the spot: name required; code, type, region, contact and phone if known. */
import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useInterviewStore } from '../../../stores/interview';

/**
 * Customer types as CRM lists carry them (DOMAIN.md): the Chinese term is the stored value, so
 * imported and hand-added customers segment together; the screen shows it in the user's language.
 */
const CUSTOMER_TYPES = [
  { value: '新客户', key: 'new' },
  { value: '老客户', key: 'existing' },
  { value: '高价值客户', key: 'highValue' },
] as const;

export function customerTypeLabel(value: string | null, t: TFunction): string | null {
  const known = CUSTOMER_TYPES.find((type) => type.value === value);
  return known ? t(`interview.customerType.${known.key}`) : value;
}

type Field = 'code' | 'region' | 'contact' | 'phone';

export function NewCustomerForm({
  initialName,
  onCancel,
}: {
  initialName: string;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const addCustomer = useInterviewStore((s) => s.addCustomer);
  const [name, setName] = useState(initialName);
  const [type, setType] = useState('');
  const [values, setValues] = useState<Record<Field, string>>({
    code: '',
    region: '',
    contact: '',
    phone: '',
  });
  const [tried, setTried] = useState(false);
  const [busy, setBusy] = useState(false);
  const nameMissing = !name.trim();

  const submit = async () => {
    setTried(true);
    if (nameMissing) return;
    setBusy(true);
    const orNull = (text: string) => text.trim() || null;
    await addCustomer({
      name: name.trim(),
      type: orNull(type),
      code: orNull(values.code),
      region: orNull(values.region),
      contact: orNull(values.contact),
      phone: orNull(values.phone),
    });
    setBusy(false);
  };

  return (
    <form
      className="card iv-card iv-new-customer"
      data-testid="new-customer"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <h2>{t('interview.customer.newTitle')}</h2>
      <div className="iv-form-grid">
        <label className="field iv-wide">
          <span className="field-label">
            {t('interview.customer.name')}
            <span className="required">*</span>
          </span>
          <input
            className={tried && nameMissing ? 'input missing' : 'input'}
            data-field="customer-name"
            value={name}
            autoFocus
            aria-invalid={tried && nameMissing}
            onChange={(e) => setName(e.target.value)}
          />
          {tried && nameMissing && (
            <span className="field-error">{t('interview.customer.nameMissing')}</span>
          )}
        </label>
        <label className="field">
          <span className="field-label">{t('interview.customer.code')}</span>
          <input
            className="input"
            data-field="customer-code"
            value={values.code}
            placeholder={t('interview.customer.codeExample')}
            onChange={(e) => setValues({ ...values, code: e.target.value })}
          />
        </label>
        <label className="field">
          <span className="field-label">{t('interview.customer.type')}</span>
          <select
            className="input"
            data-field="customer-type"
            value={type}
            onChange={(e) => setType(e.target.value)}
          >
            <option value="">{t('interview.customer.noType')}</option>
            {CUSTOMER_TYPES.map((option) => (
              <option key={option.value} value={option.value}>
                {t(`interview.customerType.${option.key}`)}
              </option>
            ))}
          </select>
        </label>
        {(['region', 'contact', 'phone'] as const).map((field) => (
          <label key={field} className="field">
            <span className="field-label">{t(`interview.customer.${field}`)}</span>
            <input
              className="input"
              data-field={`customer-${field}`}
              type={field === 'phone' ? 'tel' : 'text'}
              value={values[field]}
              onChange={(e) => setValues({ ...values, [field]: e.target.value })}
            />
          </label>
        ))}
      </div>
      <div className="iv-actions">
        <button type="button" className="button ghost" onClick={onCancel}>
          {t('common.cancel')}
        </button>
        <button type="submit" className="button" data-action="save-customer" disabled={busy}>
          {t('interview.customer.save')}
        </button>
      </div>
    </form>
  );
}
