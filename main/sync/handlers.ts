import { AppError } from '../../shared/errors';
import type { HandlersFor } from '../api/handlers';

// Being implemented (issue #7): the contract is fixed first so the screens can be built against it.
const notYet = (): never => {
  throw new AppError('NOT_AVAILABLE', { what: 'exchange packages' });
};

export const syncHandlers: HandlersFor<'sync.'> = {
  'sync.keys': notYet,
  'sync.createKeyPair': notYet,
  'sync.exportPublicKey': notYet,
  'sync.publicKeyFile': notYet,
  'sync.importRecipientKey': notYet,
  'sync.removeRecipientKey': notYet,
  'sync.inspect': notYet,
  'sync.log': notYet,
  'sync.conflicts': notYet,
  'sync.resolveConflict': notYet,
};
