/**
 * The customer register (客户档案): the record, its field rules and their messages in both
 * languages. Pure, so the form checks as the user types and main checks again before storing.
 */
import { z } from 'zod';
import type { Locale } from './locale';

/** The customer types the documents name; any other text is allowed too (a CRM's own words). */
export const CUSTOMER_TYPES = ['新客户', '老客户', '高价值客户'] as const;
/**
 * The relationship stage (合作阶段), stored in the documents' words like the customer type, so
 * segments, samples and reports show it as Chinese users expect; English screens translate it.
 */
export const CUSTOMER_STAGES = ['试用期', '稳定期', '续约期'] as const;
export type CustomerStage = (typeof CUSTOMER_STAGES)[number];

/** The register's fields in the order a form and a list show them. */
export const CUSTOMER_FIELDS = [
  'code',
  'name',
  'type',
  'stage',
  'region',
  'industry',
  'size',
  'contact',
  'phone',
  'email',
  'accountManager',
  'staffId',
  'tags',
] as const;
export type CustomerField = (typeof CUSTOMER_FIELDS)[number];

export const MAX_TAGS = 20;
export const MAX_TAG_LENGTH = 32;
const LIMITS: Record<Exclude<CustomerField, 'tags'>, number> = {
  code: 32,
  name: 200,
  type: 64,
  stage: 64,
  region: 64,
  industry: 64,
  size: 64,
  contact: 100,
  phone: 40,
  email: 200,
  accountManager: 100,
  staffId: 32,
};

/** One customer as the register shows it. */
export interface Customer {
  id: string;
  code: string | null;
  name: string;
  type: string | null;
  stage: string | null;
  region: string | null;
  industry: string | null;
  size: string | null;
  contact: string | null;
  phone: string | null;
  email: string | null;
  accountManager: string | null;
  staffId: string | null;
  tags: string[];
  createdAt: string;
  updatedAt: string;
  /** Responses linked to the customer (void ones excluded). */
  responseCount: number;
}

/** The editable part of a customer: what the form and an imported row give. */
export type CustomerFields = Omit<Customer, 'id' | 'createdAt' | 'updatedAt' | 'responseCount'>;

const text = (max: number) => z.string().trim().max(max).nullable().default(null);

/** The form's input; the field rules themselves are `checkCustomer`, run by the service. */
export const customerFieldsInput = z.strictObject({
  code: text(200),
  name: z.string().trim().max(400),
  type: text(200),
  stage: text(200),
  region: text(200),
  industry: text(200),
  size: text(200),
  contact: text(200),
  phone: text(200),
  email: text(400),
  accountManager: text(200),
  staffId: text(200),
  tags: z.array(z.string().trim().max(200)).max(100).default([]),
});

export const CUSTOMER_SORTS = [
  'code',
  'name',
  'type',
  'stage',
  'region',
  'accountManager',
  'updatedAt',
] as const;
export type CustomerSort = (typeof CUSTOMER_SORTS)[number];

/** Search, filters, order and page of the register list. */
export const customerQuery = z.strictObject({
  /** Matches code, name, contact, phone, e-mail or a tag (part of the text). */
  search: z.string().trim().max(100).default(''),
  type: z.string().max(64).nullable().default(null),
  stage: z.string().max(64).nullable().default(null),
  region: z.string().max(64).nullable().default(null),
  accountManager: z.string().max(100).nullable().default(null),
  sort: z.enum(CUSTOMER_SORTS).default('code'),
  descending: z.boolean().default(false),
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(500).default(50),
});
export type CustomerQuery = z.input<typeof customerQuery>;

/** One page of the register and the values the filters offer. */
export interface CustomerPage {
  total: number;
  items: Customer[];
}

/** The distinct values of the filter fields, for the filter menus. */
export interface CustomerFilterValues {
  types: string[];
  stages: string[];
  regions: string[];
  accountManagers: string[];
}

