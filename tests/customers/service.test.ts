/**
 * The customer register through the real services on a temporary database: add and edit with
 * the field rules, search, filters, sort and paging (also on 50,000 customers), a customer's
 * responses, and the interview screen's customers.search / customers.create still working.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type {
  Customer,
  CustomerFields,
  CustomerPage,
  CustomerResponse,
} from '../../shared/customers';
import type { ApiError } from '../../shared/errors';
import type { RunningServices } from '../../main/services/start';
import { startTestServices } from '../helpers/services';
import { useTempDir } from '../helpers/temp-dir';

const tmp = useTempDir('customers');
let services: RunningServices;

beforeEach(async () => {
  services = await startTestServices(tmp.join('app.sqlite'));
});
afterEach(async () => {
  await services.close();
});

async function call<T>(method: string, input: unknown): Promise<T> {
  const result = await services.dispatch(method, input);
  if (!result.ok) throw new Error(result.error.message);
  return result.value as T;
}
async function failure(method: string, input: unknown): Promise<ApiError> {
  const result = await services.dispatch(method, input);
  if (result.ok) throw new Error(`${method} succeeded`);
  return result.error;
}

const fields = (patch: Partial<CustomerFields>): Partial<CustomerFields> => ({
  name: '华信科技',
  ...patch,
});

describe('adding and editing customers', () => {
  it('stores every field, normalising the stage and empty texts', async () => {
    const added = await call<Customer>(
      'customerRegister.add',
      fields({
        code: 'C202405001',
        type: '高价值客户',
        stage: 'Stable',
        region: '华东',
        industry: '制造业',
        size: '500人以上',
        contact: '王磊',
        phone: '13800138000',
        email: 'wang@huaxin.cn',
        accountManager: '李娜',
        staffId: 'S008',
        tags: ['VIP', ' VIP ', ''],
      }),
    );
    expect(added).toMatchObject({
      code: 'C202405001',
      stage: '稳定期',
      tags: ['VIP'],
      responseCount: 0,
    });
    const got = await call<Customer>('customerRegister.get', { id: added.id });
    expect(got).toEqual(added);
    const blank = await call<Customer>(
      'customerRegister.add',
      fields({ code: 'C2', region: '   ' }),
    );
    expect(blank.region).toBeNull();
  });

  it('refuses a taken code and bad formats with one issue per field', async () => {
    await call('customerRegister.add', fields({ code: 'C202405001' }));
    const error = await failure(
      'customerRegister.add',
      fields({ code: 'C202405001', phone: '123', email: 'a@b' }),
    );
    expect(error.code).toBe('INVALID_INPUT');
    expect(error.issues?.map((i) => i.path)).toEqual(['phone', 'email', 'code']);
    expect(error.issues?.[2]?.message).toBe('Another customer already has the code C202405001.');
  });

  it('updates a customer, keeps its own code, and logs which fields changed but not their values', async () => {
    const added = await call<Customer>(
      'customerRegister.add',
      fields({ code: 'C1', phone: '13800138000' }),
    );
    const updated = await call<Customer>('customerRegister.update', {
      id: added.id,
      fields: { ...fields({ code: 'C1', phone: '13900139000', region: '华南' }) },
    });
    expect(updated).toMatchObject({ code: 'C1', phone: '13900139000', region: '华南' });
    const audit = services.ctx.db
      .prepare(`SELECT detail FROM audit_log WHERE action = 'customer.update'`)
      .get() as { detail: string };
    expect(JSON.parse(audit.detail)).toEqual({ fields: ['region', 'phone'] });
    expect(audit.detail).not.toContain('13900139000');
    const other = await call<Customer>('customerRegister.add', fields({ code: 'C2' }));
    const error = await failure('customerRegister.update', {
      id: other.id,
      fields: fields({ code: 'C1' }),
    });
    expect(error.issues?.map((i) => i.path)).toEqual(['code']);
    expect(
      (await failure('customerRegister.get', { id: '00000000-0000-4000-8000-000000000000' })).code,
    ).toBe('NOT_FOUND');
  });
});

describe('the list', () => {
  beforeEach(async () => {
    const rows: Partial<CustomerFields>[] = [
      {
        code: 'C003',
        name: '远航物流',
        type: '新客户',
        stage: '试用期',
        region: '华南',
        accountManager: '张伟',
        tags: ['展会'],
      },
      {
        code: 'C001',
        name: '华信科技',
        type: '高价值客户',
        stage: '稳定期',
        region: '华东',
        accountManager: '李娜',
        phone: '13800138000',
      },
      {
        code: 'C002',
        name: 'Blue River',
        type: '老客户',
        stage: '续约期',
        region: '华东',
        accountManager: '李娜',
        email: 'tom@blueriver.com',
      },
      {
        code: 'C004',
        name: '江南贸易',
        type: '老客户',
        stage: null,
        region: null,
        accountManager: null,
      },
    ];
    for (const row of rows) await call('customerRegister.add', fields(row));
  });
  const codes = (page: CustomerPage) => page.items.map((c) => c.code);

  it('sorts by code by default, and by any column either way with empty values last', async () => {
    expect(codes(await call('customerRegister.list', {}))).toEqual([
      'C001',
      'C002',
      'C003',
      'C004',
    ]);
    expect(codes(await call('customerRegister.list', { sort: 'region' }))).toEqual([
      'C002',
      'C001',
      'C003',
      'C004',
    ]);
    expect(
      codes(await call('customerRegister.list', { sort: 'region', descending: true })),
    ).toEqual(['C003', 'C002', 'C001', 'C004']);
  });

  it('searches code, name, phone, e-mail and tags, with LIKE wildcards taken literally', async () => {
    const search = async (text: string) =>
      codes(await call('customerRegister.list', { search: text }));
    expect(await search('华信')).toEqual(['C001']);
    expect(await search('c00')).toEqual(['C001', 'C002', 'C003', 'C004']);
    expect(await search('0013')).toEqual(['C001']);
    expect(await search('blueriver')).toEqual(['C002']);
    expect(await search('展会')).toEqual(['C003']);
    expect(await search('%')).toEqual([]);
  });

  it('filters by type, stage, region and account manager, and offers the values in use', async () => {
    expect(
      codes(await call('customerRegister.list', { region: '华东', accountManager: '李娜' })),
    ).toEqual(['C001', 'C002']);
    expect(codes(await call('customerRegister.list', { type: '老客户', stage: '续约期' }))).toEqual(
      ['C002'],
    );
    expect(await call('customerRegister.filters', {})).toEqual({
      types: ['新客户', '老客户', '高价值客户'].sort(),
      stages: ['稳定期', '续约期', '试用期'],
      regions: ['华东', '华南'],
      accountManagers: ['张伟', '李娜'].sort(),
    });
  });

  it('pages with a total', async () => {
    const page = await call<CustomerPage>('customerRegister.list', { limit: 3, offset: 3 });
    expect([page.total, codes(page)]).toEqual([4, ['C004']]);
  });

  it('keeps the interview screen’s search and quick add working on the same table', async () => {
    const found = await call<{ code: string }[]>('customers.search', { query: '远航', limit: 5 });
    expect(found.map((c) => c.code)).toEqual(['C003']);
    await call('customers.create', { code: 'C005', name: '现场新客户' });
    expect(codes(await call('customerRegister.list', { search: '现场' }))).toEqual(['C005']);
  });
});

describe('a customer’s responses', () => {
  it('lists the responses linked to the customer, and counts them in the list', async () => {
    const { createDemo } = await import('../../main/analysis/demo');
    createDemo(services.ctx.db, services.ctx.surveys, services.ctx.fieldwork, {
      responses: 40,
      seed: 5,
    });
    const row = services.ctx.db
      .prepare(
        `SELECT customer_id AS id, count(*) AS n FROM responses WHERE customer_id IS NOT NULL AND status != 'void' GROUP BY customer_id ORDER BY n DESC LIMIT 1`,
      )
      .get() as { id: string; n: number } | undefined;
    expect(row).toBeDefined();
    const responses = await call<CustomerResponse[]>('customerRegister.responses', { id: row!.id });
    expect(responses.filter((r) => r.status !== 'void')).toHaveLength(row!.n);
    expect(responses[0]!.surveyTitle).not.toBe('');
    const customer = await call<Customer>('customerRegister.get', { id: row!.id });
    expect(customer.responseCount).toBe(row!.n);
  });
});

describe('a register of 50,000 customers', () => {
  it('answers a page, a search and a filtered sort quickly', async () => {
    const db = services.ctx.db;
    const insert = db.prepare(
      `INSERT INTO customers (id, code, name, type, stage, region, account_manager, phone, tags, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, '[]', '2026-01-01', '2026-01-01')`,
    );
    const regions = ['华东', '华南', '华北', '西南', '西北', '东北'];
    const types = ['新客户', '老客户', '高价值客户'];
    db.transaction(() => {
      for (let i = 0; i < 50_000; i++) {
        const n = String(i).padStart(5, '0');
        insert.run(
          `00000000-0000-4000-8000-0000000${n}`,
          `C2024${n}`,
          `客户${n}`,
          types[i % 3],
          '稳定期',
          regions[i % 6],
          `经理${i % 40}`,
          `138${String(i).padStart(8, '0')}`,
        );
      }
    })();
    const timed = async (input: unknown) => {
      const start = performance.now();
      const page = await call<CustomerPage>('customerRegister.list', input);
      return { page, ms: performance.now() - start };
    };
    await timed({}); // statements prepared once
    const first = await timed({ limit: 50 });
    const search = await timed({ search: '12345' });
    const filtered = await timed({
      region: '西北',
      type: '老客户',
      sort: 'name',
      descending: true,
      offset: 500,
    });
    expect(first.page.total).toBe(50_000);
    expect(search.page.items.map((c) => c.code)).toEqual(['C202412345']);
    // 西北 is i ≡ 4 (mod 6), always 老客户 (i % 3 = 1): i = 4, 10, ... 49996, that is 8,333 customers.
    expect(filtered.page.total).toBe(8333);
    // Newest name first, 500 skipped: 49996 - 500 x 6.
    expect(filtered.page.items[0]!.code).toBe('C202446996');
    // Generous bounds for a shared 2-core machine; typical times are a few tens of milliseconds.
    for (const t of [first, search, filtered]) expect(t.ms).toBeLessThan(1000);
    console.info(
      `50,000 customers: page ${first.ms.toFixed(0)} ms, search ${search.ms.toFixed(0)} ms, filtered ${filtered.ms.toFixed(0)} ms`,
    );
  });
});
