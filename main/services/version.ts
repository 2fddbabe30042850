import fs from 'node:fs';

/** The version in package.json, for the host and the CLI (Electron uses app.getVersion()). */
export function packageVersion(): string {
  const file = new URL('../../package.json', import.meta.url);
  return (JSON.parse(fs.readFileSync(file, 'utf8')) as { version: string }).version;
}

/** The system's locale as Node sees it: LANG/LC_ALL first (what a terminal user set), then Intl. */
export function systemLocale(env: NodeJS.ProcessEnv = process.env): string {
  const fromEnv = env.LC_ALL ?? env.LC_MESSAGES ?? env.LANG;
  if (fromEnv && fromEnv !== 'C' && !fromEnv.startsWith('C.') && fromEnv !== 'POSIX') {
    return fromEnv.split('.')[0]!.replace('_', '-');
  }
  return Intl.DateTimeFormat().resolvedOptions().locale;
}
