/**
 * Follow-ups (回访): raised from the wave's responses or by hand, each worked through acknowledge →
 * plan → fix → revisit with its SLA clocks, closed when the revisit scores enough; the closure rate
 * against its target, and the SLA settings.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { NumberSetting } from '../../components/Field';
import type { FollowUp, ImprovementSettings, SlaClock } from '../../../../shared/improvement';
import { useImprovementStore } from '../../stores/improvement';
import { followUpDetail, one, when } from './format';
import { useAppStore } from '../../stores/app';

function Clock({ name, clock }: { name: 'acknowledge' | 'plan' | 'revisit'; clock: SlaClock }) {
  const { t } = useTranslation();
  return (
    <div className={`sla-clock ${clock.state}`} data-clock={name} data-state={clock.state}>
      <span className="muted">{t(`improvement.followUps.clock.${name}`)}</span>{' '}
      {t(`improvement.followUps.state.${clock.state}`, { due: when(clock.due) })}
    </div>
  );
}

function NextStep({ item }: { item: FollowUp }) {
  const { t } = useTranslation();
  const advance = useImprovementStore((s) => s.advanceFollowUp);
  const [value, setValue] = useState('');
  if (item.status === 'closed')
    return <span className="good">{t('improvement.followUps.status.closed')}</span>;
  if (item.status === 'fixed')
    return (
      <form
        className="improvement-step"
        onSubmit={(e) => {
          e.preventDefault();
          const score = Number(value);
          if (value !== '' && score >= 0 && score <= 100)
            void advance({ id: item.id, step: 'revisit', score });
        }}
      >
        <input
          className="input step-input"
          type="number"
          min={0}
          max={100}
          placeholder={t('improvement.followUps.revisit')}
          value={value}
          onChange={(e) => setValue(e.target.value)}
        />
        <button type="submit" className="button small" disabled={value === ''}>
          {t('improvement.followUps.record')}
        </button>
      </form>
    );
  if (item.status === 'planned')
    return (
      <button
        type="button"
        className="button small"
        onClick={() => void advance({ id: item.id, step: 'fix' })}
      >
        {t('improvement.followUps.fix')}
      </button>
    );
  const step = item.status === 'open' ? 'acknowledge' : 'plan';
  return (
    <form
      className="improvement-step"
      onSubmit={(e) => {
        e.preventDefault();
        if (!value.trim()) return;
        void advance(
          step === 'acknowledge'
            ? { id: item.id, step, owner: value.trim() }
            : { id: item.id, step, plan: value.trim() },
        );
      }}
    >
      <input
        className="input step-input"
        placeholder={
          step === 'acknowledge'
            ? t('improvement.followUps.owner')
            : t('improvement.followUps.plan')
        }
        value={value}
        onChange={(e) => setValue(e.target.value)}
      />
      <button type="submit" className="button small" disabled={!value.trim()}>
        {step === 'acknowledge' ? t('improvement.followUps.acknowledge') : t('improvement.save')}
      </button>
    </form>
  );
}

type RuleKey =
  | 'ackHours'
  | 'ackHoursUrgent'
  | 'planDays'
  | 'revisitDaysAfterFix'
  | 'closeScore'
  | 'closureTarget'
  | 'lowScore'
  | 'urgentScore';
const RULES: [RuleKey, string][] = [
  ['ackHours', 'ackHours'],
  ['ackHoursUrgent', 'ackHoursUrgent'],
  ['planDays', 'planDays'],
  ['revisitDaysAfterFix', 'revisitDays'],
  ['closeScore', 'closeScore'],
  ['closureTarget', 'closureTarget'],
  ['lowScore', 'lowScore'],
  ['urgentScore', 'urgentScore'],
];

function SlaSettings({ settings }: { settings: ImprovementSettings }) {
  const { t } = useTranslation();
  const update = useImprovementStore((s) => s.updateSettings);
  return (
    <details className="card improvement-rule" data-testid="sla-settings">
      <summary>
        <strong>{t('improvement.followUps.rules')}</strong>
      </summary>
      <div className="field-row">
        {RULES.map(([key, label]) => (
          <NumberSetting
            key={key}
            label={t(`improvement.followUps.${label}`)}
            value={settings.followUp[key]}
            min={0}
            enforce
            onCommit={(v) => void update({ followUp: { [key]: v } })}
          />
        ))}
      </div>
    </details>
  );
}

export function FollowUpsTab() {
  const { t } = useTranslation();
  const { followUps, settings, dashboard, waveId, surveyId, metrics } = useImprovementStore();
  const locale = useAppStore((s) => s.locale);
  const scan = useImprovementStore((s) => s.scanFollowUps);
  const [scanned, setScanned] = useState<number | null>(null);
  const closure = dashboard?.followUps.closure;
  return (
    <div className="improvement-column" data-testid="follow-ups">
      <section className="card">
        <div className="card-head">
          <h2>
            {closure && (
              <span
                className={closure.met === false ? 'bad' : closure.met ? 'good' : ''}
                data-testid="follow-up-closure"
              >
                {t('improvement.followUps.closure', {
                  rate: closure.rate === null ? '–' : `${one(closure.rate)}%`,
                  target: closure.target,
                })}
              </span>
            )}
          </h2>
          <div className="row-actions">
            <ManualFollowUp surveyId={surveyId} />
            <button
              type="button"
              className="button"
              data-action="scan-follow-ups"
              disabled={!waveId}
              onClick={() => void scan().then(setScanned)}
            >
              {t('improvement.followUps.scan')}
            </button>
          </div>
        </div>
        {settings && (
          <p className="muted">
            {t('improvement.followUps.scanHelp', {
              low: settings.followUp.lowScore,
              urgent: settings.followUp.urgentScore,
            })}
          </p>
        )}
        {scanned !== null && (
          <p className="notice-bar good" role="status">
            {t('improvement.followUps.scanned', { count: scanned })}
          </p>
        )}
      </section>
      {settings && <SlaSettings key={JSON.stringify(settings.followUp)} settings={settings} />}
      {followUps.length === 0 ? (
        <p className="muted">{t('improvement.followUps.empty')}</p>
      ) : (
        <table className="table data-table improvement-table">
          <thead>
            <tr>
              <th>{t('improvement.followUps.customer')}</th>
              <th>{t('improvement.followUps.reasonCol')}</th>
              <th>{t('improvement.followUps.clocks')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {followUps.map((f) => (
              <tr key={f.id} data-follow-up={f.id} data-status={f.status}>
                <td>
                  <strong>{f.customerName ?? '–'}</strong>
                  {f.urgent && (
                    <span className="badge bad">{t('improvement.followUps.urgent')}</span>
                  )}
                  <div className="muted">{when(f.raisedAt)}</div>
                </td>
                <td>
                  {t(`improvement.followUps.reason.${f.reason}`)}
                  {f.score !== null && ` · ${one(f.score)}`}
                  <div className="muted">
                    {followUpDetail(t, f.detail, metrics, locale, settings?.followUp)}
                  </div>
                  {f.plan && <div>{f.plan}</div>}
                </td>
                <td>
                  <Clock name="acknowledge" clock={f.clocks.acknowledge} />
                  <Clock name="plan" clock={f.clocks.plan} />
                  <Clock name="revisit" clock={f.clocks.revisit} />
                  {f.revisitScore !== null && (
                    <div className="muted">
                      {t('improvement.followUps.revisit')} {one(f.revisitScore)}
                    </div>
                  )}
                </td>
                <td>
                  <div className="muted">{t(`improvement.followUps.status.${f.status}`)}</div>
                  <NextStep item={f} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}

function ManualFollowUp({ surveyId }: { surveyId: string | null }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [detail, setDetail] = useState('');
  const [urgent, setUrgent] = useState(false);
  const create = useImprovementStore((s) => s.createFollowUp);
  if (!open)
    return (
      <button type="button" className="button secondary" onClick={() => setOpen(true)}>
        {t('improvement.followUps.addManual')}
      </button>
    );
  return (
    <form
      className="improvement-step"
      onSubmit={(e) => {
        e.preventDefault();
        if (!detail.trim()) return;
        void create({ surveyId, detail: detail.trim(), urgent }).then((ok) => {
          if (!ok) return;
          setOpen(false);
          setDetail('');
        });
      }}
    >
      <input
        className="input"
        placeholder={t('improvement.followUps.detail')}
        value={detail}
        onChange={(e) => setDetail(e.target.value)}
      />
      <label className="reports-check">
        <input type="checkbox" checked={urgent} onChange={(e) => setUrgent(e.target.checked)} />{' '}
        {t('improvement.followUps.urgent')}
      </label>
      <button type="submit" className="button small" disabled={!detail.trim()}>
        {t('improvement.add')}
      </button>
    </form>
  );
}
