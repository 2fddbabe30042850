/** Add or edit a customer; each field shows its own error (the register's rules, or a taken code). */
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { CUSTOMER_STAGES, CUSTOMER_TYPES } from '../../../../../shared/customers';
import { useCustomersStore, type CustomerDraft } from '../../../stores/customers';

type TextField = Exclude<keyof CustomerDraft, 'stage'>;

const LAYOUT: (keyof CustomerDraft)[][] = [
  ['code', 'name'],
  ['type', 'stage'],
  ['region', 'industry'],
  ['size', 'contact'],
  ['phone', 'email'],
  ['accountManager', 'staffId'],
  ['tags'],
];

const INPUT_TYPES: Partial<Record<TextField, string>> = { phone: 'tel', email: 'email' };

export function CustomerForm() {
  const { t } = useTranslation();
  const { form, setDraft, save, cancelForm, saving } = useCustomersStore();
  const typesId = useId();
  if (!form) return null;
  const { draft, errors } = form;

  const text = (field: TextField) => (
    <label className="field" key={field}>
      <span className="field-label">
        {t(`customers.field.${field}`)}
        {field === 'name' && <span className="required"> *</span>}
      </span>
      <input
        className={errors[field] ? 'input invalid' : 'input'}
        data-field={`customer-${field}`}
        type={INPUT_TYPES[field] ?? 'text'}
        value={draft[field]}
        list={field === 'type' ? typesId : undefined}
        aria-invalid={errors[field] ? true : undefined}
        onChange={(e) => setDraft({ [field]: e.target.value })}
      />
      {errors[field] ? (
        <span className="field-error" data-error-for={field}>
          {errors[field]}
        </span>
      ) : (
        ['code', 'type', 'tags'].includes(field) && (
          <span className="field-help">{t(`customers.help.${field}`)}</span>
        )
      )}
    </label>
  );

  const stage = (
    <label className="field" key="stage">
      <span className="field-label">{t('customers.field.stage')}</span>
      <select
        className={errors.stage ? 'input invalid' : 'input'}
        data-field="customer-stage"
        value={draft.stage}
        onChange={(e) => setDraft({ stage: e.target.value })}
      >
        <option value="">{t('customers.noStage')}</option>
        {CUSTOMER_STAGES.map((s) => (
          <option key={s} value={s}>
            {t(`customers.stage.${s}`)}
          </option>
        ))}
        {draft.stage && !(CUSTOMER_STAGES as readonly string[]).includes(draft.stage) && (
          <option value={draft.stage}>{draft.stage}</option>
        )}
      </select>
      {errors.stage && <span className="field-error">{errors.stage}</span>}
    </label>
  );

  return (
    <form
      className="customer-form"
      data-testid="customer-form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      {LAYOUT.map((row) => (
        <div className="field-row" key={row.join()}>
          {row.map((field) => (field === 'stage' ? stage : text(field)))}
        </div>
      ))}

      <datalist id={typesId}>
        {CUSTOMER_TYPES.map((type) => (
          <option key={type} value={type} />
        ))}
      </datalist>
      {Object.keys(errors).length > 0 && (
        <p className="field-error" role="alert">
          {t('customers.form.fix')}
        </p>
      )}
      <div className="drawer-actions">
        <button type="submit" className="button" data-action="save-customer" disabled={saving}>
          {saving ? t('customers.form.saving') : t('customers.form.save')}
        </button>
        <button type="button" className="button secondary" onClick={cancelForm}>
          {t('customers.form.cancel')}
        </button>
      </div>
    </form>
  );
}
