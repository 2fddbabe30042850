/**
 * The analysis tables of the Excel report, one sheet each: dimensions, items, segment
 * comparisons, drivers (importance x performance) and the themes of open answers with quotes.
 * Every value is a figure of the AnalysisResult, unrounded; the number format does the rounding.
 * With a comparison wave, dimensions and items also show that wave's score and the change.
 */
import {
  customAttributeName,
  type AnalysisResult,
  isCustomAttribute,
  type DriverResult,
  type Score,
  type SegmentResult,
  type TextResult,
} from '../../../shared/analysis';
import { fill } from '../texts';
import type { ReportContext } from './report-context';
import { change, writeTableSheet, type TableColumn, type Workbook } from './sheet-kit';

const stat = <
  K extends
    'n' | 'missing' | 'mean' | 'sd' | 'median' | 'score100' | 'score100Other' | 'top2' | 'high',
>(
  score: Score,
  key: K,
) => (score.ok ? score[key] : null);

/** The score columns every scored table has. */
function scoreColumns<R>(ctx: ReportContext, scoreOf: (row: R) => Score): TableColumn<R>[] {
  const c = ctx.texts.col;
  return [
    { header: c.n, value: (r) => stat(scoreOf(r), 'n'), format: 'integer' },
    { header: c.mean, value: (r) => stat(scoreOf(r), 'mean'), format: 'mean' },
    { header: c.sd, value: (r) => stat(scoreOf(r), 'sd'), format: 'mean' },
    {
      header: c.score,
      value: (r) => stat(scoreOf(r), 'score100'),
      format: 'score',
      colourScale: true,
    },
    { header: c.scoreOther, value: (r) => stat(scoreOf(r), 'score100Other'), format: 'score' },
    { header: c.high, value: (r) => stat(scoreOf(r), 'high'), format: 'share' },
  ];
}

/**
 * The comparison wave's 100-point score of the same dimension or item, and the change (this wave
 * minus that one, in points, signed); no columns without a comparison wave.
 */
function comparisonColumns<R>(
  ctx: ReportContext,
  scoreOf: (row: R) => Score,
  previousOf: (row: R, previous: AnalysisResult) => Score | undefined,
): TableColumn<R>[] {
  const previous = ctx.previous;
  if (!previous) return [];
  const c = ctx.texts.col;
  const before = (r: R) => {
    const score = previousOf(r, previous.result);
    return score ? stat(score, 'score100') : null;
  };
  return [
    {
      header: fill(c.previousScore, { wave: previous.name }),
      value: before,
      format: 'score',
    },
    {
      header: c.change,
      value: (r) => change(stat(scoreOf(r), 'score100'), before(r)),
      format: 'scoreChange',
    },
  ];
}

export function writeDimensionsSheet(workbook: Workbook, ctx: ReportContext): void {
  const c = ctx.texts.col;
  const { result } = ctx;
  type Row = (typeof result.dimensions)[number];
  const rank = (id: string) =>
    result.priorities.find((p) => p.kind === 'dimension' && p.id === id)?.rank ?? null;
  writeTableSheet<Row>(
    workbook,
    ctx.texts.sheet.dimensions,
    [
      { header: c.dimension, value: (d) => ctx.label(d.name) },
      { header: c.weight, value: (d) => d.weight, format: 'mean' },
      { header: c.items, value: (d) => d.items.length, format: 'integer' },
      ...scoreColumns<Row>(ctx, (d) => d.score),
      ...comparisonColumns<Row>(
        ctx,
        (d) => d.score,
        (d, previous) => previous.dimensions.find((p) => p.id === d.id)?.score,
      ),
      { header: c.alpha, value: (d) => (d.alpha.ok ? d.alpha.alpha : null), format: 'mean' },
      { header: c.target, value: (d) => d.target?.target ?? null, format: 'mean' },
      { header: c.rank, value: (d) => rank(d.id), format: 'integer' },
    ],
    result.dimensions,
  );
}

export function writeItemsSheet(workbook: Workbook, ctx: ReportContext): void {
  const c = ctx.texts.col;
  const { result, definition } = ctx;
  type Row = (typeof result.items)[number];
  const dimensionName = (id: string | null) => {
    const dimension = definition.dimensions.find((d) => d.id === id);
    return dimension ? ctx.label(dimension.name) : null;
  };
  const maxPoints = Math.max(0, ...result.items.map((i) => i.points));
  const shares: TableColumn<Row>[] = Array.from({ length: maxPoints }, (_v, k) => ({
    header: fill(c.share, { value: k + 1 }),
    value: (item: Row) =>
      item.score.ok && k < item.points
        ? (item.score.distribution.find((d) => d.value === k + 1)?.share ?? 0)
        : null,
    format: 'share' as const,
  }));
  writeTableSheet<Row>(
    workbook,
    ctx.texts.sheet.items,
    [
      { header: c.item, value: (i) => i.name },
      { header: c.label, value: (i) => ctx.label(i.label), maxWidth: 48, wrap: true },
      { header: c.dimension, value: (i) => dimensionName(i.dimension) },
      { header: c.points, value: (i) => i.points, format: 'integer' },
      { header: c.reverse, value: (i) => (i.reverse ? ctx.texts.yesNo.yes : null) },
      ...scoreColumns<Row>(ctx, (i) => i.score),
      ...comparisonColumns<Row>(
        ctx,
        (i) => i.score,
        (i, previous) => previous.items.find((p) => p.name === i.name)?.score,
      ),
      { header: c.top2, value: (i) => stat(i.score, 'top2'), format: 'share' },
      ...shares,
    ],
    result.items,
    2,
  );
}

