/**
 * Responses: started on this device, every answer committed the moment it is given, completed,
 * abandoned or voided, edited afterwards with history. A response keeps the questionnaire
 * version it was taken on.
 */
import { randomUUID } from 'node:crypto';
import { AppError } from '../../shared/errors';
import { allQuestions, definitionSchema, hasChoices, variablesOf, type Question, type SurveyDefinition } from '../../shared/questionnaire/model';
import { checkAnswer, visiblePages, withCalculations, type AnswerValue, type Answers } from '../../shared/questionnaire/runtime';
import type {
  Channel,
  Consent,
  CustomerInput,
  CustomerSummary,
  EntryStats,
  HistoryEntry,
  Position,
  QualityFlag,
  ResponseFilter,
  ResponseRecord,
  ResponseSummary,
  Wave,
} from '../../shared/responses';
import type { Db } from '../db/connection';
import { getCleaningRules, getDeviceId } from '../services/settings';
import { answersOf, toColumns, type AnswerRow } from './answers';
import { findDuplicates, flagsFor, mergeFlags } from './flags';

export type Clock = () => Date;

interface VersionInfo {
  id: string;
  surveyId: string;
  versionNo: number;
  definition: SurveyDefinition;
  variables: Map<string, Question>;
}

interface ResponseRow {
  id: string;
  survey_version_id: string;
  wave_id: string | null;
  customer_id: string | null;
  device_id: string;
  interviewer: string | null;
  channel: Channel;
  status: ResponseSummary['status'];
  revision: number;
  replaces_revision: number | null;
  consent: string | null;
  quality_flags: string;
  started_at: string;
  completed_at: string | null;
  updated_at: string;
  notes: string;
  position: string | null;
  batch_id: string | null;
  card_no: string | null;
  entry_stats: string | null;
  survey_id: string;
  survey_title: string;
  version_no: number;
  wave_name: string | null;
  customer_name: string | null;
  answer_count: number;
}

const SELECT_RESPONSE = `
  SELECT r.*, v.survey_id, s.title AS survey_title, v.version_no, w.name AS wave_name, c.name AS customer_name,
         (SELECT count(*) FROM answers a WHERE a.response_id = r.id) AS answer_count
  FROM responses r
  JOIN survey_versions v ON v.id = r.survey_version_id
  JOIN surveys s ON s.id = v.survey_id
  LEFT JOIN waves w ON w.id = r.wave_id
  LEFT JOIN customers c ON c.id = r.customer_id`;

export interface StartInput {
  surveyId: string;
  waveId: string | null;
  customerId: string | null;
  channel: Channel;
  interviewer: string | null;
  consent: Consent | null;
  batchId?: string | null;
  cardNo?: string | null;
  startedAt?: string | undefined;
}

function summaryOf(row: ResponseRow): ResponseSummary {
  return {
    id: row.id,
    surveyId: row.survey_id,
    surveyTitle: row.survey_title,
    versionNo: row.version_no,
    waveId: row.wave_id,
    waveName: row.wave_name,
    customerId: row.customer_id,
    customerName: row.customer_name,
    channel: row.channel,
    status: row.status,
    interviewer: row.interviewer,
    revision: row.revision,
    startedAt: row.started_at,
    completedAt: row.completed_at,
    updatedAt: row.updated_at,
    flags: JSON.parse(row.quality_flags) as QualityFlag[],
    batchId: row.batch_id,
    cardNo: row.card_no,
    answerCount: row.answer_count,
  };
}

/** Checks that a value has the shape the question stores (numbers for scales, lists for multiple choice). */
function checkShape(question: Question, variable: string, value: AnswerValue): void {
  if (value === null) return;
  const bad = (expected: string) => {
    throw new AppError('INVALID_INPUT', { details: `${variable}: expected ${expected}` }, [{ path: variable, message: expected }]);
  };
  if (variable !== question.name && variable === `${question.name}_other`) {
    if (typeof value !== 'string') bad('text');
    return;
  }
  switch (question.type) {
    case 'likert':
    case 'nps':
    case 'number':
    case 'matrix':
      if (typeof value !== 'number') bad('a number');
      break;
    case 'multiple':
      if (!Array.isArray(value)) bad('a list of choices');
      break;
    default:
      if (typeof value !== 'string') bad('text');
  }
}

