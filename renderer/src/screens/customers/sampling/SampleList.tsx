/**
 * The sample list: filters, bulk actions (contact status, account manager, channel), the call
 * list export, and one row per sampled customer with due reminders standing out. A row opens
 * the customer's contact history and notes.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CHANNELS, type Channel } from '../../../../../shared/responses';
import {
  CONTACT_STATUSES,
  isReminderDue,
  memberMatches,
  type ContactStatus,
  type SampleMember,
  type SampleView,
} from '../../../../../shared/sampling';
import { useSamplingStore } from '../../../stores/sampling';
import { MARKS, MemberDrawer } from './MemberDrawer';

function Filters({ view }: { view: SampleView }) {
  const { t } = useTranslation();
  const filter = useSamplingStore((s) => s.filter);
  const setFilter = useSamplingStore((s) => s.setFilter);
  const managers = [...new Set(view.members.map((m) => m.accountManager ?? ''))].sort();
  const strata = [...new Set(view.members.map((m) => m.stratum))].sort();
  const dueCount = view.members.filter((m) => isReminderDue(m, view.today)).length;
  const counts = new Map<ContactStatus, number>();
  for (const m of view.members) counts.set(m.status, (counts.get(m.status) ?? 0) + 1);
  return (
    <div className="field-row sampling-filters">
      <select
        className="input"
        aria-label={t('sampling.columns.status')}
        data-filter="status"
        value={filter.status ?? ''}
        onChange={(e) =>
          setFilter({ status: (e.target.value || undefined) as ContactStatus | undefined })
        }
      >
        <option value="">{t('sampling.list.allStatuses')}</option>
        {CONTACT_STATUSES.map((status) => (
          <option key={status} value={status}>
            {t(`sampling.status.${status}`)} ({counts.get(status) ?? 0})
          </option>
        ))}
      </select>
      <select
        className="input"
        aria-label={t('sampling.columns.manager')}
        data-filter="manager"
        value={filter.accountManager ?? '\u0000'}
        onChange={(e) =>
          setFilter({ accountManager: e.target.value === '\u0000' ? undefined : e.target.value })
        }
      >
        <option value={'\u0000'}>{t('sampling.list.allManagers')}</option>
        {managers.map((m) => (
          <option key={m} value={m}>
            {m || t('sampling.list.noManager')}
          </option>
        ))}
      </select>
      <select
        className="input"
        aria-label={t('sampling.columns.stratum')}
        data-filter="stratum"
        value={filter.stratum ?? '\u0000'}
        onChange={(e) =>
          setFilter({ stratum: e.target.value === '\u0000' ? undefined : e.target.value })
        }
      >
        <option value={'\u0000'}>{t('sampling.list.allStrata')}</option>
        {strata.map((key) => (
          <option key={key} value={key}>
            {key === '*' ? t('sampling.design.allCustomers') : key}
          </option>
        ))}
      </select>
      <button
        type="button"
        className={
          filter.dueOnly ? 'segment selected sampling-due-filter' : 'segment sampling-due-filter'
        }
        aria-pressed={!!filter.dueOnly}
        data-filter="due"
        onClick={() => setFilter({ dueOnly: !filter.dueOnly || undefined })}
      >
        {t('sampling.list.dueOnly')}{' '}
        <span className={dueCount > 0 ? 'badge warn' : 'badge muted-badge'}>{dueCount}</span>
      </button>
    </div>
  );
}

function BulkBar({ shown }: { shown: SampleMember[] }) {
  const { t } = useTranslation();
  const s = useSamplingStore();
  const [manager, setManager] = useState('');
  const [channel, setChannel] = useState<Channel>('interview');
  const none = s.selected.length === 0 || s.busy;
  return (
    <div className="sampling-bulk" data-testid="bulk-actions">
      <div className="sampling-bulk-row">
        <button
          type="button"
          className="button secondary"
          data-action="select-shown"
          onClick={() => s.select(shown.map((m) => m.customerId))}
        >
          {t('sampling.list.selectAll')}
        </button>
        <button
          type="button"
          className="button ghost"
          data-action="clear-selection"
          disabled={s.selected.length === 0}
          onClick={() => s.select([])}
        >
          {t('sampling.list.clearSelection')}
        </button>
        <span className="sampling-bulk-label">{t('sampling.list.markAs')}</span>
        {MARKS.map((status) => (
          <button
            key={status}
            type="button"
            className={`button status-button status-${status}`}
            data-mark={status}
            disabled={none}
            onClick={() => void s.mark(status)}
          >
            {t(`sampling.mark.${status}`)}
          </button>
        ))}
      </div>
      <div className="sampling-bulk-row">
        <label className="sampling-bulk-label" htmlFor="sampling-manager">
          {t('sampling.list.assignTo')}
        </label>
        <input
          id="sampling-manager"
          className="input sampling-manager-input"
          data-field="assign-manager"
          value={manager}
          onChange={(e) => setManager(e.target.value)}
        />
        <button
          type="button"
          className="button secondary"
          data-action="assign"
          disabled={none}
          onClick={() => void s.assign(manager)}
        >
          {t('sampling.list.assign')}
        </button>
        <select
          className="input sampling-channel-select"
          aria-label={t('sampling.columns.channel')}
          value={channel}
          onChange={(e) => setChannel(e.target.value as Channel)}
        >
          {CHANNELS.map((c) => (
            <option key={c} value={c}>
              {t(`sampling.channel.${c}`)}
            </option>
          ))}
        </select>
        <button
          type="button"
          className="button secondary"
          data-action="set-channel"
          disabled={none}
          onClick={() => void s.setChannel(channel)}
        >
          {t('sampling.list.setChannel')}
        </button>
        <span className="sampling-spacer" />
        <button
          type="button"
          className="button secondary"
          data-action="export-xlsx"
          disabled={s.busy}
          onClick={() => void s.exportList('xlsx')}
        >
          {t('sampling.list.export')} XLSX
        </button>
        <button
          type="button"
          className="button secondary"
          data-action="export-csv"
          disabled={s.busy}
          onClick={() => void s.exportList('csv')}
        >
          CSV
        </button>
      </div>
    </div>
  );
}

export function SampleList({ view }: { view: SampleView }) {
  const { t } = useTranslation();
  const filter = useSamplingStore((s) => s.filter);
  const selected = useSamplingStore((s) => s.selected);
  const toggle = useSamplingStore((s) => s.toggle);
  const openMember = useSamplingStore((s) => s.openMember);
  const openHistory = useSamplingStore((s) => s.openHistory);
  const shown = view.members.filter((m) => memberMatches(m, filter, view.today));
  const open = view.members.find((m) => m.customerId === openMember);
  const chosen = new Set(selected);
  return (
    <div className="card sampling-card" data-testid="sample-list">
      <div className="card-head">
        <h2>{t('sampling.list.title')}</h2>
        <span className="muted" data-testid="list-count">
          {t('sampling.list.count', {
            shown: shown.length,
            total: view.members.length,
            selected: selected.length,
          })}
        </span>
      </div>
      <Filters view={view} />
      <BulkBar shown={shown} />
      <div className="sampling-list-body">
        <div className="sampling-scroll sampling-members">
          {shown.length === 0 ? (
            <p className="muted">{t('sampling.list.empty')}</p>
          ) : (
            <table className="table data-table sampling-member-table">
              <thead>
                <tr>
                  <th aria-label={t('sampling.list.selectAll')} />
                  <th>{t('sampling.columns.name')}</th>
                  <th>{t('sampling.columns.stratum')}</th>
                  <th>{t('sampling.columns.channel')}</th>
                  <th>{t('sampling.columns.manager')}</th>
                  <th>{t('sampling.columns.status')}</th>
                  <th>{t('sampling.columns.nextReminder')}</th>
                  <th>{t('sampling.columns.responded')}</th>
                  <th className="num">{t('sampling.columns.weight')}</th>
                </tr>
              </thead>
              <tbody>
                {shown.map((m) => {
                  const due = isReminderDue(m, view.today);
                  return (
                    <tr
                      key={m.customerId}
                      data-customer={m.code ?? m.customerId}
                      className={
                        [due ? 'due' : '', chosen.has(m.customerId) ? 'chosen' : '']
                          .join(' ')
                          .trim() || undefined
                      }
                    >
                      <td className="sampling-pick">
                        <label className="sampling-pick-box">
                          <input
                            type="checkbox"
                            aria-label={m.name}
                            checked={chosen.has(m.customerId)}
                            onChange={() => toggle(m.customerId)}
                          />
                        </label>
                      </td>
                      <td>
                        <button
                          type="button"
                          className="sampling-name"
                          onClick={() => void openHistory(m.customerId)}
                        >
                          <span>{m.name}</span>
                          <span className="muted small">
                            {[m.code, m.phone].filter(Boolean).join(' · ')}
                          </span>
                        </button>
                      </td>
                      <td>{m.stratum === '*' ? t('sampling.design.allCustomers') : m.stratum}</td>
                      <td>{t(`sampling.channel.${m.channel}`)}</td>
                      <td>
                        {m.accountManager ?? (
                          <span className="muted">{t('sampling.list.noManager')}</span>
                        )}
                      </td>
                      <td>
                        <span className={`contact-status status-${m.status}`} data-cell="status">
                          {t(`sampling.status.${m.status}`)}
                        </span>
                      </td>
                      <td data-cell="reminder">
                        {m.nextReminder ? (
                          <span className={due ? 'reminder-due' : ''}>
                            {m.nextReminder}
                            {due ? ` · ${t('sampling.list.due')}` : ''}
                          </span>
                        ) : (
                          <span className="muted">—</span>
                        )}
                      </td>
                      <td data-cell="responded">
                        {m.responded ? (
                          <span className="good strong">✓ {t('sampling.list.yes')}</span>
                        ) : (
                          <span className="muted">{t('sampling.list.no')}</span>
                        )}
                      </td>
                      <td className="num">
                        {m.certain ? (
                          <span className="chip">{t('sampling.list.certain')}</span>
                        ) : (
                          m.weight.toFixed(2)
                        )}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          )}
        </div>
        {open && <MemberDrawer key={open.customerId} member={open} />}
      </div>
    </div>
  );
}
