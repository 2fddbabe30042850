/** The plan per stratum, shown before drawing, with each stratum's own rule. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PlanStratum, SamplingDefaults } from '../../../../../shared/sampling';
import { useSamplingStore } from '../../../stores/sampling';

function basisText(
  t: (key: string, values?: Record<string, unknown>) => string,
  s: PlanStratum,
  d: SamplingDefaults,
) {
  return t(`sampling.basis.${s.basis}`, {
    percent: Math.round(d.minFraction * 100),
    minBase: d.minBase,
    n: d.smallMin,
  });
}

/** The stratum's own rule: the general one, everyone, or a fixed size. */
function OverrideCell({ stratum, population }: { stratum: string; population: number }) {
  const { t } = useTranslation();
  const override = useSamplingStore((s) => s.design.overrides[stratum]);
  const setOverride = useSamplingStore((s) => s.setOverride);
  const busy = useSamplingStore((s) => s.busy);
  const started = useSamplingStore(
    (s) => s.view?.members.some((m) => m.status !== 'not_contacted') ?? false,
  );
  const [size, setSize] = useState(
    String(override?.kind === 'fixedSize' ? override.size : Math.min(population, 30)),
  );
  const applySize = (text: string) => {
    const value = Math.round(Number(text));
    if (Number.isInteger(value) && value >= 1)
      void setOverride(stratum, { kind: 'fixedSize', size: value });
  };
  return (
    <div className="sampling-override">
      <select
        className="input"
        aria-label={`${t('sampling.design.override')}: ${stratum}`}
        data-override={stratum}
        disabled={busy || started}
        value={override?.kind ?? ''}
        onChange={(e) => {
          const kind = e.target.value;
          if (kind === 'all') void setOverride(stratum, { kind: 'all' });
          else if (kind === 'fixedSize') applySize(size);
          else void setOverride(stratum, null);
        }}
      >
        <option value="">{t('sampling.design.overrideDefault')}</option>
        <option value="all">{t('sampling.design.overrideAll')}</option>
        <option value="fixedSize">{t('sampling.design.overrideSize')}</option>
      </select>
      {override?.kind === 'fixedSize' && (
        <input
          className="input narrow"
          type="number"
          min={1}
          aria-label={t('sampling.design.overrideSize')}
          data-override-size={stratum}
          value={size}
          disabled={busy || started}
          onChange={(e) => setSize(e.target.value)}
          onBlur={(e) => applySize(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') applySize(e.currentTarget.value);
          }}
        />
      )}
    </div>
  );
}

export function PlanTable() {
  const { t } = useTranslation();
  const plan = useSamplingStore((s) => s.plan);
  const defaults = useSamplingStore((s) => s.defaults);
  if (!plan || !defaults) return null;
  return (
    <div className="card sampling-card" data-testid="sample-plan">
      <h2>
        {t('sampling.design.planTotal', { size: plan.sampleSize, population: plan.population })}
      </h2>
      {plan.population === 0 && <p className="muted">{t('sampling.design.emptyRegister')}</p>}
      {plan.unknownIncludes.length > 0 && (
        <p className="sampling-warning" role="alert">
          {t('sampling.design.unknownIncludes', { codes: plan.unknownIncludes.join(', ') })}
        </p>
      )}
      <div className="sampling-scroll">
        <table className="table data-table sampling-plan-table">
          <thead>
            <tr>
              <th>{t('sampling.columns.stratum')}</th>
              <th className="num">{t('sampling.columns.population')}</th>
              <th className="num">{t('sampling.columns.certain')}</th>
              <th className="num">{t('sampling.columns.sampleSize')}</th>
              <th className="num">{t('sampling.columns.fraction')}</th>
              <th className="num">{t('sampling.columns.weight')}</th>
              <th>{t('sampling.columns.basis')}</th>
              <th>{t('sampling.design.override')}</th>
            </tr>
          </thead>
          <tbody>
            {plan.strata.map((s) => (
              <tr key={s.key} data-stratum={s.key}>
                <td>{s.key === '*' ? t('sampling.design.allCustomers') : s.key}</td>
                <td className="num">{s.population}</td>
                <td className="num">{s.certain}</td>
                <td className="num strong" data-cell="size">
                  {s.sampleSize}
                </td>
                <td className="num">{(s.fraction * 100).toFixed(1)}%</td>
                <td className="num" data-cell="weight">
                  {s.weight === null ? '—' : s.weight.toFixed(3)}
                </td>
                <td>{basisText(t, s, defaults)}</td>
                <td>
                  <OverrideCell stratum={s.key} population={s.population} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
