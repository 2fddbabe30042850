/**
 * Demo data: a published customer-service survey, two waves and N responses from customers in
 * several segments, with realistic structure (dimension effects by segment, an improvement in
 * responsiveness in the second wave), open answers in Chinese and English, and some speeders,
 * straight-liners and duplicates for the cleaning rules. Seeded: the same seed gives the same data.
 */
import type { Db } from '../db/connection';
import type { FieldworkService } from '../fieldwork/service';
import type { SurveyService } from '../surveys/service';
import { IMPROVE_TEXT, type Topic } from './demo-text';
import { seededRandom, type Random } from './random';

export interface DemoOptions {
  responses: number;
  seed: number;
  /** Called with the number of responses written so far. */
  onProgress?: (done: number, total: number) => void;
}

export interface DemoResult {
  surveyId: string;
  surveyCode: string;
  waveIds: string[];
  customers: number;
  responses: number;
}

const DIMENSIONS = ['responsiveness', 'resolution', 'professionalism', 'communication', 'value_added'] as const;
const ITEMS: Record<(typeof DIMENSIONS)[number], string[]> = {
  responsiveness: ['resp_1', 'resp_2', 'resp_3'],
  resolution: ['reso_1', 'reso_2', 'reso_3'],
  professionalism: ['prof_1', 'prof_2', 'prof_3'],
  communication: ['comm_1', 'comm_2', 'comm_3'],
  value_added: ['value_1', 'value_2', 'value_3'],
};
/** How much each dimension drives overall satisfaction in the generated data. */
const DRIVER_WEIGHTS = [0.32, 0.26, 0.12, 0.2, 0.1];
const TYPES = ['新客户', '老客户', '高价值客户'] as const;
const REGIONS = ['华东', '华北', '华南', '西南', '海外'] as const;
const INDUSTRIES = ['制造', '零售', '金融', '互联网', '医疗'] as const;
const SIZES = ['小型', '中型', '大型'] as const;
const STAGES = ['试用', '稳定', '续约'] as const;
const CHANNELS = ['interview', 'interview', 'kiosk', 'paper', 'import'] as const;

