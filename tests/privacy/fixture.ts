/**
 * A small world for the privacy tests: two published customer-service surveys; customer 张伟
 * (phone 138 0013 8000) answered the first survey, and the same phone number was typed into a
 * response of the second survey without a customer link; customer 李娜 answered the first survey.
 */
import { randomUUID } from 'node:crypto';
import type { Db } from '../../main/db/connection';
import type { RunningServices } from '../../main/services/start';

export const ZHANG_PHONE = '138 0013 8000';
export const ZHANG_PHONE_DIGITS = '13800138000';
export const ZHANG_NAME = '张伟';
export const ZHANG_EMAIL = 'zhang.wei@example.cn';
export const LI_PHONE = '13912345678';

export interface PrivacyWorld {
  surveyA: { id: string; code: string; versionId: string; waveId: string };
  surveyB: { id: string; code: string; versionId: string };
  zhang: string;
  li: string;
  /** Zhang's response in survey A (linked to the customer). */
  zhangA: string;
  /** A response in survey B holding Zhang's phone number typed in, with no customer link. */
  typedB: string;
  /** Li's response in survey A. */
  liA: string;
}

function publishedSurvey(services: RunningServices, title: string) {
  const survey = services.ctx.surveys.create({ template: 'customer-service', language: 'zh-CN' });
  const definition = { ...survey.definition, title: { 'zh-CN': title, en: title } };
  services.ctx.surveys.saveDraft(survey.id, definition);
  services.ctx.surveys.publish(survey.id, 'zh-CN');
  const version = services.ctx.db
    .prepare<[string], { id: string }>(
      `SELECT id FROM survey_versions WHERE survey_id = ? AND status = 'published'`,
    )
    .get(survey.id)!;
  return { id: survey.id, code: survey.code, versionId: version.id };
}

function insertCustomer(
  db: Db,
  code: string,
  name: string,
  contact: string,
  phone: string,
  email: string | null,
  at: string,
): string {
  const id = randomUUID();
  db.prepare(
    `INSERT INTO customers (id, code, name, type, region, contact, phone, email, created_at, updated_at)
     VALUES (?, ?, ?, '企业', '华东', ?, ?, ?, ?, ?)`,
  ).run(id, code, name, contact, phone, email, at, at);
  return id;
}

export function insertResponse(
  db: Db,
  options: {
    versionId: string;
    waveId: string | null;
    customerId: string | null;
    at: string;
    answers: Record<string, number | string | string[]>;
    notes?: string;
  },
): string {
  const id = randomUUID();
  const consent = JSON.stringify({
    given: true,
    method: 'verbal',
    versionNo: 1,
    givenAt: options.at,
  });
  db.prepare(
    `INSERT INTO responses (id, survey_version_id, wave_id, customer_id, device_id, interviewer, channel, status,
       revision, consent, quality_flags, started_at, completed_at, updated_at, notes, attributes)
     VALUES (?, ?, ?, ?, 'laptop-1', '王芳', 'interview', 'complete', 1, ?, '[]', ?, ?, ?, ?, ?)`,
  ).run(
    id,
    options.versionId,
    options.waveId,
    options.customerId,
    consent,
    options.at,
    options.at,
    options.at,
    options.notes ?? '',
    JSON.stringify({ source: 'visit' }),
  );
  const insert = db.prepare(
    'INSERT INTO answers (response_id, variable, value_num, value_text, value_json, answered_at) VALUES (?, ?, ?, ?, ?, ?)',
  );
  for (const [variable, value] of Object.entries(options.answers)) {
    if (typeof value === 'number') insert.run(id, variable, value, null, null, options.at);
    else if (typeof value === 'string') insert.run(id, variable, null, value, null, options.at);
    else insert.run(id, variable, null, null, JSON.stringify(value), options.at);
  }
  return id;
}

export function buildWorld(
  services: RunningServices,
  at = '2026-05-10T02:00:00.000Z',
): PrivacyWorld {
  const db = services.ctx.db;
  const a = publishedSurvey(services, '2026 客户服务满意度调查');
  const b = publishedSurvey(services, '2026 展会访客调查');
  const waveId = randomUUID();
  db.prepare(
    `INSERT INTO waves (id, survey_id, name, created_at) VALUES (?, ?, '2026 上半年', ?)`,
  ).run(waveId, a.id, at);
  const zhang = insertCustomer(
    db,
    'C2026-0001',
    '华东精密机械有限公司',
    ZHANG_NAME,
    ZHANG_PHONE,
    ZHANG_EMAIL,
    at,
  );
  const li = insertCustomer(db, 'C2026-0002', '南方电子科技', '李娜', LI_PHONE, null, at);
  const zhangA = insertResponse(db, {
    versionId: a.versionId,
    waveId,
    customerId: zhang,
    at,
    answers: {
      overall: 4,
      nps: 9,
      improve: '响应速度可以再快一点',
      service_type: ['consult', 'training'],
      callback: 'phone',
      contact_name: ZHANG_NAME,
      phone: ZHANG_PHONE_DIGITS,
    },
    notes: `回访电话 ${ZHANG_PHONE_DIGITS}`,
  });
  db.prepare(
    `INSERT INTO response_history (response_id, revision, at, actor, action, variable, old_value, new_value, comment)
     VALUES (?, 2, ?, '王芳', 'edit', 'phone', '"13800000000"', ?, '客户更正号码')`,
  ).run(zhangA, at, JSON.stringify(ZHANG_PHONE_DIGITS));
  const typedB = insertResponse(db, {
    versionId: b.versionId,
    waveId: null,
    customerId: null,
    at: '2026-06-01T03:00:00.000Z',
    answers: { overall: 2, callback: 'phone', contact_name: '张先生', phone: '+86 138-0013-8000' },
  });
  const liA = insertResponse(db, {
    versionId: a.versionId,
    waveId,
    customerId: li,
    at,
    answers: { overall: 5, nps: 10, callback: 'phone', contact_name: '李娜', phone: LI_PHONE },
  });
  return { surveyA: { ...a, waveId }, surveyB: b, zhang, li, zhangA, typedB, liA };
}

