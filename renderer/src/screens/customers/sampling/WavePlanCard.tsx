/** The wave's plan: period, goal, channels with target response rates, reminders, target figures. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CHANNELS, type Channel } from '../../../../../shared/responses';
import type { TargetFigure, WavePlan } from '../../../../../shared/sampling';
import { useSamplingStore } from '../../../stores/sampling';

interface FigureRow {
  metric: string;
  baseline: string;
  target: string;
}

const percentText = (rate: number) => String(Math.round(rate * 1000) / 10);

function parseNumber(text: string): number | null {
  const value = Number(text.trim().replace(',', '.'));
  return text.trim() === '' || !Number.isFinite(value) ? null : value;
}

export function WavePlanCard({ wave }: { wave: WavePlan }) {
  const { t } = useTranslation();
  const busy = useSamplingStore((s) => s.busy);
  const savePlan = useSamplingStore((s) => s.savePlan);
  const [name, setName] = useState(wave.name);
  const [startsOn, setStartsOn] = useState(wave.startsOn ?? '');
  const [endsOn, setEndsOn] = useState(wave.endsOn ?? '');
  const [goal, setGoal] = useState(wave.goal);
  const [channels, setChannels] = useState<Channel[]>(wave.channels);
  const [rates, setRates] = useState<Record<Channel, string>>(
    Object.fromEntries(CHANNELS.map((c) => [c, percentText(wave.targetRates[c])])) as Record<
      Channel,
      string
    >,
  );
  const [reminders, setReminders] = useState(wave.reminderDays.join(', '));
  const [figures, setFigures] = useState<FigureRow[]>(
    wave.targetFigures.map((f) => ({
      metric: f.metric,
      baseline: f.baseline === null ? '' : String(f.baseline),
      target: String(f.target),
    })),
  );

  const reminderDays = reminders
    .split(/[\s,，;；]+/)
    .filter(Boolean)
    .map(Number);
  const remindersValid = reminderDays.every((d) => Number.isInteger(d) && d >= 1 && d <= 60);
  const rateValues = Object.fromEntries(CHANNELS.map((c) => [c, parseNumber(rates[c])])) as Record<
    Channel,
    number | null
  >;
  const ratesValid = channels.every((c) => {
    const v = rateValues[c];
    return v !== null && v >= 0 && v <= 100;
  });
  const figuresValid = figures.every(
    (f) =>
      f.metric.trim() &&
      parseNumber(f.target) !== null &&
      (f.baseline.trim() === '' || parseNumber(f.baseline) !== null),
  );
  const valid = name.trim() && channels.length > 0 && remindersValid && ratesValid && figuresValid;

  const save = () => {
    const targetRates: Partial<Record<Channel, number>> = {};
    for (const c of channels) targetRates[c] = rateValues[c]! / 100;
    const targetFigures: TargetFigure[] = figures.map((f) => ({
      metric: f.metric.trim(),
      baseline: parseNumber(f.baseline),
      target: parseNumber(f.target)!,
    }));
    void savePlan({
      name: name.trim(),
      startsOn: startsOn || null,
      endsOn: endsOn || null,
      goal,
      channels,
      targetRates,
      reminderDays,
      targetFigures,
    });
  };

  const setFigure = (k: number, patch: Partial<FigureRow>) =>
    setFigures(figures.map((f, i) => (i === k ? { ...f, ...patch } : f)));

  return (
    <form
      className="card sampling-card"
      data-testid="wave-plan"
      onSubmit={(e) => {
        e.preventDefault();
        if (valid) save();
      }}
    >
      <h2>{t('sampling.plan.title')}</h2>
      <label className="field">
        <span className="field-label">{t('sampling.plan.name')}</span>
        <input
          className="input"
          data-field="wave-name"
          value={name}
          onChange={(e) => setName(e.target.value)}
        />
      </label>
      <div className="field-row">
        <label className="field">
          <span className="field-label">{t('sampling.plan.startsOn')}</span>
          <input
            className="input"
            type="date"
            data-field="starts-on"
            value={startsOn}
            onChange={(e) => setStartsOn(e.target.value)}
          />
        </label>
        <label className="field">
          <span className="field-label">{t('sampling.plan.endsOn')}</span>
          <input
            className="input"
            type="date"
            data-field="ends-on"
            value={endsOn}
            onChange={(e) => setEndsOn(e.target.value)}
          />
        </label>
      </div>
      <label className="field">
        <span className="field-label">{t('sampling.plan.goal')}</span>
        <textarea
          className="input"
          rows={2}
          data-field="goal"
          placeholder={t('sampling.plan.goalHint')}
          value={goal}
          onChange={(e) => setGoal(e.target.value)}
        />
      </label>
      <fieldset className="field">
        <legend>{t('sampling.plan.channels')}</legend>
        <div className="sampling-channels">
          {CHANNELS.map((c) => {
            const on = channels.includes(c);
            return (
              <div key={c} className={on ? 'sampling-channel on' : 'sampling-channel'}>
                <label className="sampling-check">
                  <input
                    type="checkbox"
                    data-channel={c}
                    checked={on}
                    onChange={() =>
                      setChannels(on ? channels.filter((x) => x !== c) : [...channels, c])
                    }
                  />
                  <span>{t(`sampling.channel.${c}`)}</span>
                </label>
                {on && (
                  <label className="sampling-rate">
                    <span className="muted small">{t('sampling.plan.targetRate')}</span>
                    <input
                      className={rateValues[c] === null ? 'input narrow invalid' : 'input narrow'}
                      inputMode="decimal"
                      data-rate={c}
                      value={rates[c]}
                      onChange={(e) => setRates({ ...rates, [c]: e.target.value })}
                    />
                  </label>
                )}
              </div>
            );
          })}
        </div>
      </fieldset>
      <label className="field">
        <span className="field-label">{t('sampling.plan.reminderDays')}</span>
        <input
          className={remindersValid ? 'input' : 'input invalid'}
          data-field="reminder-days"
          value={reminders}
          onChange={(e) => setReminders(e.target.value)}
        />
        <span className="field-help">{t('sampling.plan.reminderHint')}</span>
      </label>
      <fieldset className="field">
        <legend>{t('sampling.plan.figures')}</legend>
        {figures.map((f, k) => (
          <div className="field-row sampling-figure" key={k}>
            <input
              className="input"
              aria-label={t('sampling.plan.metric')}
              placeholder={t('sampling.plan.metric')}
              value={f.metric}
              onChange={(e) => setFigure(k, { metric: e.target.value })}
            />
            <input
              className="input narrow"
              inputMode="decimal"
              aria-label={t('sampling.plan.baseline')}
              placeholder={t('sampling.plan.baseline')}
              value={f.baseline}
              onChange={(e) => setFigure(k, { baseline: e.target.value })}
            />
            <span aria-hidden>→</span>
            <input
              className="input narrow"
              inputMode="decimal"
              aria-label={t('sampling.plan.target')}
              placeholder={t('sampling.plan.target')}
              value={f.target}
              onChange={(e) => setFigure(k, { target: e.target.value })}
            />
            <button
              type="button"
              className="button ghost"
              onClick={() => setFigures(figures.filter((_, i) => i !== k))}
            >
              {t('sampling.plan.removeFigure')}
            </button>
          </div>
        ))}
        <div>
          <button
            type="button"
            className="button secondary"
            onClick={() => setFigures([...figures, { metric: '', baseline: '', target: '' }])}
          >
            {t('sampling.plan.addFigure')}
          </button>
        </div>
      </fieldset>
      <div className="actions">
        <button type="submit" className="button" data-action="save-plan" disabled={busy || !valid}>
          {t('sampling.plan.save')}
        </button>
      </div>
    </form>
  );
}
