import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDispatch, type Dispatch } from '../../main/api/dispatch';
import type { Handlers } from '../../main/api/handlers';
import { updateSettings } from '../../main/services/settings';
import type { RunningServices } from '../../main/services/start';
import { METHOD_NAMES, type MethodName } from '../../shared/contract';
import type { ApiError } from '../../shared/errors';
import type { Locale } from '../../shared/locale';
import { startTestServices } from '../helpers/services';
import { useTempDir } from '../helpers/temp-dir';

const tmp = useTempDir('contract');
let services: RunningServices;
let calls: { method: MethodName; input: unknown }[];
let dispatch: Dispatch;

/** Handlers that only record that they were reached, and with what. */
function recordingHandlers(): Handlers {
  const entries = METHOD_NAMES.map((method): [MethodName, (input: unknown) => unknown] => [
    method,
    (input) => {
      calls.push({ method, input });
      return { reached: method };
    },
  ]);
  // The outputs are deliberately not the contract's: these handlers only prove they were reached.
  return Object.fromEntries(entries) as unknown as Handlers;
}

beforeEach(async () => {
  services = await startTestServices(tmp.join('app.sqlite'));
  calls = [];
  dispatch = createDispatch(services.ctx, { handlers: recordingHandlers() });
});

afterEach(async () => {
  await services.close();
});

async function rejected(method: unknown, input: unknown): Promise<ApiError> {
  const result = await dispatch(method, input);
  if (result.ok) throw new Error(`${String(method)} accepted ${JSON.stringify(input)}`);
  return result.error;
}

const UUID = '3f2b8c1e-9a4d-4e7b-8c6f-1d2e3f4a5b6c';

/** One bad input of each kind, with the field the complaint must name. */
const BAD_INPUTS: { kind: string; method: MethodName; input: unknown; path: string }[] = [
  {
    kind: 'a string where an object is expected',
    method: 'app.info',
    input: 'please',
    path: '(input)',
  },
  {
    kind: 'an array where an object is expected',
    method: 'settings.get',
    input: [],
    path: '(input)',
  },
  {
    kind: 'a number where a string is expected',
    method: 'dialog.openFile',
    input: { title: 42 },
    path: 'title',
  },
  {
    kind: 'a wrong type inside a list',
    method: 'dialog.openFile',
    input: { filters: [{ name: 'X', extensions: 'xlsx' }] },
    path: 'filters.0.extensions',
  },
  {
    kind: 'an extra key on an empty input',
    method: 'app.info',
    input: { verbose: true },
    path: '(input)',
  },
  {
    kind: 'an extra key beside valid ones',
    method: 'settings.update',
    input: { locale: 'en', theme: 'dark' },
    path: '(input)',
  },
  {
    kind: 'an own __proto__ key',
    method: 'settings.update',
    input: JSON.parse('{"__proto__": {"polluted": true}}'),
    path: '(input)',
  },
  { kind: 'a missing required field', method: 'jobs.cancel', input: {}, path: 'id' },
  {
    kind: 'a missing file name',
    method: 'dialog.saveFile',
    input: { title: 'Save' },
    path: 'defaultName',
  },
  { kind: 'a missing job kind', method: 'jobs.start', input: {}, path: 'kind' },
  {
    kind: 'a locale outside the enum',
    method: 'settings.update',
    input: { locale: 'fr' },
    path: 'locale',
  },
  { kind: 'an unknown job kind', method: 'jobs.start', input: { kind: 'db.drop' }, path: 'kind' },
  {
    kind: 'a job id that is not a UUID',
    method: 'jobs.cancel',
    input: { id: 'job-1' },
    path: 'id',
  },
  {
    kind: 'a job id with SQL in it',
    method: 'jobs.cancel',
    input: { id: `${UUID}' OR 1=1 --` },
    path: 'id',
  },
  {
    kind: 'a Unix path as a file name',
    method: 'dialog.saveFile',
    input: { defaultName: '../../etc/passwd' },
    path: 'defaultName',
  },
  {
    kind: 'a Windows path as a file name',
    method: 'dialog.saveFile',
    input: { defaultName: 'C:\\Windows\\report.docx' },
    path: 'defaultName',
  },
  {
    kind: 'an empty file name',
    method: 'dialog.saveFile',
    input: { defaultName: '' },
    path: 'defaultName',
  },
  {
    kind: 'an over-long title',
    method: 'dialog.openFile',
    input: { title: 'x'.repeat(201) },
    path: 'title',
  },
  {
    kind: 'a file extension with a dot and slash',
    method: 'dialog.openFile',
    input: { filters: [{ name: 'X', extensions: ['../x'] }] },
    path: 'filters.0.extensions.0',
  },
];

