/**
 * Service-quality standards (服务质量标准): indicator, dimension, target, formula, data source,
 * period and segment; survey indicators show their result per verified wave, entered ones their
 * latest figure, each met or not met.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Operator, Standard } from '../../../../shared/improvement';
import { SelectField, TextField } from '../../components/Field';
import { useAppStore } from '../../stores/app';
import { useImprovementStore } from '../../stores/improvement';
import { metricLabel, metricOptions, one, OPERATOR_OPTIONS, operatorSymbol } from './format';

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
        <TextField
          label={t('improvement.standards.indicator')}
          field="standard-indicator"
          value={form.indicator}
          onChange={(indicator) => set({ indicator })}
        />
        <TextField
          label={t('improvement.standards.dimension')}
          value={form.dimension}
          onChange={(dimension) => set({ dimension })}
        />
        <TextField
          small
          label={t('improvement.standards.period')}
          value={form.period}
          onChange={(period) => set({ period })}
        />
      </div>
      <div className="field-row">
        <SelectField
          small
          label={t('improvement.standards.dataSource')}
          field="standard-source"
          value={form.dataSource}
          onChange={(dataSource) => set({ dataSource: dataSource as 'survey' | 'manual' })}
          options={(['survey', 'manual'] as const).map((source) => ({
            value: source,
            label: t(`improvement.standards.source.${source}`),
          }))}
        />
        {form.dataSource === 'survey' ? (
          <SelectField
            label={t('improvement.standards.metric')}
            field="standard-metric"
            value={form.metric}
            onChange={(metric) => set({ metric })}
            options={metricOptions(t, metrics, locale)}
          />
        ) : (
          <TextField
            small
            type="number"
            label={t('improvement.standards.manualValue')}
            value={form.manualValue}
            onChange={(manualValue) => set({ manualValue })}
          />
        )}
        <SelectField
          small
          label={t('improvement.actions.operator')}
          value={form.operator}
          onChange={(operator) => set({ operator: operator as Operator })}
          options={OPERATOR_OPTIONS}
        />
        <TextField
          small
          type="number"
          label={t('improvement.standards.target')}
          field="standard-target"
          value={form.target}
          onChange={(target) => set({ target })}
        />
      </div>
      <div className="field-row">
        <SelectField
          small
          label={t('improvement.standards.segment')}
          field="standard-attribute"
          value={form.attribute}
          onChange={(attribute) => set({ attribute: attribute as Attribute | '' })}
          options={[
            { value: '', label: t('improvement.standards.allCustomers') },
            ...ATTRIBUTES.map((a) => ({
              value: a,
              label: t(`improvement.standards.attribute.${a}`),
            })),
          ]}
        />
        {form.attribute && (
          <TextField
            small
            label={t('improvement.standards.segmentValue')}
            field="standard-segment"
            value={form.value}
            onChange={(value) => set({ value })}
          />
        )}
        <TextField
          label={t('improvement.standards.formula')}
          value={form.formula}
          onChange={(formula) => set({ formula })}
        />
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