/** The UTC instant at which the local calendar day `date` (+ `plusDays`) begins. */
function localDayStart(date: string, plusDays: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(y, m - 1, d + plusDays).toISOString();
}

export function fieldworkService(db: Db, clock: Clock = () => new Date()) {
  const now = () => clock().toISOString();
  const versions = new Map<string, VersionInfo>();

  const st = {
    version: db.prepare<[string], { id: string; survey_id: string; version_no: number; definition: string }>(
      'SELECT id, survey_id, version_no, definition FROM survey_versions WHERE id = ?',
    ),
    latestPublished: db.prepare<[string], { id: string }>(
      "SELECT id FROM survey_versions WHERE survey_id = ? AND status = 'published' ORDER BY version_no DESC LIMIT 1",
    ),
    insert: db.prepare(`INSERT INTO responses (id, survey_version_id, wave_id, customer_id, device_id, interviewer, channel, status,
      revision, consent, quality_flags, started_at, updated_at, batch_id, card_no) VALUES (?, ?, ?, ?, ?, ?, ?, 'in_progress', 1, ?, '[]', ?, ?, ?, ?)`),
    row: db.prepare<[string], ResponseRow>(`${SELECT_RESPONSE} WHERE r.id = ?`),
    answers: db.prepare<[string], AnswerRow>('SELECT variable, value_num, value_text, value_json FROM answers WHERE response_id = ?'),
    upsertAnswer: db.prepare(`INSERT INTO answers (response_id, variable, value_num, value_text, value_json, answered_at) VALUES (?, ?, ?, ?, ?, ?)
      ON CONFLICT (response_id, variable) DO UPDATE SET value_num = excluded.value_num, value_text = excluded.value_text,
      value_json = excluded.value_json, answered_at = excluded.answered_at`),
    deleteAnswer: db.prepare('DELETE FROM answers WHERE response_id = ? AND variable = ?'),
    touch: db.prepare('UPDATE responses SET updated_at = ?, position = coalesce(?, position) WHERE id = ?'),
    setStatus: db.prepare('UPDATE responses SET status = ?, completed_at = ?, updated_at = ?, quality_flags = ? WHERE id = ?'),
    setFlags: db.prepare('UPDATE responses SET quality_flags = ? WHERE id = ?'),
    setNotes: db.prepare('UPDATE responses SET notes = ?, updated_at = ? WHERE id = ?'),
    setStats: db.prepare('UPDATE responses SET entry_stats = ? WHERE id = ?'),
    bumpRevision: db.prepare('UPDATE responses SET revision = revision + 1, replaces_revision = revision, updated_at = ? WHERE id = ?'),
    history: db.prepare(`INSERT INTO response_history (response_id, revision, at, actor, action, variable, old_value, new_value, comment)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`),
    historyOf: db.prepare<[string], { revision: number; at: string; actor: string | null; action: string; variable: string | null; old_value: string | null; new_value: string | null; comment: string | null }>(
      'SELECT revision, at, actor, action, variable, old_value, new_value, comment FROM response_history WHERE response_id = ? ORDER BY id',
    ),
    resumable: db.prepare<[string], ResponseRow>(`${SELECT_RESPONSE} WHERE r.status = 'in_progress' AND r.channel = 'interview' AND r.device_id = ? ORDER BY r.updated_at DESC`),
    waveMembers: db.prepare<[string], { id: string; customer_id: string | null; batch_id: string | null; card_no: string | null; started_at: string; quality_flags: string }>(
      "SELECT id, customer_id, batch_id, card_no, started_at, quality_flags FROM responses WHERE wave_id = ? AND status = 'complete'",
    ),
  };

  function version(id: string): VersionInfo {
    let info = versions.get(id);
    if (!info) {
      const row = st.version.get(id);
      if (!row) throw new AppError('NOT_FOUND', { what: `questionnaire version ${id}` });
      const definition = definitionSchema.parse(JSON.parse(row.definition));
      const variables = new Map<string, Question>();
      for (const { name, question } of variablesOf(definition)) variables.set(name, question);
      for (const q of allQuestions(definition)) if (hasChoices(q) && q.choices.some((c) => c.other)) variables.set(`${q.name}_other`, q);
      info = { id: row.id, surveyId: row.survey_id, versionNo: row.version_no, definition, variables };
      versions.set(id, info);
    }
    return info;
  }

  function requireRow(id: string): ResponseRow {
    const row = st.row.get(id);
    if (!row) throw new AppError('NOT_FOUND', { what: `response ${id}` });
    return row;
  }

  function record(id: string): ResponseRecord {
    const row = requireRow(id);
    return {
      ...summaryOf(row),
      deviceId: row.device_id,
      consent: row.consent ? (JSON.parse(row.consent) as Consent) : null,
      notes: row.notes,
      position: row.position ? (JSON.parse(row.position) as Position) : null,
      answers: answersOf(st.answers.all(id)),
      entryStats: row.entry_stats ? (JSON.parse(row.entry_stats) as EntryStats) : null,
      history: st.historyOf.all(id).map(
        (h): HistoryEntry => ({
          revision: h.revision,
          at: h.at,
          actor: h.actor,
          action: h.action,
          variable: h.variable,
          oldValue: h.old_value === null ? null : (JSON.parse(h.old_value) as unknown),
          newValue: h.new_value === null ? null : (JSON.parse(h.new_value) as unknown),
          comment: h.comment,
        }),
      ),
    };
  }

  function writeAnswer(responseId: string, info: VersionInfo, variable: string, value: AnswerValue, at: string): void {
    const question = info.variables.get(variable);
    if (!question) throw new AppError('INVALID_INPUT', { details: `${variable} is not a question of this questionnaire` }, [{ path: variable, message: 'unknown variable' }]);
    checkShape(question, variable, value);
    if (value === null || (Array.isArray(value) && value.length === 0) || value === '') st.deleteAnswer.run(responseId, variable);
    else {
      const c = toColumns(value);
      st.upsertAnswer.run(responseId, variable, c.num, c.text, c.json, at);
    }
  }

  function computeFlags(row: ResponseRow, answers: Answers, completedAt: string | null): QualityFlag[] {
    const info = version(row.survey_version_id);
    const fresh = flagsFor({ definition: info.definition, answers, startedAt: row.started_at, completedAt }, getCleaningRules(db));
    const previous = JSON.parse(row.quality_flags) as QualityFlag[];
    const duplicate = previous.find((f) => f.rule === 'duplicate');
    return mergeFlags(previous, duplicate ? [...fresh, duplicate] : fresh);
  }

  return {
    record,

    start(input: StartInput): ResponseRecord {
      const published = st.latestPublished.get(input.surveyId);
      if (!published) throw new AppError('NOT_PUBLISHED', {});
      const info = version(published.id);
      if (info.definition.consent.required && input.channel !== 'import' && !input.consent) throw new AppError('CONSENT_REQUIRED', {});
      const id = randomUUID();
      const at = input.startedAt ?? now();
      st.insert.run(id, info.id, input.waveId, input.customerId, getDeviceId(db), input.interviewer, input.channel, input.consent ? JSON.stringify(input.consent) : null, at, at, input.batchId ?? null, input.cardNo ?? null);
      return record(id);
    },

    /** Commits one answer; the write is durable when this returns. */
    answer(id: string, variable: string, value: AnswerValue, position?: Position): { savedAt: string } {
      const at = now();
      db.transaction(() => {
        const row = requireRow(id);
        if (row.status !== 'in_progress') throw new AppError('CONFLICT', { reason: `the response is ${row.status}; edit it from the Responses screen` });
        writeAnswer(id, version(row.survey_version_id), variable, value, at);
        st.touch.run(at, position ? JSON.stringify(position) : null, id);
      })();
      return { savedAt: at };
    },

    setPosition(id: string, position: Position): void {
      st.touch.run(now(), JSON.stringify(position), id);
    },

    setNotes(id: string, notes: string): void {
      requireRow(id);
      st.setNotes.run(notes, now(), id);
    },

    setEntryStats(id: string, stats: EntryStats): void {
      requireRow(id);
      st.setStats.run(JSON.stringify(stats), id);
    },

    /** Completes after checking every visible question; returns the problems instead when there are any. */
    complete(id: string, completedAt?: string): ResponseRecord {
      const row = requireRow(id);
      if (row.status !== 'in_progress') throw new AppError('CONFLICT', { reason: `the response is already ${row.status}` });
      const info = version(row.survey_version_id);
      const answers = answersOf(st.answers.all(id));
      const problems = visiblePages(info.definition, answers)
        .flatMap((p) => p.questions)
        .flatMap((q) => checkAnswer(q, answers).map((problem) => ({ path: q.name, message: problem.code })));
      if (problems.length) throw new AppError('ANSWERS_INCOMPLETE', { count: problems.length, names: problems.slice(0, 5).map((p) => p.path).join(', ') }, problems);
      const at = completedAt ?? now();
      const flags = computeFlags(row, answers, at);
      // Calculated fields are stored like answers, with the values of the completed response.
      const calculated = withCalculations(info.definition, answers);
      db.transaction(() => {
        for (const question of allQuestions(info.definition)) {
          if (question.type !== 'calculate') continue;
          const value = calculated[question.name];
          if (value === null || value === undefined || value === '' || (typeof value === 'number' && !Number.isFinite(value))) {
            st.deleteAnswer.run(id, question.name);
          } else {
            const c = toColumns(value);
            st.upsertAnswer.run(id, question.name, c.num, c.text, c.json, at);
          }
        }
        st.setStatus.run('complete', at, at, JSON.stringify(flags), id);
        st.history.run(id, row.revision, at, row.interviewer, 'complete', null, null, null, null);
      })();
      if (row.wave_id) this.recomputeDuplicates(row.wave_id);
      return record(id);
    },

    /** Saves a partial response as abandoned (kiosk idle timeout, interviewer gives up). */
    abandon(id: string): ResponseRecord {
      const row = requireRow(id);
      if (row.status !== 'in_progress') return record(id);
      const at = now();
      st.setStatus.run('abandoned', null, at, row.quality_flags, id);
      st.history.run(id, row.revision, at, row.interviewer, 'abandon', null, null, null, null);
      return record(id);
    },

    void(id: string, actor: string | null, reason: string): ResponseRecord {
      const row = requireRow(id);
      const at = now();
      db.transaction(() => {
        st.setStatus.run('void', row.completed_at, at, row.quality_flags, id);
        // Voiding changes the response: a new revision, so the void wins over copies on other machines.
        st.bumpRevision.run(at, id);
        st.history.run(id, row.revision + 1, at, actor, 'void', null, JSON.stringify(row.status), null, reason);
      })();
      // A voided response no longer counts as "the first" of a duplicate pair.
      if (row.wave_id) this.recomputeDuplicates(row.wave_id);
      return record(id);
    },

    /** Edits a finished response: a new revision, one history entry per changed variable. */
    edit(id: string, changes: Answers, actor: string | null, comment: string): ResponseRecord {
      const row = requireRow(id);
      if (row.status === 'in_progress') throw new AppError('CONFLICT', { reason: 'the response is still being filled in' });
      const info = version(row.survey_version_id);
      const before = answersOf(st.answers.all(id));
      const at = now();
      db.transaction(() => {
        const changed = Object.entries(changes).filter(([k, v]) => JSON.stringify(before[k] ?? null) !== JSON.stringify(v));
        if (changed.length === 0) return;
        st.bumpRevision.run(at, id);
        for (const [variable, value] of changed) {
          writeAnswer(id, info, variable, value, at);
          st.history.run(id, row.revision + 1, at, actor, 'edit', variable, JSON.stringify(before[variable] ?? null), JSON.stringify(value), comment);
        }
        const after = answersOf(st.answers.all(id));
        st.setFlags.run(JSON.stringify(computeFlags(requireRow(id), after, row.completed_at)), id);
      })();
      // Changed answers may make or end an "identical answers" duplicate.
      if (row.wave_id) this.recomputeDuplicates(row.wave_id);
      return record(id);
    },

    overrideFlag(id: string, rule: QualityFlag['rule'], keep: boolean, actor: string, comment: string): ResponseRecord {
      const row = requireRow(id);
      const flags = JSON.parse(row.quality_flags) as QualityFlag[];
      const target = flags.find((f) => f.rule === rule);
      if (!target) throw new AppError('NOT_FOUND', { what: `flag ${rule}` });
      const at = now();
      target.override = { keep, by: actor, at, comment };
      db.transaction(() => {
        st.setFlags.run(JSON.stringify(flags), id);
        st.history.run(id, row.revision, at, actor, keep ? 'flag_kept' : 'flag_confirmed', rule, null, null, comment);
      })();
      return record(id);
    },

    /** Re-runs every rule on the completed responses of a wave (after the thresholds change). */
    recomputeFlags(waveId: string): Record<string, number> {
      const counts: Record<string, number> = {};
      db.transaction(() => {
        for (const member of st.waveMembers.all(waveId)) {
          const row = requireRow(member.id);
          const flags = computeFlags(row, answersOf(st.answers.all(member.id)), row.completed_at);
          st.setFlags.run(JSON.stringify(flags), member.id);
        }
        this.recomputeDuplicates(waveId);
        for (const member of st.waveMembers.all(waveId)) {
          for (const f of JSON.parse(member.quality_flags) as QualityFlag[]) counts[f.rule] = (counts[f.rule] ?? 0) + 1;
        }
      })();
      return counts;
    },

    recomputeDuplicates(waveId: string): void {
      const members = st.waveMembers.all(waveId);
      const duplicates = findDuplicates(
        members.map((m) => ({ id: m.id, customerId: m.customer_id, batchId: m.batch_id, cardNo: m.card_no, startedAt: m.started_at, answers: answersOf(st.answers.all(m.id)) })),
      );
      for (const m of members) {
        const flags = JSON.parse(m.quality_flags) as QualityFlag[];
        const old = flags.find((f) => f.rule === 'duplicate');
        const found = duplicates.get(m.id);
        const rest = flags.filter((f) => f.rule !== 'duplicate');
        const next = found ? [...rest, { ...found, override: old?.override ?? null }] : rest;
        if (JSON.stringify(next) !== JSON.stringify(flags)) st.setFlags.run(JSON.stringify(next), m.id);
      }
    },

    resumable(): ResponseSummary[] {
      return st.resumable.all(getDeviceId(db)).map(summaryOf);
    },

    list(filter: ResponseFilter): { total: number; items: ResponseSummary[] } {
      const where: string[] = [];
      const params: (string | number)[] = [];
      const add = (sql: string, ...values: (string | number)[]) => {
        where.push(sql);
        params.push(...values);
      };
      if (filter.surveyId) add('v.survey_id = ?', filter.surveyId);
      if (filter.waveId) add('r.wave_id = ?', filter.waveId);
      if (filter.channel) add('r.channel = ?', filter.channel);
      if (filter.status) add('r.status = ?', filter.status);
      if (filter.interviewer) add('r.interviewer = ?', filter.interviewer);
      // Dates are calendar days where the reviewer is (the register shows local times); stored times are UTC.
      if (filter.from) add('r.started_at >= ?', localDayStart(filter.from, 0));
      if (filter.to) add('r.started_at < ?', localDayStart(filter.to, 1));
      if (filter.flag === 'none') add("r.quality_flags = '[]'");
      else if (filter.flag === 'any') add("r.quality_flags != '[]'");
      else if (filter.flag) add("EXISTS (SELECT 1 FROM json_each(r.quality_flags) f WHERE json_extract(f.value, '$.rule') = ?)", filter.flag);
      const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
      const total = (db.prepare(`SELECT count(*) AS n FROM responses r JOIN survey_versions v ON v.id = r.survey_version_id ${clause}`).get(...params) as { n: number }).n;
      const rows = db.prepare(`${SELECT_RESPONSE} ${clause} ORDER BY r.started_at DESC LIMIT ? OFFSET ?`).all(...params, filter.limit, filter.offset) as ResponseRow[];
      return { total, items: rows.map(summaryOf) };
    },

    definitionOf(responseId: string): SurveyDefinition {
      return version(requireRow(responseId).survey_version_id).definition;
    },

    publishedDefinition(surveyId: string): { versionNo: number; definition: SurveyDefinition } {
      const published = st.latestPublished.get(surveyId);
      if (!published) throw new AppError('NOT_PUBLISHED', {});
      const info = version(published.id);
      return { versionNo: info.versionNo, definition: info.definition };
    },
  };
}

