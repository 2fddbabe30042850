/**
 * Which charts the report holds and how each is drawn from the analysis: one job per chart, so
 * the report can count them for its progress, render them one by one between abort checks, and
 * the sections only place what was drawn.
 */
import type { AnalysisResult, DriverResult, ScoreStat } from '../../../shared/analysis';
import { variablesOf, type LocalizedText } from '../../../shared/questionnaire/model';
import { importancePerformanceChart } from '../charts/driver-chart';
import { rankedBarsChart, segmentBarsChart, trendChart } from '../charts/group-charts';
import { dimensionBarsChart, likertChart, npsChart } from '../charts/score-charts';
import type { ReportContext } from './context';
import { dimensionTarget, priorityList, quadrantOf, significantSegments } from './measures';
import { TEXT_WIDTH_PX } from './style';
import type { SectionId } from './texts';

export interface ChartJob {
  id: string;
  caption: string;
  render(): Buffer;
}

const W = TEXT_WIDTH_PX;

/** Names of a Likert item's points, lowest first (numbers when the questionnaire names none). */
function pointLabels(ctx: ReportContext, item: string, points: number): string[] {
  const question = variablesOf(ctx.definition).find((v) => v.name === item)?.question;
  const labels: LocalizedText[] =
    question && (question.type === 'likert' || question.type === 'matrix')
      ? question.pointLabels
      : [];
  return Array.from({ length: points }, (_, k) =>
    labels[k] ? ctx.chartText(labels[k], String(k + 1)) : String(k + 1),
  );
}

const shares = (score: ScoreStat, points: number) =>
  Array.from(
    { length: points },
    (_, k) => score.distribution.find((d) => d.value === k + 1)?.share ?? 0,
  );

export function chartJobs(ctx: ReportContext, sections: SectionId[]): ChartJob[] {
  const { result, words } = ctx;
  const font = ctx.chartFont;
  const jobs: ChartJob[] = [];
  const label = (text: LocalizedText, id: string) => ctx.chartText(text, id);
  if (sections.includes('results')) {
    const satisfaction = result.satisfaction;
    if (satisfaction?.score.ok) {
      const score = satisfaction.score;
      const item = result.items.find((i) => i.name === satisfaction.question);
      const points = item?.points ?? 5;
      jobs.push({
        id: 'satisfaction',
        caption: words.captions.satisfaction,
        render: () =>
          likertChart(
            {
              rows: [label(item?.label ?? {}, satisfaction.question) || words.measure.satisfaction],
              shares: [shares(score, points)],
              pointLabels: pointLabels(ctx, satisfaction.question, points),
            },
            font,
            W,
          ),
      });
    }
    if (result.nps?.ok) {
      const nps = result.nps;
      const shares = ctx.previous?.npsShares;
      const previousNps = ctx.previous?.nps;
      const previous = shares && previousNps != null ? { ...shares, nps: previousNps } : null;
      const row = (name: string, value: number) => `${name}  NPS ${ctx.fmt.signed(value)}`;
      jobs.push({
        id: 'nps',
        caption: words.captions.nps,
        render: () =>
          npsChart(
            {
              rows: [
                row(ctx.chartText(words.chart.current, 'This wave'), nps.nps),
                ...(previous
                  ? [row(ctx.chartText(words.chart.previous, 'Previous'), previous.nps)]
                  : []),
              ],
              detractors: [nps.detractorShare, ...(previous ? [previous.detractors] : [])],
              passives: [nps.passiveShare, ...(previous ? [previous.passives] : [])],
              promoters: [nps.promoterShare, ...(previous ? [previous.promoters] : [])],
              labels: {
                detractors: ctx.chartText(words.npsGroups.detractors, 'Detractors (0-6)'),
                passives: ctx.chartText(words.npsGroups.passives, 'Passives (7-8)'),
                promoters: ctx.chartText(words.npsGroups.promoters, 'Promoters (9-10)'),
              },
            },
            font,
            W,
          ),
      });
    }
    const dims = result.dimensions;
    if (dims.length > 0) {
      jobs.push({
        id: 'dimensions',
        caption: words.captions.dimensionChart,
        render: () =>
          dimensionBarsChart(
            {
              categories: dims.map((d) => label(d.name, d.id)),
              scores: dims.map((d) => (d.score.ok ? d.score.score100 : null)),
              targets: dims.map((d) => dimensionTarget(result, d.id)),
              previous: ctx.previous
                ? dims.map((d) => ctx.previous!.dimensions[d.id] ?? null)
                : null,
              labels: {
                current: ctx.chartText(words.chart.current, 'This wave'),
                previous: ctx.chartText(words.chart.previous, 'Previous wave'),
                target: ctx.chartText(words.chart.target, 'Target'),
                axis: ctx.chartText(words.chart.score, 'Score (of 100)'),
              },
            },
            font,
            { width: W, height: 300 },
          ),
      });
    }
    for (const dimension of dims) {
      const items = result.items.filter((i) => i.dimension === dimension.id && i.score.ok);
      if (items.length === 0) continue;
      const points = items[0]!.points;
      jobs.push({
        id: `likert:${dimension.id}`,
        caption: words.likertCaption(ctx.text(dimension.name)),
        render: () =>
          likertChart(
            {
              rows: items.map((i) => label(i.label, i.name)),
              shares: items.map((i) => shares(i.score as ScoreStat, points)),
              pointLabels: pointLabels(ctx, items[0]!.name, points),
            },
            font,
            W,
          ),
      });
    }
    jobs.push(...trendJobs(ctx));
  }
  if (sections.includes('drivers')) jobs.push(...driverJobs(ctx));
  if (sections.includes('segments')) jobs.push(...segmentJobs(ctx));
  if (sections.includes('themes')) jobs.push(...themeJobs(ctx));
  return jobs;
}

