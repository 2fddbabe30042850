/**
 * 5 Key drivers (importance x performance, the priority list), 6 significant differences between
 * customer groups (only p < 0.05, the test named, in plain words), 7 open-answer themes with
 * quotes.
 */
import type { Paragraph, Table } from 'docx';
import type { SegmentResult } from '../../../shared/analysis';
import type { ReportContext } from './context';
import { dimensionDrivers } from './figures';
import {
  customerSegments,
  priorityList,
  priorityLevel,
  quadrantOf,
  segmentP,
  SIGNIFICANCE,
  significantSegments,
} from './measures';
import { body, bullet, capitalise } from './style';
import type { Cell, Column } from './tables';

type Block = Paragraph | Table;

/** How the driver analysis names its target: the overall item's text, or the index. */
export function driverTarget(ctx: ReportContext): string {
  const target = ctx.result.drivers.target;
  const item = ctx.result.items.find((i) => i.name === target);
  return item ? ctx.text(item.label) : ctx.words.measure.index;
}

export function drivers(ctx: ReportContext): Block[] {
  const { words, fmt, result } = ctx;
  const blocks: Block[] = [ctx.h1(words.section.drivers, true), ctx.h2(words.sub.matrix)];
  const r2 = result.drivers.rSquared;
  blocks.push(
    ctx.intro(words.driversIntro(driverTarget(ctx), r2 === null ? null : fmt.share(r2))),
    ...ctx.figure('drivers'),
  );
  const dims = dimensionDrivers(result);
  if (dims.length > 0) {
    blocks.push(
      ...ctx.table(
        words.captions.drivers,
        [
          { header: words.col.dimension, width: 3.5 },
          { header: words.col.importance, width: 1.6, align: 'right' },
          { header: words.col.beta, width: 1.6, align: 'right' },
          { header: words.col.performance, width: 1.4, align: 'right' },
          { header: words.col.quadrant, width: 1.8, align: 'center' },
        ],
        [...dims]
          .sort((a, b) => b.importance! - a.importance!)
          .map((d) => [
            ctx.text(d.label),
            fmt.r(d.importance),
            fmt.r(d.beta),
            fmt.score(d.performance),
            quadrantName(ctx, d.id),
          ]),
      ),
    );
  }
  const list = priorityList(result);
  if (list.length === 0) return blocks;
  const rows: Cell[][] = list.map((p, k) => {
    const level = priorityLevel(result, p);
    return [
      String(k + 1),
      p.kind === 'dimension' ? { text: ctx.text(p.label), bold: true } : ctx.text(p.label),
      words.kind[p.kind],
      fmt.score(p.performance),
      fmt.r(p.importance),
      level === 'urgent'
        ? { text: words.priority[level], bold: true, color: 'C00000' }
        : words.priority[level],
    ];
  });
  return [
    ...blocks,
    ctx.h2(words.sub.priorities),
    ctx.intro(words.prioritiesIntro),
    ...ctx.table(
      words.captions.priorities,
      [
        { header: words.col.rank, width: 0.8, align: 'center' },
        { header: `${words.col.dimension} / ${words.col.item}`, width: 5 },
        { header: words.col.kind, width: 1.4, align: 'center' },
        { header: words.col.score, width: 1.1, align: 'right' },
        { header: words.col.importance, width: 1.5, align: 'right' },
        { header: words.col.priority, width: 1.3, align: 'center' },
      ],
      rows,
    ),
    ...ctx.figure('drivers-items'),
  ];
}

function quadrantName(ctx: ReportContext, dimension: string): string {
  const quadrant = quadrantOf(ctx.result, 'dimension', dimension);
  return quadrant ? ctx.words.quadrant[quadrant] : ctx.words.none;
}

/** The test in words: "Welch's t-test, t(2,830) = 4.37, p < 0.001, Hedges' g = 0.13". */
function testWords(ctx: ReportContext, test: SegmentResult['test']): string {
  const { words, fmt } = ctx;
  if (test.kind === 'welch')
    return words.welch(
      test.t.toFixed(2),
      test.df.toFixed(0),
      fmt.p(test.p),
      test.effect.toFixed(2),
    );
  if (test.kind === 'anova') {
    const welch =
      test.welchF !== null && test.welchP !== null
        ? words.welchAnova(test.welchF.toFixed(2), fmt.p(test.welchP))
        : '';
    return (
      words.anova(
        test.F.toFixed(2),
        String(test.df1),
        test.df2.toFixed(0),
        fmt.p(test.p),
        test.effect.toFixed(3),
      ) + welch
    );
  }
  return '';
}

