/** Contact status transitions, reminder due dates and response rates, against hand-worked values. */
import { describe, expect, it } from 'vitest';
import { addDays, canMove, reminderState, responseRates } from '../../main/sampling/contacts';
import { DEFAULT_SAMPLING } from '../../shared/sampling';

describe('contact status transitions', () => {
  it('lets a customer not yet contacted be reminded, interviewed, refused or found unreachable', () => {
    for (const to of ['reminded', 'interviewed', 'refused', 'unreachable'] as const) {
      expect(canMove('not_contacted', to)).toBe(true);
    }
  });

  it('keeps "interviewed" final', () => {
    for (const to of [
      'not_contacted',
      'reminded',
      'refused',
      'unreachable',
      'interviewed',
    ] as const) {
      expect(canMove('interviewed', to)).toBe(false);
    }
  });

  it('lets a refusal turn into an interview or a new attempt, but not into "unreachable"', () => {
    expect(canMove('refused', 'interviewed')).toBe(true);
    expect(canMove('refused', 'reminded')).toBe(true);
    expect(canMove('refused', 'unreachable')).toBe(false);
  });

  it('never moves back to "not contacted"', () => {
    for (const from of ['reminded', 'unreachable', 'refused'] as const)
      expect(canMove(from, 'not_contacted')).toBe(false);
  });
});

describe('reminders', () => {
  it('adds calendar days across month and year ends', () => {
    expect(addDays('2026-11-29', 3)).toBe('2026-12-02');
    expect(addDays('2026-12-30', 5)).toBe('2027-01-04');
    expect(addDays('2028-02-27', 3)).toBe('2028-03-01'); // 2028 is a leap year: 28, 29, 1.
  });

  it('owes nothing before the first contact', () => {
    expect(reminderState([], 'not_contacted', [3, 5])).toEqual({
      firstContactOn: null,
      remindersDue: [],
      remindersSent: 0,
      nextReminder: null,
    });
  });

  it('makes reminders due on day 3 and day 5 after the first contact', () => {
    const state = reminderState(
      [{ on: '2026-11-23', status: 'reminded' }],
      'reminded',
      DEFAULT_SAMPLING.reminderDays,
    );
    expect(state.remindersDue).toEqual(['2026-11-26', '2026-11-28']);
    expect(state.nextReminder).toBe('2026-11-26');
  });

  it('moves to the second reminder once the first is sent, and owes none after both', () => {
    const first = { on: '2026-11-23', status: 'reminded' } as const;
    const one = reminderState(
      [first, { on: '2026-11-26', status: 'reminded' }],
      'reminded',
      [3, 5],
    );
    expect([one.remindersSent, one.nextReminder]).toEqual([1, '2026-11-28']);
    const two = reminderState(
      [first, { on: '2026-11-26', status: 'reminded' }, { on: '2026-11-28', status: 'reminded' }],
      'reminded',
      [3, 5],
    );
    expect([two.remindersSent, two.nextReminder]).toEqual([2, null]);
  });

  it('counts from an unreachable first attempt too, and stops once interviewed or refused', () => {
    const history = [{ on: '2026-11-20', status: 'unreachable' }] as const;
    expect(reminderState(history, 'unreachable', [3, 5]).nextReminder).toBe('2026-11-23');
    expect(
      reminderState(
        [...history, { on: '2026-11-21', status: 'interviewed' }],
        'interviewed',
        [3, 5],
      ).nextReminder,
    ).toBeNull();
    expect(
      reminderState([...history, { on: '2026-11-21', status: 'refused' }], 'refused', [3, 5])
        .nextReminder,
    ).toBeNull();
  });
});

describe('responseRates', () => {
  it('computes rates per stratum and channel against the channel targets', () => {
    const targets = { ...DEFAULT_SAMPLING.targetRates };
    const members = [
      // Stratum A: 4 interviews, 3 responded -> 75 % against 80 %.
      { stratum: 'A', channel: 'interview', responded: true },
      { stratum: 'A', channel: 'interview', responded: true },
      { stratum: 'A', channel: 'interview', responded: true },
      { stratum: 'A', channel: 'interview', responded: false },
      // Stratum B: 2 online (import), 1 interview; 1 responded -> 33.3 %;
      // target (0.6 + 0.6 + 0.8) / 3 = 0.6667.
      { stratum: 'B', channel: 'import', responded: true },
      { stratum: 'B', channel: 'import', responded: false },
      { stratum: 'B', channel: 'interview', responded: false },
    ] as const;
    const rates = responseRates(members, targets);
    expect(rates.overall).toMatchObject({ sampled: 7, responded: 4 });
    expect(rates.overall.rate).toBeCloseTo(4 / 7, 12);
    const a = rates.byStratum.find((r) => r.key === 'A')!;
    expect([a.sampled, a.responded, a.rate, a.target]).toEqual([4, 3, 0.75, 0.8]);
    const b = rates.byStratum.find((r) => r.key === 'B')!;
    expect(b.rate).toBeCloseTo(1 / 3, 12);
    expect(b.target).toBeCloseTo(2 / 3, 6); // targets are kept to a millionth
    // Interview: 5 sampled, 3 responded = 60 % vs 80 %; online: 2 sampled, 1 responded = 50 % vs 60 %.
    expect(rates.byChannel.map((r) => [r.key, r.sampled, r.responded, r.rate, r.target])).toEqual([
      ['import', 2, 1, 0.5, 0.6],
      ['interview', 5, 3, 0.6, 0.8],
    ]);
  });

  it('reports 0 % for an empty sample instead of dividing by zero', () => {
    expect(responseRates([], DEFAULT_SAMPLING.targetRates).overall).toEqual({
      key: '*',
      sampled: 0,
      responded: 0,
      rate: 0,
      target: 0,
    });
  });
});
