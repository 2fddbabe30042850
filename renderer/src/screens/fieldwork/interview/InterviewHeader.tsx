/** The bar above every step: questionnaire and customer, questionnaire language, saving, exit. */
import { useTranslation } from 'react-i18next';
import { textIn, type SurveyLanguage } from '../../../../../shared/questionnaire/model';
import { useInterviewStore } from '../../../stores/interview';
import { SaveIndicator } from './SaveIndicator';

/** Each language named in itself, as respondents look for it. */
const LANGUAGE_NAMES: Record<SurveyLanguage, string> = {
  'zh-CN': '简体中文',
  'zh-TW': '繁體中文',
  en: 'English',
};

export function InterviewHeader({ onExit, leaving }: { onExit: () => void; leaving: boolean }) {
  const { t } = useTranslation();
  const definition = useInterviewStore((s) => s.definition);
  const lang = useInterviewStore((s) => s.lang);
  const setLang = useInterviewStore((s) => s.setLang);
  const step = useInterviewStore((s) => s.step);
  const customerName = useInterviewStore((s) => s.customerName);
  const responseId = useInterviewStore((s) => s.responseId);
  if (!definition) return null;
  const showCustomer = step === 'consent' || step === 'questions';

  return (
    <header className="iv-header">
      <div className="iv-heading">
        <span className="iv-kicker">{t('interview.title')}</span>
        <strong className="iv-survey">
          {textIn(definition.title, lang, definition.defaultLanguage)}
        </strong>
        {showCustomer && (
          <span className="iv-customer" data-testid="interview-customer">
            {customerName ?? t('interview.noCustomer')}
          </span>
        )}
      </div>
      <div className="iv-tools">
        {definition.languages.length > 1 && step !== 'done' && (
          <div
            className="segmented iv-langs"
            role="radiogroup"
            aria-label={t('interview.questionnaireLanguage')}
          >
            {definition.languages.map((code) => (
              <button
                key={code}
                type="button"
                role="radio"
                aria-checked={code === lang}
                className={code === lang ? 'segment selected' : 'segment'}
                data-lang={code}
                onClick={() => setLang(code)}
              >
                {LANGUAGE_NAMES[code]}
              </button>
            ))}
          </div>
        )}
        {responseId && <SaveIndicator />}
        <button
          type="button"
          className="button secondary"
          data-action="exit-interview"
          disabled={leaving}
          title={responseId ? t('interview.exitHelp') : undefined}
          onClick={onExit}
        >
          ← {t('interview.exit')}
        </button>
      </div>
    </header>
  );
}
