/**
 * The opening of the report: cover, table of contents, 1 purpose and goal, 2 method (field work,
 * questionnaire, cleaning, scoring), 3 sample.
 */
import {
  AlignmentType,
  LineRuleType,
  BorderStyle,
  ImageRun,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableLayoutType,
  TableOfContents,
  TableRow,
  WidthType,
} from 'docx';
import {
  ANALYSIS_ATTRIBUTES,
  isCustomAttribute,
  type SegmentAttribute,
} from '../../../shared/analysis';
import { allQuestions, variablesOf } from '../../../shared/questionnaire/model';
import { FLAG_RULES } from '../../../shared/responses';
import { analysedWaves, type ReportContext } from './context';
import { targetStatuses, type TargetStatus } from './measures';
import { body, bullet, capitalise, COLOUR, REPORT_SIZE, REPORT_TEXT_WIDTH } from './style';
import { statusCell, type Cell } from './tables';

type Block = Paragraph | Table | TableOfContents;

/** Width and height of a PNG, from its header. */
function pngSize(png: Buffer): { width: number; height: number } {
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

export function cover(ctx: ReportContext): Block[] {
  const { pen, words, result, input } = ctx;
  const blocks: Block[] = [];
  if (input.logoPng) {
    const { width, height } = pngSize(input.logoPng);
    const h = 56;
    blocks.push(
      new Paragraph({
        children: [
          new ImageRun({
            type: 'png',
            data: input.logoPng,
            transformation: { width: Math.round((width / height) * h), height: h },
            altText: { name: 'logo', title: input.orgName ?? 'logo', description: 'logo' },
          }),
        ],
        spacing: { after: 120 },
      }),
    );
  }
  if (input.orgName) {
    blocks.push(
      new Paragraph({
        children: [pen.run(input.orgName, { size: 28, bold: true, color: COLOUR.navy })],
      }),
    );
  }
  const band = new TableCell({
    shading: { type: ShadingType.CLEAR, fill: COLOUR.navy, color: 'auto' },
    margins: { top: 500, bottom: 500, left: 400, right: 400 },
    children: [
      new Paragraph({
        children: [
          pen.run(ctx.text(result.surveyTitle), {
            size: REPORT_SIZE.cover,
            bold: true,
            color: 'FFFFFF',
          }),
        ],
        spacing: { after: 160, line: 360, lineRule: LineRuleType.AUTO },
      }),
      new Paragraph({
        children: [pen.run(words.report, { size: 32, color: 'D9E2F3' })],
        spacing: { after: 0 },
      }),
    ],
  });
  blocks.push(
    new Paragraph({
      children: [],
      spacing: { before: input.logoPng || input.orgName ? 2200 : 3000 },
    }),
    new Table({
      rows: [new TableRow({ children: [band] })],
      columnWidths: [REPORT_TEXT_WIDTH],
      width: { size: REPORT_TEXT_WIDTH, type: WidthType.DXA },
      layout: TableLayoutType.FIXED,
      borders: {
        top: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' },
        bottom: { style: BorderStyle.SINGLE, size: 48, color: '2E75B6' },
        left: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' },
        right: { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' },
      },
    }),
    new Paragraph({ children: [], spacing: { before: 900 } }),
  );
  const facts: [string, string][] = [
    [words.cover.waves, words.list(analysedWaves(result))],
    [words.cover.sample, ctx.fmt.count(result.cleaning.analysed)],
    [words.cover.version, `v${result.versionNo}`],
    [words.cover.date, result.generatedAt.slice(0, 10)],
  ];
  ctx.record({ kind: 'cover', title: ctx.text(result.surveyTitle), subtitle: words.report, facts });
  for (const [label, value] of facts) {
    blocks.push(
      new Paragraph({
        children: [
          pen.run(`${label}`, { color: COLOUR.grey, size: 22 }),
          pen.tab({ size: 22 }),
          pen.run(value, { size: 22, bold: true }),
        ],
        tabStops: [{ type: 'left', position: 2600 }],
        spacing: { after: 120 },
      }),
    );
  }
  blocks.push(
    new Paragraph({
      children: [pen.run(words.confidential, { size: REPORT_SIZE.note, color: COLOUR.grey })],
      spacing: { before: 2400 },
    }),
  );
  return blocks;
}

export function contents(ctx: ReportContext): Block[] {
  ctx.breakAfterContents();
  ctx.record({ kind: 'heading', level: 1, number: null, title: ctx.words.contents });
  return [
    new Paragraph({
      children: [
        ctx.pen.run(ctx.words.contents, { size: REPORT_SIZE.h1, bold: true, color: COLOUR.navy }),
      ],
      alignment: AlignmentType.CENTER,
      spacing: { after: 300 },
    }),
    new TableOfContents(ctx.words.contents, { hyperlink: true, headingStyleRange: '1-2' }),
  ];
}

function targetValue(ctx: ReportContext, status: TargetStatus, value: number | null): string {
  return status.unit === 'mean' ? ctx.fmt.mean(value) : ctx.fmt.score(value);
}

export function purpose(ctx: ReportContext): Block[] {
  const { words } = ctx;
  const goal = ctx.text(ctx.definition.goal) || words.noGoal;
  const blocks: Block[] = [ctx.h1(words.section.purpose), ctx.intro(goal)];
  const statuses = targetStatuses(ctx.result, ctx.definition);
  if (statuses.length === 0) return [...blocks, ctx.body(words.noTargets)];
  const rows: Cell[][] = statuses.map((s) => [
    ctx.text(s.target.label) || s.target.metric,
    targetValue(ctx, s, s.target.baseline),
    targetValue(ctx, s, s.target.target),
    targetValue(ctx, s, s.current),
    statusCell(
      s.met === null
        ? words.status.unknown
        : s.met
          ? words.status.met
          : words.status.notMet(targetValue(ctx, s, -s.gap!)),
      s.met,
    ),
  ]);
  return [
    ...blocks,
    ...ctx.table(
      words.captions.targets,
      [
        { header: words.col.metric, width: 4 },
        { header: words.col.baseline, width: 1.5, align: 'right' },
        { header: words.col.target, width: 1.5, align: 'right' },
        { header: words.col.current, width: 1.5, align: 'right' },
        { header: words.col.status, width: 2.5, align: 'center' },
      ],
      rows,
    ),
  ];
}

/** Groups of an attribute with their counts (one group when the attribute has a single value). */
function groupCounts(
  ctx: ReportContext,
  attribute: SegmentAttribute,
): { value: string; n: number }[] {
  const segment = ctx.result.segments.find((s) => s.attribute === attribute);
  if (segment) return segment.groups.map((g) => ({ value: g.value, n: g.n }));
  // An imported attribute only some respondents have: its groups are those of its segment.
  if (isCustomAttribute(attribute)) return [];
  const values = ctx.result.attributeValues[attribute];
  return values.length === 1 ? [{ value: values[0]!, n: ctx.result.cleaning.analysed }] : [];
}

/** The calendar day of an ISO time (or a date as it is). */
function day(iso: string): string {
  return iso.slice(0, 10);
}

/** The sample of each wave, when the sampling capability supplied it (see fieldwork-facts.ts). */
function sampleBlocks(ctx: ReportContext): Block[] {
  const { words, fmt } = ctx;
  const facts = ctx.input.fieldwork;
  if (!facts || facts.samples.length === 0) return [];
  const names = new Map(facts.waves.map((w) => [w.waveId, w.name]));
  return [
    ctx.intro(words.samplesIntro),
    ...ctx.table(
      words.captions.samples,
      [
        { header: words.col.wave, width: 2 },
        { header: words.col.sampleMethod, width: 3.5 },
        { header: words.col.frame, width: 1.5, align: 'right' },
        { header: words.col.drawn, width: 1.5, align: 'right' },
        { header: words.col.completed, width: 1.5, align: 'right' },
        { header: words.col.completionRate, width: 1.5, align: 'right' },
      ],
      facts.samples.map((s) => [
        names.get(s.waveId) ?? words.none,
        s.method,
        fmt.count(s.frame),
        fmt.count(s.drawn),
        fmt.count(s.completed),
        fmt.share(s.completed === null || s.drawn === 0 ? null : s.completed / s.drawn),
      ]),
    ),
  ];
}

export function method(ctx: ReportContext): Block[] {
  const { words, pen, result, fmt, definition } = ctx;
  const c = result.cleaning;
  const facts = ctx.input.fieldwork ?? null;
  const analysedChannels = groupCounts(ctx, 'channel');
  // Returned questionnaires per channel when the field-work facts are known, else the analysed ones.
  const channels = facts
    ? facts.channels.map((g) => ({ value: g.channel, n: g.responses }))
    : analysedChannels;
  const blocks: Block[] = [ctx.h1(words.section.method), ctx.h2(words.sub.design)];
  blocks.push(
    ctx.intro(
      words.fieldwork(
        words.list(analysedWaves(result)),
        fmt.count(c.total),
        words.list(channels.map((g) => ctx.attributeValue('channel', g.value))),
      ),
    ),
  );
  const period =
    facts?.period ??
    (result.request.from && result.request.to
      ? { from: result.request.from, to: result.request.to }
      : null);
  if (period) blocks.push(ctx.intro(words.period(day(period.from), day(period.to))));
  if (facts && facts.devices > 0)
    blocks.push(ctx.intro(words.people(facts.interviewers, facts.devices)));
  if (facts && facts.waves.length > 1) {
    blocks.push(
      ...ctx.table(
        words.captions.fieldwork,
        [
          { header: words.col.wave, width: 3 },
          { header: words.col.period, width: 4 },
          { header: words.col.count, width: 2, align: 'right' },
        ],
        facts.waves.map((w) => [
          w.name ?? words.none,
          `${day(w.first)} – ${day(w.last)}`,
          fmt.count(w.responses),
        ]),
      ),
    );
  }
  if (channels.length > 0) {
    const n = channels.reduce((s, g) => s + g.n, 0);
    blocks.push(
      ...ctx.table(
        facts ? words.captions.channelsReturned : words.captions.channels,
        [
          { header: words.col.channel, width: 4 },
          { header: words.col.count, width: 2, align: 'right' },
          { header: words.col.share, width: 2, align: 'right' },
        ],
        channels.map((g) => [
          capitalise(ctx.attributeValue('channel', g.value)),
          fmt.count(g.n),
          fmt.share(g.n / n),
        ]),
      ),
    );
  }
  blocks.push(...sampleBlocks(ctx));

  const questions = allQuestions(definition).filter(
    (q) => q.type !== 'note' && q.type !== 'calculate',
  );
  const scaled = variablesOf(definition).filter(
    (v) => v.question.type === 'likert' || v.question.type === 'matrix',
  );
  const open = questions.filter((q) => q.type === 'text' && q.multiline).length;
  blocks.push(
    ctx.h2(words.sub.questionnaire),
    body(
      pen,
      words.structure(
        questions.length,
        scaled.length,
        scaled.filter((v) => v.question.type === 'matrix' || v.question.dimension !== null).length,
        definition.dimensions.length,
        open,
      ),
    ),
  );
  const scale = scaled
    .map((v) => v.question)
    .find((q) => q.type === 'likert' || q.type === 'matrix');
  if (
    scale &&
    (scale.type === 'likert' || scale.type === 'matrix') &&
    scale.pointLabels.length === scale.points
  ) {
    blocks.push(
      body(
        pen,
        words.scale(
          scale.points,
          ctx.text(scale.pointLabels[0]),
          ctx.text(scale.pointLabels[scale.points - 1]),
        ),
      ),
    );
  }

  blocks.push(
    ctx.h2(words.sub.cleaning),
    ctx.intro(
      words.cleaningIntro(
        fmt.count(c.total),
        fmt.count(c.incomplete),
        fmt.count(c.excluded),
        fmt.count(c.analysed),
      ),
    ),
  );
  if (result.request.quality === 'all') blocks.push(ctx.intro(words.keptFlagged));
  const complete = Math.max(1, c.total - c.incomplete);
  const ruleRows: Cell[][] = FLAG_RULES.map((rule) => [
    words.rule[rule].name,
    words.rule[rule].meaning,
    fmt.count(c.excludedByRule[rule] ?? 0),
    fmt.share((c.excludedByRule[rule] ?? 0) / complete),
  ]);
  const total = (label: string, n: number): Cell[] => [
    { text: label, bold: true },
    '',
    { text: fmt.count(n), bold: true },
    fmt.share(n / Math.max(1, c.total)),
  ];
  blocks.push(
    ...ctx.table(
      words.captions.cleaning,
      [
        { header: words.col.rule, width: 2.2 },
        { header: words.col.ruleMeaning, width: 5.5 },
        { header: words.col.excluded, width: 1.5, align: 'right' },
        { header: words.col.share, width: 1.3, align: 'right' },
      ],
      [
        ...ruleRows,
        total(words.totals.total, c.total),
        total(words.totals.incomplete, c.incomplete),
        total(words.totals.excluded, c.excluded),
        total(words.totals.analysed, c.analysed),
      ],
    ),
    ...(Object.keys(c.excludedByRule).length > 1 ? [noteParagraph(ctx, words.severalRules)] : []),
  );

  const conversion = result.request.conversion;
  const other = conversion === 'ratio' ? 'range' : 'ratio';
  const weights = definition.dimensions
    .map((d) => `${ctx.text(d.name)} ${d.weight}`)
    .join(ctx.lang === 'en' ? ', ' : '、');
  blocks.push(
    ctx.h2(words.sub.scoring),
    bullet(pen, words.scoring.conversion(words.conversion[conversion], words.conversion[other])),
    ...(definition.dimensions.length ? [bullet(pen, words.scoring.index(weights))] : []),
    bullet(pen, words.scoring.top2),
    bullet(pen, words.scoring.high),
    ...(result.nps ? [bullet(pen, words.scoring.nps)] : []),
    bullet(pen, words.scoring.tests),
  );
  return blocks;
}

function noteParagraph(ctx: ReportContext, text: string): Paragraph {
  return new Paragraph({
    children: [ctx.pen.run(text, { size: REPORT_SIZE.note, color: COLOUR.grey })],
    spacing: { before: 60 },
  });
}

const SAMPLE_ATTRIBUTES = ANALYSIS_ATTRIBUTES.filter((a) => a !== 'channel' && a !== 'interviewer');

export function sample(ctx: ReportContext): Block[] {
  const { words, result, fmt } = ctx;
  const c = result.cleaning;
  const weighted = Math.abs(c.weightedN - c.analysed) > 0.5 ? fmt.count(c.weightedN) : null;
  const rows: Cell[][] = [];
  // Then the attributes imported files brought, compared as segments (a store, a branch...).
  const imported = result.segments.flatMap((s) =>
    isCustomAttribute(s.attribute) ? [s.attribute] : [],
  );
  for (const attribute of [...SAMPLE_ATTRIBUTES, ...imported]) {
    const groups = groupCounts(ctx, attribute);
    if (attribute === 'wave' && groups.length < 2) continue;
    const n = groups.reduce((s, g) => s + g.n, 0);
    groups.forEach((g, k) => {
      rows.push([
        k === 0
          ? { text: capitalise(ctx.attributeName(attribute)), bold: true, rowSpan: groups.length }
          : null,
        { text: capitalise(ctx.attributeValue(attribute, g.value)), keep: k < groups.length - 1 },
        fmt.count(g.n),
        fmt.share(g.n / Math.max(1, n)),
      ]);
    });
  }
  const blocks: Block[] = [
    ctx.h1(words.section.sample),
    ctx.intro(words.sampleIntro(fmt.count(c.analysed), weighted)),
  ];
  if (rows.length === 0) return blocks;
  return [
    ...blocks,
    ...ctx.table(
      words.captions.sample,
      [
        { header: words.col.attribute, width: 2.5 },
        { header: words.col.group, width: 3.5 },
        { header: words.col.n, width: 2, align: 'right' },
        { header: words.col.share, width: 2, align: 'right' },
      ],
      rows,
      { band: false },
    ),
  ];
}
