/** Opening files the app wrote (reports, exports) with the system's program. */
import { z } from 'zod';
import { method } from './method';

/** What "open file" may open: documents and data the app writes, never programs. */
export const OPENABLE_EXTENSIONS = ['docx', 'xlsx', 'csv', 'sav', 'pdf', 'json'];

/** What "show in folder" may point at: those, plus exchange packages and public key files (never launched). */
export const REVEALABLE_EXTENSIONS = [...OPENABLE_EXTENSIONS, 'sdpkg', 'sdkey'];

export const fileMethods = {
  /** Opens the file (reveal: false) or shows it in its folder (reveal: true); desktop app only. */
  'files.open': method<{ ok: true }>()(
    z.strictObject({ path: z.string().min(1).max(4096), reveal: z.boolean().default(false) }),
  ),
};
