/** The sampling design: strata, the size rule, always-include accounts, the seed; preview and draw. */
import { useTranslation } from 'react-i18next';
import {
  STRATUM_ATTRIBUTES,
  type SampleRule,
  type SamplingDefaults,
} from '../../../../../shared/sampling';
import { useSamplingStore } from '../../../stores/sampling';
import { localMinute } from './format';

function RuleFields({ rule, defaults }: { rule: SampleRule; defaults: SamplingDefaults }) {
  const { t } = useTranslation();
  const setDesign = useSamplingStore((s) => s.setDesign);
  if (rule.kind === 'fixedSize') {
    return (
      <label className="field small-field">
        <span className="field-label">{t('sampling.design.size')}</span>
        <input
          className="input"
          type="number"
          min={1}
          data-field="fixed-size"
          value={rule.size}
          onChange={(e) =>
            setDesign({
              rule: {
                kind: 'fixedSize',
                size: Math.max(1, Math.round(Number(e.target.value) || 1)),
              },
            })
          }
        />
      </label>
    );
  }
  if (rule.kind === 'fixedFraction') {
    return (
      <label className="field small-field">
        <span className="field-label">{t('sampling.design.fraction')}</span>
        <input
          className="input"
          type="number"
          min={1}
          max={100}
          data-field="fixed-fraction"
          value={Math.round(rule.fraction * 1000) / 10}
          onChange={(e) =>
            setDesign({
              rule: {
                kind: 'fixedFraction',
                fraction: Math.min(1, Math.max(0.001, (Number(e.target.value) || 0) / 100)),
              },
            })
          }
        />
      </label>
    );
  }
  const small = rule.smallStratum ?? defaults.smallStratum;
  return (
    <fieldset className="field">
      <legend>{t('sampling.design.smallStrata', { minBase: defaults.minBase })}</legend>
      <div className="segmented">
        {(['all', 'atLeast'] as const).map((option) => (
          <button
            key={option}
            type="button"
            className={small === option ? 'segment selected' : 'segment'}
            data-small={option}
            aria-pressed={small === option}
            onClick={() => setDesign({ rule: { kind: 'domain', smallStratum: option } })}
          >
            {option === 'all'
              ? t('sampling.design.smallAll')
              : t('sampling.design.smallAtLeast', { n: defaults.smallMin })}
          </button>
        ))}
      </div>
    </fieldset>
  );
}

export function DesignCard() {
  const { t } = useTranslation();
  const s = useSamplingStore();
  const { design, defaults, view, seed, busy } = s;
  if (!defaults) return null;
  const started = view?.members.some((m) => m.status !== 'not_contacted') ?? false;
  const ruleOf = (kind: SampleRule['kind']): SampleRule =>
    kind === 'fixedSize'
      ? { kind, size: 30 }
      : kind === 'fixedFraction'
        ? { kind, fraction: defaults.minFraction }
        : { kind: 'domain' };
  return (
    <div className="card sampling-card" data-testid="sample-design">
      <h2>{t('sampling.design.title')}</h2>
      <fieldset className="field">
        <legend>{t('sampling.design.strata')}</legend>
        <div className="segmented">
          {STRATUM_ATTRIBUTES.map((attribute) => {
            const on = design.strata.includes(attribute);
            return (
              <button
                key={attribute}
                type="button"
                className={on ? 'segment selected' : 'segment'}
                aria-pressed={on}
                data-stratum-attribute={attribute}
                onClick={() =>
                  s.setDesign({
                    strata: on
                      ? design.strata.filter((a) => a !== attribute)
                      : [...design.strata, attribute],
                  })
                }
              >
                {t(`sampling.attribute.${attribute}`)}
              </button>
            );
          })}
        </div>
        {design.strata.length === 0 && (
          <span className="field-help">{t('sampling.design.noStrata')}</span>
        )}
      </fieldset>
      <div className="field-row">
        <label className="field">
          <span className="field-label">{t('sampling.design.rule')}</span>
          <select
            className="input"
            data-field="rule"
            value={design.rule.kind}
            onChange={(e) => s.setDesign({ rule: ruleOf(e.target.value as SampleRule['kind']) })}
          >
            <option value="domain">
              {t('sampling.design.ruleDomain', {
                minBase: defaults.minBase,
                percent: Math.round(defaults.minFraction * 100),
              })}
            </option>
            <option value="fixedSize">{t('sampling.design.ruleFixedSize')}</option>
            <option value="fixedFraction">{t('sampling.design.ruleFixedFraction')}</option>
          </select>
        </label>
      </div>
      <RuleFields rule={design.rule} defaults={defaults} />
      <label className="field">
        <span className="field-label">{t('sampling.design.alwaysInclude')}</span>
        <textarea
          className="input"
          rows={2}
          data-field="always-include"
          value={design.alwaysInclude}
          onChange={(e) => s.setDesign({ alwaysInclude: e.target.value })}
        />
      </label>
      <div className="field-row">
        <label className="field small-field">
          <span className="field-label">{t('sampling.design.seed')}</span>
          <input
            className="input mono"
            inputMode="numeric"
            data-field="seed"
            value={seed}
            onChange={(e) =>
              s.setSeed(
                Math.min(
                  0xffffffff,
                  Math.max(0, Math.floor(Number(e.target.value.replace(/\D/g, '')) || 0)),
                ),
              )
            }
          />
        </label>
        <button
          type="button"
          className="button secondary sampling-inline"
          onClick={s.newSeed}
          disabled={busy}
        >
          {t('sampling.design.newSeed')}
        </button>
      </div>
      {view?.sample && (
        <p className="sampling-drawn" data-testid="sample-drawn">
          {t('sampling.design.drawn', {
            at: localMinute(view.sample.drawnAt),
            seed: view.sample.seed,
            size: view.sample.size,
            population: view.sample.population,
          })}
        </p>
      )}
      {started && <p className="muted small">{t('sampling.design.started')}</p>}
      <div className="actions">
        <button
          type="button"
          className="button secondary"
          data-action="preview"
          disabled={busy}
          onClick={() => void s.preview()}
        >
          {t('sampling.design.preview')}
        </button>
        <button
          type="button"
          className="button"
          data-action="draw"
          disabled={busy || started}
          onClick={() => void s.draw()}
        >
          {view?.sample ? t('sampling.design.redraw') : t('sampling.design.draw')}
        </button>
      </div>
    </div>
  );
}
