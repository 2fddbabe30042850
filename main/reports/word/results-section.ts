/**
 * 4 Results: the overall index on 100 points with its conversion named, the overall satisfaction
 * item, NPS with its interval, the dimensions against their targets and the previous wave, each
 * dimension's items, and the trend across waves.
 */
import type { Paragraph, Table } from 'docx';
import type { ScoreStat } from '../../../shared/analysis';
import type { ReportContext } from './context';
import { dimensionTarget, targetStatuses, weakestItems } from './measures';
import type { Cell, Column } from './tables';

type Block = Paragraph | Table;

/** The previous value and the change; dashes when the previous wave lacks it, none without one. */
function comparison(
  ctx: ReportContext,
  current: number | null,
  previous: number | null | undefined,
  as: 'score' | 'share' | 'signed' = 'score',
): Cell[] {
  const { fmt } = ctx;
  if (!ctx.previous) return [];
  if (previous === null || previous === undefined) return [fmt.score(null), fmt.score(null)];
  const share = as === 'share';
  const change = current === null ? null : share ? (current - previous) * 100 : current - previous;
  // Written like this wave's figure beside it (NPS signed: +2.0 then −19.7).
  return [fmt[as](previous), fmt.signed(change)];
}

export function results(ctx: ReportContext): Block[] {
  return [
    ctx.h1(ctx.words.section.results, true),
    ...overall(ctx),
    ...nps(ctx),
    ...dimensions(ctx),
    ...ctx.result.dimensions.flatMap((d) => dimension(ctx, d.id)),
    ...trends(ctx),
  ];
}

function overall(ctx: ReportContext): Block[] {
  const { words, fmt, result } = ctx;
  const blocks: Block[] = [ctx.h2(words.sub.overall)];
  const index = result.index.ok ? result.index : null;
  const conversion = result.request.conversion;
  if (index) {
    blocks.push(
      ctx.intro(
        words.indexText(
          fmt.score(index.score100),
          words.conversion[conversion],
          fmt.score(index.score100Other),
          fmt.mean(index.mean),
        ),
      ),
    );
  }
  const satisfaction = result.satisfaction?.score.ok ? result.satisfaction.score : null;
  if (satisfaction)
    blocks.push(
      ctx.intro(
        words.satisfactionText(
          fmt.mean(satisfaction.mean),
          fmt.score(satisfaction.score100),
          fmt.share(satisfaction.top2),
        ),
      ),
    );
  const targets = targetStatuses(result, ctx.definition);
  const targetOf = (metrics: string[], unit: 'score' | 'nps') => {
    const t = targets.find((s) => metrics.includes(s.target.metric));
    if (!t) return fmt.score(null);
    return unit === 'nps' || t.unit === 'score'
      ? fmt.score(t.target.target)
      : fmt.mean(t.target.target);
  };
  const previous = ctx.previous;
  const npsResult = result.nps?.ok ? result.nps : null;
  const rows: Cell[][] = [];
  if (index) {
    rows.push([
      words.measure.index,
      { text: fmt.score(index.score100), bold: true },
      ...comparison(ctx, index.score100, previous?.index),
      targetOf(['overall', 'index'], 'score'),
    ]);
    rows.push([
      words.measure.high,
      fmt.share(index.high),
      ...comparison(ctx, index.high, previous?.high, 'share'),
      fmt.score(null),
    ]);
  }
  if (satisfaction && result.satisfaction) {
    rows.push([
      words.measure.satisfaction,
      fmt.score(satisfaction.score100),
      ...comparison(ctx, satisfaction.score100, previous?.satisfaction?.score100),
      targetOf([result.satisfaction.question], 'score'),
    ]);
    rows.push([
      words.measure.top2,
      fmt.share(satisfaction.top2),
      ...comparison(ctx, satisfaction.top2, previous?.satisfaction?.top2, 'share'),
      fmt.score(null),
    ]);
  }
  if (npsResult)
    rows.push([
      words.measure.nps,
      fmt.signed(npsResult.nps),
      ...comparison(ctx, npsResult.nps, previous?.nps, 'signed'),
      targetOf(['nps'], 'nps'),
    ]);
  if (rows.length > 0) {
    blocks.push(
      ...ctx.table(
        words.captions.kpis,
        [
          { header: words.col.metric, width: 4 },
          { header: words.col.current, width: 1.6, align: 'right' },
          ...(previous
            ? [
                {
                  header: words.col.previous + words.paren(previous.label),
                  width: 2.2,
                  align: 'right' as const,
                },
                { header: words.col.change, width: 1.4, align: 'right' as const },
              ]
            : []),
          { header: words.col.target, width: 1.4, align: 'right' },
        ],
        rows,
      ),
    );
  }
  blocks.push(...ctx.figure('satisfaction'));
  return blocks;
}

