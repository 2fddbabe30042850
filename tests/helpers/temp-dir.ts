/** A fresh temporary folder per test, removed afterwards even when the test fails. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach } from 'vitest';

export interface TempDir {
  /** The folder of the running test. */
  readonly path: string;
  /** A path inside the folder. */
  join: (...parts: string[]) => string;
}

/** Registers beforeEach/afterEach hooks; read `.path` only inside a test or hook. */
export function useTempDir(prefix: string): TempDir {
  let current: string | null = null;
  beforeEach(() => {
    current = fs.mkdtempSync(path.join(os.tmpdir(), `surveydesk-${prefix}-`));
  });
  afterEach(() => {
    if (current) fs.rmSync(current, { recursive: true, force: true });
    current = null;
  });
  const get = (): string => {
    if (!current) throw new Error('useTempDir: the folder exists only while a test runs');
    return current;
  };
  return {
    get path() {
      return get();
    },
    join: (...parts) => path.join(get(), ...parts),
  };
}
