/**
 * Texts only the Electron shell shows (menu, startup and error boxes, refused IPC calls), added as
 * a `shell` namespace to the shared i18n instance so they use the same interpolation and language
 * fallback as every other message. They live here rather than in shared/i18n because no other
 * process needs them.
 */
import type { i18n } from 'i18next';
import { createI18n } from '../../shared/i18n';
import type { Locale } from '../../shared/locale';

const en = {
  menu: {
    file: 'File',
    openDataFolder: 'Open Data Folder',
    openLogFolder: 'Open Log Folder',
    quit: 'Quit SurveyDesk',
    edit: 'Edit',
    undo: 'Undo',
    redo: 'Redo',
    cut: 'Cut',
    copy: 'Copy',
    paste: 'Paste',
    selectAll: 'Select All',
    view: 'View',
    reload: 'Reload',
    devTools: 'Developer Tools',
    resetZoom: 'Actual Size',
    zoomIn: 'Zoom In',
    zoomOut: 'Zoom Out',
    fullScreen: 'Toggle Full Screen',
    window: 'Window',
    minimize: 'Minimize',
    zoom: 'Zoom',
    close: 'Close Window',
    front: 'Bring All to Front',
    help: 'Help',
    about: 'About SurveyDesk',
    hide: 'Hide SurveyDesk',
    hideOthers: 'Hide Others',
    unhide: 'Show All',
  },
  about: {
    title: 'About SurveyDesk',
    detail: 'Version {{version}}\nData folder: {{dataDir}}',
  },
  startup: {
    corruptTitle: 'The database is damaged',
    restoreQuestion: 'Restore the newest backup ({{backup}})? The damaged file is kept beside it.',
    restore: 'Restore backup',
    quit: 'Quit',
    noBackup: 'There is no backup to restore. The file was not changed.',
    restoreFailed: 'The backup could not be restored: {{detail}}',
    cannotOpenTitle: 'SurveyDesk cannot open its database',
  },
  fatal: {
    title: 'SurveyDesk: unexpected error',
    body: '{{detail}}\n\nDetails were written to {{log}}.',
  },
  ipc: {
    untrustedSender: 'the request did not come from the SurveyDesk window',
  },
};

type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };
export type ShellTexts = Widen<typeof en>;

const zhCN: ShellTexts = {
  menu: {
    file: '文件',
    openDataFolder: '打开数据文件夹',
    openLogFolder: '打开日志文件夹',
    quit: '退出 SurveyDesk',
    edit: '编辑',
    undo: '撤销',
    redo: '重做',
    cut: '剪切',
    copy: '复制',
    paste: '粘贴',
    selectAll: '全选',
    view: '视图',
    reload: '重新加载',
    devTools: '开发者工具',
    resetZoom: '实际大小',
    zoomIn: '放大',
    zoomOut: '缩小',
    fullScreen: '切换全屏',
    window: '窗口',
    minimize: '最小化',
    zoom: '缩放',
    close: '关闭窗口',
    front: '全部置于顶层',
    help: '帮助',
    about: '关于 SurveyDesk',
    hide: '隐藏 SurveyDesk',
    hideOthers: '隐藏其他',
    unhide: '全部显示',
  },
  about: {
    title: '关于 SurveyDesk',
    detail: '版本 {{version}}\n数据文件夹：{{dataDir}}',
  },
  startup: {
    corruptTitle: '数据库已损坏',
    restoreQuestion: '是否恢复最新的备份（{{backup}}）？损坏的文件会保留在原位置旁边。',
    restore: '恢复备份',
    quit: '退出',
    noBackup: '没有可恢复的备份。文件未被修改。',
    restoreFailed: '无法恢复备份：{{detail}}',
    cannotOpenTitle: 'SurveyDesk 无法打开数据库',
  },
  fatal: {
    title: 'SurveyDesk：意外错误',
    body: '{{detail}}\n\n详细信息已写入 {{log}}。',
  },
  ipc: {
    untrustedSender: '请求并非来自 SurveyDesk 窗口',
  },
};

export const SHELL_TEXTS: Record<Locale, ShellTexts> = { en, 'zh-CN': zhCN };

export type ShellTranslate = (key: string, params?: Record<string, string | number>) => string;

const instances = new Map<Locale, i18n>();

/** A translate function for the `shell` namespace in one language (instances are reused). */
export function shellTexts(locale: Locale): ShellTranslate {
  let instance = instances.get(locale);
  if (!instance) {
    instance = createI18n(locale);
    for (const [lng, texts] of Object.entries(SHELL_TEXTS)) {
      instance.addResourceBundle(lng, 'shell', texts);
    }
    instances.set(locale, instance);
  }
  const t = instance.t.bind(instance);
  return (key, params) => t(`shell:${key}`, params ?? {});
}