/** A response of one customer, for the detail panel. */
export interface CustomerResponse {
  id: string;
  surveyTitle: string;
  waveName: string | null;
  channel: string;
  status: string;
  startedAt: string;
  completedAt: string | null;
}

// ---- Field rules ----

/** `C202405001`: letters and digits (with - or _), starting with a letter or digit. */
const CODE = /^[A-Za-z0-9][A-Za-z0-9_-]*$/;
const STAFF_ID = /^[A-Za-z0-9][A-Za-z0-9_-]*$/;
const EMAIL = /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/;

/**
 * A phone number as Chinese CRMs write them: a mobile (138 0013 8000), a landline with its area
 * code (010-62345678, 0755-8765432), either with +86, and an extension (转 123, ext 123).
 */
export function isPhone(value: string): boolean {
  const m = /^(.*?)(?:\s*(?:转|ext\.?|x|#)\s*\d{1,6})?$/i.exec(value.trim().normalize('NFKC'));
  const body = (m?.[1] ?? '').replace(/[\s\-()]/g, '');
  if (!/^\+?\d+$/.test(body)) return false;
  const digits = body.replace(/^\+/, '');
  if (body.startsWith('+86') || (digits.startsWith('86') && digits.length === 13)) {
    // After +86 a landline drops its trunk 0: +86 10 6234 5678 is 010-62345678.
    const national = digits.slice(2);
    return isChinaNumber(
      national.startsWith('1') && national.length === 11 ? national : `0${national}`,
    );
  }
  if (body.startsWith('+')) return digits.length >= 7 && digits.length <= 15;
  return isChinaNumber(digits);
}

function isChinaNumber(digits: string): boolean {
  if (/^1\d{10}$/.test(digits)) return /^1[3-9]\d{9}$/.test(digits);
  // Landline: area code 0xx or 0xxx, then 7 or 8 digits; or a local number alone.
  return (
    /^0\d{2,3}\d{7,8}$/.test(digits) || /^[2-9]\d{6,7}$/.test(digits) || /^400\d{7}$/.test(digits)
  );
}

/** Stage words a CRM export uses, in either language, to the stored stage. */
const STAGE_WORDS: Record<CustomerStage, string[]> = {
  试用期: ['试用期', 'trial', '试用', '试用阶段', '试用客户'],
  稳定期: ['稳定期', 'stable', '稳定', '稳定合作', '稳定合作期', '合作期', '稳定阶段'],
  续约期: ['续约期', 'renewal', '续约', '续签', '续约阶段', '待续约'],
};

/** The stored stage of a word in either language; null when it is not a stage. */
export function stageOf(value: string): CustomerStage | null {
  const t = value.trim().normalize('NFKC').toLowerCase();
  for (const stage of CUSTOMER_STAGES) if (STAGE_WORDS[stage].includes(t)) return stage;
  return null;
}

/** Tags from one cell: separated by commas, semicolons, 、 or |. */
export function splitTags(value: string): string[] {
  const tags = value
    .normalize('NFKC')
    .split(/[,;、|]/)
    .map((t) => t.trim())
    .filter((t) => t !== '');
  return [...new Set(tags)];
}

export type CustomerProblemCode =
  | 'required'
  | 'too_long'
  | 'bad_code'
  | 'bad_staff_id'
  | 'bad_phone'
  | 'bad_email'
  | 'bad_stage'
  | 'too_many_tags'
  | 'tag_too_long'
  | 'code_taken';

/** Why one field of a customer does not fit. */
export interface CustomerProblem {
  field: CustomerField;
  code: CustomerProblemCode;
  params: Record<string, string | number>;
}

/**
 * The rules every stored customer follows: a name; a code like C202405001 (required when
 * `codeRequired`, as in a CRM import keyed by it); phone and e-mail formats; one of the stages.
 */
export function checkCustomer(
  fields: CustomerFields,
  options: { codeRequired?: boolean } = {},
): CustomerProblem[] {
  const problems: CustomerProblem[] = [];
  const add = (
    field: CustomerField,
    code: CustomerProblemCode,
    params: Record<string, string | number> = {},
  ) => problems.push({ field, code, params });
  if (!fields.name.trim()) add('name', 'required');
  if (!fields.code && options.codeRequired) add('code', 'required');
  for (const field of CUSTOMER_FIELDS) {
    if (field === 'tags') continue;
    const value = fields[field];
    if (value && value.length > LIMITS[field]) add(field, 'too_long', { max: LIMITS[field] });
  }
  if (fields.code && fields.code.length <= LIMITS.code && !CODE.test(fields.code))
    add('code', 'bad_code');
  if (fields.staffId && fields.staffId.length <= LIMITS.staffId && !STAFF_ID.test(fields.staffId))
    add('staffId', 'bad_staff_id');
  if (fields.phone && fields.phone.length <= LIMITS.phone && !isPhone(fields.phone))
    add('phone', 'bad_phone');
  if (fields.email && fields.email.length <= LIMITS.email && !EMAIL.test(fields.email))
    add('email', 'bad_email');
  if (fields.stage && !(CUSTOMER_STAGES as readonly string[]).includes(fields.stage))
    add('stage', 'bad_stage');
  if (fields.tags.length > MAX_TAGS) add('tags', 'too_many_tags', { max: MAX_TAGS });
  const long = fields.tags.find((t) => t.length > MAX_TAG_LENGTH);
  if (long) add('tags', 'tag_too_long', { tag: long, max: MAX_TAG_LENGTH });
  return problems;
}

const PROBLEM_TEXT: Record<Locale, Record<CustomerProblemCode, string>> = {
  en: {
    required: 'Required.',
    too_long: 'Longer than {{max}} characters.',
    bad_code: 'A customer code is letters and digits, like C202405001.',
    bad_staff_id: 'A staff id is letters and digits, like S008.',
    bad_phone: 'Not a phone number (e.g. 13800138000, 010-62345678, +86 138 0013 8000).',
    bad_email: 'Not an e-mail address (e.g. name@example.com).',
    bad_stage: 'The stage is trial, stable or renewal (试用期, 稳定期 or 续约期).',
    too_many_tags: 'At most {{max}} tags.',
    tag_too_long: 'The tag “{{tag}}” is longer than {{max}} characters.',
    code_taken: 'Another customer already has the code {{code}}.',
  },
  'zh-CN': {
    required: '必填。',
    too_long: '超过 {{max}} 个字符。',
    bad_code: '客户编号由字母和数字组成，例如 C202405001。',
    bad_staff_id: '员工编号由字母和数字组成，例如 S008。',
    bad_phone: '不是有效的电话号码（例如 13800138000、010-62345678、+86 138 0013 8000）。',
    bad_email: '不是有效的邮箱地址（例如 name@example.com）。',
    bad_stage: '合作阶段只能是试用期、稳定期或续约期。',
    too_many_tags: '标签最多 {{max}} 个。',
    tag_too_long: '标签“{{tag}}”超过 {{max}} 个字符。',
    code_taken: '客户编号 {{code}} 已被其他客户使用。',
  },
};

/** A problem in the user's language. */
export function customerProblemText(problem: CustomerProblem, locale: Locale): string {
  return PROBLEM_TEXT[locale][problem.code].replace(/\{\{(\w+)\}\}/g, (_, key: string) =>
    String(problem.params[key] ?? ''),
  );
}

/** Empty texts are "not given"; tags are trimmed and de-duplicated. */
export function normalizeCustomer(fields: CustomerFields): CustomerFields {
  const out = { ...fields, name: fields.name.trim() };
  for (const field of CUSTOMER_FIELDS) {
    if (field === 'tags' || field === 'name') continue;
    const value = out[field]?.trim() ?? '';
    out[field] = value === '' ? null : value;
  }
  if (out.stage) out.stage = stageOf(out.stage) ?? out.stage;
  out.tags = [...new Set(fields.tags.map((t) => t.trim()).filter((t) => t !== ''))];
  return out;
}