describe('the API contract at the dispatcher', () => {
  it('rejects an unknown method with UNKNOWN_METHOD before any handler runs', async () => {
    const error = await rejected('db.dropEverything', {});
    expect(error.code).toBe('UNKNOWN_METHOD');
    expect(error.message).toContain('db.dropEverything');
    expect(calls).toEqual([]);
  });

  it.each([['toString'], ['__proto__'], ['constructor'], [42], [null]])(
    'rejects %j as a method name, not as something found on a prototype',
    async (method) => {
      expect((await rejected(method, {})).code).toBe('UNKNOWN_METHOD');
      expect(calls).toEqual([]);
    },
  );

  it.each(BAD_INPUTS)(
    'rejects $kind ($method) with INVALID_INPUT naming $path',
    async ({ method, input, path }) => {
      const error = await rejected(method, input);
      expect(error.code).toBe('INVALID_INPUT');
      expect(error.issues?.map((i) => i.path)).toContain(path);
      expect(calls).toEqual([]);
    },
  );

  it('passes valid input to the handler as parsed data, defaults filled in', async () => {
    const result = await dispatch('dialog.saveFile', { defaultName: '满意度报告 2026.xlsx' });
    expect(result).toEqual({ ok: true, value: { reached: 'dialog.saveFile' } });
    expect(calls).toEqual([
      { method: 'dialog.saveFile', input: { defaultName: '满意度报告 2026.xlsx', filters: [] } },
    ]);
  });

  it('treats a missing input as an empty object for methods without input', async () => {
    expect(await dispatch('app.info', undefined)).toEqual({
      ok: true,
      value: { reached: 'app.info' },
    });
    expect(calls).toEqual([{ method: 'app.info', input: {} }]);
  });

  it('accepts a valid job id and a null locale ("follow the system")', async () => {
    expect((await dispatch('jobs.cancel', { id: UUID })).ok).toBe(true);
    expect((await dispatch('settings.update', { locale: null })).ok).toBe(true);
    expect(calls).toEqual([
      { method: 'jobs.cancel', input: { id: UUID } },
      { method: 'settings.update', input: { locale: null } },
    ]);
  });

  const HAN = /[\u4e00-\u9fff]/;

  it.each<[Locale, RegExp, boolean]>([
    ['zh-CN', /^请求未被接受：/, true],
    ['en', /^The request was not accepted: /, false],
  ])('writes validation messages in the user’s language (%s)', async (locale, start, chinese) => {
    updateSettings(services.ctx.db, { locale });
    const error = await rejected('settings.update', { locale: 'fr' });
    expect(error.message).toMatch(start);
    expect(error.message).toContain('locale');
    expect(HAN.test(error.message.replace(start, ''))).toBe(chinese);
    for (const issue of error.issues ?? []) expect(HAN.test(issue.message)).toBe(chinese);

    const unknown = await rejected('nope', {});
    expect(HAN.test(unknown.message)).toBe(chinese);
    expect(calls).toEqual([]);
  });

  it.each<[Locale, string]>([
    ['zh-CN', '应为文件名，不能是路径'],
    ['en', 'a file name, not a path'],
  ])('explains the file-name rule in the user’s language (%s)', async (locale, text) => {
    updateSettings(services.ctx.db, { locale });
    const error = await rejected('dialog.saveFile', { defaultName: 'exports/report.xlsx' });
    expect(error.issues).toEqual([{ path: 'defaultName', message: text }]);
    expect(error.message).toContain(text);
  });

  it('follows the system language when the user has not chosen one', async () => {
    await services.close();
    services = await startTestServices(tmp.join('app.sqlite'), { systemLocale: 'zh_CN' });
    dispatch = createDispatch(services.ctx, { handlers: recordingHandlers() });
    expect((await rejected('jobs.cancel', { id: 'x' })).message).toMatch(/^请求未被接受/);
  });

  it('turns an error thrown by a handler into an error object, not a rejection', async () => {
    const failing = createDispatch(services.ctx, {
      handlers: {
        ...recordingHandlers(),
        'settings.get': () => {
          throw new Error('disk on fire');
        },
      },
    });
    const result = await failing('settings.get', {});
    expect(result).toEqual({
      ok: false,
      error: { code: 'INTERNAL', message: expect.stringContaining('disk on fire') as unknown },
    });
  });
});
