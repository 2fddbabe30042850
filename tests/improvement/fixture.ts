/**
 * A small hand-made dataset on the real database: the customer-service questionnaire, waves and
 * customers, and complete responses with exactly the answers a test gives, so every expected
 * figure can be worked out by hand.
 */
import { randomUUID } from 'node:crypto';
import type { RunningServices } from '../../main/services/start';

export interface Respondent {
  type?: string;
  answers: Record<string, number | string | string[]>;
  completedAt?: string;
}

export function createSurvey(services: RunningServices): string {
  const { surveys } = services.ctx;
  const survey = surveys.create({ template: 'customer-service', language: 'zh-CN' });
  surveys.publish(survey.id, 'zh-CN');
  return survey.id;
}

export function addWave(
  services: RunningServices,
  surveyId: string,
  name: string,
  startsOn: string,
  respondents: Respondent[],
): string {
  const db = services.ctx.db;
  const version = db
    .prepare("SELECT id FROM survey_versions WHERE survey_id = ? AND status = 'published'")
    .get(surveyId) as { id: string };
  const waveId = randomUUID();
  const insertCustomer = db.prepare(
    'INSERT INTO customers (id, code, name, type, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)',
  );
  const insertResponse =
    db.prepare(`INSERT INTO responses (id, survey_version_id, wave_id, customer_id, device_id, interviewer, channel, status, revision,
    consent, quality_flags, started_at, completed_at, updated_at) VALUES (?, ?, ?, ?, 'test', 'T1', 'interview', 'complete', 1, NULL, '[]', ?, ?, ?)`);
  const insertAnswer = db.prepare(
    'INSERT INTO answers (response_id, variable, value_num, value_text, value_json, answered_at) VALUES (?, ?, ?, ?, ?, ?)',
  );
  db.transaction(() => {
    db.prepare(
      'INSERT INTO waves (id, survey_id, name, starts_on, ends_on, created_at) VALUES (?, ?, ?, ?, NULL, ?)',
    ).run(waveId, surveyId, name, startsOn, `${startsOn}T00:00:00.000Z`);
    respondents.forEach((r, i) => {
      const customerId = randomUUID();
      const completed = r.completedAt ?? `${startsOn}T10:00:00.000Z`;
      insertCustomer.run(
        customerId,
        `${name}-${i}`,
        `客户${name}-${i}`,
        r.type ?? '老客户',
        completed,
        completed,
      );
      const id = randomUUID();
      insertResponse.run(id, version.id, waveId, customerId, completed, completed, completed);
      for (const [variable, value] of Object.entries(r.answers)) {
        if (typeof value === 'number') insertAnswer.run(id, variable, value, null, null, completed);
        else if (typeof value === 'string')
          insertAnswer.run(id, variable, null, value, null, completed);
        else insertAnswer.run(id, variable, null, null, JSON.stringify(value), completed);
      }
    });
  })();
  return waveId;
}

/** Responsiveness items all at `v`, every other scale item at 4, overall at `overall`. */
export function answersWith(
  responsiveness: [number, number, number],
  overall = 4,
): Record<string, number> {
  const others = [
    'reso_1',
    'reso_2',
    'reso_3',
    'prof_1',
    'prof_2',
    'prof_3',
    'comm_1',
    'comm_2',
    'comm_3',
    'value_1',
    'value_2',
    'value_3',
  ];
  return {
    resp_1: responsiveness[0],
    resp_2: responsiveness[1],
    resp_3: responsiveness[2],
    ...Object.fromEntries(others.map((name) => [name, 4])),
    overall,
  };
}
