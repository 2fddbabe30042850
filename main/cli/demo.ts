/** `surveydesk demo --responses N --seed S`: a realistic survey with two waves of responses. */
import { AppError } from '../../shared/errors';
import { createDemo } from '../analysis/demo';
import { withServices, type Command } from './support';

function positiveInt(value: string | boolean | undefined, fallback: number, name: string): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 2_000_000) throw new AppError('INVALID_INPUT', { details: `--${name} must be a whole number from 1 to 2000000` });
  return n;
}

export const demoCommand: Command = {
  summary: {
    en: 'create demo data: --responses N (default 500) --seed S (default 1)',
    'zh-CN': '生成演示数据：--responses 份数（默认 500）--seed 随机种子（默认 1）',
  },
  run: (ctx) => {
    const responses = positiveInt(ctx.options.responses, 500, 'responses');
    const seed = positiveInt(ctx.options.seed, 1, 'seed');
    return withServices(ctx, true, (services) => {
      const result = createDemo(services.ctx.db, services.ctx.surveys, services.ctx.fieldwork, {
        responses,
        seed,
        onProgress: (done, total) => ctx.io.err(`\r${done} / ${total}`),
      });
      ctx.io.err('\n');
      ctx.io.out(ctx.json ? `${JSON.stringify(result, null, 2)}\n` : `${result.surveyCode}: ${result.responses} responses, ${result.customers} customers, 2 waves\n`);
      return Promise.resolve(0);
    });
  },
};
