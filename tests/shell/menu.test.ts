/** The application menu template: localized labels, sensible roles, no devtools when packaged. */
import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { buildMenuTemplate, type MenuOptions } from '../../main/shell/menu';
import { SHELL_TEXTS } from '../../main/shell/texts';

const actions = { openDataFolder: () => {}, openLogFolder: () => {}, showAbout: () => {} };
const options = (over: Partial<MenuOptions>): MenuOptions => ({
  locale: 'en',
  platform: 'linux',
  isPackaged: true,
  actions,
  ...over,
});

function flatten(items: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return items.flatMap((item) => [
    item,
    ...(Array.isArray(item.submenu) ? flatten(item.submenu) : []),
  ]);
}

describe('buildMenuTemplate', () => {
  it('has File, Edit, View, Window and Help in English and Chinese', () => {
    expect(buildMenuTemplate(options({})).map((m) => m.label)).toEqual([
      'File',
      'Edit',
      'View',
      'Window',
      'Help',
    ]);
    expect(buildMenuTemplate(options({ locale: 'zh-CN' })).map((m) => m.label)).toEqual([
      '文件',
      '编辑',
      '视图',
      '窗口',
      '帮助',
    ]);
  });

  it('gives every item a label in the chosen language', () => {
    for (const locale of ['en', 'zh-CN'] as const) {
      for (const platform of ['linux', 'win32', 'darwin'] as const) {
        for (const item of flatten(buildMenuTemplate(options({ locale, platform })))) {
          if (item.type === 'separator') continue;
          expect(item.label, JSON.stringify(item.role)).toBeTruthy();
        }
      }
    }
    const zh = flatten(buildMenuTemplate(options({ locale: 'zh-CN' })));
    expect(zh.find((i) => i.role === 'copy')?.label).toBe('复制');
  });

  it('offers developer tools and reload only in development builds', () => {
    const roles = (isPackaged: boolean) =>
      flatten(buildMenuTemplate(options({ isPackaged }))).map((i) => i.role);
    expect(roles(true)).not.toContain('toggleDevTools');
    expect(roles(true)).not.toContain('reload');
    expect(roles(true)).not.toContain('forceReload');
    expect(roles(false)).toContain('toggleDevTools');
  });

  it('puts the app menu first on macOS and Quit under File elsewhere', () => {
    const mac = buildMenuTemplate(options({ platform: 'darwin' }));
    expect(mac[0]?.label).toBe('SurveyDesk');
    expect(flatten([mac[0]!]).map((i) => i.role)).toContain('quit');
    const win = buildMenuTemplate(options({ platform: 'win32' }));
    expect(flatten([win[0]!]).map((i) => i.role)).toContain('quit');
  });

  it('has the same text keys in both languages', () => {
    const keys = (value: object, prefix = ''): string[] =>
      Object.entries(value).flatMap(([k, v]) =>
        typeof v === 'string' ? [prefix + k] : keys(v as object, `${prefix}${k}.`),
      );
    expect(keys(SHELL_TEXTS['zh-CN']).sort()).toEqual(keys(SHELL_TEXTS.en).sort());
  });
});
