/**
 * `surveydesk analyze --survey CODE [--wave NAME|ID] [--segment ATTR=VALUE] [--json]`: the full
 * analysis; --json prints every figure with full precision.
 */
import { ANALYSIS_ATTRIBUTES, analysisRequest, type AnalysisAttribute } from '../../shared/analysis';
import { AppError } from '../../shared/errors';
import { textIn } from '../../shared/questionnaire/model';
import type { SurveySummary } from '../../shared/surveys';
import type { Wave } from '../../shared/responses';
import { runAnalysis } from '../analysis/engine';
import { getThemes } from '../analysis/themes';
import { verifyWithAnalysis } from '../improvement/auto-verify';
import { call, withServices, type Command } from './support';

const fixed = (v: number | null | undefined, digits = 1) => (v === null || v === undefined ? '-' : v.toFixed(digits));

export const analyzeCommand: Command = {
  summary: {
    en: 'analyse a survey: --survey CODE [--wave NAME] [--segment attribute=value] [--json]',
    'zh-CN': '分析问卷：--survey 编号 [--wave 批次] [--segment 属性=取值] [--json]',
  },
  run: (ctx) =>
    withServices(ctx, false, async (services) => {
      const key = ctx.options.survey;
      if (typeof key !== 'string') throw new AppError('INVALID_INPUT', { details: '--survey CODE is missing' });
      const surveys = await call<SurveySummary[]>(services, 'surveys.list', {});
      const survey = surveys.find((s) => s.code === key || s.id === key);
      if (!survey) throw new AppError('NOT_FOUND', { what: `survey ${key}` });
      let waveIds: string[] | undefined;
      if (typeof ctx.options.wave === 'string') {
        const waves = await call<Wave[]>(services, 'waves.list', { surveyId: survey.id });
        const wave = waves.find((w) => w.name === ctx.options.wave || w.id === ctx.options.wave);
        if (!wave) throw new AppError('NOT_FOUND', { what: `wave ${ctx.options.wave}` });
        waveIds = [wave.id];
      }
      let segment: { attribute: AnalysisAttribute; value: string } | undefined;
      if (typeof ctx.options.segment === 'string') {
        const [attribute, ...rest] = ctx.options.segment.split('=');
        if (!ANALYSIS_ATTRIBUTES.includes(attribute as AnalysisAttribute) || rest.length === 0) {
          throw new AppError('INVALID_INPUT', { details: `--segment must be attribute=value with attribute one of ${ANALYSIS_ATTRIBUTES.join(', ')}` });
        }
        segment = { attribute: attribute as AnalysisAttribute, value: rest.join('=') };
      }
      const request = analysisRequest.parse({ surveyId: survey.id, waveIds, segment });
      const analysed = await runAnalysis(services.ctx.db, request, { themes: getThemes(services.ctx.db) });
      // Like the Analysis screen's job: one wave analysed verifies the improvement actions planned before it.
      const improvement = await verifyWithAnalysis(services.ctx.db, analysed, () => undefined);
      const result = improvement ? { ...analysed, improvement } : analysed;
      if (ctx.json) {
        ctx.io.out(`${JSON.stringify(result, null, 2)}\n`);
        return 0;
      }
      const lang = ctx.locale;
      const lines = [
        `${textIn(result.surveyTitle, lang)} (v${result.versionNo})`,
        `n = ${result.cleaning.analysed} / ${result.cleaning.total}; excluded ${result.cleaning.excluded} ${JSON.stringify(result.cleaning.excludedByRule)}`,
        `index ${result.index.ok ? fixed(result.index.score100) : result.index.reason}`,
        ...result.dimensions.map((d) => `  ${textIn(d.name, lang).padEnd(12)} ${d.score.ok ? fixed(d.score.score100) : d.score.reason}  alpha ${d.alpha.ok ? fixed(d.alpha.alpha, 3) : '-'}`),
        `NPS ${result.nps?.ok ? fixed(result.nps.nps) : '-'}`,
        'priorities:',
        ...result.priorities.filter((p) => p.kind === 'dimension').map((p) => `  ${p.rank}. ${textIn(p.label, lang)}  r=${fixed(p.importance, 3)}  score=${fixed(p.performance)}`),
        ...(improvement
          ? [
              lang === 'zh-CN'
                ? `改进措施验证：${improvement.actions} 项，达标 ${improvement.met} 项，未达标 ${improvement.notMet} 项；服务质量标准 ${improvement.standards} 项`
                : `improvement actions verified: ${improvement.actions} (${improvement.met} met, ${improvement.notMet} not met); standards computed: ${improvement.standards}`,
            ]
          : []),
      ];
      ctx.io.out(`${lines.join('\n')}\n`);
      return 0;
    }),
};