/** Free texts about Zhang in the sampling and improvement tables (seeded by `seedActivity`). */
export const ZHANG_SAMPLE_NOTE = '张总周三下午方便，秘书小周代接';
export const ZHANG_CONTACT_NOTE = '张总说上次投诉的备件还没到';
export const ZHANG_FOLLOW_UP_DETAIL = '张伟反映交货延误两次，要求经理回电';
export const ZHANG_FOLLOW_UP_PLAN = '周五派王工上门检修';
/** Zhang's open answer to `improve`, which the problem's description quotes. */
export const ZHANG_QUOTE = '响应速度可以再快一点';
export const LI_SAMPLE_NOTE = '李娜只接受邮件联系';
export const LI_FOLLOW_UP_DETAIL = '李娜希望增加培训场次';
export const OTHER_PROBLEM_LINE = '多位客户提到备件交货周期长';

export interface ActivityWorld {
  zhangFollowUp: string;
  liFollowUp: string;
  problem: string;
}

/**
 * Both customers drawn into the sample of survey A's wave, each with one contact; a follow-up
 * for each of their responses; one problem based on both responses whose description quotes
 * Zhang's open answer next to a line of the analyst's own.
 */
export function seedActivity(db: Db, world: PrivacyWorld, at = '2026-05-12T02:00:00.000Z') {
  const waveId = world.surveyA.waveId;
  db.prepare(
    `INSERT INTO samples (wave_id, seed, design, population, drawn_at, drawn_by) VALUES (?, 42, '{}', 2, ?, '王芳')`,
  ).run(waveId, at);
  const member = db.prepare(
    `INSERT INTO sample_members (wave_id, customer_id, stratum, inclusion_probability, weight, channel, status, account_manager, notes, updated_at)
     VALUES (?, ?, '企业|华东', 1, 1, 'interview', 'interviewed', '陈经理', ?, ?)`,
  );
  const contact = db.prepare(
    `INSERT INTO sample_contacts (wave_id, customer_id, at, on_date, status, actor, note)
     VALUES (?, ?, ?, '2026-05-12', 'reminded', '王芳', ?)`,
  );
  member.run(waveId, world.zhang, ZHANG_SAMPLE_NOTE, at);
  contact.run(waveId, world.zhang, at, ZHANG_CONTACT_NOTE);
  member.run(waveId, world.li, LI_SAMPLE_NOTE, at);
  contact.run(waveId, world.li, at, '已发邮件提醒');
  const followUp = db.prepare(
    `INSERT INTO improvement_follow_ups (id, survey_id, response_id, customer_id, reason, detail, score, urgent, status, owner, plan, raised_at, planned_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, '陈经理', ?, ?, ?)`,
  );
  const zhangFollowUp = randomUUID();
  const liFollowUp = randomUUID();
  followUp.run(
    zhangFollowUp,
    world.surveyA.id,
    world.zhangA,
    world.zhang,
    'complaint',
    ZHANG_FOLLOW_UP_DETAIL,
    55,
    1,
    'planned',
    ZHANG_FOLLOW_UP_PLAN,
    at,
    at,
  );
  followUp.run(
    liFollowUp,
    world.surveyA.id,
    world.liA,
    world.li,
    'callback',
    LI_FOLLOW_UP_DETAIL,
    90,
    0,
    'open',
    '',
    at,
    null,
  );
  const problem = randomUUID();
  db.prepare(
    `INSERT INTO improvement_problems (id, survey_id, wave_id, source, source_ref, title, description, frequency, churn_risk, word_of_mouth, response_ids, created_at, updated_at)
     VALUES (?, ?, ?, 'theme', 'improve:speed', '响应速度', ?, 12.5, 2, 2, ?, ?, ?)`,
  ).run(
    problem,
    world.surveyA.id,
    waveId,
    `${ZHANG_QUOTE}\n${OTHER_PROBLEM_LINE}`,
    JSON.stringify([world.zhangA, world.liA]),
    at,
    at,
  );
  return { zhangFollowUp, liFollowUp, problem } satisfies ActivityWorld;
}
