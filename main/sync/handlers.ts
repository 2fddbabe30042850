import fs from 'node:fs';
import type { HandlersFor } from '../api/handlers';
import { getSettings } from '../services/settings';
import { listConflicts, resolveConflict } from './conflicts';
import { lastExports } from './export';
import { importLog, inspectPackage } from './import';
import {
  createKeyPair,
  importRecipientKey,
  keyRing,
  keysStatus,
  publicKeyFile,
  removeRecipientKey,
} from './keys';
import { readSource } from './source';

export const syncHandlers: HandlersFor<'sync.'> = {
  'sync.keys': (_input, ctx) => keysStatus(ctx.db, ctx.platform.keychain),
  'sync.createKeyPair': (input, ctx) =>
    createKeyPair(ctx.db, input, { keychain: ctx.platform.keychain }),
  'sync.exportPublicKey': (input, ctx) => {
    const file = publicKeyFile(ctx.db);
    fs.writeFileSync(input.path, file.text, 'utf8');
    return { path: input.path, fingerprint: file.fingerprint };
  },
  'sync.publicKeyFile': (_input, ctx) => publicKeyFile(ctx.db),
  'sync.importRecipientKey': (input, ctx) =>
    importRecipientKey(ctx.db, readSource(input.source).bytes, input.name),
  'sync.removeRecipientKey': (input, ctx) => {
    removeRecipientKey(ctx.db, input.id);
    return { removed: true as const };
  },
  'sync.inspect': (input, ctx) => {
    const { bytes, fileName } = readSource(input.source);
    return inspectPackage(ctx.db, bytes, fileName, {
      keys: keyRing(ctx.db, ctx.platform.keychain),
      passphrase: input.passphrase,
      backupsDir: null,
    });
  },
  'sync.lastExports': (input, ctx) => lastExports(ctx.db, input.surveyId),
  'sync.log': (input, ctx) => importLog(ctx.db, input.limit),
  'sync.conflicts': (input, ctx) => listConflicts(ctx.db, input.status),
  'sync.resolveConflict': (input, ctx) =>
    resolveConflict(ctx.db, input.id, input.keep, getSettings(ctx.db).operatorName),
};
