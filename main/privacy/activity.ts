/**
 * The person in the records of sampling and the improvement loop: their customers' sample
 * memberships with the contact history, the follow-ups (回访) raised for their customers or
 * responses, and the problems whose description quotes their open answers.
 *
 * Erasing them: in delete mode the memberships, contacts and follow-ups are deleted; in anonymise
 * mode the follow-ups keep their reason, scores, status and SLA times but lose their free text and
 * customer link. Memberships always go with the customer record they belong to (a membership
 * cannot outlive its customer). In both modes a problem keeps its title, frequency and ratings and
 * loses the description lines copied from the person's answers; a deleted response also leaves
 * its list of responses. Called inside the erasure's transaction.
 */
import type {
  EraseMode,
  LinkedErasure,
  PersonFollowUp,
  PersonProblem,
  PersonSampleMembership,
} from '../../shared/privacy';
import { hasChoices } from '../../shared/questionnaire/model';
import type { Db } from '../db/connection';
import { versionCatalog } from './versions';

/** Shorter texts ("好", "无") are too common to tell whose answer a description line copies. */
const MIN_QUOTE_LENGTH = 2;
/** Found inside a longer line only from this length on ("没有" must be the whole line). */
const MIN_INNER_QUOTE_LENGTH = 4;

interface MemberRow {
  wave_id: string;
  wave_name: string | null;
  survey_title: string | null;
  customer_id: string;
  stratum: string;
  channel: string;
  status: string;
  account_manager: string | null;
  notes: string;
  updated_at: string;
}

interface ContactRow {
  at: string;
  on_date: string;
  status: string;
  actor: string | null;
  note: string;
}

interface FollowUpRow {
  id: string;
  customer_id: string | null;
  response_id: string | null;
  reason: string;
  detail: string;
  score: number | null;
  urgent: number;
  status: string;
  owner: string;
  plan: string;
  raised_at: string;
  revisited_at: string | null;
  revisit_score: number | null;
  closed_at: string | null;
}

interface ProblemRow {
  id: string;
  title: string;
  description: string;
  response_ids: string;
}

const FOLLOW_UPS_OF = `SELECT * FROM improvement_follow_ups
  WHERE customer_id IN (SELECT value FROM json_each(@customers))
     OR response_id IN (SELECT value FROM json_each(@responses))
  ORDER BY raised_at, id`;

const PROBLEMS_OF = `SELECT id, title, description, response_ids FROM improvement_problems p
  WHERE EXISTS (SELECT 1 FROM json_each(p.response_ids)
                 WHERE value IN (SELECT value FROM json_each(@responses)))
  ORDER BY created_at, id`;

/**
 * The distinct open-answer texts of the responses, trimmed (as analysis quotes them): answers to
 * open questions and "other, please specify" texts, not the codes of choice questions.
 */
export function openTextsOf(db: Db, responseIds: string[]): string[] {
  const catalog = versionCatalog(db);
  const rows = db
    .prepare<[string], { version: string; variable: string; text: string }>(
      `SELECT r.survey_version_id AS version, a.variable, trim(a.value_text) AS text
         FROM answers a JOIN responses r ON r.id = a.response_id
        WHERE a.response_id IN (SELECT value FROM json_each(?)) AND a.value_text IS NOT NULL`,
    )
    .all(JSON.stringify(responseIds));
  const texts = new Set<string>();
  for (const row of rows) {
    if ([...row.text].length < MIN_QUOTE_LENGTH) continue;
    const question = catalog(row.version).questions.get(row.variable);
    const open = question === undefined || row.variable.endsWith('_other') || !hasChoices(question);
    if (open) texts.add(row.text);
  }
  return [...texts];
}

/** Whether a description line copies one of the texts (the whole line, or the text inside it). */
export function quotesAny(line: string, texts: readonly string[]): boolean {
  const trimmed = line.trim();
  if (trimmed === '') return false;
  return texts.some(
    (text) =>
      trimmed === text || ([...text].length >= MIN_INNER_QUOTE_LENGTH && trimmed.includes(text)),
  );
}

/** The description without the lines that quote the texts; null when nothing was quoted. */
export function withoutQuotes(description: string, texts: readonly string[]): string | null {
  const lines = description.split('\n');
  const kept = lines.filter((line) => !quotesAny(line, texts));
  return kept.length === lines.length ? null : kept.join('\n');
}

function parseIds(text: string): string[] {
  try {
    const value = JSON.parse(text) as unknown;
    return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
  } catch {
    return [];
  }
}

function followUpOf(row: FollowUpRow): PersonFollowUp {
  return {
    id: row.id,
    customerId: row.customer_id,
    responseId: row.response_id,
    reason: row.reason,
    detail: row.detail,
    score: row.score,
    urgent: row.urgent === 1,
    status: row.status,
    owner: row.owner,
    plan: row.plan,
    raisedAt: row.raised_at,
    revisitedAt: row.revisited_at,
    revisitScore: row.revisit_score,
    closedAt: row.closed_at,
  };
}

