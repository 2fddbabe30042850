import { afterEach, describe, expect, it } from 'vitest';
import type { RunningServices } from '../../main/services/start';
import type { ApiEvent, Settings } from '../../shared/contract';
import { startTestServices } from '../helpers/services';
import { useTempDir } from '../helpers/temp-dir';

const tmp = useTempDir('settings');
let services: RunningServices | null = null;

afterEach(async () => {
  await services?.close();
  services = null;
});

async function call(s: RunningServices, method: string, input: unknown): Promise<Settings> {
  const result = await s.dispatch(method, input);
  if (!result.ok) throw new Error(result.error.message);
  return result.value as Settings;
}

describe('settings through the dispatcher', () => {
  it('starts with no language chosen (follow the system)', async () => {
    const s = (services = await startTestServices(tmp.join('app.sqlite')));
    expect(await call(s, 'settings.get', {})).toMatchObject({ locale: null });
  });

  it('returns what settings.update stored, and announces it as an event', async () => {
    const s = (services = await startTestServices(tmp.join('app.sqlite')));
    const events: ApiEvent[] = [];
    s.subscribe((event) => events.push(event));

    expect(await call(s, 'settings.update', { locale: 'zh-CN' })).toMatchObject({ locale: 'zh-CN' });
    expect(await call(s, 'settings.get', {})).toMatchObject({ locale: 'zh-CN' });
    expect(events).toMatchObject([{ type: 'settings', settings: { locale: 'zh-CN' } }]);
  });

  it('keeps the chosen language after a restart', async () => {
    const first = await startTestServices(tmp.join('app.sqlite'));
    await call(first, 'settings.update', { locale: 'en' });
    await first.close();
    const s = (services = await startTestServices(tmp.join('app.sqlite'), {
      systemLocale: 'zh-CN',
    }));
    expect(await call(s, 'settings.get', {})).toMatchObject({ locale: 'en' });
    expect(s.ctx.locale()).toBe('en');
  });

  it('goes back to following the system when the locale is set to null', async () => {
    const s = (services = await startTestServices(tmp.join('app.sqlite'), {
      systemLocale: 'zh-TW',
    }));
    await call(s, 'settings.update', { locale: 'en' });
    expect(s.ctx.locale()).toBe('en');
    expect(await call(s, 'settings.update', { locale: null })).toMatchObject({ locale: null });
    expect(s.ctx.locale()).toBe('zh-CN');
  });

  it('changes nothing for an empty update', async () => {
    const s = (services = await startTestServices(tmp.join('app.sqlite')));
    await call(s, 'settings.update', { locale: 'zh-CN' });
    expect(await call(s, 'settings.update', {})).toMatchObject({ locale: 'zh-CN' });
  });

  it('ignores a stored locale that this version does not know', async () => {
    const s = (services = await startTestServices(tmp.join('app.sqlite')));
    s.ctx.db.prepare(`INSERT INTO settings (key, value) VALUES ('locale', '"fr"')`).run();
    expect(await call(s, 'settings.get', {})).toMatchObject({ locale: null });
  });
});
