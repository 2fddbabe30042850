/** The register's field rules (shared/customers.ts), checked against hand-picked cases. */
import { describe, expect, it } from 'vitest';
import {
  checkCustomer,
  customerProblemText,
  isPhone,
  normalizeCustomer,
  splitTags,
  stageOf,
  type CustomerFields,
} from '../../shared/customers';

const base: CustomerFields = {
  code: 'C202405001',
  name: '华信科技',
  type: null,
  stage: null,
  region: null,
  industry: null,
  size: null,
  contact: null,
  phone: null,
  email: null,
  accountManager: null,
  staffId: null,
  tags: [],
};
const problemsOf = (patch: Partial<CustomerFields>, options = {}) =>
  checkCustomer(normalizeCustomer({ ...base, ...patch }), options).map((p) => [p.field, p.code]);

describe('phone numbers', () => {
  it.each([
    '13800138000',
    '138 0013 8000',
    '138-0013-8000',
    '+86 138 0013 8000',
    '8613800138000',
    '010-62345678',
    '0755-8654321',
    '(021) 6400 1234',
    '+86 10 6234 5678',
    '010-62345678 转 123',
    '400-820-8820',
    '+44 20 7946 0958',
  ])('accepts %s', (phone) => expect(isPhone(phone)).toBe(true));

  it.each([
    '12345',
    '12800138000',
    '1380013800',
    '138001380001',
    'abc',
    '010-123',
    '+1',
    '13800138000 ext',
  ])('refuses %s', (phone) => expect(isPhone(phone)).toBe(false));
});

describe('the field rules', () => {
  it('accepts a complete customer', () => {
    expect(
      problemsOf({
        type: '高价值客户',
        stage: 'renewal',
        phone: '13800138000',
        email: 'li@huaxin.cn',
        staffId: 'S008',
        tags: ['VIP'],
      }),
    ).toEqual([]);
  });

  it('needs a name, and a code when the caller says so', () => {
    expect(problemsOf({ name: '  ', code: null })).toEqual([['name', 'required']]);
    expect(problemsOf({ code: null }, { codeRequired: true })).toEqual([['code', 'required']]);
  });

  it('refuses codes, staff ids, phones and e-mails of the wrong shape', () => {
    expect(
      problemsOf({ code: 'C2024/05', staffId: 'S 008', phone: '12345', email: 'li@huaxin' }),
    ).toEqual([
      ['code', 'bad_code'],
      ['staffId', 'bad_staff_id'],
      ['phone', 'bad_phone'],
      ['email', 'bad_email'],
    ]);
  });

  it('reads stage words in both languages and refuses others', () => {
    expect(['试用期', 'Trial', '稳定', '续约期', 'renewal'].map(stageOf)).toEqual([
      '试用期',
      '试用期',
      '稳定期',
      '续约期',
      '续约期',
    ]);
    expect(normalizeCustomer({ ...base, stage: 'stable' }).stage).toBe('稳定期');
    expect(problemsOf({ stage: 'A轮' })).toEqual([['stage', 'bad_stage']]);
  });

  it('allows a free customer type besides the three of the documents', () => {
    expect(problemsOf({ type: '战略客户' })).toEqual([]);
  });

  it('limits tags to 20 of at most 32 characters', () => {
    expect(problemsOf({ tags: Array.from({ length: 21 }, (_, i) => `t${i}`) })).toEqual([
      ['tags', 'too_many_tags'],
    ]);
    expect(problemsOf({ tags: ['x'.repeat(33)] })).toEqual([['tags', 'tag_too_long']]);
  });

  it('splits a tag cell on the separators CRMs use and drops repeats', () => {
    expect(splitTags('VIP、华东重点; VIP,  key account |展会')).toEqual([
      'VIP',
      '华东重点',
      'key account',
      '展会',
    ]);
  });

  it('says what is wrong in Chinese and English', () => {
    const [problem] = checkCustomer({ ...base, email: 'x@' });
    expect(customerProblemText(problem!, 'en')).toBe(
      'Not an e-mail address (e.g. name@example.com).',
    );
    expect(customerProblemText(problem!, 'zh-CN')).toBe(
      '不是有效的邮箱地址（例如 name@example.com）。',
    );
  });
});
