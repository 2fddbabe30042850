/** A plain append-only log file for uncaught errors and notable events. */
import fs from 'node:fs';
import path from 'node:path';

export interface Logger {
  info: (message: string) => void;
  error: (message: string, error?: unknown) => void;
  file: string;
}

function describe(error: unknown): string {
  if (error instanceof Error) return error.stack ?? error.message;
  try {
    return JSON.stringify(error);
  } catch {
    return typeof error;
  }
}

export function createFileLogger(logsDir: string, name = 'main.log'): Logger {
  fs.mkdirSync(logsDir, { recursive: true });
  const file = path.join(logsDir, name);
  const write = (level: string, message: string) => {
    try {
      fs.appendFileSync(file, `${new Date().toISOString()} ${level} ${message}\n`);
    } catch {
      // Logging must never take the app down; stderr still has the message.
      process.stderr.write(`${level} ${message}\n`);
    }
  };
  return {
    file,
    info: (message) => write('INFO', message),
    error: (message, error) =>
      write('ERROR', error === undefined ? message : `${message}: ${describe(error)}`),
  };
}