function uuidFrom(random: Random): string {
  const hex = Array.from({ length: 32 }, () => Math.floor(random.next() * 16).toString(16)).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

const clamp = (v: number, min: number, max: number) => Math.max(min, Math.min(max, Math.round(v)));

function effect(dimension: string, type: string, region: string, wave: number): number {
  let e = 0;
  if (dimension === 'responsiveness' && type === '新客户') e -= 0.45;
  if (type === '高价值客户') e += 0.25;
  if (dimension === 'resolution' && region === '华南') e -= 0.35;
  if (dimension === 'communication' && region === '海外') e -= 0.5;
  if (dimension === 'responsiveness' && wave === 1) e += 0.35;
  return e;
}

export function createDemo(db: Db, surveys: SurveyService, fieldwork: FieldworkService, options: DemoOptions): DemoResult {
  const random = seededRandom(options.seed);
  const survey = surveys.create({ template: 'customer-service', language: 'zh-CN' });
  surveys.publish(survey.id, 'zh-CN');
  const version = db.prepare("SELECT id FROM survey_versions WHERE survey_id = ? AND status = 'published'").get(survey.id) as { id: string };
  const startDate = Date.parse('2026-03-02T01:00:00Z');
  const waveIds = [uuidFrom(random), uuidFrom(random)];
  const waveNames = ['2026 上半年', '2026 下半年'];
  const insertWave = db.prepare('INSERT INTO waves (id, survey_id, name, starts_on, ends_on, created_at) VALUES (?, ?, ?, ?, ?, ?)');
  const insertCustomer = db.prepare(`INSERT INTO customers (id, code, name, type, stage, region, industry, size, contact, phone, email, account_manager, created_at, updated_at)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, ?, ?, ?)`);
  const insertResponse = db.prepare(`INSERT INTO responses (id, survey_version_id, wave_id, customer_id, device_id, interviewer, channel, status, revision,
    consent, quality_flags, started_at, completed_at, updated_at) VALUES (?, ?, ?, ?, 'demo', ?, ?, 'complete', 1, ?, '[]', ?, ?, ?)`);
  const insertAnswer = db.prepare('INSERT INTO answers (response_id, variable, value_num, value_text, value_json, answered_at) VALUES (?, ?, ?, ?, ?, ?)');

  const customerCount = Math.max(1, Math.round(options.responses * 0.96));
  const customers: { id: string; code: string; type: string; region: string }[] = [];
  let written = 0;
  db.transaction(() => {
    waveIds.forEach((id, i) => insertWave.run(id, survey.id, waveNames[i], i === 0 ? '2026-03-01' : '2026-09-01', i === 0 ? '2026-04-30' : '2026-10-31', new Date(startDate).toISOString()));
    for (let i = 0; i < customerCount; i++) {
      const id = uuidFrom(random);
      const code = `C2026${String(i + 1).padStart(5, '0')}`;
      const type = random.pick(TYPES);
      const region = random.pick(REGIONS);
      insertCustomer.run(id, code, `客户${i + 1}`, type, random.pick(STAGES), region, random.pick(INDUSTRIES), random.pick(SIZES), `联系人${i + 1}`, `138${String(10000000 + i).slice(-8)}`, `S${String(random.int(1, 12)).padStart(3, '0')}`, new Date(startDate).toISOString(), new Date(startDate).toISOString());
      customers.push({ id, code, type, region });
    }
    for (let r = 0; r < options.responses; r++) {
      const wave = r < options.responses * 0.4 ? 0 : 1;
      const duplicate = r > 10 && random.chance(0.01);
      const customer = duplicate ? customers[random.int(0, Math.min(r, customers.length) - 1)]! : customers[r % customers.length]!;
      const id = uuidFrom(random);
      const start = startDate + wave * 183 * 86400_000 + random.int(0, 50 * 86400) * 1000;
      const speeder = random.chance(0.03);
      const straight = !speeder && random.chance(0.02);
      const seconds = speeder ? random.int(40, 110) : Math.max(150, Math.round(360 + random.normal() * 90));
      const latent = random.normal() * 0.45;
      const answers: [string, number | string | string[]][] = [];
      const dims = DIMENSIONS.map((dimension) => 3.7 + latent + effect(dimension, customer.type, customer.region, wave) + random.normal() * 0.55);
      DIMENSIONS.forEach((dimension, k) => {
        for (const item of ITEMS[dimension]) answers.push([item, straight ? 5 : clamp(dims[k]! + random.normal() * 0.5, 1, 5)]);
      });
      const overallLatent = 3.7 + DIMENSIONS.reduce((sum, _d, k) => sum + DRIVER_WEIGHTS[k]! * (dims[k]! - 3.7), 0) * 1.6 + random.normal() * 0.3;
      answers.push(['overall', straight ? 5 : clamp(overallLatent, 1, 5)]);
      answers.push(['nps', clamp((overallLatent - 1) * 2.6 + random.normal() * 1.1, 0, 10)]);
      if (!speeder && random.chance(0.65)) {
        const weakest = DIMENSIONS.map((d, k) => [d, dims[k]!] as const).sort((a, b) => a[1] - b[1])[0]!;
        const topic: Topic = weakest[1] > 4.2 ? 'praise' : ({ responsiveness: 'slow', resolution: 'unresolved', communication: 'communication', professionalism: 'professional', value_added: 'value' } as const)[weakest[0]];
        const bank = IMPROVE_TEXT[topic];
        answers.push(['improve', random.chance(0.8) ? random.pick(bank.zh) : random.pick(bank.en)]);
      }
      answers.push(['customer_id', customer.code]);
      answers.push(['service_type', [random.pick(['consult', 'after_sales', 'implementation', 'training', 'complaint'])]]);
      answers.push(['callback', random.chance(0.2) ? 'phone' : 'no']);
      const channel = random.pick(CHANNELS);
      const consent = JSON.stringify({ given: true, method: channel === 'paper' ? 'paper' : channel === 'kiosk' ? 'tapped' : 'verbal', versionNo: 1, givenAt: new Date(start).toISOString() });
      const end = new Date(start + seconds * 1000).toISOString();
      insertResponse.run(id, version.id, waveIds[wave], customer.id, `S${String(random.int(1, 12)).padStart(3, '0')}`, channel, consent, new Date(start).toISOString(), end, end);
      for (const [variable, value] of answers) {
        if (typeof value === 'number') insertAnswer.run(id, variable, value, null, null, end);
        else if (typeof value === 'string') insertAnswer.run(id, variable, null, value, null, end);
        else insertAnswer.run(id, variable, null, null, JSON.stringify(value), end);
      }
      written++;
      if (written % 5000 === 0) options.onProgress?.(written, options.responses);
    }
  })();
  for (const waveId of waveIds) fieldwork.recomputeFlags(waveId);
  options.onProgress?.(options.responses, options.responses);
  return { surveyId: survey.id, surveyCode: survey.code, waveIds, customers: customerCount, responses: options.responses };
}
