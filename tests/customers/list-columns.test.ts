/** Proposing register fields from CRM headers (main/customers/list-columns.ts), a pure function. */
import { describe, expect, it } from 'vitest';
import { columnOfKey, planCustomerColumns, proposeTarget } from '../../main/customers/list-columns';

describe('proposing a field from a header', () => {
  it.each([
    ['客户编号', 'code'],
    ['客户ID', 'code'],
    ['Customer No.', 'code'],
    ['客户全称', 'name'],
    ['公司名称', 'name'],
    ['客户类别', 'type'],
    ['合作阶段', 'stage'],
    ['所属区域', 'region'],
    ['所属行业', 'industry'],
    ['企业规模', 'size'],
    ['对接人', 'contact'],
    ['手机号码', 'phone'],
    ['联系方式', 'phone'],
    ['电子邮箱', 'email'],
    ['E-mail', 'email'],
    ['负责人', 'accountManager'],
    ['Account Owner', 'accountManager'],
    ['工号', 'staffId'],
    ['客户标签', 'tags'],
    ['（客户编号）', 'code'],
    ['客 户 编 号', 'code'],
    ['备注', 'ignore'],
    ['创建时间', 'ignore'],
  ])('reads “%s” as %s', (header, field) => expect(proposeTarget(header)).toBe(field));
});

describe('the mapping of a file', () => {
  const headers = ['客户编号', '客户名称', '电话', '手机', '', '备注'];

  it('proposes each field once and ignores headerless columns', () => {
    const { columns } = planCustomerColumns(headers, {});
    expect(columns.map((c) => [c.column, c.proposed, c.target])).toEqual([
      ['客户编号', 'code', 'code'],
      ['客户名称', 'name', 'name'],
      ['电话', 'phone', 'phone'],
      ['手机', 'ignore', 'ignore'],
      ['', 'ignore', 'ignore'],
      ['备注', 'ignore', 'ignore'],
    ]);
  });

  it('lets the user’s choice override the proposal, finding the column loosely, and names unknown columns', () => {
    const { columns, unknownKeys } = planCustomerColumns(headers, {
      电话: 'ignore',
      ' 手机 ': 'phone',
      微信: 'contact',
    });
    expect(columns.map((c) => c.target)).toEqual([
      'code',
      'name',
      'ignore',
      'phone',
      'ignore',
      'ignore',
    ]);
    expect(columns.map((c) => c.proposed)).toEqual([
      'code',
      'name',
      'phone',
      'ignore',
      'ignore',
      'ignore',
    ]);
    expect(unknownKeys).toEqual(['微信']);
  });

  it('finds a saved mapping’s column exactly, then by case, then by punctuation', () => {
    expect(columnOfKey(['Email', 'E-mail'], 'E-mail')).toBe(1);
    expect(columnOfKey(['Email'], 'EMAIL')).toBe(0);
    expect(columnOfKey(['客户编号（CRM）'], '客户编号(CRM)')).toBe(0);
    expect(columnOfKey(['客户编号'], '编号')).toBe(-1);
  });
});
