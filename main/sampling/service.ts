/**
 * The sample of a wave: plan and draw (from the customer register, read directly in SQL), the
 * sample list with contact tracking, and live response rates (a completed response of a sampled
 * customer in the wave counts as responded).
 */
import { AppError } from '../../shared/errors';
import type { Channel } from '../../shared/responses';
import {
  sampleDesign,
  type ContactEvent,
  type ContactStatus,
  type SampleDesign,
  type SampleInfo,
  type SampleMember,
  type SamplePlan,
  type SampleView,
} from '../../shared/sampling';
import type { Db } from '../db/connection';
import { getSettings } from '../services/settings';
import { canMove, reminderState, responseRates } from './contacts';
import { drawSample } from './draw';
import { planSample, type SamplingUnit } from './plan';
import { getSamplingDefaults, getWavePlan } from './waves';

export type Clock = () => Date;

/** The local calendar day of a moment: reminders count calendar days where the user is. */
export function localDate(at: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}`;
}

interface CustomerRow {
  id: string;
  code: string | null;
  type: string | null;
  stage: string | null;
  region: string | null;
  industry: string | null;
  size: string | null;
  account_manager: string | null;
  tags: string;
}

interface MemberRow {
  customer_id: string;
  code: string | null;
  name: string;
  contact: string | null;
  phone: string | null;
  email: string | null;
  stratum: string;
  inclusion_probability: number;
  weight: number;
  certain: number;
  channel: Channel;
  status: ContactStatus;
  account_manager: string | null;
  notes: string;
  responded: number;
}

interface SampleRow {
  wave_id: string;
  seed: number;
  design: string;
  population: number;
  drawn_at: string;
  drawn_by: string | null;
}

function tagsValue(json: string): string | null {
  if (json === '[]') return null; // most customers: no parse needed
  const tags = JSON.parse(json) as unknown;
  if (!Array.isArray(tags) || tags.length === 0) return null;
  return tags.map(String).sort().join(', ');
}

export function samplingUnits(db: Db): SamplingUnit[] {
  const rows = db
    .prepare<[], CustomerRow>(
      'SELECT id, code, type, stage, region, industry, size, account_manager, tags FROM customers',
    )
    .all();
  return rows.map((r) => ({
    id: r.id,
    code: r.code,
    values: {
      type: r.type,
      stage: r.stage,
      region: r.region,
      industry: r.industry,
      size: r.size,
      accountManager: r.account_manager,
      tags: tagsValue(r.tags),
    },
  }));
}

export function samplingService(db: Db, clock: Clock = () => new Date()) {
  const st = {
    sample: db.prepare<[string], SampleRow>('SELECT * FROM samples WHERE wave_id = ?'),
    members: db.prepare<[string], MemberRow>(`
      SELECT m.customer_id, c.code, c.name, c.contact, c.phone, c.email, m.stratum, m.inclusion_probability,
             m.weight, m.certain, m.channel, m.status, m.account_manager, m.notes,
             EXISTS (SELECT 1 FROM responses r WHERE r.wave_id = m.wave_id AND r.customer_id = m.customer_id
                     AND r.status = 'complete') AS responded
      FROM sample_members m JOIN customers c ON c.id = m.customer_id
      WHERE m.wave_id = ? ORDER BY m.stratum, c.code, c.name`),
    contactsOfWave: db.prepare<
      [string],
      { customer_id: string; on_date: string; at: string; status: ContactStatus }
    >('SELECT customer_id, on_date, at, status FROM sample_contacts WHERE wave_id = ? ORDER BY id'),
    history: db.prepare<
      [string, string],
      { at: string; status: ContactStatus; actor: string | null; note: string }
    >(
      'SELECT at, status, actor, note FROM sample_contacts WHERE wave_id = ? AND customer_id = ? ORDER BY id',
    ),
    member: db.prepare<[string, string], { status: ContactStatus }>(
      'SELECT status FROM sample_members WHERE wave_id = ? AND customer_id = ?',
    ),
    size: db.prepare<[string], { n: number }>(
      'SELECT count(*) AS n FROM sample_members WHERE wave_id = ?',
    ),
    contactCount: db.prepare<[string], { n: number }>(
      'SELECT count(*) AS n FROM sample_contacts WHERE wave_id = ?',
    ),
    deleteSample: db.prepare<[string]>('DELETE FROM samples WHERE wave_id = ?'),
    insertSample: db.prepare<[string, number, string, number, string, string | null]>(
      'INSERT INTO samples (wave_id, seed, design, population, drawn_at, drawn_by) VALUES (?, ?, ?, ?, ?, ?)',
    ),
    insertMember: db.prepare<
      [string, string, string, number, number, number, Channel, string | null, string]
    >(`
      INSERT INTO sample_members (wave_id, customer_id, stratum, inclusion_probability, weight, certain, channel,
        account_manager, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`),
    name: db.prepare<[string], { name: string }>('SELECT name FROM customers WHERE id = ?'),
    setStatus: db.prepare<[ContactStatus, string, string, string]>(
      'UPDATE sample_members SET status = ?, updated_at = ? WHERE wave_id = ? AND customer_id = ?',
    ),
    insertContact: db.prepare<
      [string, string, string, string, ContactStatus, string | null, string]
    >(
      'INSERT INTO sample_contacts (wave_id, customer_id, at, on_date, status, actor, note) VALUES (?, ?, ?, ?, ?, ?, ?)',
    ),
    setManager: db.prepare<[string | null, string, string, string]>(
      'UPDATE sample_members SET account_manager = ?, updated_at = ? WHERE wave_id = ? AND customer_id = ?',
    ),
    setChannel: db.prepare<[Channel, string, string, string]>(
      'UPDATE sample_members SET channel = ?, updated_at = ? WHERE wave_id = ? AND customer_id = ?',
    ),
    setNotes: db.prepare<[string, string, string, string]>(
      'UPDATE sample_members SET notes = ?, updated_at = ? WHERE wave_id = ? AND customer_id = ?',
    ),
  };

  const actor = () => getSettings(db).operatorName;

  const sampleInfo = (waveId: string): SampleInfo | null => {
    const row = st.sample.get(waveId);
    if (!row) return null;
    return {
      waveId,
      seed: row.seed,
      // Parsed with the schema, so designs stored before a field existed get its default.
      design: sampleDesign.parse(JSON.parse(row.design)),
      drawnAt: row.drawn_at,
      drawnBy: row.drawn_by,
      population: row.population,
      size: st.size.get(waveId)!.n,
    };
  };

  const requireSample = (waveId: string) => {
    getWavePlan(db, waveId);
    if (!st.sample.get(waveId))
      throw new AppError('NOT_FOUND', { what: `the sample of wave ${waveId}` });
  };

  /** Applies `change` to every listed member in one transaction; unknown members fail the whole call. */
  const eachMember = (
    waveId: string,
    ids: readonly string[],
    change: (id: string, status: ContactStatus) => void,
  ) => {
    requireSample(waveId);
    db.transaction(() => {
      for (const id of ids) {
        const member = st.member.get(waveId, id);
        if (!member) throw new AppError('NOT_FOUND', { what: `customer ${id} in this sample` });
        change(id, member.status);
      }
    })();
  };

  const service = {
    plan(waveId: string, design: SampleDesign): SamplePlan {
      getWavePlan(db, waveId);
      return planSample(samplingUnits(db), design, getSamplingDefaults(db));
    },

    /** Draws and stores the sample; a sample whose contacts have started is never replaced. */
    draw(waveId: string, design: SampleDesign, seed: number): SampleView {
      const wave = getWavePlan(db, waveId);
      const units = samplingUnits(db);
      const result = drawSample(units, design, getSamplingDefaults(db), seed);
      // Each member starts with the customer's account manager from the register.
      const managers = new Map(units.map((u) => [u.id, u.values.accountManager ?? null]));
      const at = clock().toISOString();
      const channel = wave.channels[0]!;
      db.transaction(() => {
        if (st.contactCount.get(waveId)!.n > 0)
          throw new AppError('SAMPLE_STARTED', { wave: wave.name });
        st.deleteSample.run(waveId);
        st.insertSample.run(
          waveId,
          seed >>> 0,
          JSON.stringify(design),
          result.plan.population,
          at,
          actor(),
        );
        for (const m of result.members) {
          const manager = managers.get(m.customerId) ?? null;
          st.insertMember.run(
            waveId,
            m.customerId,
            m.stratum,
            m.inclusionProbability,
            m.weight,
            m.certain ? 1 : 0,
            channel,
            manager,
            at,
          );
        }
      })();
      return service.view(waveId);
    },

    view(waveId: string): SampleView {
      const wave = getWavePlan(db, waveId);
      const today = localDate(clock());
      const sample = sampleInfo(waveId);
      if (!sample) return { wave, sample: null, members: [], rates: null, today };
      const history = new Map<string, { on: string; at: string; status: ContactStatus }[]>();
      for (const event of st.contactsOfWave.all(waveId)) {
        const list = history.get(event.customer_id);
        const entry = { on: event.on_date, at: event.at, status: event.status };
        if (list) list.push(entry);
        else history.set(event.customer_id, [entry]);
      }
      const members = st.members.all(waveId).map((r): SampleMember => {
        const events = history.get(r.customer_id) ?? [];
        const reminders = reminderState(events, r.status, wave.reminderDays);
        return {
          customerId: r.customer_id,
          code: r.code,
          name: r.name,
          contact: r.contact,
          phone: r.phone,
          email: r.email,
          stratum: r.stratum,
          inclusionProbability: r.inclusion_probability,
          weight: r.weight,
          certain: r.certain === 1,
          channel: r.channel,
          status: r.status,
          accountManager: r.account_manager,
          firstContactAt: events.find((e) => e.status !== 'not_contacted')?.at ?? null,
          lastContactAt: events.at(-1)?.at ?? null,
          remindersDue: reminders.remindersDue,
          remindersSent: reminders.remindersSent,
          nextReminder: reminders.nextReminder,
          notes: r.notes,
          responded: r.responded === 1,
        };
      });
      return { wave, sample, members, rates: responseRates(members, wave.targetRates), today };
    },

    /** Records a contact outcome for each listed member; a move the rules forbid fails them all. */
    contact(
      waveId: string,
      ids: readonly string[],
      status: ContactStatus,
      note: string,
    ): SampleView {
      const now = clock();
      const at = now.toISOString();
      const on = localDate(now);
      const by = actor();
      eachMember(waveId, ids, (id, from) => {
        if (!canMove(from, status))
          throw new AppError('CONTACT_NOT_ALLOWED', {
            customer: st.name.get(id)!.name,
            from,
            to: status,
          });
        st.setStatus.run(status, at, waveId, id);
        st.insertContact.run(waveId, id, at, on, status, by, note);
      });
      return service.view(waveId);
    },

    assign(waveId: string, ids: readonly string[], accountManager: string | null): SampleView {
      const at = clock().toISOString();
      eachMember(waveId, ids, (id) => st.setManager.run(accountManager, at, waveId, id));
      return service.view(waveId);
    },

    setChannel(waveId: string, ids: readonly string[], channel: Channel): SampleView {
      const at = clock().toISOString();
      eachMember(waveId, ids, (id) => st.setChannel.run(channel, at, waveId, id));
      return service.view(waveId);
    },

    setNotes(waveId: string, customerId: string, notes: string): SampleView {
      const at = clock().toISOString();
      eachMember(waveId, [customerId], (id) => st.setNotes.run(notes, at, waveId, id));
      return service.view(waveId);
    },

    history(waveId: string, customerId: string): ContactEvent[] {
      eachMember(waveId, [customerId], () => {});
      return st.history.all(waveId, customerId);
    },
  };
  return service;
}

export type SamplingService = ReturnType<typeof samplingService>;