function testText(test: SegmentResult['test']): {
  name: string | null;
  statistic: number | null;
  p: number | null;
  effect: number | null;
} {
  if (test.kind === 'welch')
    return { name: 'Welch t', statistic: test.t, p: test.p, effect: test.effect };
  if (test.kind === 'anova')
    return { name: 'ANOVA F', statistic: test.F, p: test.p, effect: test.effect };
  return { name: null, statistic: null, p: null, effect: null };
}

export function writeSegmentsSheet(workbook: Workbook, ctx: ReportContext): void {
  const c = ctx.texts.col;
  const { result } = ctx;
  type Row = { segment: SegmentResult; group: SegmentResult['groups'][number] };
  const rows: Row[] = result.segments.flatMap((segment) =>
    segment.groups.map((group) => ({ segment, group })),
  );
  const dimensions: TableColumn<Row>[] = result.dimensions.map((d) => ({
    header: ctx.label(d.name),
    value: (r: Row) => r.group.dimensions[d.id] ?? null,
    format: 'score' as const,
    colourScale: true,
  }));
  writeTableSheet<Row>(
    workbook,
    ctx.texts.sheet.segments,
    [
      {
        header: c.attribute,
        value: (r) =>
          isCustomAttribute(r.segment.attribute)
            ? customAttributeName(r.segment.attribute)
            : ctx.texts.attribute[r.segment.attribute],
      },
      { header: c.group, value: (r) => r.group.value },
      { header: c.n, value: (r) => r.group.n, format: 'integer' },
      { header: c.score, value: (r) => r.group.score100, format: 'score', colourScale: true },
      ...dimensions,
      { header: c.test, value: (r) => testText(r.segment.test).name },
      { header: c.statistic, value: (r) => testText(r.segment.test).statistic, format: 'mean' },
      { header: c.p, value: (r) => testText(r.segment.test).p, format: 'p' },
      { header: c.effect, value: (r) => testText(r.segment.test).effect, format: 'mean' },
      {
        header: c.small,
        value: (r) => (r.segment.smallGroups.includes(r.group.value) ? ctx.texts.yesNo.yes : null),
      },
    ],
    rows,
    2,
  );
}

export function writeDriversSheet(workbook: Workbook, ctx: ReportContext): void {
  const c = ctx.texts.col;
  const { result } = ctx;
  const priority = (d: DriverResult) =>
    result.priorities.find((p) => p.kind === d.kind && p.id === d.id);
  // The target is not a driver of itself.
  const rows = result.drivers.list.filter((d) => d.id !== result.drivers.target);
  writeTableSheet<DriverResult>(
    workbook,
    ctx.texts.sheet.drivers,
    [
      { header: c.kind, value: (d) => ctx.texts.kind[d.kind] },
      { header: c.item, value: (d) => d.id },
      { header: c.label, value: (d) => ctx.label(d.label), maxWidth: 48, wrap: true },
      { header: c.importance, value: (d) => d.importance, format: 'mean' },
      { header: c.p, value: (d) => d.p, format: 'p' },
      { header: c.beta, value: (d) => d.beta, format: 'mean' },
      { header: c.performance, value: (d) => d.performance, format: 'score', colourScale: true },
      { header: c.quadrant, value: (d) => (d.quadrant ? ctx.texts.quadrant[d.quadrant] : null) },
      { header: c.rank, value: (d) => priority(d)?.rank ?? null, format: 'integer' },
      { header: c.urgency, value: (d) => priority(d)?.urgency ?? null, format: 'mean' },
    ],
    rows,
    3,
  );
}

export function writeThemesSheet(workbook: Workbook, ctx: ReportContext): void {
  const c = ctx.texts.col;
  const { result, definition } = ctx;
  type Row = { text: TextResult; theme: TextResult['themes'][number] };
  const rows: Row[] = result.texts.flatMap((text) => text.themes.map((theme) => ({ text, theme })));
  const quotes = Math.max(1, ...rows.map((r) => r.theme.quotes.length));
  const dimensionName = (id: string | null) => {
    const dimension = definition.dimensions.find((d) => d.id === id);
    return dimension ? ctx.label(dimension.name) : null;
  };
  writeTableSheet<Row>(
    workbook,
    ctx.texts.sheet.themes,
    [
      { header: c.question, value: (r) => ctx.label(r.text.label), maxWidth: 30, wrap: true },
      { header: c.theme, value: (r) => r.theme.label[ctx.lang] },
      { header: c.dimension, value: (r) => dimensionName(r.theme.dimension) },
      { header: c.count, value: (r) => r.theme.count, format: 'integer' },
      { header: c.mentionShare, value: (r) => r.theme.share, format: 'share' },
      { header: c.meanScore, value: (r) => r.theme.meanScore, format: 'mean' },
      { header: c.dissatisfied, value: (r) => r.theme.dissatisfiedShare, format: 'share' },
      ...Array.from({ length: quotes }, (_v, k) => ({
        header: fill(c.quote, { n: k + 1 }),
        value: (r: Row) => r.theme.quotes[k] ?? null,
        maxWidth: 44,
        wrap: true,
      })),
    ],
    rows,
    2,
  );
}