function nps(ctx: ReportContext): Block[] {
  const { words, fmt, result } = ctx;
  if (!result.nps?.ok) return [];
  const n = result.nps;
  const ci = n.ci ? `${fmt.signed(n.ci.lower)} ~ ${fmt.signed(n.ci.upper)}` : null;
  const blocks: Block[] = [ctx.h2(words.sub.nps)];
  const share = (s: number, count: number) => fmt.share(s) + words.paren(fmt.count(count));
  let text = words.npsText(
    fmt.signed(n.nps),
    ci,
    share(n.promoterShare, n.promoters),
    share(n.passiveShare, n.passives),
    share(n.detractorShare, n.detractors),
  );
  const target = targetStatuses(result, ctx.definition).find((t) => t.target.metric === 'nps');
  if (target?.gap !== null && target?.gap !== undefined)
    text +=
      words.sep +
      words.targetGap(
        fmt.score(target.target.target),
        fmt.score(Math.abs(target.gap)),
        target.met === true,
      );
  if (ctx.previous?.nps !== null && ctx.previous?.nps !== undefined)
    text +=
      words.sep +
      words.previousText(fmt.signed(ctx.previous.nps), fmt.signed(n.nps - ctx.previous.nps));
  blocks.push(ctx.intro(text), ...ctx.figure('nps'));
  return blocks;
}

function dimensions(ctx: ReportContext): Block[] {
  const { words, fmt, result } = ctx;
  const scored = result.dimensions.filter((d) => d.score.ok);
  if (scored.length === 0) return [];
  const byScore = [...scored].sort(
    (a, b) => (b.score as ScoreStat).score100 - (a.score as ScoreStat).score100,
  );
  const name = (d: (typeof scored)[number]) =>
    words.quote(ctx.text(d.name)) + words.paren(fmt.score((d.score as ScoreStat).score100));
  const previous = ctx.previous;
  const rows: Cell[][] = result.dimensions.map((d) => {
    const s = d.score.ok ? d.score : null;
    const target = dimensionTarget(result, d.id);
    return [
      ctx.text(d.name),
      fmt.mean(s?.mean),
      { text: fmt.score(s?.score100), bold: true },
      fmt.share(s?.high),
      d.alpha.ok ? d.alpha.alpha.toFixed(2) : fmt.score(null),
      fmt.score(target),
      ...(previous ? comparison(ctx, s?.score100 ?? null, previous.dimensions[d.id]) : []),
    ];
  });
  const columns: Column[] = [
    { header: words.col.dimension, width: 3.2 },
    { header: words.col.mean, width: 1.2, align: 'right' },
    { header: words.col.score, width: 1.2, align: 'right' },
    { header: words.col.high, width: 1.5, align: 'right' },
    { header: words.col.alpha, width: 1.2, align: 'right' },
    { header: words.col.target, width: 1.2, align: 'right' },
    ...(previous
      ? [
          { header: words.col.previous, width: 1.2, align: 'right' as const },
          { header: words.col.change, width: 1.2, align: 'right' as const },
        ]
      : []),
  ];
  return [
    ctx.h2(words.sub.dimensions),
    ctx.intro(words.dimensionsText(name(byScore[0]!), name(byScore[byScore.length - 1]!))),
    ...ctx.figure('dimensions'),
    ...ctx.table(words.captions.dimensionTable, columns, rows),
  ];
}

