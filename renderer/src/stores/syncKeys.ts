/**
 * Keys for exchange packages (Settings): this machine's key pair, its public key file for the
 * field laptops, and the recipients' public keys this machine encrypts its packages to.
 */
import { create } from 'zustand';
import { PUBLIC_KEY_EXTENSION, type KeysStatus, type PackageSource } from '../../../shared/sync';
import { api } from '../api/client';
import { useAppStore } from './app';
import { toBase64 } from '../api/base64';

interface SyncKeysState {
  keys: KeysStatus | null;
  /** Where the public key file was last written. */
  publicKeyPath: string | null;
  loadKeys: () => Promise<void>;
  createKeyPair: (name: string, passphrase: string, replace: boolean) => Promise<boolean>;
  exportPublicKey: () => Promise<void>;
  importRecipientKey: (file: File) => Promise<void>;
  removeRecipientKey: (id: string) => Promise<void>;
}

function report(error: unknown): void {
  useAppStore.getState().showError(error);
}

/** A file the user picked in the page, sent as bytes (a browser page cannot send a path). */
export async function sourceOf(file: File): Promise<PackageSource> {
  return { fileName: file.name, dataBase64: toBase64(await file.arrayBuffer()) };
}

export const useSyncKeysStore = create<SyncKeysState>((set, get) => ({
  keys: null,
  publicKeyPath: null,
  loadKeys: async () => {
    try {
      set({ keys: await api.sync.keys() });
    } catch (error) {
      report(error);
    }
  },
  createKeyPair: async (name, passphrase, replace) => {
    try {
      const keys = await api.sync.createKeyPair({ name, passphrase, replace });
      set({ keys, publicKeyPath: null });
      return true;
    } catch (error) {
      report(error);
      return false;
    }
  },
  exportPublicKey: async () => {
    const own = get().keys?.own;
    if (!own) return;
    try {
      const base = own.name.replace(/[/\\:*?"<>|\s]+/g, '_') || 'surveydesk';
      const chosen = await api.dialog.saveFile({
        defaultName: `${base}.${PUBLIC_KEY_EXTENSION}`,
        filters: [{ name: 'SurveyDesk key', extensions: [PUBLIC_KEY_EXTENSION] }],
      });
      if (!chosen.path) return;
      const written = await api.sync.exportPublicKey({ path: chosen.path });
      set({ publicKeyPath: written.path });
    } catch (error) {
      report(error);
    }
  },
  importRecipientKey: async (file) => {
    try {
      await api.sync.importRecipientKey({ source: await sourceOf(file) });
      await get().loadKeys();
    } catch (error) {
      report(error);
    }
  },
  removeRecipientKey: async (id) => {
    try {
      await api.sync.removeRecipientKey({ id });
      await get().loadKeys();
    } catch (error) {
      report(error);
    }
  },
}));
