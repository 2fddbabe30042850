/**
 * The "Waves and sampling" tab of the Customers screen (调查批次与抽样): choose a survey and a
 * wave, edit the wave's plan and targets, design and preview the stratified sample, draw it
 * with a visible seed, then work the sample list while response rates update live.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSamplingStore } from '../../../stores/sampling';
import { DefaultsCard } from './DefaultsCard';
import { DesignCard } from './DesignCard';
import { PlanTable } from './PlanTable';
import { RatesCard } from './RatesCard';
import { SampleList } from './SampleList';
import { WavePlanCard } from './WavePlanCard';
import './sampling.css';

/** Response rates follow responses entered elsewhere (interviews, kiosk, imports) without a click. */
const REFRESH_MS = 15_000;

function NewWave() {
  const { t } = useTranslation();
  const createWave = useSamplingStore((s) => s.createWave);
  const busy = useSamplingStore((s) => s.busy);
  const [name, setName] = useState('');
  return (
    <form
      className="sampling-new-wave"
      onSubmit={(e) => {
        e.preventDefault();
        void createWave(name).then(() => setName(''));
      }}
    >
      <input
        className="input"
        data-field="new-wave"
        aria-label={t('sampling.newWave')}
        placeholder={t('sampling.newWave')}
        value={name}
        onChange={(e) => setName(e.target.value)}
      />
      <button
        type="submit"
        className="button secondary"
        data-action="create-wave"
        disabled={busy || !name.trim()}
      >
        {t('sampling.createWave')}
      </button>
    </form>
  );
}

function Notice() {
  const { t } = useTranslation();
  const notice = useSamplingStore((s) => s.notice);
  if (!notice) return null;
  return (
    <p className="notice-bar good" role="status" data-testid="sampling-notice">
      {notice.kind === 'saved'
        ? t('sampling.plan.saved')
        : t('sampling.list.exported', { rows: notice.rows, path: notice.path })}
    </p>
  );
}

export function SamplingPanel() {
  const { t } = useTranslation();
  const s = useSamplingStore();
  const { load, refresh } = s;

  useEffect(() => {
    void load();
    const timer = setInterval(() => void refresh(), REFRESH_MS);
    const onFocus = () => void refresh();
    window.addEventListener('focus', onFocus);
    return () => {
      clearInterval(timer);
      window.removeEventListener('focus', onFocus);
    };
  }, [load, refresh]);

  if (s.loaded && s.surveys.length === 0) {
    return (
      <div className="card notice" data-testid="sampling-panel">
        <p>{t('sampling.noSurvey')}</p>
      </div>
    );
  }

  return (
    <div className="sampling" data-testid="sampling-panel">
      <div className="sampling-top">
        <label className="field">
          <span className="field-label">{t('sampling.survey')}</span>
          <select
            className="input"
            data-field="survey"
            value={s.surveyId ?? ''}
            onChange={(e) => void s.chooseSurvey(e.target.value)}
          >
            {s.surveys.map((survey) => (
              <option key={survey.id} value={survey.id}>
                {survey.title}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span className="field-label">{t('sampling.wave')}</span>
          <select
            className="input"
            data-field="wave"
            value={s.waveId ?? ''}
            disabled={s.waves.length === 0}
            onChange={(e) => void s.chooseWave(e.target.value)}
          >
            {s.waves.map((wave) => (
              <option key={wave.id} value={wave.id}>
                {wave.name}
              </option>
            ))}
          </select>
        </label>
        <NewWave />
      </div>
      <Notice />
      {s.surveyId && s.waves.length === 0 && <p className="card notice">{t('sampling.noWave')}</p>}
      {s.wave && (
        <>
          <div className="sampling-grid">
            <WavePlanCard key={`${s.wave.id}:${JSON.stringify(s.wave)}`} wave={s.wave} />
            <DesignCard />
          </div>
          <PlanTable />
          {s.view?.rates && <RatesCard rates={s.view.rates} onRefresh={() => void refresh()} />}
          {s.view?.sample && <SampleList view={s.view} />}
        </>
      )}
      {s.defaults && <DefaultsCard defaults={s.defaults} />}
    </div>
  );
}
