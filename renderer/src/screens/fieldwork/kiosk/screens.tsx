/** The kiosk's screens around the questions: welcome, consent, thank-you, and the idle warning. */
import { useEffect } from 'react';
import { textIn } from '../../../../../shared/questionnaire/model';
import { thankYouText, useKioskStore } from '../../../stores/kiosk';
import { LANGUAGE_NAMES } from './flow';
import { requestKioskFullscreen } from './lockdown';
import { useKioskT } from './text';

export function Welcome() {
  const t = useKioskT();
  const survey = useKioskStore((s) => s.survey);
  const lang = useKioskStore((s) => s.lang);
  const setLanguage = useKioskStore((s) => s.setLanguage);
  const begin = useKioskStore((s) => s.begin);
  const resetShown = useKioskStore((s) => s.resetShown);

  // The reset is over when the welcome screen has been painted: the frame after this commit.
  useEffect(() => {
    let timer = 0;
    const frame = requestAnimationFrame(() => {
      timer = window.setTimeout(() => resetShown(performance.now()), 0);
    });
    return () => {
      cancelAnimationFrame(frame);
      window.clearTimeout(timer);
    };
  }, [resetShown]);

  if (!survey) return null;
  const { definition } = survey;
  const text = (value: Parameters<typeof textIn>[0]) =>
    textIn(value, lang, definition.defaultLanguage);
  return (
    <div className="k-welcome" data-testid="kiosk-welcome">
      <div className="k-welcome-card k-enter">
        <h1 className="k-title">{text(definition.title)}</h1>
        {text(definition.description) && (
          <p className="k-description">{text(definition.description)}</p>
        )}
        <button
          type="button"
          className="k-button k-start"
          data-action="start"
          onClick={() => {
            requestKioskFullscreen();
            void begin();
          }}
        >
          {t('kiosk.start')}
          <span className="k-arrow" aria-hidden="true">
            →
          </span>
        </button>
        <p className="k-hint">{t('kiosk.startHint')}</p>
      </div>
      {definition.languages.length > 1 && (
        <div className="k-languages" role="radiogroup" aria-label={t('kiosk.language')}>
          {definition.languages.map((each) => (
            <button
              key={each}
              type="button"
              role="radio"
              aria-checked={each === lang}
              data-lang={each}
              className={each === lang ? 'k-language selected' : 'k-language'}
              onClick={() => setLanguage(each)}
            >
              {LANGUAGE_NAMES[each]}
            </button>
          ))}
        </div>
      )}
    </div>
  );
}

export function Consent() {
  const t = useKioskT();
  const survey = useKioskStore((s) => s.survey);
  const lang = useKioskStore((s) => s.lang);
  const saving = useKioskStore((s) => s.saving);
  const saveFailed = useKioskStore((s) => s.saveFailed);
  const agree = useKioskStore((s) => s.agree);
  const reset = useKioskStore((s) => s.reset);
  if (!survey) return null;
  const { definition } = survey;
  const text =
    textIn(definition.consent.text, lang, definition.defaultLanguage) || t('kiosk.consentDefault');
  return (
    <div className="k-center" data-testid="kiosk-consent">
      <div className="k-card k-enter">
        <h1 className="k-heading">{t('kiosk.consentTitle')}</h1>
        <p className="k-consent-text">{text}</p>
        {saveFailed && (
          <p className="k-problem" role="alert">
            {t('kiosk.saveFailed')}
          </p>
        )}
        <div className="k-consent-actions">
          <button
            type="button"
            className="k-button k-secondary"
            data-action="decline"
            onClick={reset}
          >
            {t('kiosk.decline')}
          </button>
          <button
            type="button"
            className="k-button k-primary"
            data-action="agree"
            disabled={saving}
            onClick={() => void agree()}
          >
            {saving ? t('kiosk.saving') : t('kiosk.agree')}
          </button>
        </div>
      </div>
    </div>
  );
}

export function Thanks({ seconds }: { seconds: number }) {
  const t = useKioskT();
  const survey = useKioskStore((s) => s.survey);
  const lang = useKioskStore((s) => s.lang);
  const reset = useKioskStore((s) => s.reset);

  useEffect(() => {
    const timer = window.setTimeout(reset, seconds * 1000);
    return () => window.clearTimeout(timer);
  }, [reset, seconds]);

  return (
    <div className="k-center" data-testid="kiosk-thanks">
      <div className="k-card k-thanks k-enter">
        <svg className="k-check" viewBox="0 0 64 64" aria-hidden="true">
          <circle cx="32" cy="32" r="30" />
          <path d="M18 33 l9 9 l19 -20" />
        </svg>
        <h1 className="k-heading">{thankYouText(survey, lang) || t('kiosk.thanksDefault')}</h1>
        <p className="k-hint">{t('kiosk.thanksReturn')}</p>
      </div>
    </div>
  );
}

/** "Still there?": any touch (the button included) restarts the idle timer. */
export function IdleWarning({ seconds }: { seconds: number }) {
  const t = useKioskT();
  return (
    <div className="k-overlay" data-testid="kiosk-idle">
      <div className="k-card k-idle" role="alertdialog" aria-labelledby="k-idle-title">
        <div className="k-countdown" aria-hidden="true">
          {seconds}
        </div>
        <h1 className="k-heading" id="k-idle-title">
          {t('kiosk.idleTitle')}
        </h1>
        <p className="k-description">{t('kiosk.idleBody', { seconds })}</p>
        <button type="button" className="k-button k-primary" data-action="continue">
          {t('kiosk.idleContinue')}
        </button>
      </div>
    </div>
  );
}
