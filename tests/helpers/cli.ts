/** Runs `surveydesk` as a separate process, the way a user runs it. */
import { spawnSync } from 'node:child_process';
import path from 'node:path';

export const BIN = path.resolve(import.meta.dirname, '../../bin/surveydesk.mjs');

export interface CliOptions {
  /** Variables added to the environment (after LANG=C.UTF-8, LC_ALL empty). */
  env?: Record<string, string>;
  /** What the process reads on stdin. */
  input?: string;
  timeout?: number;
  /** The working directory (relative paths in arguments are read from it). */
  cwd?: string;
}

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function runCli(args: string[], options: CliOptions = {}): CliResult {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    encoding: 'utf8',
    env: { ...process.env, LANG: 'C.UTF-8', LC_ALL: '', ...options.env },
    input: options.input,
    timeout: options.timeout ?? 30_000,
    cwd: options.cwd,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}
