/**
 * Importing CRM customer lists through the real services on a temporary database: proposals from
 * Chinese and English headers, every encoding to identical rows, failing rows named with their
 * reason, upsert by code, and all-or-nothing with the database unchanged on a refusal.
 */
import iconv from 'iconv-lite';
import ExcelJS from 'exceljs';
import fs from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CustomerImportResult } from '../../shared/api/customers';
import type { ImportIssue } from '../../shared/api/imports';
import type { RunningServices } from '../../main/services/start';
import { startTestServices } from '../helpers/services';
import { useTempDir } from '../helpers/temp-dir';

const tmp = useTempDir('customer-list');
let services: RunningServices;

beforeEach(async () => {
  services = await startTestServices(tmp.join('app.sqlite'));
});
afterEach(async () => {
  await services.close();
});

const HEADER = [
  '客户编号',
  '客户名称',
  '客户类型',
  '阶段',
  '区域',
  '联系人',
  '联系电话',
  '邮箱',
  '客户经理',
  '工号',
  '标签',
];
const ROWS = [
  [
    'C202405001',
    '华信科技有限公司',
    '高价值客户',
    '稳定期',
    '华东',
    '王磊',
    '138 0013 8000',
    'wang@huaxin.cn',
    '李娜',
    'S008',
    'VIP、华东重点',
  ],
  [
    'C202405002',
    '远航物流',
    '新客户',
    '试用期',
    '华南',
    '陈静',
    '0755-86543210',
    '',
    '张伟',
    'S011',
    '',
  ],
  [
    'C202405003',
    'Blue River Ltd',
    '老客户',
    'renewal',
    '华北',
    'Tom Lee',
    '+86 10 6234 5678',
    'tom@blueriver.com',
    '李娜',
    'S008',
    'key account; 英文',
  ],
];

