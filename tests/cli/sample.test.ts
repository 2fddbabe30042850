/**
 * `surveydesk sample draw` and `sample status`, run as a separate process the way a user runs
 * them, on a database with 130 customers of two types (120 existing, 10 high-value).
 */
import { beforeEach, describe, expect, it } from 'vitest';
import type { Wave } from '../../shared/responses';
import type { SurveyDetail } from '../../shared/surveys';
import { callerFor, startTestServices } from '../helpers/services';
import { inspect } from '../helpers/db';
import { useTempDir } from '../helpers/temp-dir';
import { runCli } from '../helpers/cli';

const surveydesk = (...args: string[]) => runCli(args, { env: { TZ: 'Asia/Shanghai' } });

describe('surveydesk sample', () => {
  const temp = useTempDir('cli-sample');
  let db: string;

  /** `surveydesk sample draw` on the test database's wave 2026 Q4. */
  const draw = (...args: string[]) =>
    surveydesk('sample', 'draw', '--db', db, '--wave', '2026 Q4', ...args);

  beforeEach(async () => {
    db = temp.join('app.sqlite');
    const services = await startTestServices(db);
    const call = callerFor(services);
    try {
      const survey = await call<SurveyDetail>('surveys.create', {
        template: 'after-sales',
        language: 'zh-CN',
      });
      await call<Wave>('waves.create', { surveyId: survey.id, name: '2026 Q4' });
      for (let i = 1; i <= 130; i++) {
        await call('customers.create', {
          code: `C2024${String(i).padStart(5, '0')}`,
          name: `客户 ${i}`,
          type: i <= 120 ? '老客户' : '高价值客户',
          region: i % 2 ? '华东' : '华南',
        });
      }
    } finally {
      await services.close();
    }
  });

  it('previews the plan with --dry-run and stores nothing', () => {
    const run = draw('--seed', '7', '--strata', 'type', '--dry-run', '--lang', 'en');
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    // 120 existing customers -> 30 % = 36; 10 high-value -> everyone. Weight 120 / 36 = 3.3333.
    expect(run.stdout).toMatch(/老客户\t120\t0\t36\t30\.0%\t3\.3333\t/);
    expect(run.stdout).toMatch(/高价值客户\t10\t0\t10\t100\.0%\t1\.0000\tEveryone/);
    expect(run.stdout).toContain('Total: 46 of 130 customers');
    expect(run.stdout).toContain('Plan only (--dry-run)');
    expect(inspect(db, (d) => d.prepare('SELECT count(*) FROM sample_members').pluck().get())).toBe(
      0,
    );
  });

  it('draws the same sample twice from the same seed and reports it with status', () => {
    const drawSeed2026 = () =>
      draw('--seed', '2026', '--strata', 'type', '--include', 'C202400001');
    const first = drawSeed2026();
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    const members = () =>
      inspect(db, (d) =>
        d
          .prepare(
            'SELECT customer_id, weight, inclusion_probability FROM sample_members ORDER BY customer_id',
          )
          .all(),
      ) as {
        customer_id: string;
        weight: number;
        inclusion_probability: number;
      }[];
    const once = members();
    expect(once).toHaveLength(46);
    expect(drawSeed2026().code).toBe(0);
    expect(members()).toEqual(once);
    // The always-include customer is in with certainty.
    const certain = inspect(db, (d) =>
      d
        .prepare(
          `SELECT m.weight, m.inclusion_probability FROM sample_members m JOIN customers c ON c.id = m.customer_id WHERE c.code = 'C202400001'`,
        )
        .get(),
    );
    expect(certain).toEqual({ weight: 1, inclusion_probability: 1 });

    const status = surveydesk(
      'sample',
      'status',
      '--db',
      db,
      '--wave',
      '2026 Q4',
      '--lang',
      'zh-CN',
    );
    expect(status.code).toBe(0);
    expect(status.stdout).toContain('130 个客户中抽取 46 个，种子 2026');
    expect(status.stdout).toContain('未联系\t46');
    expect(status.stdout).toContain('总体：46 个样本中已回收 0 份（0.0%），目标 80.0%');
  });

  it('exits with 2 and a usage message on bad input', () => {
    const noSeed = draw('--lang', 'en');
    expect(noSeed.code).toBe(2);
    expect(noSeed.stderr).toContain('--seed must be a whole number');
    const badStrata = draw('--seed', '1', '--strata', 'colour', '--lang', 'zh-CN');
    expect(badStrata.code).toBe(2);
    expect(badStrata.stderr).toContain('未知的分层属性“colour”');
    const noVerb = surveydesk('sample', '--db', db, '--lang', 'en');
    expect(noVerb.code).toBe(2);
    expect(noVerb.stderr).toContain('Usage: surveydesk sample draw');
  });

  it('takes a fixed size or fraction per stratum with --rule', () => {
    const size = draw(
      '--seed',
      '1',
      '--strata',
      'type',
      '--rule',
      'size:8',
      '--dry-run',
      '--lang',
      'en',
    );
    expect(size.code).toBe(0);
    // 8 of 120 (weight 15) and 8 of 10 (weight 1.25).
    expect(size.stdout).toMatch(/老客户\t120\t0\t8\t6\.7%\t15\.0000\t/);
    expect(size.stdout).toMatch(/高价值客户\t10\t0\t8\t80\.0%\t1\.2500\t/);
    const fraction = draw('--seed', '1', '--rule', 'fraction:10', '--dry-run', '--lang', 'en');
    // One stratum of 130: 10 % = 13.
    expect(fraction.stdout).toContain('Total: 13 of 130 customers');
    const bad = draw('--seed', '1', '--rule', 'half', '--lang', 'en');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('unknown --rule "half"');
  });

  it('says so when the wave has no sample yet', () => {
    const run = surveydesk('sample', 'status', '--db', db, '--wave', '2026 Q4', '--lang', 'en');
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('Wave 2026 Q4 has no sample yet');
  });
});