function trendJobs(ctx: ReportContext): ChartJob[] {
  const { result, words } = ctx;
  const waves = result.trends.waves;
  if (waves.length < 2) return [];
  const names = waves.map((w) => ctx.chartText(w.name, w.name));
  const jobs: ChartJob[] = [
    {
      id: 'trend-index',
      caption: words.captions.trendIndex,
      render: () =>
        trendChart(
          {
            waves: names,
            series: [
              { label: ctx.chartText(words.col.index, 'Index'), values: waves.map((w) => w.index) },
              ...result.dimensions.map((d) => ({
                label: ctx.chartText(d.name, d.id),
                values: waves.map((w) => w.dimensions[d.id] ?? null),
              })),
            ],
            axis: ctx.chartText(words.chart.score, 'Score (of 100)'),
          },
          ctx.chartFont,
          W,
        ),
    },
  ];
  if (waves.some((w) => w.nps !== null)) {
    jobs.push({
      id: 'trend-nps',
      caption: words.captions.trendNps,
      render: () =>
        trendChart(
          {
            waves: names,
            series: [{ label: 'NPS', values: waves.map((w) => w.nps) }],
            axis: 'NPS',
          },
          ctx.chartFont,
          W,
        ),
    });
  }
  return jobs;
}

function driverJobs(ctx: ReportContext): ChartJob[] {
  const { result, words } = ctx;
  const dims = dimensionDrivers(result);
  // Items are numbered as in the priority table: their sentences would crowd the chart.
  const ranks = new Map(priorityList(result).map((p, k) => [`${p.kind}:${p.id}`, k + 1]));
  const items = result.drivers.list.filter(
    (d) =>
      d.kind === 'item' &&
      d.importance !== null &&
      d.performance !== null &&
      ranks.has(`item:${d.id}`),
  );
  const jobs: ChartJob[] = [];
  if (dims.length >= 2) {
    const points = dims.map((d) => ({ ...d, name: ctx.chartText(d.label, d.id) }));
    jobs.push(matrixJob(ctx, 'drivers', words.captions.matrix, points));
  }
  if (items.length >= 2) {
    const points = items.map((d) => ({ ...d, name: String(ranks.get(`item:${d.id}`)) }));
    jobs.push(matrixJob(ctx, 'drivers-items', words.captions.itemMatrix, points));
  }
  return jobs;
}

