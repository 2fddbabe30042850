/**
 * Problems: the suggestions of the wave's analysis (priority list and complaint themes) with
 * "create problem", the problem list with the priority and the rule behind it, root cause and
 * 5 whys, a form for problems added by hand, and the new-action form of the chosen problem.
 */
import { useState } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { NumberSetting, SelectField } from '../../components/Field';
import {
  ROOT_CAUSES,
  type ImpactLevel,
  type Problem,
  type RootCause,
} from '../../../../shared/improvement';
import { useImprovementStore } from '../../stores/improvement';
import { ActionForm } from './ActionForm';
import { ConfirmDelete } from './ConfirmDelete';
import { PriorityBadge, Suggestions } from './Suggestions';
import { one, priorityReason } from './format';

const LEVELS: ImpactLevel[] = [1, 2, 3];

/** Impact levels (churn risk, word of mouth) as select options in the UI language. */
function impactOptions(t: TFunction) {
  return LEVELS.map((l) => ({ value: String(l), label: t(`improvement.impact.${l}`) }));
}

function ProblemCard({ problem }: { problem: Problem }) {
  const { t } = useTranslation();
  const update = useImprovementStore((s) => s.updateProblem);
  const open = useImprovementStore((s) => s.openActionForm);
  const remove = useImprovementStore((s) => s.deleteProblem);
  const [whys, setWhys] = useState<string[]>([...problem.whys, '', '', '', '', ''].slice(0, 5));
  return (
    <article className="card improvement-problem" data-problem={problem.id}>
      <div className="card-head">
        <h3 className="improvement-title">
          <PriorityBadge priority={problem.reason.priority} /> {problem.title}
        </h3>
        <div className="row-actions">
          <button
            type="button"
            className="button small"
            data-action="plan-action"
            onClick={() => open(problem.id)}
          >
            {t('improvement.problems.addAction')}
          </button>
          <ConfirmDelete what="problem" onDelete={() => void remove(problem.id)} />
        </div>
      </div>
      <p className="muted" data-testid="priority-reason">
        {priorityReason(t, problem.reason)} · {t(`improvement.problems.source.${problem.source}`)} ·{' '}
        {t('improvement.problems.actions', { count: problem.actionCount })}
        {problem.baseline !== null &&
          ` · ${t('improvement.problems.baseline')} ${one(problem.baseline)}`}
        {problem.responseIds.length > 0 &&
          ` · ${t('improvement.problems.responses', { count: problem.responseIds.length })}`}
      </p>
      <div className="field-row">
        <NumberSetting
          label={`${t('improvement.problems.frequency')} %`}
          value={problem.frequency}
          min={0}
          max={100}
          onCommit={(v) =>
            void update({ id: problem.id, frequency: Math.max(0, Math.min(100, v)) })
          }
        />
        <SelectField
          small
          label={t('improvement.problems.churnRisk')}
          value={String(problem.churnRisk)}
          onChange={(v) => void update({ id: problem.id, churnRisk: Number(v) as ImpactLevel })}
          options={impactOptions(t)}
        />
        <SelectField
          small
          label={t('improvement.problems.wordOfMouth')}
          value={String(problem.wordOfMouth)}
          onChange={(v) => void update({ id: problem.id, wordOfMouth: Number(v) as ImpactLevel })}
          options={impactOptions(t)}
        />
        <SelectField
          small
          label={t('improvement.problems.rootCause')}
          field="root-cause"
          value={problem.rootCause ?? ''}
          onChange={(v) =>
            void update({ id: problem.id, rootCause: (v || null) as RootCause | null })
          }
          options={[
            { value: '', label: '–' },
            ...ROOT_CAUSES.map((c) => ({ value: c, label: t(`improvement.rootCause.${c}`) })),
          ]}
        />
      </div>
      <details className="improvement-whys">
        <summary>{t('improvement.problems.whys')}</summary>
        {whys.map((why, i) => (
          <label key={i} className="field">
            <span className="field-label">{t('improvement.problems.why', { n: i + 1 })}</span>
            <input
              className="input"
              value={why}
              onChange={(e) => setWhys(whys.map((w, k) => (k === i ? e.target.value : w)))}
              onBlur={() =>
                void update({ id: problem.id, whys: whys.map((w) => w.trim()).filter(Boolean) })
              }
            />
          </label>
        ))}
      </details>
    </article>
  );
}

