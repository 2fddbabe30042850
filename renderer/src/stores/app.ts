/** App-wide state: which screen is shown, settings and language, and the last error to show. */
import { create } from 'zustand';
import type { AppInfo, Settings } from '../../../shared/contract';
import type { ApiError } from '../../../shared/errors';
import { localeFromSystem, type Locale } from '../../../shared/locale';
import { api, ApiCallError } from '../api/client';
import { applyLocale } from '../i18n';

export const SCREENS = [
  'surveys',
  'customers',
  'fieldwork',
  'responses',
  'analysis',
  'reports',
  'improvement',
  'sync',
  'settings',
] as const;
export type Screen = (typeof SCREENS)[number];

interface AppState {
  screen: Screen;
  info: AppInfo | null;
  settings: Settings | null;
  locale: Locale;
  error: ApiError | null;
  go: (screen: Screen) => void;
  load: () => Promise<void>;
  refreshInfo: () => Promise<void>;
  setLocale: (locale: Locale | null) => Promise<void>;
  setOperator: (name: string | null) => Promise<void>;
  showError: (error: unknown) => void;
  clearError: () => void;
}

function asApiError(error: unknown): ApiError {
  if (error instanceof ApiCallError) return error.error;
  return { code: 'INTERNAL', message: error instanceof Error ? error.message : String(error) };
}

function resolveLocale(settings: Settings | null, info: AppInfo | null): Locale {
  return settings?.locale ?? localeFromSystem(info?.systemLocale ?? navigator.language);
}

export const useAppStore = create<AppState>((set, get) => ({
  screen: 'surveys',
  info: null,
  settings: null,
  locale: localeFromSystem(navigator.language),
  error: null,
  go: (screen) => set({ screen }),
  load: async () => {
    try {
      const [info, settings] = await Promise.all([api.app.info(), api.settings.get()]);
      const locale = resolveLocale(settings, info);
      applyLocale(locale);
      set({ info, settings, locale });
    } catch (error) {
      get().showError(error);
    }
  },
  refreshInfo: async () => {
    try {
      set({ info: await api.app.info() });
    } catch (error) {
      get().showError(error);
    }
  },
  setLocale: async (locale) => {
    try {
      const settings = await api.settings.update({ locale });
      const effective = resolveLocale(settings, get().info);
      applyLocale(effective);
      set({ settings, locale: effective });
    } catch (error) {
      get().showError(error);
    }
  },
  setOperator: async (operatorName) => {
    if (operatorName === (get().settings?.operatorName ?? null)) return;
    try {
      set({ settings: await api.settings.update({ operatorName }) });
    } catch (error) {
      get().showError(error);
    }
  },
  showError: (error) => set({ error: asApiError(error) }),
  clearError: () => set({ error: null }),
}));

api.onEvent((event) => {
  if (event.type === 'settings') {
    const locale = resolveLocale(event.settings, useAppStore.getState().info);
    applyLocale(locale);
    useAppStore.setState({ settings: event.settings, locale });
  }
});
