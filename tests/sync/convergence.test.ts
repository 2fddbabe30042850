/**
 * Property-based convergence (fast-check): three laptops, each a real database file, make random
 * creates, edits, erasures, exports (all or "since last", plain or passphrase) and imports of any
 * package made so far, in random orders. Afterwards every laptop exports everything and imports
 * everybody's packages. Then:
 * - all three hold the same responses, answers and tombstones;
 * - no response id appears twice and every held chain is linear (revision n replaces n-1; the
 *   recorded lineage has one hash per revision);
 * - nothing erased anywhere is present anywhere;
 * - every package made during the run, imported into a fresh machine in two different orders,
 *   gives the same data both times.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { seededRandom, type Random } from '../../main/analysis/random';
import {
  addResponse,
  editResponse,
  eraseResponse,
  exportFrom,
  importInto,
  openMachine,
  seedSurvey,
  snapshot,
  type Machine,
} from './fixture';

const PASSPHRASE = 'shared team passphrase';

type Op =
  | { kind: 'create'; laptop: number; value: number }
  | { kind: 'edit'; laptop: number; pick: number; variable: 'q1' | 'q2'; value: number }
  | { kind: 'erase'; laptop: number; pick: number }
  | { kind: 'export'; laptop: number; sinceLast: boolean; encrypted: boolean }
  | { kind: 'import'; laptop: number; pick: number };

const laptop = fc.integer({ min: 0, max: 2 });
const op: fc.Arbitrary<Op> = fc.oneof(
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('create' as const),
      laptop,
      value: fc.integer({ min: 1, max: 5 }),
    }),
  },
  {
    weight: 5,
    arbitrary: fc.record({
      kind: fc.constant('edit' as const),
      laptop,
      pick: fc.nat(),
      variable: fc.constantFrom('q1' as const, 'q2' as const),
      value: fc.integer({ min: 1, max: 3 }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant('erase' as const), laptop, pick: fc.nat() }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('export' as const),
      laptop,
      sinceLast: fc.boolean(),
      encrypted: fc.boolean(),
    }),
  },
  {
    weight: 5,
    arbitrary: fc.record({ kind: fc.constant('import' as const), laptop, pick: fc.nat() }),
  },
);

interface Pkg {
  bytes: Buffer;
  encrypted: boolean;
}

function shuffle<T>(items: T[], random: Random): T[] {
  const order = [...items];
  for (let i = order.length - 1; i > 0; i--) {
    const j = random.int(0, i);
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  return order;
}

async function run(ops: Op[], shuffleSeed: number): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'surveydesk-converge-'));
  const machines: Machine[] = [];
  let clock = Date.parse('2026-03-01T08:00:00.000Z');
  const tick = () => new Date((clock += 1000));
  let counter = 0;
  const packages: Pkg[] = [];
  const everErased = new Set<string>();
  const importPkg = (m: Machine, p: Pkg) =>
    importInto(m, p.bytes, { passphrase: p.encrypted ? PASSPHRASE : undefined });
  const exportPkg = async (m: Machine, sinceLast: boolean, encrypted: boolean): Promise<Pkg> => {
    const file = path.join(dir, `p${packages.length}.sdpkg`);
    const now = tick();
    await exportFrom(m, file, {
      scope: sinceLast ? { kind: 'since-last' } : { kind: 'all' },
      encryption: encrypted ? { mode: 'passphrase', passphrase: PASSPHRASE } : { mode: 'none' },
      now: () => now,
    });
    const p = { bytes: fs.readFileSync(file), encrypted };
    packages.push(p);
    return p;
  };
  const random = seededRandom(shuffleSeed);
  const idsOn = (m: Machine) =>
    (m.db.prepare('SELECT id FROM responses ORDER BY id').all() as { id: string }[]).map(
      (r) => r.id,
    );
  try {
    for (const name of ['a', 'b', 'c']) {
      const m = await openMachine(dir, name);
      seedSurvey(m.db);
      machines.push(m);
    }
    // Two responses every laptop holds from the start, so edits on different laptops can fork.
    for (let i = 0; i < 2; i++) {
      counter += 1;
      addResponse(
        machines[0]!,
        { q1: i + 1, q2: i + 1 },
        {
          id: `00000000-0000-4000-8000-${String(counter).padStart(12, '0')}`,
          at: tick().toISOString(),
        },
      );
    }
    const start = await exportPkg(machines[0]!, false, false);
    for (const m of machines.slice(1)) await importPkg(m, start);
    for (const o of ops) {
      const m = machines[o.laptop]!;
      if (o.kind === 'create') {
        counter += 1;
        const id = `00000000-0000-4000-8000-${String(counter).padStart(12, '0')}`;
        addResponse(m, { q1: o.value, q2: o.value }, { id, at: tick().toISOString() });
      } else if (o.kind === 'edit' || o.kind === 'erase') {
        const ids = idsOn(m);
        if (ids.length === 0) continue;
        const id = ids[o.pick % ids.length]!;
        if (o.kind === 'edit')
          editResponse(m, id, { [o.variable]: o.value + 10 * counter++ }, tick().toISOString());
        else {
          eraseResponse(m, id, tick().toISOString());
          everErased.add(id);
        }
      } else if (o.kind === 'export') {
        await exportPkg(m, o.sinceLast, o.encrypted);
      } else if (packages.length > 0) {
        // Mostly one of the latest packages (as in the field), sometimes any older one.
        const recent = Math.min(packages.length, 4);
        const index =
          o.pick % 3 === 0 ? o.pick % packages.length : packages.length - 1 - (o.pick % recent);
        await importPkg(m, packages[index]!);
      }
    }
    // Everybody exports everything, everybody imports everybody's (twice: a second round changes nothing).
    for (let round = 0; round < 2; round++) {
      const last = await Promise.all(machines.map((m) => exportPkg(m, false, round === 1)));
      // Each laptop takes them in its own order.
      for (const m of machines) for (const p of shuffle(last, random)) await importPkg(m, p);
    }
    const [a, b, c] = machines.map((m) => snapshot(m.db));
    expect(b).toEqual(a);
    expect(c).toEqual(a);
    for (const m of machines) {
      const ids = idsOn(m);
      expect(new Set(ids).size).toBe(ids.length);
      for (const id of ids) expect(everErased.has(id)).toBe(false);
      const chains = m.db
        .prepare('SELECT revision, replaces_revision AS replaces FROM responses')
        .all() as { revision: number; replaces: number | null }[];
      for (const chain of chains)
        expect(chain.replaces).toBe(chain.revision === 1 ? null : chain.revision - 1);
      const forks = m.db
        .prepare(
          'SELECT response_id, revision, count(*) AS n FROM sync_revisions GROUP BY response_id, revision HAVING n > 1',
        )
        .all();
      expect(forks).toEqual([]);
    }
    const erasedIds = (a!.tombstones as { entity_id: string }[]).map((t) => t.entity_id).sort();
    expect(erasedIds).toEqual([...everErased].sort());

    // Any order: all packages of the run into two fresh machines, in order and shuffled.
    const inOrder = await openMachine(dir, 'fresh-in-order');
    const shuffled = await openMachine(dir, 'fresh-shuffled');
    machines.push(inOrder, shuffled);
    seedSurvey(inOrder.db);
    seedSurvey(shuffled.db);
    for (const p of packages) await importPkg(inOrder, p);
    for (const p of shuffle(packages, random)) await importPkg(shuffled, p);
    expect(snapshot(shuffled.db)).toEqual(snapshot(inOrder.db));
    // The last full round reached them too, so they agree with the laptops.
    expect(snapshot(inOrder.db)).toEqual(a);
  } finally {
    for (const m of machines) m.db.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

describe('convergence of exchange packages', () => {
  it('three laptops in any order end with the same data', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(op, { minLength: 20, maxLength: 50, size: 'max' }),
        fc.integer(),
        (ops, seed) => run(ops, seed),
      ),
      { numRuns: 30 },
    );
  }, 600_000);

  it('decides a fork left at the top revision the same way everywhere', async () => {
    for (const seed of [1, 2, 3, 4, 5]) {
      await run(
        [
          { kind: 'create', laptop: 0, value: 3 },
          { kind: 'export', laptop: 0, sinceLast: false, encrypted: false },
          { kind: 'import', laptop: 1, pick: 0 },
          { kind: 'edit', laptop: 0, pick: 0, variable: 'q1', value: 1 },
          { kind: 'edit', laptop: 1, pick: 0, variable: 'q1', value: 2 },
          { kind: 'export', laptop: 0, sinceLast: false, encrypted: false },
          { kind: 'export', laptop: 1, sinceLast: false, encrypted: false },
          { kind: 'import', laptop: 2, pick: 2 },
          { kind: 'import', laptop: 2, pick: 1 },
        ],
        seed,
      );
    }
  }, 60_000);

  it('handles a fork made on two laptops from the same revision the same way everywhere', async () => {
    // A hand-picked case the random runs also reach: both edit revision 1 before exchanging.
    await run(
      [
        { kind: 'create', laptop: 0, value: 3 },
        { kind: 'export', laptop: 0, sinceLast: false, encrypted: false },
        { kind: 'import', laptop: 1, pick: 0 },
        { kind: 'edit', laptop: 0, pick: 0, variable: 'q1', value: 1 },
        { kind: 'edit', laptop: 1, pick: 0, variable: 'q1', value: 2 },
        { kind: 'export', laptop: 0, sinceLast: true, encrypted: true },
        { kind: 'export', laptop: 1, sinceLast: false, encrypted: false },
        { kind: 'import', laptop: 2, pick: 2 },
        { kind: 'import', laptop: 2, pick: 1 },
        { kind: 'edit', laptop: 2, pick: 0, variable: 'q2', value: 3 },
      ],
      7,
    );
  }, 60_000);
});
