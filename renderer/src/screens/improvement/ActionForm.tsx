/** The form of a new improvement action for one problem: target metric and value, measures, owner, due date. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { OPERATORS, type Operator, type Problem } from '../../../../shared/improvement';
import { useAppStore } from '../../stores/app';
import { useImprovementStore } from '../../stores/improvement';
import { metricLabel, one } from './format';

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
      <label className="field">
        <span className="field-label">{t('improvement.actions.title')}</span>
        <input
          className="input"
          data-field="action-title"
          value={form.title}
          onChange={(e) => set({ title: e.target.value })}
        />
      </label>
      <div className="field-row">
        <label className="field">
          <span className="field-label">{t('improvement.actions.metric')}</span>
          <select
            className="input"
            data-field="action-metric"
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
        <label className="field small-field">
          <span className="field-label">{t('improvement.actions.operator')}</span>
          <select
            className="input"
            data-field="action-operator"
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
          <span className="field-label">{t('improvement.actions.target')}</span>
          <input
            className="input"
            type="number"
            step="0.1"
            data-field="action-target"
            value={form.target}
            onChange={(e) => set({ target: e.target.value })}
          />
        </label>
      </div>
      {problem.baseline !== null && form.metric === initialMetric && (
        <p className="muted small-note" data-testid="action-baseline" data-value={problem.baseline}>
          {t('improvement.problems.baseline')}: {one(problem.baseline)}
        </p>
      )}
      <div className="field-row">
        <label className="field">
          <span className="field-label">{t('improvement.actions.measures')}</span>
          <textarea
            className="input"
            rows={2}
            data-field="action-measures"
            value={form.measures}
            onChange={(e) => set({ measures: e.target.value })}
          />
        </label>
        <label className="field">
          <span className="field-label">{t('improvement.actions.steps')}</span>
          <textarea
            className="input"
            rows={2}
            data-field="action-steps"
            value={form.steps}
            onChange={(e) => set({ steps: e.target.value })}
          />
        </label>
      </div>
      <div className="field-row">
        <label className="field">
          <span className="field-label">{t('improvement.actions.owner')}</span>
          <input
            className="input"
            data-field="action-owner"
            value={form.owner}
            onChange={(e) => set({ owner: e.target.value })}
          />
        </label>
        <label className="field">
          <span className="field-label">{t('improvement.actions.department')}</span>
          <input
            className="input"
            data-field="action-department"
            value={form.department}
            onChange={(e) => set({ department: e.target.value })}
          />
        </label>
        <label className="field">
          <span className="field-label">{t('improvement.actions.dueOn')}</span>
          <input
            className="input"
            type="date"
            data-field="action-due"
            value={form.dueOn}
            onChange={(e) => set({ dueOn: e.target.value })}
          />
        </label>
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
