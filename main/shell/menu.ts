/**
 * The application menu in the user's language. Items use Electron roles for behaviour and
 * accelerators, with our own labels because Electron only localizes role labels on macOS.
 * Developer tools and reload exist only in development builds.
 */
import type { Menu as ElectronMenu, MenuItemConstructorOptions } from 'electron';
import type { Locale } from '../../shared/locale';
import { shellTexts } from './texts';

export interface MenuActions {
  openDataFolder: () => void;
  openLogFolder: () => void;
  showAbout: () => void;
}

export interface MenuOptions {
  locale: Locale;
  platform: NodeJS.Platform;
  isPackaged: boolean;
  actions: MenuActions;
}

export function buildMenuTemplate(options: MenuOptions): MenuItemConstructorOptions[] {
  const t = shellTexts(options.locale);
  const mac = options.platform === 'darwin';
  const sep: MenuItemConstructorOptions = { type: 'separator' };
  const about: MenuItemConstructorOptions = {
    label: t('menu.about'),
    click: options.actions.showAbout,
  };
  const quit: MenuItemConstructorOptions = { role: 'quit', label: t('menu.quit') };

  const appMenu: MenuItemConstructorOptions[] = mac
    ? [
        {
          label: 'SurveyDesk',
          submenu: [
            about,
            sep,
            { role: 'hide', label: t('menu.hide') },
            { role: 'hideOthers', label: t('menu.hideOthers') },
            { role: 'unhide', label: t('menu.unhide') },
            sep,
            quit,
          ],
        },
      ]
    : [];

  const file: MenuItemConstructorOptions = {
    label: t('menu.file'),
    submenu: [
      { label: t('menu.openDataFolder'), click: options.actions.openDataFolder },
      { label: t('menu.openLogFolder'), click: options.actions.openLogFolder },
      sep,
      // On macOS Quit lives in the app menu; elsewhere File > Quit is where users look.
      mac ? { role: 'close', label: t('menu.close') } : quit,
    ],
  };

  const edit: MenuItemConstructorOptions = {
    label: t('menu.edit'),
    submenu: [
      { role: 'undo', label: t('menu.undo') },
      { role: 'redo', label: t('menu.redo') },
      sep,
      { role: 'cut', label: t('menu.cut') },
      { role: 'copy', label: t('menu.copy') },
      { role: 'paste', label: t('menu.paste') },
      { role: 'selectAll', label: t('menu.selectAll') },
    ],
  };

  const development: MenuItemConstructorOptions[] = options.isPackaged
    ? []
    : [
        { role: 'reload', label: t('menu.reload') },
        { role: 'toggleDevTools', label: t('menu.devTools') },
        sep,
      ];
  const view: MenuItemConstructorOptions = {
    label: t('menu.view'),
    submenu: [
      ...development,
      { role: 'resetZoom', label: t('menu.resetZoom') },
      { role: 'zoomIn', label: t('menu.zoomIn') },
      { role: 'zoomOut', label: t('menu.zoomOut') },
      sep,
      { role: 'togglefullscreen', label: t('menu.fullScreen') },
    ],
  };

  const windowMenu: MenuItemConstructorOptions = {
    label: t('menu.window'),
    role: 'windowMenu',
    submenu: [
      { role: 'minimize', label: t('menu.minimize') },
      ...(mac
        ? [
            { role: 'zoom', label: t('menu.zoom') } as const,
            sep,
            { role: 'front', label: t('menu.front') } as const,
          ]
        : [{ role: 'close', label: t('menu.close') } as const]),
    ],
  };

  const help: MenuItemConstructorOptions = {
    label: t('menu.help'),
    role: 'help',
    submenu: mac
      ? [{ label: t('menu.openLogFolder'), click: options.actions.openLogFolder }]
      : [about],
  };

  return [...appMenu, file, edit, view, windowMenu, help];
}

/** Builds and installs the menu; call again after the language changes. */
export function installAppMenu(
  menu: Pick<typeof ElectronMenu, 'buildFromTemplate' | 'setApplicationMenu'>,
  options: MenuOptions,
): void {
  menu.setApplicationMenu(menu.buildFromTemplate(buildMenuTemplate(options)));
}
