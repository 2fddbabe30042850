/**
 * The database side of an import: the survey's published version, earlier imports of the same
 * ids, the customer register, and writing the checked responses. The caller wraps the writes
 * in one transaction; this module never commits on its own.
 */
import { randomUUID } from 'node:crypto';
import { AppError } from '../../shared/errors';
import { definitionSchema, type SurveyDefinition } from '../../shared/questionnaire/model';
import type { Consent, QualityFlag } from '../../shared/responses';
import type { Db } from '../db/connection';
import { toColumns } from '../fieldwork/answers';
import { flagsFor, type CleaningRules } from '../fieldwork/flags';
import { CUSTOMER_ATTRIBUTES, type CustomerAttribute } from './columns';
import type { PlannedResponse } from './rows';

export interface PublishedVersion {
  id: string;
  versionNo: number;
  definition: SurveyDefinition;
}

interface CustomerRow {
  id: string;
  code: string;
  name: string;
  type: string | null;
  stage: string | null;
  region: string | null;
  industry: string | null;
  size: string | null;
}

/** Where a response came from, kept in its history: the file, its row, the source tool's id. */
export interface ImportOrigin {
  file: string;
  row: number;
  id: string | null;
}

export function importStore(db: Db) {
  const st = {
    survey: db.prepare<[string], { id: string }>('SELECT id FROM surveys WHERE id = ?'),
    published: db.prepare<[string], { id: string; version_no: number; definition: string }>(
      `SELECT id, version_no, definition FROM survey_versions
       WHERE survey_id = ? AND status = 'published' ORDER BY version_no DESC LIMIT 1`,
    ),
    imported: db.prepare<[string], { source_id: string; file: string }>(
      `SELECT json_extract(h.new_value, '$.id') AS source_id, json_extract(h.new_value, '$.file') AS file
       FROM response_history h
       JOIN responses r ON r.id = h.response_id
       JOIN survey_versions v ON v.id = r.survey_version_id
       WHERE h.action = 'import' AND v.survey_id = ? AND r.status != 'void'
         AND json_extract(h.new_value, '$.id') IS NOT NULL`,
    ),
    wavesNamed: db.prepare<[string, string], { id: string }>(
      'SELECT id FROM waves WHERE survey_id = ? AND name = ? ORDER BY created_at',
    ),
    insertWave: db.prepare(
      'INSERT INTO waves (id, survey_id, name, created_at) VALUES (?, ?, ?, ?)',
    ),
    customer: db.prepare<[string], CustomerRow>(
      'SELECT id, code, name, type, stage, region, industry, size FROM customers WHERE code = ?',
    ),
    insertCustomer: db.prepare(
      `INSERT INTO customers (id, code, name, type, stage, region, industry, size, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    // Only empty fields are filled: the register (CRM) stays the authority on what it knows.
    fillCustomer: db.prepare(
      `UPDATE customers SET type = coalesce(type, ?), stage = coalesce(stage, ?), region = coalesce(region, ?),
         industry = coalesce(industry, ?), size = coalesce(size, ?), updated_at = ? WHERE id = ?`,
    ),
    insertResponse: db.prepare(
      `INSERT INTO responses (id, survey_version_id, wave_id, customer_id, device_id, interviewer, channel, status,
         revision, consent, quality_flags, started_at, completed_at, updated_at, attributes)
       VALUES (?, ?, ?, ?, ?, ?, ?, 'complete', 1, ?, ?, ?, ?, ?, ?)`,
    ),
    insertAnswer: db.prepare(
      `INSERT INTO answers (response_id, variable, value_num, value_text, value_json, answered_at)
       VALUES (?, ?, ?, ?, ?, ?)`,
    ),
    history: db.prepare(
      `INSERT INTO response_history (response_id, revision, at, actor, action, new_value, comment)
       VALUES (?, 1, ?, ?, 'import', ?, ?)`,
    ),
  };

  return {
    /** The survey's latest published version: imports are taken on it. */
    publishedVersion(surveyId: string): PublishedVersion {
      if (!st.survey.get(surveyId)) throw new AppError('NOT_FOUND', { what: `survey ${surveyId}` });
      const row = st.published.get(surveyId);
      if (!row) throw new AppError('NOT_PUBLISHED', {});
      return {
        id: row.id,
        versionNo: row.version_no,
        definition: definitionSchema.parse(JSON.parse(row.definition)),
      };
    },

    /** Source ids of responses of this survey imported before and not voided, with their file. */
    importedIds(surveyId: string): Map<string, string> {
      return new Map(st.imported.all(surveyId).map((r) => [String(r.source_id), r.file]));
    },

    waveId(surveyId: string, name: string): string | null {
      const found = st.wavesNamed.all(surveyId, name);
      if (found.length > 1)
        throw new AppError('CONFLICT', {
          reason: `the survey has ${found.length} waves called "${name}"`,
        });
      return found[0]?.id ?? null;
    },

    createWave(surveyId: string, name: string, at: string): string {
      const id = randomUUID();
      st.insertWave.run(id, surveyId, name, at);
      return id;
    },

    customer(code: string): CustomerRow | undefined {
      return st.customer.get(code);
    },

    /** The customer of `code`, created with `name` (the code when the file has no name) if new. */
    upsertCustomer(
      code: string,
      name: string | null,
      values: Partial<Record<CustomerAttribute, string>>,
      at: string,
    ): string {
      const attrs = CUSTOMER_ATTRIBUTES.map((a) => values[a] ?? null);
      const existing = st.customer.get(code);
      if (existing) {
        if (attrs.some((v, i) => v !== null && existing[CUSTOMER_ATTRIBUTES[i]!] === null)) {
          st.fillCustomer.run(...attrs, at, existing.id);
        }
        return existing.id;
      }
      const id = randomUUID();
      st.insertCustomer.run(id, code, name ?? code, ...attrs, at, at);
      return id;
    },

    insertResponse(input: {
      response: PlannedResponse;
      version: PublishedVersion;
      waveId: string | null;
      customerId: string | null;
      deviceId: string;
      actor: string | null;
      origin: ImportOrigin;
      rules: CleaningRules;
      at: string;
    }): string {
      const { response, version } = input;
      const id = randomUUID();
      const consent: Consent | null = response.consented
        ? {
            given: true,
            method: 'tapped',
            versionNo: version.versionNo,
            givenAt: response.startedAt,
          }
        : null;
      const flags: QualityFlag[] = flagsFor(
        {
          definition: version.definition,
          answers: response.answers,
          startedAt: response.startedAt,
          completedAt: response.completedAt,
        },
        input.rules,
      );
      st.insertResponse.run(
        id,
        version.id,
        input.waveId,
        input.customerId,
        input.deviceId,
        response.interviewer,
        response.channel,
        consent ? JSON.stringify(consent) : null,
        JSON.stringify(flags),
        response.startedAt,
        response.completedAt,
        input.at,
        JSON.stringify(response.attributes),
      );
      const answeredAt = response.completedAt ?? response.startedAt;
      for (const [variable, value] of Object.entries(response.answers)) {
        if (value === null) continue;
        const c = toColumns(value);
        st.insertAnswer.run(id, variable, c.num, c.text, c.json, answeredAt);
      }
      st.history.run(id, input.at, input.actor, JSON.stringify(input.origin), input.origin.file);
      return id;
    },
  };
}

export type ImportStore = ReturnType<typeof importStore>;
