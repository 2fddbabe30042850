/** The form of a new improvement action for one problem: target metric and value, measures, owner, due date. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Operator, Problem } from '../../../../shared/improvement';
import { SelectField, TextField } from '../../components/Field';
import { useAppStore } from '../../stores/app';
import { useImprovementStore } from '../../stores/improvement';
import { metricOptions, one, OPERATOR_OPTIONS } from './format';

export function ActionForm({ problem }: { problem: Problem }) {
  const { t } = useTranslation();
  const locale = useAppStore((s) => s.locale);
  const metrics = useImprovementStore((s) => s.metrics);
  const createAction = useImprovementStore((s) => s.createAction);
  const close = useImprovementStore((s) => s.openActionForm);
  const initialMetric = problem.metric
    ? `${problem.metric.kind}${problem.metric.ref === null ? '' : `:${problem.metric.ref}`}`
    : 'index';
  const [form, setForm] = useState({
    title: problem.title,
    metric: initialMetric,
    operator: '>=' as Operator,
    // A first target a few points above the baseline; the user sets the real one.
    target: problem.baseline === null ? '' : String(Math.min(100, Math.ceil(problem.baseline + 5))),
    measures: '',
    steps: '',
    owner: '',
    department: '',
    dueOn: '',
  });
  const set = (patch: Partial<typeof form>) => setForm({ ...form, ...patch });
  const chosen = metrics.find((m) => m.key === form.metric) ?? {
    kind: 'index' as const,
    ref: null,
  };
  const ready =
    form.title.trim() &&
    form.owner.trim() &&
    form.dueOn &&
    form.target !== '' &&
    Number.isFinite(Number(form.target));
  return (
    <form
      className="card improvement-form"
      data-testid="action-form"
      onSubmit={(e) => {
        e.preventDefault();
        if (!ready) return;
        void createAction({
          problemId: problem.id,
          title: form.title.trim(),
          metric: { kind: chosen.kind, ref: chosen.ref },
          operator: form.operator,
          target: Number(form.target),
          measures: form.measures,
          steps: form.steps,
          owner: form.owner.trim(),
          department: form.department,
          dueOn: form.dueOn,
        });
      }}
    >
      <h2>{t('improvement.actions.newFor', { problem: problem.title })}</h2>
      <TextField
        label={t('improvement.actions.title')}
        field="action-title"
        value={form.title}
        onChange={(title) => set({ title })}
      />
      <div className="field-row">
        <SelectField
          label={t('improvement.actions.metric')}
          field="action-metric"
          value={form.metric}
          onChange={(metric) => set({ metric })}
          options={metricOptions(t, metrics, locale)}
        />
        <SelectField
          small
          label={t('improvement.actions.operator')}
          field="action-operator"
          value={form.operator}
          onChange={(operator) => set({ operator: operator as Operator })}
          options={OPERATOR_OPTIONS}
        />
        <TextField
          small
          type="number"
          step="0.1"
          label={t('improvement.actions.target')}
          field="action-target"
          value={form.target}
          onChange={(target) => set({ target })}
        />
      </div>
      {problem.baseline !== null && form.metric === initialMetric && (
        <p className="muted small-note" data-testid="action-baseline" data-value={problem.baseline}>
          {t('improvement.problems.baseline')}: {one(problem.baseline)}
        </p>
      )}
      <div className="field-row">
        <TextField
          rows={2}
          label={t('improvement.actions.measures')}
          field="action-measures"
          value={form.measures}
          onChange={(measures) => set({ measures })}
        />
        <TextField
          rows={2}
          label={t('improvement.actions.steps')}
          field="action-steps"
          value={form.steps}
          onChange={(steps) => set({ steps })}
        />
      </div>
      <div className="field-row">
        <TextField
          label={t('improvement.actions.owner')}
          field="action-owner"
          value={form.owner}
          onChange={(owner) => set({ owner })}
        />
        <TextField
          label={t('improvement.actions.department')}
          field="action-department"
          value={form.department}
          onChange={(department) => set({ department })}
        />
        <TextField
          type="date"
          label={t('improvement.actions.dueOn')}
          field="action-due"
          value={form.dueOn}
          onChange={(dueOn) => set({ dueOn })}
        />
      </div>
      <div className="row-actions">
        <button type="submit" className="button" data-action="create-action" disabled={!ready}>
          {t('improvement.actions.create')}
        </button>
        <button type="button" className="button secondary" onClick={() => close(null)}>
          {t('improvement.cancel')}
        </button>
      </div>
    </form>
  );
}
