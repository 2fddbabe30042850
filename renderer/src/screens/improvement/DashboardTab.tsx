/** The improvement dashboard: actions by status, what is late, verification results, follow-up SLAs, standards. */
import { useTranslation } from 'react-i18next';
import { ACTION_STATUSES, PRIORITIES, type Action } from '../../../../shared/improvement';
import { useAppStore } from '../../stores/app';
import { pendingVerification, useImprovementStore } from '../../stores/improvement';
import { metricLabel, one, operatorSymbol } from './format';

function LateList({ actions, kind }: { actions: Action[]; kind: 'overdue' | 'at-risk' }) {
  const { t } = useTranslation();
  return (
    <>
      {actions.map((a) => (
        <li key={a.id} className={`improvement-late ${kind}`} data-late={kind}>
          <span className={`badge ${kind === 'overdue' ? 'bad' : 'warn'}`}>
            {kind === 'overdue' ? t('improvement.dashboard.overdue') : a.dueOn}
          </span>
          <strong>{a.title}</strong>
          <span className="muted">
            {a.owner} · {t('improvement.actions.dueOn')} {a.dueOn}
          </span>
        </li>
      ))}
    </>
  );
}

export function DashboardTab() {
  const { t } = useTranslation();
  const locale = useAppStore((s) => s.locale);
  const { dashboard, settings, metrics, actions, waves, evaluating } = useImprovementStore();
  const chooseWave = useImprovementStore((s) => s.chooseWave);
  const evaluate = useImprovementStore((s) => s.evaluate);
  const pending = pendingVerification(waves, actions);
  if (!dashboard) return null;
  const closure = dashboard.followUps.closure;
  const metricOf = new Map(actions.map((a) => [a.id, a]));
  return (
    <div className="improvement-dashboard" data-testid="improvement-dashboard">
      {pending && (
        <div className="notice-bar warn improvement-wide" data-testid="pending-verification">
          <span>
            {t('improvement.dashboard.pending', { count: pending.count, wave: pending.wave.name })}
          </span>
          <button
            type="button"
            className="button small"
            data-action="verify-pending"
            disabled={evaluating}
            onClick={() => {
              chooseWave(pending.wave.id);
              void evaluate();
            }}
          >
            {t('improvement.dashboard.verifyNow')}
          </button>
        </div>
      )}
      <section className="card">
        <h2>{t('improvement.dashboard.actions')}</h2>
        <div className="counts improvement-counts">
          {ACTION_STATUSES.map((s) => (
            <div key={s} className={`count status-${s}`} data-status-count={s}>
              <span className="count-value">{dashboard.actionsByStatus[s]}</span>
              <span className="count-label">{t(`improvement.status.${s}`)}</span>
            </div>
          ))}
        </div>
        <h3>{t('improvement.dashboard.problems')}</h3>
        <div className="counts">
          {PRIORITIES.map((p) => (
            <div key={p} className={`count priority-${p}`} data-priority-count={p}>
              <span className="count-value">{dashboard.problemsByPriority[p]}</span>
              <span className="count-label">{t(`improvement.priority.${p}`)}</span>
            </div>
          ))}
        </div>
      </section>
      <section className="card">
        <h2>{t('improvement.dashboard.followUps')}</h2>
        <div className="counts">
          <div className="count">
            <span className="count-value">{dashboard.followUps.open}</span>
            <span className="count-label">
              {t('improvement.dashboard.open')}
              {dashboard.followUps.urgentOpen > 0 &&
                ` · ${t('improvement.dashboard.urgentOpen')} ${dashboard.followUps.urgentOpen}`}
            </span>
          </div>
          <div className="count">
            <span className={`count-value ${dashboard.followUps.overdue > 0 ? 'bad' : ''}`}>
              {dashboard.followUps.overdue}
            </span>
            <span className="count-label">{t('improvement.dashboard.slaOverdue')}</span>
          </div>
          <div className="count" data-testid="closure-rate">
            <span
              className={`count-value ${closure.met === false ? 'bad' : closure.met ? 'good' : ''}`}
            >
              {closure.rate === null ? '–' : `${one(closure.rate)}%`}
            </span>
            <span className="count-label">
              {t('improvement.dashboard.closure')} ·{' '}
              {t('improvement.dashboard.closureOf', {
                closed: closure.closed,
                total: closure.total,
                target: closure.target,
              })}
            </span>
          </div>
        </div>
        <h3>{t('improvement.dashboard.standards')}</h3>
        <div className="counts">
          <div className="count">
            <span className="count-value good">{dashboard.standards.met}</span>
            <span className="count-label">{t('improvement.dashboard.met')}</span>
          </div>
          <div className="count">
            <span className={`count-value ${dashboard.standards.notMet > 0 ? 'bad' : ''}`}>
              {dashboard.standards.notMet}
            </span>
            <span className="count-label">{t('improvement.dashboard.notMet')}</span>
          </div>
          <div className="count">
            <span className="count-value">{dashboard.standards.unknown}</span>
            <span className="count-label">{t('improvement.dashboard.unknown')}</span>
          </div>
        </div>
      </section>
      <section className="card improvement-wide" data-testid="attention">
        <h2>{t('improvement.dashboard.attention')}</h2>
        {dashboard.overdue.length + dashboard.atRisk.length === 0 ? (
          <p className="muted">{t('improvement.dashboard.nothingLate')}</p>
        ) : (
          <ul className="improvement-late-list" data-testid="late-actions">
            <LateList actions={dashboard.overdue} kind="overdue" />
            <LateList actions={dashboard.atRisk} kind="at-risk" />
          </ul>
        )}
        {dashboard.atRisk.length > 0 && (
          <p className="muted small-note">
            {t('improvement.dashboard.atRisk', { days: settings?.atRiskDays ?? 7 })}
          </p>
        )}
      </section>
      <section className="card improvement-wide">
        <h2>{t('improvement.dashboard.verifications')}</h2>
        {dashboard.verifications.length === 0 ? (
          <p className="muted">{t('improvement.dashboard.noVerifications')}</p>
        ) : (
          <table className="table" data-testid="verification-results">
            <thead>
              <tr>
                <th>{t('improvement.actions.title')}</th>
                <th>{t('improvement.wave')}</th>
                <th>{t('improvement.actions.metric')}</th>
                <th className="num">{t('improvement.problems.baseline')}</th>
                <th className="num">{t('improvement.actions.target')}</th>
                <th className="num">{t('improvement.standards.results')}</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {dashboard.verifications.map((v) => {
                const action = metricOf.get(v.actionId);
                return (
                  <tr
                    key={`${v.actionId}:${v.waveId}`}
                    data-verification={v.met ? 'met' : 'not-met'}
                  >
                    <td>{v.actionTitle}</td>
                    <td>{v.waveName}</td>
                    <td>{action ? metricLabel(t, action.metric, metrics, locale) : ''}</td>
                    <td className="num">{one(v.baseline)}</td>
                    <td className="num">
                      {operatorSymbol(v.operator)} {v.target}
                    </td>
                    <td className="num">{one(v.value)}</td>
                    <td>
                      <span className={v.met ? 'good' : 'bad'}>
                        {v.met ? t('improvement.actions.met') : t('improvement.actions.notMet')}
                      </span>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        )}
      </section>
    </div>
  );
}
