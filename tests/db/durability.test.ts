import { spawn } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../main/analysis/random';
import { openDatabase } from '../../main/db/connection';
import { useTempDir } from '../helpers/temp-dir';

const REPO = path.resolve(import.meta.dirname, '../..');
const WRITER = path.join(REPO, 'tests/fixtures/commit-writer.ts');
const ROUNDS = 20;
const SEED = 0x5eed_2026;

interface Round {
  /** Ids the child said were committed before it was killed. */
  reported: number[];
  sawReady: boolean;
  stderr: string;
}

/**
 * Runs the writer and kills it with SIGKILL: `afterReady` ms after it has opened the database, or,
 * for an early kill, `fromSpawn` ms after it was started (possibly while it is still opening).
 */
function runAndKill(
  dbPath: string,
  backupsDir: string,
  kill: { afterReady: number } | { fromSpawn: number },
) {
  return new Promise<Round>((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', WRITER, dbPath, backupsDir], {
      cwd: REPO,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const round: Round = { reported: [], sawReady: false, stderr: '' };
    let pending = '';
    const killNow = () => child.kill('SIGKILL');
    const safety = setTimeout(killNow, 20_000);
    if ('fromSpawn' in kill) setTimeout(killNow, kill.fromSpawn);
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      pending += chunk;
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) {
        if (line === 'ready') {
          round.sawReady = true;
          if ('afterReady' in kill) setTimeout(killNow, kill.afterReady);
        } else {
          round.reported.push(Number(line));
        }
      }
    });
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => (round.stderr += chunk));
    child.on('error', reject);
    // 'close' comes after the pipes are drained, so every id the child printed has been read.
    child.on('close', (_code, signal) => {
      clearTimeout(safety);
      if (signal !== 'SIGKILL') reject(new Error(`writer exited by itself: ${round.stderr}`));
      else resolve(round);
    });
  });
}

describe('durability of commits', () => {
  const tmp = useTempDir('durability');

  it('keeps every commit a killed process reported, across repeated SIGKILLs, with an intact file', async () => {
    // Seeded, so a failing sequence of kill moments can be replayed.
    const random = seededRandom(SEED).next;
    const dbPath = tmp.join('app.sqlite');
    const backupsDir = tmp.join('backups');
    const everReported = new Set<number>();
    let roundsWithCommits = 0;

    for (let i = 0; i < ROUNDS; i++) {
      // One round in five kills at any moment from the start, which may fall inside openDatabase.
      const kill =
        random() < 0.2
          ? { fromSpawn: Math.floor(random() * 800) }
          : { afterReady: Math.floor(random() * 150) };
      const round = await runAndKill(dbPath, backupsDir, kill);
      if ('afterReady' in kill) expect(round.sawReady, `round ${i}: ${round.stderr}`).toBe(true);
      for (const id of round.reported) everReported.add(id);
      if (round.reported.length > 0) roundsWithCommits += 1;

      const { db } = await openDatabase({ path: dbPath, backupsDir, create: false });
      try {
        expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
        const ids = db
          .prepare(`SELECT id FROM audit_log WHERE action = 'test.commit' ORDER BY id`)
          .pluck()
          .all() as number[];
        const present = new Set(ids);
        const lost = [...everReported].filter((id) => !present.has(id));
        expect(lost, `round ${i} (kill ${JSON.stringify(kill)}) lost committed ids`).toEqual([]);
        // Each commit is all or nothing, so the ids are 1..n without holes.
        expect(ids).toEqual(ids.map((_, index) => index + 1));
      } finally {
        db.close();
      }
    }
    // The test means something only if the writer really committed in most rounds.
    expect(roundsWithCommits).toBeGreaterThanOrEqual(ROUNDS / 2);
    expect(everReported.size).toBeGreaterThan(ROUNDS);
  }, 90_000);
});