function csv(rows: string[][], separator = ','): string {
  return rows
    .map((r) => r.map((c) => (/[",\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(separator))
    .join('\r\n');
}

async function importList(
  fileName: string,
  bytes: Uint8Array,
  extra: { map?: Record<string, string>; dryRun?: boolean } = {},
): Promise<CustomerImportResult> {
  const result = await services.dispatch('customerRegister.importList', {
    fileName,
    dataBase64: Buffer.from(bytes).toString('base64'),
    dryRun: extra.dryRun ?? false,
    ...(extra.map ? { map: extra.map } : {}),
  });
  if (!result.ok) throw new Error(result.error.message);
  return result.value as CustomerImportResult;
}

function storedRows(): unknown[] {
  return services.ctx.db
    .prepare(
      `SELECT code, name, type, stage, region, industry, size, contact, phone, email, account_manager, staff_id, tags
       FROM customers ORDER BY code`,
    )
    .all();
}

/** Every table's rows, to prove a refused import changed nothing. */
function snapshot(): string {
  const db = services.ctx.db;
  const tables = db
    .prepare(`SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name`)
    .all() as { name: string }[];
  return JSON.stringify(
    tables.map(({ name }) => [name, db.prepare(`SELECT * FROM "${name}"`).all()]),
  );
}

const where = (issues: ImportIssue[]) => issues.map((p) => [p.row, p.column, p.value, p.code]);

describe('proposing a mapping from the headers', () => {
  it('maps Chinese CRM headers to register fields and ignores what it does not know', async () => {
    const result = await importList(
      'crm.csv',
      Buffer.from(csv([[...HEADER, '备注'], ROWS[0]!.concat('x')])),
      { dryRun: true },
    );
    expect(result.columns.map((c) => [c.column, c.proposed])).toEqual([
      ['客户编号', 'code'],
      ['客户名称', 'name'],
      ['客户类型', 'type'],
      ['阶段', 'stage'],
      ['区域', 'region'],
      ['联系人', 'contact'],
      ['联系电话', 'phone'],
      ['邮箱', 'email'],
      ['客户经理', 'accountManager'],
      ['工号', 'staffId'],
      ['标签', 'tags'],
      ['备注', 'ignore'],
    ]);
    expect(result.warnings.map((w) => [w.code, w.column])).toContainEqual([
      'column_ignored',
      '备注',
    ]);
  });

  it('maps English headers regardless of case, spaces and punctuation', async () => {
    const header = [
      'Customer ID',
      'Company Name',
      'Customer Type',
      'Stage',
      'Region',
      'Industry',
      'Company size',
      'Contact Person',
      'Mobile',
      'E-mail',
      'Account Manager',
      'Staff ID',
      'Tags',
    ];
    const result = await importList(
      'crm.csv',
      Buffer.from(csv([header, ['C1', 'A', '', '', '', '', '', '', '', '', '', '', '']])),
      { dryRun: true },
    );
    expect(result.columns.map((c) => c.proposed)).toEqual([
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
    ]);
  });

  it('proposes a field only for its first column, so the proposal never clashes with itself', async () => {
    const result = await importList(
      'crm.csv',
      Buffer.from(
        csv([
          ['客户编号', '客户名称', '电话', '手机'],
          ['C1', 'A', '010-62345678', '13800138000'],
        ]),
      ),
      { dryRun: true },
    );
    expect(result.columns.map((c) => c.proposed)).toEqual(['code', 'name', 'phone', 'ignore']);
    expect(result.problems).toEqual([]);
  });
});

describe('the same list in every encoding', () => {
  it('imports GBK, UTF-8, UTF-8 with BOM and UTF-16LE to identical rows, byte for byte', async () => {
    const text = csv([HEADER, ...ROWS]);
    const files: [string, Buffer][] = [
      ['GB18030', iconv.encode(text, 'gbk')],
      ['UTF-8', Buffer.from(text, 'utf8')],
      ['UTF-8', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')])],
      ['UTF-16LE', Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(text, 'utf-16le')])],
      // Excel's "Unicode text": UTF-16LE with a BOM, tab-separated.
      [
        'UTF-16LE',
        Buffer.concat([
          Buffer.from([0xff, 0xfe]),
          iconv.encode(csv([HEADER, ...ROWS], '\t'), 'utf-16le'),
        ]),
      ],
    ];
    // The bytes really differ: the Chinese name is 4 bytes in GBK, 6 in UTF-8.
    expect(files[0]![1].includes(Buffer.from('华信', 'utf8'))).toBe(false);
    expect(files[0]![1].includes(Buffer.from([0xbb, 0xaa, 0xd0, 0xc5]))).toBe(true);
    const stored: unknown[] = [];
    const storedBytes: unknown[] = [];
    for (const [encoding, bytes] of files) {
      services.ctx.db.prepare('DELETE FROM customers').run();
      const result = await importList('crm.csv', bytes);
      expect(result.problems).toEqual([]);
      expect(result.encoding).toBe(encoding);
      expect(result.imported).toBe(3);
      stored.push(storedRows());
      // The stored text as SQLite holds it: no BOM, no stray U+FEFF, no other normalisation.
      storedBytes.push(
        services.ctx.db
          .prepare(
            `SELECT hex(code) || hex(name) || hex(type) || hex(stage) || hex(region) || hex(contact) || hex(phone)
               || hex(coalesce(email, '')) || hex(account_manager) || hex(staff_id) || hex(tags) AS bytes
             FROM customers ORDER BY code`,
          )
          .all(),
      );
    }
    for (const rows of stored.slice(1)) expect(rows).toEqual(stored[0]);
    for (const bytes of storedBytes.slice(1)) expect(bytes).toEqual(storedBytes[0]);
    // 华 is E5 8D 8E in UTF-8, as SQLite stores TEXT here.
    expect((storedBytes[0] as { bytes: string }[])[0]!.bytes).toContain('E58D8E');
    expect(stored[0]).toEqual([
      {
        code: 'C202405001',
        name: '华信科技有限公司',
        type: '高价值客户',
        stage: '稳定期',
        region: '华东',
        industry: null,
        size: null,
        contact: '王磊',
        phone: '138 0013 8000',
        email: 'wang@huaxin.cn',
        account_manager: '李娜',
        staff_id: 'S008',
        tags: JSON.stringify(['VIP', '华东重点']),
      },
      {
        code: 'C202405002',
        name: '远航物流',
        type: '新客户',
        stage: '试用期',
        region: '华南',
        industry: null,
        size: null,
        contact: '陈静',
        phone: '0755-86543210',
        email: null,
        account_manager: '张伟',
        staff_id: 'S011',
        tags: '[]',
      },
      {
        code: 'C202405003',
        name: 'Blue River Ltd',
        type: '老客户',
        stage: '续约期',
        region: '华北',
        industry: null,
        size: null,
        contact: 'Tom Lee',
        phone: '+86 10 6234 5678',
        email: 'tom@blueriver.com',
        account_manager: '李娜',
        staff_id: 'S008',
        tags: JSON.stringify(['key account', '英文']),
      },
    ]);
  });

  it('reads an XLSX list like the CSV one', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('客户');
    sheet.addRow(HEADER);
    for (const row of ROWS) sheet.addRow(row);
    const bytes = Buffer.from(await workbook.xlsx.writeBuffer());
    const result = await importList('crm.xlsx', bytes);
    expect(result.problems).toEqual([]);
    expect(result.sheet).toBe('客户');
    expect(result.imported).toBe(3);
    expect((storedRows()[0] as { name: string }).name).toBe('华信科技有限公司');
  });
});

describe('rows that fail', () => {
  const bad = [
    HEADER,
    ROWS[0]!,
    [
      'C202405002',
      '远航物流',
      '新客户',
      'A轮',
      '华南',
      '陈静',
      '12345',
      'chen@',
      '张伟',
      'S011',
      '',
    ],
    ['C2024/05', '', '', '', '', '', '', '', '', '', ''],
    ['C202405001', '重复', '', '', '', '', '', '', '', '', ''],
  ];

  it('names the row, column, value and reason of every failing cell, in the user’s language', async () => {
    const before = snapshot();
    const result = await importList('crm.csv', Buffer.from(csv(bad)));
    expect(where(result.problems)).toEqual(
      [
        [3, '阶段', 'A轮', 'bad_stage'],
        [3, '联系电话', '12345', 'bad_phone'],
        [3, '邮箱', 'chen@', 'bad_email'],
        [4, '客户编号', 'C2024/05', 'bad_code'],
        [4, '客户名称', '', 'name_needed'],
        [5, '客户编号', 'C202405001', 'duplicate_code'],
      ].sort((a, b) => (a[0] as number) - (b[0] as number)),
    );
    expect(result.problems.find((p) => p.code === 'bad_email')?.message).toMatch(/e-mail/);
    expect(result.imported).toBe(0);
    expect(result.preview.map((p) => p.action)).toEqual([
      'create',
      'invalid',
      'invalid',
      'invalid',
    ]);
    expect(snapshot()).toBe(before);

    services.ctx.db
      .prepare(
        `INSERT INTO settings (key, value) VALUES ('locale', '"zh-CN"') ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
      )
      .run();
    const zh = await importList('crm.csv', Buffer.from(csv(bad)));
    expect(zh.problems.find((p) => p.code === 'bad_phone')?.message).toContain(
      '不是有效的电话号码',
    );
    expect(zh.problems.find((p) => p.code === 'duplicate_code')?.message).toBe(
      '客户编号 C202405001 已出现在第 2 行。',
    );
  });

  it('stores nothing when one row of many fails, and makes no backup', async () => {
    const many = [
      HEADER,
      ...Array.from({ length: 200 }, (_, i) => [
        `C${String(i).padStart(6, '0')}`,
        `客户${i}`,
        '',
        '',
        '',
        '',
        '',
        '',
        '',
        '',
        '',
      ]),
    ];
    many[150]![6] = 'not a phone';
    const before = snapshot();
    const result = await importList('crm.csv', Buffer.from(csv(many)));
    expect(where(result.problems)).toEqual([[151, '联系电话', 'not a phone', 'bad_phone']]);
    expect(snapshot()).toBe(before);
    expect(
      fs.existsSync(services.ctx.paths.backupsDir)
        ? fs.readdirSync(services.ctx.paths.backupsDir)
        : [],
    ).toEqual([]);
  });

  it('refuses a mapping without a code column, or with two columns for one field', async () => {
    const noCode = await importList('crm.csv', Buffer.from(csv([HEADER, ROWS[0]!])), {
      map: { 客户编号: 'ignore' },
      dryRun: true,
    });
    expect(noCode.problems.map((p) => p.code)).toEqual(['no_code_column']);
    const twice = await importList('crm.csv', Buffer.from(csv([HEADER, ROWS[0]!])), {
      map: { 联系人: 'name' },
      dryRun: true,
    });
    expect(where(twice.problems)).toEqual([[null, '联系人', '', 'column_twice']]);
    const missing = await importList('crm.csv', Buffer.from(csv([HEADER, ROWS[0]!])), {
      map: { 微信: 'phone' },
      dryRun: true,
    });
    expect(missing.problems.map((p) => [p.code, p.column])).toEqual([['map_no_column', '微信']]);
  });

  it('explains a file it cannot read', async () => {
    const result = await importList('crm.pdf', Buffer.from('%PDF'), { dryRun: true });
    expect(result.problems.map((p) => p.code)).toEqual(['unsupported_type']);
  });
});

describe('upserting by customer code', () => {
  it('previews on a dry run without writing, then creates, updates and leaves unchanged rows alone', async () => {
    const dry = await importList('crm.csv', Buffer.from(csv([HEADER, ...ROWS])), { dryRun: true });
    expect([dry.created, dry.updated, dry.unchanged, dry.imported, dry.backup]).toEqual([
      3,
      0,
      0,
      0,
      null,
    ]);
    expect(dry.preview[0]!.values).toMatchObject({
      code: 'C202405001',
      stage: '稳定期',
      tags: ['VIP', '华东重点'],
    });
    expect(storedRows()).toEqual([]);

    const first = await importList('crm.csv', Buffer.from(csv([HEADER, ...ROWS])));
    expect([first.created, first.imported]).toEqual([3, 3]);
    expect(first.backup).toMatch(/surveydesk-import-.*\.sqlite$/);
    expect(fs.existsSync(first.backup!)).toBe(true);
    const id = (
      services.ctx.db.prepare(`SELECT id FROM customers WHERE code = 'C202405002'`).get() as {
        id: string;
      }
    ).id;

    // A second export: one customer moved region, one row leaves the phone blank (kept), one is new.
    const second = await importList(
      'crm2.csv',
      Buffer.from(
        csv([
          ['客户编号', '客户名称', '区域', '联系电话'],
          ['C202405001', '华信科技有限公司', '华东', ''],
          ['C202405002', '远航物流', '西南', ''],
          ['C202405004', '新江南贸易', '华东', '021-64001234'],
        ]),
      ),
    );
    expect([second.created, second.updated, second.unchanged, second.imported]).toEqual([
      1, 1, 1, 2,
    ]);
    const moved = services.ctx.db
      .prepare(`SELECT id, region, phone, contact FROM customers WHERE code = 'C202405002'`)
      .get();
    expect(moved).toEqual({ id, region: '西南', phone: '0755-86543210', contact: '陈静' });
    expect(storedRows()).toHaveLength(4);
    const audit = services.ctx.db
      .prepare(`SELECT action, detail FROM audit_log WHERE action = 'customer.import' ORDER BY id`)
      .all();
    expect(audit).toEqual([
      {
        action: 'customer.import',
        detail: JSON.stringify({ file: 'crm.csv', created: 3, updated: 0 }),
      },
      {
        action: 'customer.import',
        detail: JSON.stringify({ file: 'crm2.csv', created: 1, updated: 1 }),
      },
    ]);
  });
});