function matrixJob(
  ctx: ReportContext,
  id: string,
  caption: string,
  points: (DriverResult & { name: string })[],
): ChartJob {
  const { words } = ctx;
  const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;
  return {
    id,
    caption,
    render: () =>
      importancePerformanceChart(
        {
          points: points.map((d) => ({
            label: d.name,
            performance: d.performance!,
            importance: d.importance!,
            quadrant: quadrantOf(ctx.result, d.kind, d.id),
          })),
          meanPerformance: mean(points.map((d) => d.performance!)),
          meanImportance: mean(points.map((d) => d.importance!)),
          labels: {
            performance: ctx.chartText(words.chart.performance, 'Performance (score of 100)'),
            importance: ctx.chartText(words.chart.importance, 'Importance (r)'),
            quadrants: {
              priority: ctx.chartText(words.quadrant.priority, 'Fix first'),
              strength: ctx.chartText(words.quadrant.strength, 'Keep it up'),
              maintain: ctx.chartText(words.quadrant.maintain, 'Maintain'),
              secondary: ctx.chartText(words.quadrant.secondary, 'Lower priority'),
            },
          },
        },
        ctx.chartFont,
        { width: W, height: 390 },
      ),
  };
}

/** The dimension drivers that have both an importance and a performance. */
export function dimensionDrivers(result: AnalysisResult) {
  return result.drivers.list.filter(
    (d) => d.kind === 'dimension' && d.importance !== null && d.performance !== null,
  );
}

function segmentJobs(ctx: ReportContext): ChartJob[] {
  const { result, words } = ctx;
  return significantSegments(result).map((segment) => {
    const groups = [...segment.groups].sort((a, b) => (b.score100 ?? 0) - (a.score100 ?? 0));
    const many = groups.length > 6 || result.dimensions.length === 0;
    const measures = [
      ctx.chartText(words.col.index, 'Index'),
      ...(many ? [] : result.dimensions.map((d) => ctx.chartText(d.name, d.id))),
    ];
    return {
      id: `segment:${segment.attribute}`,
      caption: words.segmentCaption(ctx.attributeName(segment.attribute)),
      render: () =>
        segmentBarsChart(
          {
            measures,
            groups: groups.map((g, k) => ({
              label: ctx.chartText(ctx.attributeValue(segment.attribute, g.value), `G${k + 1}`),
              values: [
                g.score100,
                ...(many ? [] : result.dimensions.map((d) => g.dimensions[d.id] ?? null)),
              ],
            })),
            axis: ctx.chartText(words.chart.score, 'Score (of 100)'),
          },
          ctx.chartFont,
          W,
        ),
    };
  });
}

function themeJobs(ctx: ReportContext): ChartJob[] {
  const { result, words } = ctx;
  return result.texts.flatMap((text) => {
    const themes = text.themes.filter((t) => t.count > 0).sort((a, b) => b.count - a.count);
    if (themes.length === 0) return [];
    return [
      {
        id: `themes:${text.question}`,
        caption: words.themeCaption(ctx.text(text.label)),
        render: () =>
          rankedBarsChart(
            {
              rows: themes.map((t) => ctx.chartText(t.label, t.id)),
              values: themes.map((t) => t.count),
              axis: ctx.chartText(words.chart.mentions, 'Mentions'),
              format: (v) =>
                `${ctx.fmt.count(v)} (${ctx.fmt.share(v / Math.max(1, text.answered))})`,
            },
            ctx.chartFont,
            W,
          ),
      },
    ];
  });
}
