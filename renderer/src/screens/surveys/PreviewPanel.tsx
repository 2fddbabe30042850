/**
 * The live preview: the real respondent form with skip logic, in a laptop or a 10-inch tablet
 * frame, in any of the survey's languages. Answers stay in memory and are never saved.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SurveyLanguage } from '../../../../shared/questionnaire/model';
import type { AnswerValue, Answers } from '../../../../shared/questionnaire/runtime';
import { RespondentForm } from '../../components/form/RespondentForm';
import { useDesignerStore } from '../../stores/designer';
import { languageName } from './fields';

type Device = 'laptop' | 'tablet';

export function PreviewPanel() {
  const { t } = useTranslation();
  const definition = useDesignerStore((s) => s.definition)!;
  const [device, setDevice] = useState<Device>('laptop');
  const [lang, setLang] = useState<SurveyLanguage>(definition.defaultLanguage);
  const [answers, setAnswers] = useState<Answers>({});
  const [round, setRound] = useState(0);
  const shown = definition.languages.includes(lang) ? lang : definition.defaultLanguage;
  const onAnswer = (name: string, value: AnswerValue) => setAnswers((current) => ({ ...current, [name]: value }));

  return (
    <div className="preview-panel" data-testid="preview">
      <div className="preview-tools">
        <div className="segmented small">
          {(['laptop', 'tablet'] as const).map((d) => (
            <button key={d} type="button" className={device === d ? 'segment selected' : 'segment'} data-device={d} onClick={() => setDevice(d)}>
              {t(`designer.device.${d}`)}
            </button>
          ))}
        </div>
        {definition.languages.length > 1 && (
          <select className="input compact" value={shown} aria-label={t('designer.previewLanguage')} onChange={(e) => setLang(e.target.value as SurveyLanguage)}>
            {definition.languages.map((l) => (
              <option key={l} value={l}>
                {languageName(l)}
              </option>
            ))}
          </select>
        )}
        <button type="button" className="button ghost small" onClick={() => { setAnswers({}); setRound((n) => n + 1); }}>
          {t('designer.restartPreview')}
        </button>
      </div>
      <div className={`device-frame ${device}`}>
        <div className="device-screen">
          <RespondentForm key={round} definition={definition} lang={shown} answers={answers} onAnswer={onAnswer} onRestart={() => setAnswers({})} />
        </div>
      </div>
    </div>
  );
}
