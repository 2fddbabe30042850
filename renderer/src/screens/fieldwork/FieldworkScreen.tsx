/**
 * Field work hub: pick the survey (published versions only) and the wave, say who is working,
 * then open interview, kiosk or paper-entry mode. Interrupted interviews are offered for resumption.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppStore } from '../../stores/app';
import { useFieldworkStore, type FieldMode } from '../../stores/fieldwork';
import { InterviewMode } from './InterviewMode';
import { KioskMode } from './KioskMode';
import { PaperEntry } from './PaperEntry';
import './fieldwork.css';

const MODES: FieldMode[] = ['interview', 'kiosk', 'paper'];

export function FieldworkScreen() {
  const { t, i18n } = useTranslation();
  const state = useFieldworkStore();
  const settings = useAppStore((s) => s.settings);
  const setOperator = useAppStore((s) => s.setOperator);
  const [waveName, setWaveName] = useState('');
  // The draft restarts from the stored name whenever that changes (keyed state, no effect).
  const stored = settings?.operatorName ?? '';
  const [draft, setDraft] = useState<{ from: string; value: string }>({ from: stored, value: stored });
  const operator = draft.from === stored ? draft.value : stored;
  const setOperatorDraft = (value: string) => setDraft({ from: stored, value });

  useEffect(() => {
    void state.load();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  if (state.mode && state.surveyId && state.definition && state.versionNo !== null) {
    const props = {
      surveyId: state.surveyId,
      waveId: state.waveId,
      definition: state.definition,
      versionNo: state.versionNo,
      onExit: () => {
        state.open(null);
        void state.refreshResumable();
      },
    };
    if (state.mode === 'interview') return <InterviewMode {...props} resumeId={state.resumeId} />;
    if (state.mode === 'kiosk') return <KioskMode {...props} />;
    return <PaperEntry {...props} />;
  }

  return (
    <section className="screen fieldwork" data-testid="fieldwork">
      <h1>{t('nav.fieldwork')}</h1>
      {state.resumable.length > 0 && (
        <div className="card resume" data-testid="resumable">
          <h2>{t('fieldwork.resumeTitle')}</h2>
          <ul className="plain-list">
            {state.resumable.map((r) => (
              <li key={r.id} className="resume-item">
                <span>
                  <strong>{r.customerName ?? t('fieldwork.noCustomer')}</strong> · {r.surveyTitle} · {t('fieldwork.answered', { count: r.answerCount })} ·{' '}
                  {new Date(r.updatedAt).toLocaleString(i18n.language)}
                </span>
                <button
                  type="button"
                  className="button"
                  data-action="resume"
                  onClick={() => {
                    void state.chooseSurvey(r.surveyId).then(() => {
                      if (r.waveId) state.chooseWave(r.waveId);
                      state.open('interview', r.id);
                    });
                  }}
                >
                  {t('fieldwork.resume')}
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}
      <div className="card setup">
        <div className="field-row">
          <label className="field">
            <span className="field-label">{t('fieldwork.survey')}</span>
            <select className="input" data-field="survey" value={state.surveyId ?? ''} onChange={(e) => void state.chooseSurvey(e.target.value || null)}>
              {state.surveys.length === 0 && <option value="">{t('fieldwork.noPublished')}</option>}
              {state.surveys.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.code} · {s.title} (v{s.publishedVersion})
                </option>
              ))}
            </select>
          </label>
          <label className="field">
            <span className="field-label">{t('fieldwork.wave')}</span>
            <select className="input" data-field="wave" value={state.waveId ?? ''} onChange={(e) => state.chooseWave(e.target.value || null)}>
              <option value="">{t('fieldwork.noWave')}</option>
              {state.waves.map((w) => (
                <option key={w.id} value={w.id}>
                  {w.name} ({t('fieldwork.responses', { count: w.responseCount })})
                </option>
              ))}
            </select>
          </label>
          <form
            className="field inline-form"
            onSubmit={(e) => {
              e.preventDefault();
              if (waveName.trim()) void state.createWave(waveName.trim()).then(() => setWaveName(''));
            }}
          >
            <span className="field-label">{t('fieldwork.newWave')}</span>
            <span className="inline">
              <input className="input" data-field="new-wave" value={waveName} placeholder={t('fieldwork.waveExample')} onChange={(e) => setWaveName(e.target.value)} />
              <button type="submit" className="button secondary" disabled={!state.surveyId || !waveName.trim()}>
                {t('fieldwork.add')}
              </button>
            </span>
          </form>
        </div>
        <form
          className="field-row"
          onSubmit={(e) => {
            e.preventDefault();
            void setOperator(operator.trim() || null);
          }}
        >
          <label className="field">
            <span className="field-label">{t('fieldwork.operator')}</span>
            <input className="input" data-field="operator" value={operator} onChange={(e) => setOperatorDraft(e.target.value)} onBlur={() => void setOperator(operator.trim() || null)} />
          </label>
        </form>
      </div>
      <div className="mode-grid">
        {MODES.map((mode) => (
          <button key={mode} type="button" className="mode-card" data-mode={mode} disabled={!state.definition} onClick={() => state.open(mode)}>
            <strong>{t(`fieldwork.mode.${mode}.title`)}</strong>
            <span className="muted">{t(`fieldwork.mode.${mode}.body`)}</span>
          </button>
        ))}
      </div>
      {!state.definition && <p className="muted">{t('fieldwork.publishFirst')}</p>}
    </section>
  );
}
