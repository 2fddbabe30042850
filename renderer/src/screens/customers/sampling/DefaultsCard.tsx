/**
 * The sampling defaults (DOMAIN.md "Planning"): the size rule's thresholds, target response
 * rates per channel and reminder days. Folded away: they are changed rarely.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CHANNELS, type Channel } from '../../../../../shared/responses';
import type { SamplingDefaults } from '../../../../../shared/sampling';
import { useSamplingStore } from '../../../stores/sampling';

const num = (text: string) => (text.trim() === '' ? NaN : Number(text.trim().replace(',', '.')));

export function DefaultsCard({ defaults }: { defaults: SamplingDefaults }) {
  const { t } = useTranslation();
  const saveDefaults = useSamplingStore((s) => s.saveDefaults);
  const busy = useSamplingStore((s) => s.busy);
  const [minBase, setMinBase] = useState(String(defaults.minBase));
  const [minFraction, setMinFraction] = useState(String(defaults.minFraction * 100));
  const [smallMin, setSmallMin] = useState(String(defaults.smallMin));
  const [rates, setRates] = useState(
    Object.fromEntries(
      CHANNELS.map((c) => [c, String(Math.round(defaults.targetRates[c] * 1000) / 10)]),
    ) as Record<Channel, string>,
  );
  const [reminders, setReminders] = useState(defaults.reminderDays.join(', '));
  const reminderDays = reminders
    .split(/[\s,，;；]+/)
    .filter(Boolean)
    .map(Number);
  const base = num(minBase);
  const fraction = num(minFraction);
  const small = num(smallMin);
  const rateOk = CHANNELS.every((c) => num(rates[c]) >= 0 && num(rates[c]) <= 100);
  const valid =
    Number.isInteger(base) &&
    base >= 1 &&
    fraction > 0 &&
    fraction <= 100 &&
    Number.isInteger(small) &&
    small >= 1 &&
    rateOk &&
    reminderDays.every((d) => Number.isInteger(d) && d >= 1 && d <= 60);
  return (
    <details className="card sampling-card sampling-defaults" data-testid="sampling-defaults">
      <summary>
        <h2>{t('sampling.defaults.title')}</h2>
      </summary>
      <p className="muted small">{t('sampling.defaults.help')}</p>
      <div className="field-row">
        <label className="field">
          <span className="field-label">{t('sampling.defaults.minBase')}</span>
          <input
            className="input"
            inputMode="numeric"
            data-default="minBase"
            value={minBase}
            onChange={(e) => setMinBase(e.target.value)}
          />
        </label>
        <label className="field">
          <span className="field-label">{t('sampling.defaults.minFraction')}</span>
          <input
            className="input"
            inputMode="decimal"
            data-default="minFraction"
            value={minFraction}
            onChange={(e) => setMinFraction(e.target.value)}
          />
        </label>
        <label className="field">
          <span className="field-label">{t('sampling.defaults.smallMin')}</span>
          <input
            className="input"
            inputMode="numeric"
            data-default="smallMin"
            value={smallMin}
            onChange={(e) => setSmallMin(e.target.value)}
          />
        </label>
      </div>
      <div className="field-row">
        {CHANNELS.map((c) => (
          <label className="field" key={c}>
            <span className="field-label">
              {t(`sampling.channel.${c}`)} · {t('sampling.plan.targetRate')}
            </span>
            <input
              className="input"
              inputMode="decimal"
              data-default-rate={c}
              value={rates[c]}
              onChange={(e) => setRates({ ...rates, [c]: e.target.value })}
            />
          </label>
        ))}
      </div>
      <label className="field">
        <span className="field-label">{t('sampling.plan.reminderDays')}</span>
        <input
          className="input"
          data-default="reminderDays"
          value={reminders}
          onChange={(e) => setReminders(e.target.value)}
        />
      </label>
      <button
        type="button"
        className="button"
        data-action="save-defaults"
        disabled={busy || !valid}
        onClick={() =>
          void saveDefaults({
            minBase: base,
            minFraction: fraction / 100,
            smallMin: small,
            targetRates: Object.fromEntries(CHANNELS.map((c) => [c, num(rates[c]) / 100])),
            reminderDays,
          })
        }
      >
        {t('sampling.defaults.save')}
      </button>
    </details>
  );
}