function ManualProblem() {
  const { t } = useTranslation();
  const { surveyId, waveId } = useImprovementStore();
  const createProblem = useImprovementStore((s) => s.createProblem);
  const [open, setOpen] = useState(false);
  const [form, setForm] = useState({
    title: '',
    description: '',
    frequency: '10',
    churnRisk: 2 as ImpactLevel,
    wordOfMouth: 2 as ImpactLevel,
  });
  if (!open)
    return (
      <button
        type="button"
        className="button secondary"
        data-action="add-problem"
        onClick={() => setOpen(true)}
      >
        {t('improvement.problems.addManual')}
      </button>
    );
  return (
    <form
      className="card improvement-form"
      onSubmit={(e) => {
        e.preventDefault();
        if (!surveyId || !form.title.trim()) return;
        void createProblem({
          surveyId,
          waveId,
          title: form.title.trim(),
          description: form.description,
          frequency: Math.max(0, Math.min(100, Number(form.frequency) || 0)),
          churnRisk: form.churnRisk,
          wordOfMouth: form.wordOfMouth,
        }).then((p) => p && setOpen(false));
      }}
    >
      <label className="field">
        <span className="field-label">{t('improvement.problems.title')}</span>
        <input
          className="input"
          data-field="problem-title"
          value={form.title}
          onChange={(e) => setForm({ ...form, title: e.target.value })}
        />
      </label>
      <label className="field">
        <span className="field-label">{t('improvement.problems.description')}</span>
        <textarea
          className="input"
          rows={2}
          value={form.description}
          onChange={(e) => setForm({ ...form, description: e.target.value })}
        />
      </label>
      <div className="field-row">
        <label className="field small-field">
          <span className="field-label">{t('improvement.problems.frequency')} %</span>
          <input
            className="input"
            type="number"
            min={0}
            max={100}
            value={form.frequency}
            onChange={(e) => setForm({ ...form, frequency: e.target.value })}
          />
        </label>
        <SelectField
          small
          label={t('improvement.problems.churnRisk')}
          value={String(form.churnRisk)}
          onChange={(v) => setForm({ ...form, churnRisk: Number(v) as ImpactLevel })}
          options={impactOptions(t)}
        />
        <SelectField
          small
          label={t('improvement.problems.wordOfMouth')}
          value={String(form.wordOfMouth)}
          onChange={(v) => setForm({ ...form, wordOfMouth: Number(v) as ImpactLevel })}
          options={impactOptions(t)}
        />
      </div>
      <div className="row-actions">
        <button type="submit" className="button" disabled={!form.title.trim()}>
          {t('improvement.save')}
        </button>
        <button type="button" className="button secondary" onClick={() => setOpen(false)}>
          {t('improvement.cancel')}
        </button>
      </div>
    </form>
  );
}

function RuleEditor() {
  const { t } = useTranslation();
  const settings = useImprovementStore((s) => s.settings);
  const updateSettings = useImprovementStore((s) => s.updateSettings);
  if (!settings) return null;
  const { urgentAt, importantAt } = settings.priority;
  return (
    <details className="card improvement-rule" data-testid="priority-rule">
      <summary>
        <strong>{t('improvement.problems.rule')}</strong> ·{' '}
        <span className="muted">
          {t('improvement.problems.ruleText', { urgent: urgentAt, important: importantAt })}
        </span>
      </summary>
      <div className="field-row">
        <NumberSetting
          label={t('improvement.problems.urgentAt')}
          field="urgent-at"
          value={urgentAt}
          min={0}
          onCommit={(v) => void updateSettings({ priority: { urgentAt: v } })}
        />
        <NumberSetting
          label={t('improvement.problems.importantAt')}
          field="important-at"
          value={importantAt}
          min={0}
          onCommit={(v) => void updateSettings({ priority: { importantAt: v } })}
        />
      </div>
    </details>
  );
}

export function ProblemsTab() {
  const { t } = useTranslation();
  const { problems, actionFor } = useImprovementStore();
  const formFor = problems.find((p) => p.id === actionFor);
  return (
    <div className="improvement-column">
      {formFor && <ActionForm key={formFor.id} problem={formFor} />}
      <Suggestions />
      <RuleEditor />
      <section className="improvement-column" data-testid="problem-list">
        <div className="card-head">
          <h2>{t('improvement.problems.listTitle')}</h2>
          <ManualProblem />
        </div>
        {problems.length === 0 && <p className="muted">{t('improvement.problems.empty')}</p>}
        {problems.map((p) => (
          <ProblemCard key={`${p.id}:${p.frequency}:${p.churnRisk}:${p.wordOfMouth}`} problem={p} />
        ))}
      </section>
    </div>
  );
}
