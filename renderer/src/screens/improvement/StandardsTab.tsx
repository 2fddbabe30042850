/**
 * Service-quality standards (服务质量标准): indicator, dimension, target, formula, data source,
 * period and segment; survey indicators show their result per verified wave, entered ones their
 * latest figure, each met or not met.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { OPERATORS, type Operator, type Standard } from '../../../../shared/improvement';
import { useAppStore } from '../../stores/app';
import { useImprovementStore } from '../../stores/improvement';
import { metricLabel, one, operatorSymbol } from './format';

const ATTRIBUTES = ['type', 'stage', 'region', 'industry', 'size', 'channel'] as const;
type Attribute = (typeof ATTRIBUTES)[number];

function meets(value: number, operator: Operator, target: number): boolean {
  return operator === '>='
    ? value >= target
    : operator === '>'
      ? value > target
      : operator === '<='
        ? value <= target
        : value < target;
}

function Result({ standard }: { standard: Standard }) {
  const { t } = useTranslation();
  if (standard.dataSource === 'manual') {
    if (standard.manualValue === null)
      return <span className="muted">{t('improvement.standards.noResult')}</span>;
    const met = meets(standard.manualValue, standard.operator, standard.target);
    return (
      <span className={met ? 'good' : 'bad'} data-met={met}>
        {one(standard.manualValue)} ·{' '}
        {met ? t('improvement.dashboard.met') : t('improvement.dashboard.notMet')}
      </span>
    );
  }
  if (standard.results.length === 0)
    return <span className="muted">{t('improvement.standards.noResult')}</span>;
  return (
    <ul className="plain-list">
      {standard.results.map((r) => (
        <li key={r.waveId} className={r.met ? 'good' : 'bad'} data-met={r.met}>
          {r.waveName}: {one(r.value)} ·{' '}
          {r.met ? t('improvement.dashboard.met') : t('improvement.dashboard.notMet')}
        </li>
      ))}
    </ul>
  );
}

function StandardForm({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const locale = useAppStore((s) => s.locale);
  const metrics = useImprovementStore((s) => s.metrics);
  const save = useImprovementStore((s) => s.saveStandard);
  const [form, setForm] = useState({
    indicator: '',
    dimension: '',
    operator: '>=' as Operator,
    target: '',
    formula: '',
    dataSource: 'survey' as 'survey' | 'manual',
    period: '',
    attribute: '' as Attribute | '',
    value: '',
    metric: metrics[0]?.key ?? 'index',
    manualValue: '',
  });
  const set = (patch: Partial<typeof form>) => setForm({ ...form, ...patch });
  const chosen = metrics.find((m) => m.key === form.metric);
  const ready =
    form.indicator.trim() &&
    form.target !== '' &&
    (form.dataSource === 'manual' || chosen) &&
    (!form.attribute || form.value.trim());
  return (
    <form
      className="card improvement-form"
      data-testid="standard-form"
      onSubmit={(e) => {
        e.preventDefault();
        if (!ready) return;
        void save({
          indicator: form.indicator.trim(),
          dimension: form.dimension,
          operator: form.operator,
          target: Number(form.target),
          formula: form.formula,
          dataSource: form.dataSource,
          period: form.period,
          segment: form.attribute ? { attribute: form.attribute, value: form.value.trim() } : null,
          metric:
            form.dataSource === 'survey' && chosen ? { kind: chosen.kind, ref: chosen.ref } : null,
          manualValue:
            form.dataSource === 'manual' && form.manualValue !== ''
              ? Number(form.manualValue)
              : null,
        }).then((ok) => ok && onDone());
      }}
    >
      <div className="field-row">
        <label className="field">
          <span className="field-label">{t('improvement.standards.indicator')}</span>
          <input
            className="input"
            data-field="standard-indicator"
            value={form.indicator}
            onChange={(e) => set({ indicator: e.target.value })}
          />
        </label>
        <label className="field">
          <span className="field-label">{t('improvement.standards.dimension')}</span>
          <input
            className="input"
            value={form.dimension}
            onChange={(e) => set({ dimension: e.target.value })}
          />
        </label>
        <label className="field small-field">
          <span className="field-label">{t('improvement.standards.period')}</span>
          <input
            className="input"
            value={form.period}
            onChange={(e) => set({ period: e.target.value })}
          />
        </label>
      </div>
      <div className="field-row">
        <label className="field small-field">
          <span className="field-label">{t('improvement.standards.dataSource')}</span>
          <select
            className="input"
            data-field="standard-source"
            value={form.dataSource}
            onChange={(e) => set({ dataSource: e.target.value as 'survey' | 'manual' })}
          >
            <option value="survey">{t('improvement.standards.source.survey')}</option>
            <option value="manual">{t('improvement.standards.source.manual')}</option>
          </select>
        </label>
        {form.dataSource === 'survey' ? (
          <label className="field">
            <span className="field-label">{t('improvement.standards.metric')}</span>
            <select
              className="input"
              data-field="standard-metric"
              value={form.metric}
              onChange={(e) => set({ metric: e.target.value })}
            >
              {metrics.map((m) => (
                <option key={m.key} value={m.key}>
                  {metricLabel(t, { kind: m.kind, ref: m.ref }, metrics, locale)}
                </option>
              ))}
            </select>
          </label>
        ) : (
          <label className="field small-field">
            <span className="field-label">{t('improvement.standards.manualValue')}</span>
            <input
              className="input"
              type="number"
              value={form.manualValue}
              onChange={(e) => set({ manualValue: e.target.value })}
            />
          </label>
        )}
        <label className="field small-field">
          <span className="field-label">{t('improvement.actions.operator')}</span>
          <select
            className="input"
            value={form.operator}
            onChange={(e) => set({ operator: e.target.value as Operator })}
          >
            {OPERATORS.map((o) => (
              <option key={o} value={o}>
                {o}
              </option>
            ))}
          </select>
        </label>
        <label className="field small-field">
          <span className="field-label">{t('improvement.standards.target')}</span>
          <input
            className="input"
            type="number"
            data-field="standard-target"
            value={form.target}
            onChange={(e) => set({ target: e.target.value })}
          />
        </label>
      </div>
      <div className="field-row">
        <label className="field small-field">
          <span className="field-label">{t('improvement.standards.segment')}</span>
          <select
            className="input"
            data-field="standard-attribute"
            value={form.attribute}
            onChange={(e) => set({ attribute: e.target.value as Attribute | '' })}
          >
            <option value="">{t('improvement.standards.allCustomers')}</option>
            {ATTRIBUTES.map((a) => (
              <option key={a} value={a}>
                {t(`improvement.standards.attribute.${a}`)}
              </option>
            ))}
          </select>
        </label>
        {form.attribute && (
          <label className="field small-field">
            <span className="field-label">{t('improvement.standards.segmentValue')}</span>
            <input
              className="input"
              data-field="standard-segment"
              value={form.value}
              onChange={(e) => set({ value: e.target.value })}
            />
          </label>
        )}
        <label className="field">
          <span className="field-label">{t('improvement.standards.formula')}</span>
          <input
            className="input"
            value={form.formula}
            onChange={(e) => set({ formula: e.target.value })}
          />
        </label>
      </div>
      <div className="row-actions">
        <button type="submit" className="button" data-action="save-standard" disabled={!ready}>
          {t('improvement.save')}
        </button>
        <button type="button" className="button secondary" onClick={onDone}>
          {t('improvement.cancel')}
        </button>
      </div>
    </form>
  );
}

export function StandardsTab() {
  const { t } = useTranslation();
  const locale = useAppStore((s) => s.locale);
  const { standards, metrics } = useImprovementStore();
  const remove = useImprovementStore((s) => s.deleteStandard);
  const [adding, setAdding] = useState(false);
  return (
    <div className="improvement-column" data-testid="standards">
      {adding ? (
        <StandardForm onDone={() => setAdding(false)} />
      ) : (
        <div>
          <button
            type="button"
            className="button"
            data-action="add-standard"
            onClick={() => setAdding(true)}
          >
            {t('improvement.standards.add')}
          </button>
        </div>
      )}
      {standards.length === 0 ? (
        <p className="muted">{t('improvement.standards.empty')}</p>
      ) : (
        <table className="table data-table improvement-table">
          <thead>
            <tr>
              <th>{t('improvement.standards.indicator')}</th>
              <th>{t('improvement.standards.dimension')}</th>
              <th>{t('improvement.standards.target')}</th>
              <th>{t('improvement.standards.dataSource')}</th>
              <th>{t('improvement.standards.segment')}</th>
              <th>{t('improvement.standards.results')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {standards.map((s) => (
              <tr key={s.id} data-standard={s.id}>
                <td>
                  <strong>{s.indicator}</strong>
                  {s.formula && <div className="muted">{s.formula}</div>}
                  {s.period && <div className="muted">{s.period}</div>}
                </td>
                <td>{s.dimension || '–'}</td>
                <td className="mono">
                  {operatorSymbol(s.operator)} {s.target}
                </td>
                <td>
                  {t(`improvement.standards.source.${s.dataSource}`)}
                  {s.metric && (
                    <div className="muted">{metricLabel(t, s.metric, metrics, locale)}</div>
                  )}
                </td>
                <td>
                  {s.segment
                    ? `${t(`improvement.standards.attribute.${s.segment.attribute}`)} = ${s.segment.value}`
                    : t('improvement.standards.allCustomers')}
                </td>
                <td>
                  <Result standard={s} />
                </td>
                <td>
                  <button
                    type="button"
                    className="button small ghost danger"
                    onClick={() => void remove(s.id)}
                  >
                    {t('improvement.delete')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
