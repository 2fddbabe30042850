/**
 * Step 2: consent. The consent text of the published version in the questionnaire language, how
 * the customer agreed, then the interview starts; main records the consent with the version and
 * the time. Nothing is stored when the customer declines.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { textIn } from '../../../../../shared/questionnaire/model';
import { useInterviewStore, type ConsentMethod } from '../../../stores/interview';

const METHODS: ConsentMethod[] = ['verbal', 'signed', 'tapped'];

export function ConsentStep() {
  const { t } = useTranslation();
  const definition = useInterviewStore((s) => s.definition);
  const versionNo = useInterviewStore((s) => s.versionNo);
  const lang = useInterviewStore((s) => s.lang);
  const customerName = useInterviewStore((s) => s.customerName);
  const backToCustomer = useInterviewStore((s) => s.backToCustomer);
  const start = useInterviewStore((s) => s.start);
  const [method, setMethod] = useState<ConsentMethod | null>(null);
  const [tried, setTried] = useState(false);
  const [busy, setBusy] = useState(false);
  if (!definition) return null;
  const text = textIn(definition.consent.text, lang, definition.defaultLanguage);
  const description = textIn(definition.description, lang, definition.defaultLanguage);

  const begin = async (chosen: ConsentMethod | null) => {
    setBusy(true);
    await start(chosen);
    setBusy(false);
  };

  return (
    <div className="iv-step iv-consent-step">
      <div className="card iv-card">
        <div className="iv-chosen">
          <span className="field-label">{t('interview.done.customer')}</span>
          <strong>{customerName ?? t('interview.noCustomer')}</strong>
          <button
            type="button"
            className="button ghost small"
            data-action="change-customer"
            onClick={backToCustomer}
          >
            {t('interview.customer.change')}
          </button>
        </div>
        <h2>{t('interview.consent.title')}</h2>
        {description && <p className="muted iv-description">{description}</p>}
        {text ? (
          <>
            <p className="field-label">{t('interview.consent.read', { version: versionNo })}</p>
            <blockquote
              className="consent-box iv-consent-text"
              lang={lang}
              data-testid="consent-text"
            >
              {text}
            </blockquote>
          </>
        ) : (
          <p className="muted">{t('interview.consent.noText')}</p>
        )}
        <fieldset className="iv-fieldset">
          <legend className="field-label">{t('interview.consent.how')}</legend>
          <div className="segmented iv-methods" role="radiogroup">
            {METHODS.map((m) => (
              <button
                key={m}
                type="button"
                role="radio"
                aria-checked={method === m}
                className={method === m ? 'segment selected' : 'segment'}
                data-consent-method={m}
                onClick={() => setMethod(m)}
              >
                {t(`interview.consent.method.${m}`)}
              </button>
            ))}
          </div>
          {tried && !method && <p className="field-error">{t('interview.consent.chooseMethod')}</p>}
        </fieldset>
        {!definition.consent.required && (
          <p className="muted">{t('interview.consent.notRequired')}</p>
        )}
        <div className="iv-actions">
          <button
            type="button"
            className="button ghost"
            data-action="consent-declined"
            onClick={backToCustomer}
          >
            {t('interview.consent.declined')}
          </button>
          {!definition.consent.required && (
            <button
              type="button"
              className="button secondary"
              disabled={busy}
              onClick={() => void begin(null)}
            >
              {t('interview.consent.withoutConsent')}
            </button>
          )}
          <button
            type="button"
            className="button big"
            data-action="confirm-consent"
            disabled={busy}
            onClick={() => {
              setTried(true);
              if (method) void begin(method);
            }}
          >
            {t('interview.consent.confirm')}
          </button>
        </div>
      </div>
    </div>
  );
}