function dimension(ctx: ReportContext, id: string): Block[] {
  const { words, fmt, result } = ctx;
  const d = result.dimensions.find((x) => x.id === id)!;
  const items = result.items.filter((i) => i.dimension === id);
  if (items.length === 0 || !d.score.ok) return [];
  const lowest = weakestItems(result, id)[0];
  const sep = words.sep;
  let text = lowest
    ? words.dimensionText(
        fmt.score(d.score.score100),
        ctx.text(lowest.label),
        fmt.score((lowest.score as ScoreStat).score100),
      )
    : '';
  const target = dimensionTarget(result, id);
  if (target !== null)
    text +=
      sep +
      words.targetGap(
        fmt.score(target),
        fmt.score(Math.abs(d.score.score100 - target)),
        d.score.score100 >= target,
      );
  const previous = ctx.previous?.dimensions[id];
  if (previous !== null && previous !== undefined)
    text += sep + words.previousText(fmt.score(previous), fmt.signed(d.score.score100 - previous));
  const previousItems = ctx.previous?.items ?? null;
  const rows: Cell[][] = items.map((i) => {
    const s = i.score.ok ? i.score : null;
    return [
      ctx.text(i.label),
      fmt.count(s?.n),
      fmt.mean(s?.mean),
      { text: fmt.score(s?.score100), bold: true },
      fmt.share(s?.top2),
      ...(previousItems
        ? comparison(ctx, s?.score100 ?? null, previousItems[i.name]?.score100)
        : []),
    ];
  });
  const columns: Column[] = [
    { header: words.col.item, width: 5.4 },
    { header: words.col.n, width: 1.1, align: 'right' },
    { header: words.col.mean, width: 1, align: 'right' },
    { header: words.col.score, width: 1, align: 'right' },
    { header: words.col.top2, width: 1.2, align: 'right' },
    ...(previousItems
      ? [
          { header: words.col.previous, width: 1, align: 'right' as const },
          { header: words.col.change, width: 1, align: 'right' as const },
        ]
      : []),
  ];
  return [
    ctx.h2(ctx.text(d.name)),
    ctx.intro(text),
    ...ctx.table(words.itemsCaption(ctx.text(d.name)), columns, rows),
    ...ctx.figure(`likert:${id}`),
  ];
}

function trends(ctx: ReportContext): Block[] {
  const { words, fmt, result } = ctx;
  const waves = result.trends.waves;
  if (waves.length < 2) return [];
  const name = (id: string) => waves.find((w) => w.id === id)?.name ?? id;
  const measure = (m: string) =>
    m === 'index'
      ? words.measure.index
      : ctx.text(result.dimensions.find((d) => d.id === m)?.name) || m;
  const changes = result.trends.changes.filter((c) => c.significant);
  const columns: Column[] = [
    { header: words.col.wave, width: 2.4 },
    { header: words.col.n, width: 1.2, align: 'right' },
    { header: words.col.index, width: 1.3, align: 'right' },
    ...result.dimensions.map((d) => ({
      header: ctx.text(d.name),
      width: 1.3,
      align: 'right' as const,
    })),
    { header: 'NPS', width: 1.1, align: 'right' },
  ];
  const rows: Cell[][] = waves.map((w) => [
    w.name,
    fmt.count(w.n),
    { text: fmt.score(w.index), bold: true },
    ...result.dimensions.map((d) => fmt.score(w.dimensions[d.id])),
    fmt.signed(w.nps),
  ]);
  return [
    ctx.h2(words.sub.trends),
    ...(changes.length === 0
      ? [ctx.intro(words.noTrendChange)]
      : changes.map((c) =>
          ctx.intro(
            words.trendText(
              measure(c.measure),
              name(c.from),
              name(c.to),
              fmt.signed(c.difference),
              fmt.p(c.p),
            ),
          ),
        )),
    ...ctx.table(words.captions.trendTable, columns, rows),
    ...ctx.figure('trend-index'),
    ...ctx.figure('trend-nps'),
  ];
}
