/**
 * Settings > Personal data: find a respondent in every survey by code, name, phone or e-mail,
 * tick the hits that are this person, open them, export or erase; and the retention period.
 */
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { CustomerHit, MatchField, ResponseHit } from '../../../../shared/privacy';
import { usePrivacyStore } from '../../stores/privacy';
import { PersonDetail } from './PersonDetail';
import { RetentionSection } from './RetentionSection';
import './privacy.css';

function Matched({ fields }: { fields: MatchField[] }) {
  const { t } = useTranslation();
  return (
    <span className="privacy-matches">
      {fields.map((field) => (
        <span key={field} className="chip">
          {t(`privacy.match.${field}`)}
        </span>
      ))}
    </span>
  );
}

function Pick({
  checked,
  onChange,
  label,
}: {
  checked: boolean;
  onChange: () => void;
  label: string;
}) {
  return (
    <label className="privacy-pick">
      <input type="checkbox" checked={checked} onChange={onChange} aria-label={label} />
    </label>
  );
}

function CustomerRows({ hits }: { hits: CustomerHit[] }) {
  const { t } = useTranslation();
  const picked = usePrivacyStore((s) => s.picked.customerIds);
  const toggle = usePrivacyStore((s) => s.toggle);
  const open = usePrivacyStore((s) => s.open);
  return (
    <table className="data-table privacy-table" data-testid="privacy-customers">
      <thead>
        <tr>
          <th />
          <th>{t('privacy.customer')}</th>
          <th>{t('privacy.field.contact')}</th>
          <th>{t('privacy.field.phone')}</th>
          <th>{t('privacy.field.email')}</th>
          <th>{t('privacy.matchedBy')}</th>
          <th>{t('privacy.responses')}</th>
          <th />
        </tr>
      </thead>
      <tbody>
        {hits.map((hit) => (
          <tr key={hit.id} data-customer={hit.id}>
            <td>
              <Pick
                checked={picked.includes(hit.id)}
                onChange={() => toggle('customer', hit.id)}
                label={hit.name}
              />
            </td>
            <td>
              <strong>{hit.name}</strong>
              {hit.code && <div className="muted small">{hit.code}</div>}
            </td>
            <td>{hit.contact}</td>
            <td className="mono">{hit.phone}</td>
            <td>{hit.email}</td>
            <td>
              <Matched fields={hit.matched} />
            </td>
            <td className="num">{hit.responseCount}</td>
            <td>
              <button
                type="button"
                className="button secondary small privacy-open"
                data-action="open-customer"
                onClick={() => void open({ customerIds: [hit.id], responseIds: [] })}
              >
                {t('privacy.choose')}
              </button>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function ResponseRows({ hits }: { hits: ResponseHit[] }) {
  const { t, i18n } = useTranslation();
  const picked = usePrivacyStore((s) => s.picked.responseIds);
  const toggle = usePrivacyStore((s) => s.toggle);
  return (
    <table className="data-table privacy-table" data-testid="privacy-responses">
      <thead>
        <tr>
          <th />
          <th>{t('privacy.survey')}</th>
          <th>{t('privacy.wave')}</th>
          <th>{t('privacy.date')}</th>
          <th>{t('privacy.customer')}</th>
          <th>{t('privacy.matchedBy')}</th>
        </tr>
      </thead>
      <tbody>
        {hits.map((hit) => (
          <tr key={hit.id} data-response={hit.id}>
            <td>
              <Pick
                checked={picked.includes(hit.id)}
                onChange={() => toggle('response', hit.id)}
                label={hit.surveyTitle}
              />
            </td>
            <td>{hit.surveyTitle}</td>
            <td>{hit.waveName ?? t('privacy.noWave')}</td>
            <td>{new Date(hit.completedAt ?? hit.startedAt).toLocaleDateString(i18n.language)}</td>
            <td>
              {hit.customerName ??
                (hit.matchedValue ? <span className="mono">{hit.matchedValue}</span> : '—')}
            </td>
            <td>
              <Matched fields={hit.matched} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function SearchResults() {
  const { t } = useTranslation();
  const result = usePrivacyStore((s) => s.result);
  const picked = usePrivacyStore((s) => s.picked);
  const open = usePrivacyStore((s) => s.open);
  const clearPicked = usePrivacyStore((s) => s.clearPicked);
  if (!result) return null;
  const count = picked.customerIds.length + picked.responseIds.length;
  if (result.customers.length === 0 && result.responses.length === 0) {
    return (
      <p className="muted" data-testid="privacy-no-hits">
        {t('privacy.noHits', { query: result.query })}
      </p>
    );
  }
  return (
    <div className="privacy-results" data-testid="privacy-results">
      {result.truncated && <p className="notice-bar warn">{t('privacy.truncated')}</p>}
      {result.customers.length > 0 && (
        <>
          <h3>{t('privacy.customers')}</h3>
          <CustomerRows hits={result.customers} />
        </>
      )}
      {result.responses.length > 0 && (
        <>
          <h3>{t('privacy.responses')}</h3>
          <ResponseRows hits={result.responses} />
        </>
      )}
      <div className="actions">
        <button
          type="button"
          className="button"
          data-action="open-selected"
          disabled={count === 0}
          onClick={() => void open(picked)}
        >
          {t('privacy.showSelected', { count })}
        </button>
        {count > 0 && (
          <button type="button" className="button ghost" onClick={clearPicked}>
            {t('privacy.clearSelection')}
          </button>
        )}
      </div>
    </div>
  );
}

export function PrivacyPanel() {
  const { t } = useTranslation();
  const query = usePrivacyStore((s) => s.query);
  const setQuery = usePrivacyStore((s) => s.setQuery);
  const search = usePrivacyStore((s) => s.search);
  const busy = usePrivacyStore((s) => s.busy);
  const person = usePrivacyStore((s) => s.person);
  const erased = usePrivacyStore((s) => s.erased);
  const loadRetention = usePrivacyStore((s) => s.loadRetention);

  useEffect(() => {
    void loadRetention();
  }, [loadRetention]);

  return (
    <div className="privacy-panel">
      <div className="card" data-testid="privacy-panel">
        <h2>{t('privacy.title')}</h2>
        <p className="muted">{t('privacy.subtitle')}</p>
        {erased && (
          <p className="notice-bar good" role="status" data-testid="privacy-erased">
            {t('privacy.erased', {
              customers: erased.customersDeleted,
              deleted: erased.responsesDeleted,
              anonymised: erased.responsesAnonymised,
            })}
          </p>
        )}
        {person ? (
          <PersonDetail person={person} />
        ) : (
          <>
            <form
              className="field-row privacy-search"
              onSubmit={(e) => {
                e.preventDefault();
                void search();
              }}
            >
              <label className="field">
                <span className="field-label">{t('privacy.searchLabel')}</span>
                <input
                  className="input"
                  data-field="privacy-query"
                  type="search"
                  value={query}
                  maxLength={100}
                  placeholder={t('privacy.searchPlaceholder')}
                  onChange={(e) => setQuery(e.target.value)}
                />
              </label>
              <button
                type="submit"
                className="button privacy-search-button"
                data-action="privacy-search"
                disabled={!query.trim() || busy === 'search'}
              >
                {busy === 'search' ? t('privacy.searching') : t('privacy.search')}
              </button>
            </form>
            <SearchResults />
          </>
        )}
      </div>
      <RetentionSection />
    </div>
  );
}
