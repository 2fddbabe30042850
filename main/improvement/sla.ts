/**
 * SLA clocks of a follow-up item (回访): acknowledge within N hours (fewer when urgent), a plan within
 * N days of being raised, a revisit N days after the fix; closed when the revisit scores enough.
 * Pure: the clock (`now`) is an argument.
 */
import type {
  ClosureRate,
  FollowUpStatus,
  ImprovementSettings,
  SlaClock,
} from '../../shared/improvement';

const HOUR = 3600_000;
const DAY = 24 * HOUR;

export interface FollowUpTimes {
  urgent: boolean;
  status: FollowUpStatus;
  raisedAt: string;
  acknowledgedAt: string | null;
  plannedAt: string | null;
  fixedAt: string | null;
  revisitedAt: string | null;
}

function clock(due: number | null, doneAt: string | null, now: number): SlaClock {
  if (due === null) return { due: null, doneAt, state: 'waiting' };
  const dueIso = new Date(due).toISOString();
  if (doneAt !== null)
    return { due: dueIso, doneAt, state: Date.parse(doneAt) <= due ? 'met' : 'late' };
  return { due: dueIso, doneAt: null, state: now > due ? 'overdue' : 'open' };
}

export function slaClocks(
  item: FollowUpTimes,
  rules: ImprovementSettings['followUp'],
  now: Date,
): { acknowledge: SlaClock; plan: SlaClock; revisit: SlaClock } {
  const raised = Date.parse(item.raisedAt);
  const t = now.getTime();
  const ackHours = item.urgent ? rules.ackHoursUrgent : rules.ackHours;
  return {
    acknowledge: clock(raised + ackHours * HOUR, item.acknowledgedAt, t),
    plan: clock(raised + rules.planDays * DAY, item.plannedAt, t),
    // The revisit clock starts when the fix is reported; until then it waits.
    revisit: clock(
      item.fixedAt === null ? null : Date.parse(item.fixedAt) + rules.revisitDaysAfterFix * DAY,
      item.revisitedAt,
      t,
    ),
  };
}

/** Whether any running clock of the item has passed its deadline. */
export function isOverdue(clocks: {
  acknowledge: SlaClock;
  plan: SlaClock;
  revisit: SlaClock;
}): boolean {
  return Object.values(clocks).some((c) => c.state === 'overdue');
}

/** Closed items over all items raised, against the target (95 % by default). */
export function closureRate(statuses: readonly FollowUpStatus[], target: number): ClosureRate {
  const total = statuses.length;
  const closed = statuses.filter((s) => s === 'closed').length;
  const rate = total === 0 ? null : (closed / total) * 100;
  return { closed, total, rate, target, met: rate === null ? null : rate >= target };
}
