/** What the benchmarks share: the services on a bench database, and the fastest of N rounds. */
import { dataPathsFor } from '../main/services/paths';
import { startServices, type RunningServices } from '../main/services/start';

/** The real services (as the CLI runs them) on `dbPath`, without dialogs. */
export function benchServices(dbPath: string, create = true): Promise<RunningServices> {
  return startServices({
    paths: dataPathsFor(dbPath),
    runtime: 'cli',
    appVersion: 'bench',
    systemLocale: 'en',
    platform: { openFile: () => Promise.resolve(null), saveFile: () => Promise.resolve(null) },
    create,
  });
}

/** The fastest of `rounds` runs of `body`, in milliseconds (the least disturbed by other work). */
export async function best(rounds: number, body: () => unknown): Promise<number> {
  let fastest = Infinity;
  for (let i = 0; i < rounds; i++) {
    const start = performance.now();
    await body();
    fastest = Math.min(fastest, performance.now() - start);
  }
  return fastest;
}
