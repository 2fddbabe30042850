/**
 * The Personal data panel and the backup-file actions of Settings: search, the chosen person,
 * export, erasure, the retention period, and backups to and from files.
 */
import { create } from 'zustand';
import type {
  BackupFileResult,
  EraseMode,
  EraseResult,
  PersonRecord,
  PersonSearchResult,
  PersonSubject,
  PurgeResult,
  RestoreFileResult,
  RetentionStatus,
} from '../../../shared/privacy';
import { api } from '../api/client';
import { useAppStore } from './app';
import { useJobsStore } from './jobs';

type Busy =
  null | 'search' | 'person' | 'export' | 'erase' | 'retention' | 'purge' | 'backup' | 'restore';

interface PrivacyState {
  query: string;
  result: PersonSearchResult | null;
  /** Ticked hits: customers bring all their responses along. */
  picked: PersonSubject;
  person: PersonRecord | null;
  exportedTo: string | null;
  erased: EraseResult | null;
  retention: RetentionStatus | null;
  purged: PurgeResult | null;
  backupSaved: BackupFileResult | null;
  restored: RestoreFileResult | null;
  busy: Busy;
  setQuery: (query: string) => void;
  search: () => Promise<void>;
  toggle: (kind: 'customer' | 'response', id: string) => void;
  clearPicked: () => void;
  open: (subject: PersonSubject) => Promise<void>;
  closePerson: () => void;
  exportPerson: (format: 'json' | 'xlsx') => Promise<void>;
  erase: (mode: EraseMode) => Promise<boolean>;
  loadRetention: () => Promise<void>;
  saveRetention: (days: number | null) => Promise<boolean>;
  purgeNow: () => Promise<void>;
  backupToFile: () => Promise<void>;
  restore: (backupPath?: string) => Promise<void>;
}

const EMPTY: PersonSubject = { customerIds: [], responseIds: [] };

function toggled(list: string[], id: string): string[] {
  return list.includes(id) ? list.filter((x) => x !== id) : [...list, id];
}

export const usePrivacyStore = create<PrivacyState>((set, get) => {
  /** Runs one call with the busy marker set; errors go to the app's error banner. */
  async function run<T>(busy: Busy, body: () => Promise<T>): Promise<T | undefined> {
    set({ busy });
    try {
      return await body();
    } catch (error) {
      useAppStore.getState().showError(error);
      return undefined;
    } finally {
      set({ busy: null });
    }
  }

  return {
    query: '',
    result: null,
    picked: EMPTY,
    person: null,
    exportedTo: null,
    erased: null,
    retention: null,
    purged: null,
    backupSaved: null,
    restored: null,
    busy: null,
    setQuery: (query) => set({ query }),
    search: async () => {
      const query = get().query.trim();
      if (!query) return;
      await run('search', async () => {
        const result = await api.privacy.search({ query });
        set({ result, picked: EMPTY, person: null, exportedTo: null });
      });
    },
    toggle: (kind, id) =>
      set((state) => ({
        picked:
          kind === 'customer'
            ? { ...state.picked, customerIds: toggled(state.picked.customerIds, id) }
            : { ...state.picked, responseIds: toggled(state.picked.responseIds, id) },
      })),
    clearPicked: () => set({ picked: EMPTY }),
    open: async (subject) => {
      await run('person', async () => {
        const person = await api.privacy.person({ subject });
        set({ person, exportedTo: null, erased: null });
      });
    },
    closePerson: () => set({ person: null, exportedTo: null }),
    exportPerson: async (format) => {
      const person = get().person;
      if (!person) return;
      await run('export', async () => {
        const { path } = await api.privacy.export({ subject: person.subject, format });
        if (path) set({ exportedTo: path });
      });
    },
    erase: async (mode) => {
      const person = get().person;
      if (!person) return false;
      const erased = await run('erase', () =>
        api.privacy.erase({ subject: person.subject, mode, confirm: true }),
      );
      if (!erased) return false;
      set({ erased, person: null, picked: EMPTY });
      // The search again, so the erased person is seen gone; the counts and backups changed too.
      if (get().result) await get().search();
      void useAppStore.getState().refreshInfo();
      void useJobsStore.getState().loadBackups();
      void get().loadRetention();
      return true;
    },
    loadRetention: async () => {
      await run('retention', async () => set({ retention: await api.privacy.retention() }));
    },
    saveRetention: async (days) => {
      const retention = await run('retention', () => api.privacy.setRetention({ days }));
      if (!retention) return false;
      set({ retention, purged: null });
      return true;
    },
    purgeNow: async () => {
      const purged = await run('purge', () => api.privacy.purge());
      if (!purged) return;
      set({ purged });
      await get().loadRetention();
    },
    backupToFile: async () => {
      await run('backup', async () => {
        const { saved } = await api.database.backupToFile();
        if (saved) set({ backupSaved: saved });
      });
    },
    restore: async (backupPath) => {
      await run('restore', async () => {
        const { restored } = await api.database.restoreFile(backupPath ? { backupPath } : {});
        if (restored) set({ restored });
      });
    },
  };
});