export function segments(ctx: ReportContext): Block[] {
  const { words, pen, fmt, result } = ctx;
  const blocks: Block[] = [ctx.h1(words.section.segments), ctx.body(words.segmentsIntro)];
  const significant = significantSegments(result);
  if (significant.length === 0) blocks.push(ctx.body(words.noDifferences));
  for (const segment of significant) {
    const attribute = ctx.attributeName(segment.attribute);
    const groups = [...segment.groups]
      .filter((g) => g.score100 !== null)
      .sort((a, b) => b.score100! - a.score100!);
    const named = (g: (typeof groups)[number]) =>
      ctx.attributeValue(segment.attribute, g.value) + words.paren(fmt.score(g.score100));
    blocks.push(
      ctx.h2(capitalise(attribute)),
      body(
        pen,
        words.segmentFinding(
          attribute,
          testWords(ctx, segment.test),
          named(groups[0]!),
          named(groups[groups.length - 1]!),
        ),
      ),
    );
    const pairs = segment.pairwise
      .filter((p) => p.p < SIGNIFICANCE)
      .sort((a, b) => Math.abs(b.difference) - Math.abs(a.difference));
    for (const pair of pairs.slice(0, 5)) {
      const [higher, lower] = pair.difference >= 0 ? [pair.a, pair.b] : [pair.b, pair.a];
      blocks.push(
        bullet(
          pen,
          words.pairFinding(
            ctx.attributeValue(segment.attribute, higher),
            ctx.attributeValue(segment.attribute, lower),
            fmt.score(Math.abs(pair.difference)),
            fmt.p(pair.p),
          ),
        ),
      );
    }
    const dims = result.dimensions.filter((d) => (segment.dimensionP[d.id] ?? 1) < SIGNIFICANCE);
    if (dims.length > 0)
      blocks.push(
        ctx.intro(
          words.dimensionFinding(
            words.list(
              dims.map((d) => ctx.text(d.name) + words.paren(fmt.p(segment.dimensionP[d.id]))),
            ),
          ),
        ),
      );
    if (segment.smallGroups.length > 0)
      blocks.push(ctx.intro(words.smallGroups(words.list(segment.smallGroups))));
    blocks.push(...ctx.figure(`segment:${segment.attribute}`));
    const columns: Column[] = [
      { header: words.col.group, width: 2.6 },
      { header: words.col.n, width: 1.1, align: 'right' },
      { header: words.col.index, width: 1.2, align: 'right' },
      ...result.dimensions.map((d) => ({
        header: ctx.text(d.name),
        width: 1.25,
        align: 'right' as const,
      })),
    ];
    blocks.push(
      ...ctx.table(
        words.segmentCaption(attribute),
        columns,
        groups.map((g) => [
          ctx.attributeValue(segment.attribute, g.value),
          fmt.count(g.n),
          { text: fmt.score(g.score100), bold: true },
          ...result.dimensions.map((d) => fmt.score(g.dimensions[d.id])),
        ]),
      ),
    );
  }
  const others = customerSegments(result)
    .filter((s) => (segmentP(s.test) ?? 1) >= SIGNIFICANCE)
    .map((s) => ctx.attributeName(s.attribute));
  if (others.length > 0 && significant.length > 0)
    blocks.push(ctx.body(words.notDiffering(words.list(others))));
  return blocks;
}

export function themes(ctx: ReportContext): Block[] {
  const { words, pen, fmt, result } = ctx;
  const blocks: Block[] = [ctx.h1(words.section.themes)];
  for (const text of result.texts.filter((t) => t.answered > 0)) {
    const question = ctx.text(text.label);
    blocks.push(ctx.h2(question), ctx.intro(words.themesIntro(fmt.count(text.answered), question)));
    const found = text.themes.filter((t) => t.count > 0).sort((a, b) => b.count - a.count);
    if (found.length === 0) {
      blocks.push(ctx.body(words.noThemes));
      continue;
    }
    blocks.push(...ctx.figure(`themes:${text.question}`));
    const dimensionName = (id: string | null) =>
      ctx.text(result.dimensions.find((d) => d.id === id)?.name) || words.none;
    blocks.push(
      ...ctx.table(
        words.themeCaption(question),
        [
          { header: words.col.theme, width: 2.6 },
          { header: words.col.dimension, width: 2.4 },
          { header: words.col.mentions, width: 1.4, align: 'right' },
          { header: words.col.share, width: 1.2, align: 'right' },
          { header: words.col.meanSatisfaction, width: 1.6, align: 'right' },
          { header: words.col.dissatisfied, width: 1.6, align: 'right' },
        ],
        found.map((t) => [
          ctx.text(t.label),
          dimensionName(t.dimension),
          fmt.count(t.count),
          fmt.share(t.share),
          fmt.mean(t.meanScore),
          fmt.share(t.dissatisfiedShare),
        ]),
      ),
    );
    for (const theme of found.filter((t) => t.quotes.length > 0).slice(0, 5)) {
      blocks.push(
        body(pen, [
          pen.run(`${ctx.text(theme.label)}${ctx.lang === 'en' ? ' — ' : '——'}${words.examples}`, {
            bold: true,
          }),
        ]),
      );
      for (const quote of theme.quotes.slice(0, 3))
        blocks.push(bullet(pen, [pen.run(words.quote(quote), { color: '404040' })], '›'));
    }
    const top = text.words.slice(0, 15).map((w) => `${w.term}${words.paren(fmt.count(w.count))}`);
    if (top.length > 0)
      blocks.push(body(pen, words.topWords(words.list(top)), { color: '595959' }));
  }
  return blocks;
}
