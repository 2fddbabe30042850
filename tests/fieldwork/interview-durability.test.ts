/**
 * An interview survives the laptop dying at any moment: a child process answers questions through
 * the real dispatcher and is killed with SIGKILL; the next child resumes the same interview.
 * Every answer the child acknowledged must be in the database with its value.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { answersOf, type AnswerRow } from '../../main/fieldwork/answers';
import { seededRandom } from '../../main/analysis/random';
import { openDatabase } from '../../main/db/connection';
import type { AnswerValue, Answers } from '../../shared/questionnaire/runtime';
import type { ResponseRecord, ResponseSummary } from '../../shared/responses';
import { ANSWER_VARIABLES, answerFor } from '../fixtures/interview-writer';
import { startTestServices } from '../helpers/services';
import { useTempDir } from '../helpers/temp-dir';

const REPO = path.resolve(import.meta.dirname, '../..');
const WRITER = path.join(REPO, 'tests/fixtures/interview-writer.ts');
const ROUNDS = 15;
const SEED = 0x1a7e_2026;

type Kill = { afterReady: number } | { fromSpawn: number };

interface Round {
  responseId: string | null;
  /** Answer numbers the child acknowledged (printed after responses.answer returned). */
  acknowledged: number[];
  stderr: string;
}

function runAndKill(dbPath: string, first: number, kill: Kill): Promise<Round> {
  return new Promise<Round>((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', WRITER, dbPath, String(first)], {
      cwd: REPO,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const round: Round = { responseId: null, acknowledged: [], stderr: '' };
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
        const [word, arg] = line.split(' ');
        if (word === 'ready') {
          round.responseId = arg ?? null;
          if ('afterReady' in kill) setTimeout(killNow, kill.afterReady);
        } else if (word === 'ok') round.acknowledged.push(Number(arg));
      }
    });
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => (round.stderr += chunk));
    child.on('error', reject);
    // 'close' comes after the pipes are drained, so every line the child printed has been read.
    child.on('close', (_code, signal) => {
      clearTimeout(safety);
      if (signal !== 'SIGKILL') reject(new Error(`writer exited by itself: ${round.stderr}`));
      else resolve(round);
    });
  });
}

/** What each variable must hold after answers 0..last were acknowledged (absent = never answered). */
function expectedAnswers(last: number): Map<string, AnswerValue> {
  const expected = new Map<string, AnswerValue>();
  for (let n = 0; n <= last; n++) {
    const { variable, value } = answerFor(n);
    expected.set(variable, value);
  }
  return expected;
}

/**
 * Checks the stored answers against the acknowledged ones. The one answer in flight when the child
 * died (number last+1) may or may not have been committed: either is fine, nothing else is.
 */
function checkAnswers(stored: Answers, last: number, context: string): void {
  const expected = expectedAnswers(last);
  const inFlight = answerFor(last + 1);
  for (const variable of ANSWER_VARIABLES) {
    const want = expected.get(variable) ?? null;
    const got = stored[variable] ?? null;
    if (variable === inFlight.variable && JSON.stringify(got) === JSON.stringify(inFlight.value))
      continue;
    expect(got, `${context}: ${variable}`).toEqual(want);
  }
}

describe('durability of an interview', () => {
  const tmp = useTempDir('interview-durability');

  it('keeps every acknowledged answer across repeated SIGKILLs, resumes the same interview, and leaves an intact file', async () => {
    // Seeded, so a failing sequence of kill moments can be replayed.
    const random = seededRandom(SEED).next;
    const dbPath = tmp.join('app.sqlite');
    let last = -1;
    let responseId: string | null = null;
    let roundsWithAnswers = 0;

    for (let i = 0; i < ROUNDS; i++) {
      // One round in five kills at any moment from the start: while opening, publishing or starting.
      const kill: Kill =
        random() < 0.2
          ? { fromSpawn: Math.floor(random() * 1500) }
          : { afterReady: Math.floor(random() * 250) };
      const round = await runAndKill(dbPath, last + 1, kill);
      const context = `round ${i} (kill ${JSON.stringify(kill)})`;
      if ('afterReady' in kill)
        expect(round.responseId, `${context}: ${round.stderr}`).not.toBeNull();
      if (round.responseId) {
        // Always the same interview: resumed, never started twice.
        responseId ??= round.responseId;
        expect(round.responseId, context).toBe(responseId);
      }
      // The child answers last+1, last+2, ... in order, acknowledging each.
      expect(round.acknowledged, context).toEqual(round.acknowledged.map((_, k) => last + 1 + k));
      if (round.acknowledged.length > 0) {
        roundsWithAnswers += 1;
        last = round.acknowledged.at(-1)!;
      }

      const { db } = await openDatabase({
        path: dbPath,
        backupsDir: tmp.join('backups'),
        create: false,
      }).catch((error: unknown) => {
        // Killed before the database file was ever created: nothing to check yet.
        if (responseId === null) return { db: null };
        throw error;
      });
      if (!db) continue;
      try {
        expect(db.pragma('integrity_check', { simple: true }), context).toBe('ok');
        if (responseId) {
          const rows = db
            .prepare<[string], AnswerRow>(
              'SELECT variable, value_num, value_text, value_json FROM answers WHERE response_id = ?',
            )
            .all(responseId);
          checkAnswers(answersOf(rows), last, context);
        }
      } finally {
        db.close();
      }
    }

    // The test means something only if the children really answered in most rounds.
    expect(roundsWithAnswers).toBeGreaterThanOrEqual(ROUNDS / 2);
    expect(last).toBeGreaterThan(ROUNDS * 2);

    const services = await startTestServices(dbPath);
    try {
      const resumable = (await services.dispatch('responses.resumable', {})) as {
        ok: true;
        value: ResponseSummary[];
      };
      expect(resumable.value.map((r) => r.id)).toEqual([responseId]);
      const record = (await services.dispatch('responses.get', { id: responseId })) as {
        ok: true;
        value: ResponseRecord;
      };
      checkAnswers(record.value.answers, last, 'after the last round');
      expect(record.value).toMatchObject({
        status: 'in_progress',
        consent: { given: true, method: 'verbal', versionNo: 1 },
      });
      expect(services.opened.db.pragma('integrity_check', { simple: true })).toBe('ok');
    } finally {
      await services.close();
    }
  }, 60_000);
});