export type FieldworkService = ReturnType<typeof fieldworkService>;

/** Waves and customers: the minimum field work needs to pick from (the full registers come with sampling). */
export function registerService(db: Db, clock: Clock = () => new Date()) {
  const now = () => clock().toISOString();
  return {
    waves(surveyId?: string): Wave[] {
      const rows = db
        .prepare(`SELECT w.*, (SELECT count(*) FROM responses r WHERE r.wave_id = w.id AND r.status != 'void') AS n FROM waves w
          ${surveyId ? 'WHERE w.survey_id = ?' : ''} ORDER BY w.created_at DESC`)
        .all(...(surveyId ? [surveyId] : [])) as { id: string; survey_id: string; name: string; starts_on: string | null; ends_on: string | null; created_at: string; n: number }[];
      return rows.map((r) => ({ id: r.id, surveyId: r.survey_id, name: r.name, startsOn: r.starts_on, endsOn: r.ends_on, createdAt: r.created_at, responseCount: r.n }));
    },
    createWave(input: { surveyId: string; name: string; startsOn: string | null; endsOn: string | null }): Wave {
      const id = randomUUID();
      db.prepare('INSERT INTO waves (id, survey_id, name, starts_on, ends_on, created_at) VALUES (?, ?, ?, ?, ?, ?)').run(id, input.surveyId, input.name, input.startsOn, input.endsOn, now());
      return this.waves(input.surveyId).find((w) => w.id === id)!;
    },
    searchCustomers(query: string, limit: number): CustomerSummary[] {
      const like = `%${query.replace(/[%_\\]/g, (c) => `\\${c}`)}%`;
      const rows = db
        .prepare(`SELECT id, code, name, type, region, industry, contact, account_manager FROM customers
          WHERE name LIKE ? ESCAPE '\\' OR code LIKE ? ESCAPE '\\' OR contact LIKE ? ESCAPE '\\' ORDER BY name LIMIT ?`)
        .all(like, like, like, limit) as { id: string; code: string | null; name: string; type: string | null; region: string | null; industry: string | null; contact: string | null; account_manager: string | null }[];
      return rows.map((r) => ({ id: r.id, code: r.code, name: r.name, type: r.type, region: r.region, industry: r.industry, contact: r.contact, accountManager: r.account_manager }));
    },
    createCustomer(input: CustomerInput): CustomerSummary {
      const id = randomUUID();
      const at = now();
      if (input.code && db.prepare('SELECT 1 FROM customers WHERE code = ?').get(input.code)) throw new AppError('CONFLICT', { reason: `customer code ${input.code} exists` });
      db.prepare(`INSERT INTO customers (id, code, name, type, stage, region, industry, size, contact, phone, email, account_manager, created_at, updated_at)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`).run(id, input.code, input.name, input.type, input.stage, input.region, input.industry, input.size, input.contact, input.phone, input.email, input.accountManager, at, at);
      return { id, code: input.code, name: input.name, type: input.type, region: input.region, industry: input.industry, contact: input.contact, accountManager: input.accountManager };
    },
  };
}

export type RegisterService = ReturnType<typeof registerService>;
