/**
 * 8 Conclusions and recommendations, written from the figures: the findings, then one
 * recommendation per dimension in priority order (most important and lowest scoring first).
 */
import { Paragraph, type Table } from 'docx';
import type { ScoreStat } from '../../../shared/analysis';
import type { ReportContext } from './context';
import {
  dimensionTarget,
  priorities,
  priorityLevel,
  quadrantOf,
  significantSegments,
  targetStatuses,
  weakestItems,
} from './measures';
import { body, bullet, capitalise, COLOUR } from './style';
import type { Cell } from './tables';

type Block = Paragraph | Table;

function findings(ctx: ReportContext): string[] {
  const { words, fmt, result } = ctx;
  const out: string[] = [];
  if (result.index.ok) {
    const waves = result.trends.waves;
    const change = result.trends.changes.filter((c) => c.measure === 'index').at(-1);
    let trend: string | null = null;
    if (ctx.previous?.index !== null && ctx.previous?.index !== undefined) {
      trend = words.findings.change(
        fmt.signed(result.index.score100 - ctx.previous.index),
        ctx.previous.label,
        false,
      );
      if (change && !ctx.input.previous)
        trend = words.findings.change(
          fmt.signed(change.difference),
          ctx.previous.label,
          change.significant,
        );
    } else if (change && waves.length >= 2) {
      const from = waves.find((w) => w.id === change.from)?.name ?? '';
      trend = words.findings.change(fmt.signed(change.difference), from, change.significant);
    }
    out.push(words.findings.index(fmt.score(result.index.score100), trend));
  }
  if (result.nps?.ok) {
    const target = targetStatuses(result, ctx.definition).find((t) => t.target.metric === 'nps');
    const gap =
      target?.gap !== null && target?.gap !== undefined
        ? words.targetGap(
            fmt.score(target.target.target),
            fmt.score(Math.abs(target.gap)),
            target.met === true,
          )
        : null;
    out.push(words.findings.nps(fmt.signed(result.nps.nps), gap));
  }
  const dims = result.dimensions
    .filter((d) => d.score.ok)
    .sort((a, b) => (b.score as ScoreStat).score100 - (a.score as ScoreStat).score100);
  if (dims.length >= 2) {
    const named = (d: (typeof dims)[number]) =>
      words.quote(ctx.text(d.name)) + words.paren(fmt.score((d.score as ScoreStat).score100));
    out.push(capitalise(words.findings.dimensions(named(dims[0]!), named(dims[dims.length - 1]!))));
  }
  const targets = targetStatuses(result, ctx.definition).filter((t) => t.met !== null);
  if (targets.length > 0)
    out.push(words.findings.targets(targets.filter((t) => t.met).length, targets.length));
  for (const segment of significantSegments(result).slice(0, 3)) {
    const groups = segment.groups
      .filter((g) => g.score100 !== null)
      .sort((a, b) => b.score100! - a.score100!);
    const named = (g: (typeof groups)[number]) =>
      ctx.attributeValue(segment.attribute, g.value) + words.paren(fmt.score(g.score100));
    out.push(
      words.findings.segment(
        ctx.attributeName(segment.attribute),
        named(groups[0]!),
        named(groups[groups.length - 1]!),
      ),
    );
  }
  const problems = result.texts.flatMap((t) =>
    t.themes.filter((theme) => theme.dimension !== null && theme.count > 0),
  );
  const top = problems.sort((a, b) => b.share - a.share)[0];
  if (top) out.push(words.findings.theme(ctx.text(top.label), fmt.share(top.share)));
  return out;
}

export function conclusions(ctx: ReportContext): Block[] {
  const { words, pen, fmt, result } = ctx;
  const blocks: Block[] = [ctx.h1(words.section.conclusions, true), ctx.h2(words.sub.findings)];
  findings(ctx).forEach((f, k) => blocks.push(bullet(pen, f, `${k + 1}.`)));
  const list = priorities(result, 'dimension');
  if (list.length === 0) return blocks;
  blocks.push(ctx.h2(words.sub.actions));
  const best = Math.max(...list.map((p) => p.performance));
  // Next wave's goal: the dimension's own target if not yet met, else the best dimension's level.
  const goalOf = (p: (typeof list)[number]) => {
    const target = dimensionTarget(result, p.id);
    return target !== null && target > p.performance
      ? target
      : Math.min(100, Math.max(p.performance + 2, best));
  };
  const plan: Cell[][] = [];
  list.forEach((p, k) => {
    const level = priorityLevel(result, p);
    const name = ctx.text(p.label);
    const quadrant = quadrantOf(result, 'dimension', p.id);
    blocks.push(
      new Paragraph({
        keepNext: true,
        spacing: { before: 160, after: 60 },
        children: [
          pen.run(`${k + 1}. `, { bold: true, color: COLOUR.navy }),
          pen.run(`[${words.priority[level]}] `, {
            bold: true,
            color: level === 'urgent' ? COLOUR.bad : COLOUR.blue,
          }),
          pen.run(name, { bold: true, color: COLOUR.navy }),
        ],
      }),
    );
    if (level === 'normal') {
      blocks.push(ctx.body(words.keep(name, fmt.score(p.performance))));
      return;
    }
    plan.push([
      String(plan.length + 1),
      name,
      level === 'urgent'
        ? { text: words.priority[level], bold: true, color: COLOUR.bad }
        : words.priority[level],
      fmt.score(p.performance),
      { text: fmt.score(goalOf(p)), bold: true },
      '',
      '',
    ]);
    const weak = weakestItems(result, p.id).slice(0, 2);
    const items = words.list(
      weak.map(
        (i) =>
          words.quote(ctx.text(i.label)) + words.paren(fmt.score((i.score as ScoreStat).score100)),
      ),
    );
    const theme = result.texts
      .flatMap((t) => t.themes)
      .filter((t) => t.dimension === p.id && t.count > 0)
      .sort((a, b) => b.count - a.count)[0];
    const goal = goalOf(p);
    blocks.push(
      body(
        pen,
        words.action(
          name,
          fmt.score(p.performance),
          fmt.r(p.importance),
          quadrant ? words.quadrant[quadrant] : words.none,
          items || words.none,
          theme ? ctx.text(theme.label) : null,
          fmt.score(goal),
        ),
      ),
    );
  });
  if (plan.length > 0) {
    blocks.push(
      ...ctx.table(
        words.captions.plan,
        [
          { header: words.col.rank, width: 0.8, align: 'center' },
          { header: words.col.action, width: 3.4 },
          { header: words.col.priority, width: 1.2, align: 'center' },
          { header: words.col.current, width: 1.2, align: 'right' },
          { header: words.col.goal, width: 1.3, align: 'right' },
          { header: words.col.owner, width: 2 },
          { header: words.col.deadline, width: 1.6 },
        ],
        plan,
        { rowHeight: 440 },
      ),
    );
  }
  blocks.push(body(pen, words.followUp, { color: COLOUR.grey }));
  return blocks;
}
