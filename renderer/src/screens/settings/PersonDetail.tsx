/** One person's data as stored: customer record, responses with consent, answers and history; export and erase. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type {
  EraseMode,
  PersonCustomer,
  PersonRecord,
  PersonResponse,
} from '../../../../shared/privacy';
import { usePrivacyStore } from '../../stores/privacy';

const CUSTOMER_FIELDS: (keyof PersonCustomer)[] = [
  'code',
  'name',
  'contact',
  'phone',
  'email',
  'type',
  'region',
  'industry',
  'accountManager',
];

function CustomerFacts({ customer }: { customer: PersonCustomer }) {
  const { t } = useTranslation();
  return (
    <dl className="facts privacy-facts" data-testid="person-customer">
      {CUSTOMER_FIELDS.map((key) => {
        const value = customer[key];
        if (value === null || value === '' || Array.isArray(value)) return null;
        return [
          <dt key={`${key}-t`}>{t(`privacy.field.${key}`)}</dt>,
          <dd key={`${key}-d`}>{value}</dd>,
        ];
      })}
    </dl>
  );
}

function ResponseCard({ response }: { response: PersonResponse }) {
  const { t, i18n } = useTranslation();
  const date = (iso: string) => new Date(iso).toLocaleString(i18n.language);
  return (
    <section className="privacy-response" data-response={response.id}>
      <header>
        <strong>{response.surveyTitle}</strong>
        <span className="muted">
          {' · '}
          {response.waveName ?? t('privacy.noWave')} ·{' '}
          {date(response.completedAt ?? response.startedAt)} ·{' '}
          {t('privacy.revision', { revision: response.revision })}
        </span>
      </header>
      <p className="privacy-consent" data-testid="person-consent">
        <span className="field-label">{t('privacy.consent')}: </span>
        {response.consent
          ? t('privacy.consentGiven', {
              method: t(`privacy.consentMethod.${response.consent.method}`),
              date: date(response.consent.givenAt),
              version: response.consent.versionNo,
            })
          : t('privacy.consentNone')}
      </p>
      <table className="table privacy-answers">
        <tbody>
          {response.answers.map((answer) => (
            <tr key={answer.variable}>
              <td className="privacy-question">{answer.question}</td>
              <td>
                {answer.label}
                {answer.personal && (
                  <span className="badge warn privacy-personal">{t('privacy.personalMark')}</span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {response.history.length > 0 && (
        <details>
          <summary>
            {t('privacy.history')} ({response.history.length})
          </summary>
          <ul className="privacy-history">
            {response.history.map((h, k) => (
              <li key={k}>
                {date(h.at)} · {h.actor ?? '—'} · {h.action}
                {h.variable ? ` · ${h.variable}` : ''}
                {h.oldValue !== null || h.newValue !== null
                  ? `: ${h.oldValue ?? '∅'} → ${h.newValue ?? '∅'}`
                  : ''}
              </li>
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}

function EraseForm({ onCancel, hasCustomer }: { onCancel: () => void; hasCustomer: boolean }) {
  const { t } = useTranslation();
  const erase = usePrivacyStore((s) => s.erase);
  const busy = usePrivacyStore((s) => s.busy);
  const [mode, setMode] = useState<EraseMode>('anonymise');
  const [typed, setTyped] = useState('');
  const word = t('privacy.confirmWord');
  const confirmed = typed.trim() === word;
  return (
    <form
      className="privacy-erase"
      data-testid="erase-form"
      onSubmit={(e) => {
        e.preventDefault();
        if (confirmed) void erase(mode);
      }}
    >
      <h3>{t('privacy.eraseTitle')}</h3>
      <p>
        {hasCustomer && t('privacy.eraseCustomer')}
        {t('privacy.eraseIntro')}
      </p>
      <fieldset className="field privacy-modes">
        {(['anonymise', 'delete'] as const).map((value) => (
          <label key={value} className={mode === value ? 'privacy-mode selected' : 'privacy-mode'}>
            <input
              type="radio"
              name="erase-mode"
              data-mode={value}
              checked={mode === value}
              onChange={() => setMode(value)}
            />
            <span>
              <strong>
                {t(value === 'anonymise' ? 'privacy.modeAnonymise' : 'privacy.modeDelete')}
              </strong>
              <span className="field-help">
                {t(value === 'anonymise' ? 'privacy.modeAnonymiseHelp' : 'privacy.modeDeleteHelp')}
              </span>
            </span>
          </label>
        ))}
      </fieldset>
      <p className="field-help">{t('privacy.eraseBackupNote')}</p>
      <div className="field-row">
        <label className="field">
          <span className="field-label">{t('privacy.confirmPrompt', { word })}</span>
          <input
            className="input"
            data-field="erase-confirm"
            value={typed}
            autoComplete="off"
            onChange={(e) => setTyped(e.target.value)}
          />
        </label>
        <button
          type="submit"
          className="button danger"
          data-action="erase-now"
          disabled={!confirmed || busy === 'erase'}
        >
          {busy === 'erase' ? t('privacy.erasing') : t('privacy.eraseNow')}
        </button>
        <button type="button" className="button ghost" onClick={onCancel}>
          {t('privacy.cancel')}
        </button>
      </div>
    </form>
  );
}

export function PersonDetail({ person }: { person: PersonRecord }) {
  const { t } = useTranslation();
  const closePerson = usePrivacyStore((s) => s.closePerson);
  const exportPerson = usePrivacyStore((s) => s.exportPerson);
  const exportedTo = usePrivacyStore((s) => s.exportedTo);
  const busy = usePrivacyStore((s) => s.busy);
  const [erasing, setErasing] = useState(false);
  return (
    <div className="privacy-person" data-testid="person-detail">
      <div className="privacy-person-head">
        <button
          type="button"
          className="button ghost"
          data-action="back-to-results"
          onClick={closePerson}
        >
          ← {t('privacy.back')}
        </button>
        <div className="actions">
          <button
            type="button"
            className="button secondary"
            data-action="export-json"
            disabled={busy === 'export'}
            onClick={() => void exportPerson('json')}
          >
            {t('privacy.exportJson')}
          </button>
          <button
            type="button"
            className="button secondary"
            data-action="export-xlsx"
            disabled={busy === 'export'}
            onClick={() => void exportPerson('xlsx')}
          >
            {t('privacy.exportXlsx')}
          </button>
          <button
            type="button"
            className="button danger"
            data-action="erase"
            onClick={() => setErasing(true)}
          >
            {t('privacy.erase')}
          </button>
        </div>
      </div>
      {exportedTo && (
        <p className="notice-bar good" role="status" data-testid="person-exported">
          {t('privacy.exported', { path: exportedTo })}
        </p>
      )}
      {erasing && (
        <EraseForm onCancel={() => setErasing(false)} hasCustomer={person.customers.length > 0} />
      )}
      {person.customers.map((customer) => (
        <div key={customer.id}>
          <h3>{t('privacy.customerRecord')}</h3>
          <CustomerFacts customer={customer} />
        </div>
      ))}
      <h3>
        {t('privacy.responses')} ({person.responses.length})
      </h3>
      {person.responses.map((response) => (
        <ResponseCard key={response.id} response={response} />
      ))}
      {person.linked.length > 0 && (
        <>
          <h3>{t('privacy.linked')}</h3>
          <ul className="privacy-history">
            {person.linked.map((group) => (
              <li key={group.table}>
                {group.table}: {group.rows.length}
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
