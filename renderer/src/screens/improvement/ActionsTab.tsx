/**
 * Improvement actions: target against baseline, owner, department, due date and status, overdue
 * and at-risk ones marked, progress updates with dates, verification results, and the re-plan
 * a missed target prompts (the old due date and measures stay in the history).
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { NumberSetting } from '../../components/Field';
import type { Action } from '../../../../shared/improvement';
import { useAppStore } from '../../stores/app';
import { useImprovementStore } from '../../stores/improvement';
import { ActionForm } from './ActionForm';
import { ConfirmDelete } from './ConfirmDelete';
import { metricLabel, one, operatorSymbol, today } from './format';

const SETTABLE = ['planned', 'in_progress', 'done'] as const;

function Replan({ action, prompted }: { action: Action; prompted: boolean }) {
  const { t } = useTranslation();
  const replan = useImprovementStore((s) => s.replan);
  const [open, setOpen] = useState(prompted);
  const [form, setForm] = useState({ dueOn: '', measures: action.measures, note: '' });
  if (!open)
    return (
      <button
        type="button"
        className="button small secondary"
        data-action="open-replan"
        onClick={() => setOpen(true)}
      >
        {t('improvement.actions.replan')}
      </button>
    );
  return (
    <form
      className="improvement-replan"
      data-testid="replan-form"
      onSubmit={(e) => {
        e.preventDefault();
        if (!form.dueOn || !form.measures.trim()) return;
        void replan({
          id: action.id,
          dueOn: form.dueOn,
          measures: form.measures.trim(),
          note: form.note,
        }).then((ok) => ok && setOpen(false));
      }}
    >
      {prompted && <p className="notice-bar warn">{t('improvement.actions.replanPrompt')}</p>}
      <div className="field-row">
        <label className="field small-field">
          <span className="field-label">{t('improvement.actions.newDue')}</span>
          <input
            className="input"
            type="date"
            data-field="replan-due"
            value={form.dueOn}
            onChange={(e) => setForm({ ...form, dueOn: e.target.value })}
          />
        </label>
        <label className="field">
          <span className="field-label">{t('improvement.actions.newMeasures')}</span>
          <input
            className="input"
            data-field="replan-measures"
            value={form.measures}
            onChange={(e) => setForm({ ...form, measures: e.target.value })}
          />
        </label>
        <label className="field">
          <span className="field-label">{t('improvement.actions.reason')}</span>
          <input
            className="input"
            value={form.note}
            onChange={(e) => setForm({ ...form, note: e.target.value })}
          />
        </label>
        <button
          type="submit"
          className="button"
          data-action="replan"
          disabled={!form.dueOn || !form.measures.trim()}
        >
          {t('improvement.actions.replan')}
        </button>
      </div>
    </form>
  );
}

function ActionEdit({ action, onDone }: { action: Action; onDone: () => void }) {
  const { t } = useTranslation();
  const update = useImprovementStore((s) => s.updateAction);
  const [form, setForm] = useState({
    title: action.title,
    owner: action.owner,
    department: action.department,
    steps: action.steps,
  });
  const ready = form.title.trim() && form.owner.trim();
  return (
    <form
      className="improvement-edit"
      data-testid="action-edit"
      onSubmit={(e) => {
        e.preventDefault();
        if (!ready) return;
        void update({
          id: action.id,
          title: form.title.trim(),
          owner: form.owner.trim(),
          department: form.department,
          steps: form.steps,
        }).then((ok) => ok && onDone());
      }}
    >
      <div className="field-row">
        <label className="field">
          <span className="field-label">{t('improvement.actions.title')}</span>
          <input
            className="input"
            value={form.title}
            onChange={(e) => setForm({ ...form, title: e.target.value })}
          />
        </label>
        <label className="field small-field">
          <span className="field-label">{t('improvement.actions.owner')}</span>
          <input
            className="input"
            data-field="edit-owner"
            value={form.owner}
            onChange={(e) => setForm({ ...form, owner: e.target.value })}
          />
        </label>
        <label className="field small-field">
          <span className="field-label">{t('improvement.actions.department')}</span>
          <input
            className="input"
            value={form.department}
            onChange={(e) => setForm({ ...form, department: e.target.value })}
          />
        </label>
      </div>
      <label className="field">
        <span className="field-label">{t('improvement.actions.steps')}</span>
        <textarea
          className="input"
          rows={2}
          value={form.steps}
          onChange={(e) => setForm({ ...form, steps: e.target.value })}
        />
      </label>
      <div className="row-actions">
        <button type="submit" className="button" data-action="save-action" disabled={!ready}>
          {t('improvement.save')}
        </button>
        <button type="button" className="button secondary" onClick={onDone}>
          {t('improvement.cancel')}
        </button>
      </div>
    </form>
  );
}

function ActionCard({ action }: { action: Action }) {
  const { t } = useTranslation();
  const locale = useAppStore((s) => s.locale);
  const { metrics, waves, settings } = useImprovementStore();
  const setStatus = useImprovementStore((s) => s.setActionStatus);
  const addProgress = useImprovementStore((s) => s.addProgress);
  const remove = useImprovementStore((s) => s.deleteAction);
  const [note, setNote] = useState('');
  const [editing, setEditing] = useState(false);
  const [on, setOn] = useState(today());
  const baselineWave = waves.find((w) => w.id === action.baselineWaveId)?.name ?? '';
  const flag = action.overdue ? 'overdue' : action.atRisk ? 'at-risk' : '';
  return (
    <article
      className={`card improvement-action ${flag}`}
      data-action-id={action.id}
      data-status={action.status}
    >
      <div className="card-head">
        <h3 className="improvement-title">{action.title}</h3>
        <span className={`status-chip status-${action.status}`} data-testid="action-status">
          {t(`improvement.status.${action.status}`)}
        </span>
      </div>
      <p className="improvement-target">
        <strong>
          {t('improvement.actions.targetLine', {
            metric: metricLabel(t, action.metric, metrics, locale),
            operator: operatorSymbol(action.operator),
            target: action.target,
          })}
        </strong>
        <span className="muted">
          {' · '}
          {action.baseline === null
            ? t('improvement.actions.noBaseline')
            : t('improvement.actions.baselineLine', {
                value: one(action.baseline),
                wave: baselineWave,
              })}
        </span>
      </p>
      <dl className="facts">
        <dt>{t('improvement.actions.problem')}</dt>
        <dd>{action.problemTitle}</dd>
        <dt>{t('improvement.actions.owner')}</dt>
        <dd>
          {action.owner}
          {action.department && ` · ${action.department}`}
        </dd>
        <dt>{t('improvement.actions.dueOn')}</dt>
        <dd>
          {action.dueOn}{' '}
          {action.overdue && (
            <span className="badge bad">{t('improvement.dashboard.overdue')}</span>
          )}
          {action.atRisk && (
            <span className="badge warn">
              {t('improvement.dashboard.atRisk', { days: settings?.atRiskDays ?? 7 })}
            </span>
          )}
        </dd>
        {action.measures && (
          <>
            <dt>{t('improvement.actions.measures')}</dt>
            <dd>{action.measures}</dd>
          </>
        )}
        {action.steps && (
          <>
            <dt>{t('improvement.actions.steps')}</dt>
            <dd>{action.steps}</dd>
          </>
        )}
      </dl>
      {action.verifications.length > 0 && (
        <ul className="improvement-verifications" data-testid="action-verifications">
          {action.verifications.map((v) => (
            <li key={v.waveId} className={v.met ? 'good' : 'bad'} data-met={v.met}>
              {t('improvement.actions.verification', {
                wave: v.waveName,
                value: one(v.value),
                operator: operatorSymbol(v.operator),
                target: v.target,
              })}{' '}
              ·{' '}
              <strong>
                {v.met ? t('improvement.actions.met') : t('improvement.actions.notMet')}
              </strong>
            </li>
          ))}
        </ul>
      )}
      <div className="field-row">
        <div className="segmented" role="group" aria-label={t('improvement.actions.status')}>
          {SETTABLE.map((s) => (
            <button
              key={s}
              type="button"
              className={action.status === s ? 'segment selected' : 'segment'}
              data-set-status={s}
              onClick={() => action.status !== s && void setStatus({ id: action.id, status: s })}
            >
              {t(`improvement.status.${s}`)}
            </button>
          ))}
        </div>
        <div className="row-actions">
          {action.status !== 'missed' && <Replan action={action} prompted={false} />}
          <button
            type="button"
            className="button small ghost"
            data-action="edit-action"
            onClick={() => setEditing(!editing)}
          >
            {t('improvement.edit')}
          </button>
          <ConfirmDelete what="action" onDelete={() => void remove(action.id)} />
        </div>
      </div>
      {editing && <ActionEdit action={action} onDone={() => setEditing(false)} />}
      {action.status === 'missed' && <Replan action={action} prompted />}
      <form
        className="field-row improvement-progress"
        onSubmit={(e) => {
          e.preventDefault();
          if (!note.trim()) return;
          void addProgress({ id: action.id, on, note: note.trim() }).then(() => setNote(''));
        }}
      >
        <label className="field small-field">
          <span className="field-label">{t('improvement.actions.progress')}</span>
          <input className="input" type="date" value={on} onChange={(e) => setOn(e.target.value)} />
        </label>
        <label className="field">
          <span className="field-label">{t('improvement.actions.progressNote')}</span>
          <input
            className="input"
            data-field="progress-note"
            value={note}
            onChange={(e) => setNote(e.target.value)}
          />
        </label>
        <button
          type="submit"
          className="button secondary"
          data-action="add-progress"
          disabled={!note.trim()}
        >
          {t('improvement.actions.addProgress')}
        </button>
      </form>
      {action.events.length > 0 && (
        <details className="improvement-history">
          <summary>
            {t('improvement.actions.history')} ({action.events.length})
          </summary>
          <ul>
            {action.events.map((e) => (
              <li key={e.id}>
                <span className="mono">{e.on}</span>{' '}
                <strong>{t(`improvement.actions.event.${e.kind}`)}</strong> {e.note}
                {e.before && (
                  <span className="muted"> · {t('improvement.actions.was', e.before)}</span>
                )}
              </li>
            ))}
          </ul>
        </details>
      )}
    </article>
  );
}

export function ActionsTab() {
  const { t } = useTranslation();
  const { actions, problems, actionFor, settings } = useImprovementStore();
  const updateSettings = useImprovementStore((s) => s.updateSettings);
  const [overdueOnly, setOverdueOnly] = useState(false);
  const formFor = problems.find((p) => p.id === actionFor);
  const shown = overdueOnly ? actions.filter((a) => a.overdue) : actions;
  return (
    <div className="improvement-column" data-testid="action-list">
      {formFor && <ActionForm key={formFor.id} problem={formFor} />}
      <div className="field-row improvement-filter">
        <div className="segmented">
          <button
            type="button"
            className={overdueOnly ? 'segment' : 'segment selected'}
            onClick={() => setOverdueOnly(false)}
          >
            {t('improvement.actions.all')} ({actions.length})
          </button>
          <button
            type="button"
            className={overdueOnly ? 'segment selected' : 'segment'}
            data-action="overdue-only"
            onClick={() => setOverdueOnly(true)}
          >
            {t('improvement.actions.overdueOnly')} ({actions.filter((a) => a.overdue).length})
          </button>
        </div>
        {settings && (
          <NumberSetting
            key={settings.atRiskDays}
            className="improvement-at-risk"
            label={t('improvement.actions.atRiskDays')}
            field="at-risk-days"
            value={settings.atRiskDays}
            min={0}
            max={365}
            enforce
            integer
            onCommit={(v) => void updateSettings({ atRiskDays: v })}
          />
        )}
      </div>
      {shown.length === 0 && <p className="muted">{t('improvement.actions.empty')}</p>}
      {shown.map((a) => (
        <ActionCard key={a.id} action={a} />
      ))}
    </div>
  );
}
