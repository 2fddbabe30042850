/**
 * Contact tracking rules (pure): which status may follow which, when reminders fall due, and
 * response rates against the targets.
 */
import type { Channel } from '../../shared/responses';
import type { ContactStatus, RateRow, ResponseRates } from '../../shared/sampling';

// The transition rules are shared with the screen, which offers only the allowed moves.
export { canMove } from '../../shared/sampling';

/** `date` (YYYY-MM-DD) plus `days` calendar days. */
export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

export interface ReminderState {
  firstContactOn: string | null;
  remindersDue: string[];
  remindersSent: number;
  nextReminder: string | null;
}

/**
 * Reminders from the contact history (dates, oldest first): the first contact starts the clock;
 * each later "reminded" event uses up one reminder. Nothing is owed once the customer was
 * interviewed or refused.
 */
export function reminderState(
  history: readonly { on: string; status: ContactStatus }[],
  status: ContactStatus,
  reminderDays: readonly number[],
): ReminderState {
  const first = history.find((event) => event.status !== 'not_contacted');
  if (!first)
    return { firstContactOn: null, remindersDue: [], remindersSent: 0, nextReminder: null };
  const remindersDue = reminderDays.map((days) => addDays(first.on, days));
  const remindersSent = history.filter(
    (event) => event.status === 'reminded' && event !== first,
  ).length;
  const owed =
    status !== 'interviewed' && status !== 'refused' && remindersSent < remindersDue.length;
  return {
    firstContactOn: first.on,
    remindersDue,
    remindersSent,
    nextReminder: owed ? remindersDue[remindersSent]! : null,
  };
}

/** What the response rates are computed from: one row per sampled customer. */
export interface RateInput {
  stratum: string;
  channel: Channel;
  responded: boolean;
}

function row(
  key: string,
  members: readonly RateInput[],
  targets: Record<Channel, number>,
): RateRow {
  const responded = members.filter((m) => m.responded).length;
  // Rounded to a millionth: three interviews at 0.8 must show 0.8, not 0.8000000000000002.
  const target =
    members.length === 0
      ? 0
      : Math.round(
          (members.reduce((sum, m) => sum + targets[m.channel], 0) / members.length) * 1e6,
        ) / 1e6;
  return {
    key,
    sampled: members.length,
    responded,
    rate: members.length === 0 ? 0 : responded / members.length,
    target,
  };
}

/**
 * Response rate = sampled customers with a completed response / sampled customers. A stratum's
 * target is the mean of its members' channel targets (all interviews: 80 %; half online: 70 %).
 */
export function responseRates(
  members: readonly RateInput[],
  targets: Record<Channel, number>,
): ResponseRates {
  const groups = (by: (m: RateInput) => string) => {
    const map = new Map<string, RateInput[]>();
    for (const member of members) {
      const key = by(member);
      const list = map.get(key);
      if (list) list.push(member);
      else map.set(key, [member]);
    }
    return [...map.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  };
  return {
    overall: row('*', members, targets),
    byStratum: groups((m) => m.stratum).map(([key, list]) => row(key, list, targets)),
    byChannel: groups((m) => m.channel).map(([key, list]) => row(key, list, targets)),
  };
}