export interface PersonActivity {
  samples: PersonSampleMembership[];
  followUps: PersonFollowUp[];
  problems: PersonProblem[];
}

export function collectActivity(
  db: Db,
  customerIds: string[],
  responseIds: string[],
): PersonActivity {
  const params = { customers: JSON.stringify(customerIds), responses: JSON.stringify(responseIds) };
  const contactsOf = db.prepare<[string, string], ContactRow>(
    `SELECT at, on_date, status, actor, note FROM sample_contacts
      WHERE wave_id = ? AND customer_id = ? ORDER BY id`,
  );
  const samples = db
    .prepare<[string], MemberRow>(
      `SELECT m.wave_id, w.name AS wave_name, s.title AS survey_title, m.customer_id, m.stratum,
              m.channel, m.status, m.account_manager, m.notes, m.updated_at
         FROM sample_members m
         LEFT JOIN waves w ON w.id = m.wave_id
         LEFT JOIN surveys s ON s.id = w.survey_id
        WHERE m.customer_id IN (SELECT value FROM json_each(?))
        ORDER BY w.starts_on, w.created_at, m.wave_id, m.customer_id`,
    )
    .all(params.customers)
    .map((row): PersonSampleMembership => ({
      waveId: row.wave_id,
      waveName: row.wave_name,
      surveyTitle: row.survey_title,
      customerId: row.customer_id,
      stratum: row.stratum,
      channel: row.channel,
      status: row.status,
      accountManager: row.account_manager,
      notes: row.notes,
      updatedAt: row.updated_at,
      contacts: contactsOf.all(row.wave_id, row.customer_id).map((c) => ({
        at: c.at,
        onDate: c.on_date,
        status: c.status,
        actor: c.actor,
        note: c.note,
      })),
    }));
  const followUps = db
    .prepare<typeof params, FollowUpRow>(FOLLOW_UPS_OF)
    .all(params)
    .map(followUpOf);
  const texts = openTextsOf(db, responseIds);
  const mine = new Set(responseIds);
  const problems = db
    .prepare<typeof params, ProblemRow>(PROBLEMS_OF)
    .all(params)
    .map((row) => ({
      id: row.id,
      title: row.title,
      quotes: row.description.split('\n').filter((line) => quotesAny(line, texts)),
      responseIds: parseIds(row.response_ids).filter((id) => mine.has(id)),
    }));
  return { samples, followUps, problems };
}

/**
 * Erases the person from sampling and the improvement loop; `texts` are their open answers,
 * read before the responses were deleted or anonymised.
 */
export function eraseActivity(
  db: Db,
  mode: EraseMode,
  customerIds: string[],
  responseIds: string[],
  texts: readonly string[],
): LinkedErasure {
  const params = { customers: JSON.stringify(customerIds), responses: JSON.stringify(responseIds) };
  const sampleContacts = db
    .prepare<[string]>(
      'DELETE FROM sample_contacts WHERE customer_id IN (SELECT value FROM json_each(?))',
    )
    .run(params.customers).changes;
  const sampleMemberships = db
    .prepare<[string]>(
      'DELETE FROM sample_members WHERE customer_id IN (SELECT value FROM json_each(?))',
    )
    .run(params.customers).changes;

  let followUpsDeleted = 0;
  let followUpsAnonymised = 0;
  const followUpIds = db
    .prepare<typeof params, FollowUpRow>(FOLLOW_UPS_OF)
    .all(params)
    .map((row) => row.id);
  if (mode === 'delete') {
    const remove = db.prepare<[string]>('DELETE FROM improvement_follow_ups WHERE id = ?');
    for (const id of followUpIds) followUpsDeleted += remove.run(id).changes;
  } else {
    // The anonymised response stays linked: the follow-up still counts for its wave.
    const blank = db.prepare<[string]>(
      `UPDATE improvement_follow_ups SET detail = '', plan = '', customer_id = NULL
        WHERE id = ?`,
    );
    for (const id of followUpIds) followUpsAnonymised += blank.run(id).changes;
  }

  let problemsCleaned = 0;
  const gone = new Set(mode === 'delete' ? responseIds : []);
  const update = db.prepare<[string, string, string]>(
    'UPDATE improvement_problems SET description = ?, response_ids = ? WHERE id = ?',
  );
  for (const row of db.prepare<typeof params, ProblemRow>(PROBLEMS_OF).all(params)) {
    const description = withoutQuotes(row.description, texts);
    const ids = parseIds(row.response_ids);
    const keptIds = ids.filter((id) => !gone.has(id));
    if (description === null && keptIds.length === ids.length) continue;
    update.run(description ?? row.description, JSON.stringify(keptIds), row.id);
    if (description !== null) problemsCleaned++;
  }
  return {
    sampleMemberships,
    sampleContacts,
    followUpsDeleted,
    followUpsAnonymised,
    problemsCleaned,
  };
}
