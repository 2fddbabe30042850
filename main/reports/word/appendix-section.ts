/**
 * 9 Appendix: the questionnaire as fielded (every question with its type and options, page by
 * page) and the statistics of every scored item, both conversions and the answer distribution.
 */
import type { Paragraph, Table } from 'docx';
import { hasChoices, type Question } from '../../../shared/questionnaire/model';
import type { ReportContext } from './context';
import { COLOUR, note } from './style';
import type { Cell, Column } from './tables';

type Block = Paragraph | Table;

/** The answer options of a question, one line ("—" when it has none to print). */
function options(ctx: ReportContext, question: Question): string {
  const { words } = ctx;
  const sep = ctx.lang === 'en' ? '; ' : '；';
  if (question.type === 'likert' || question.type === 'matrix') {
    return Array.from({ length: question.points }, (_, k) =>
      `${k + 1} ${ctx.text(question.pointLabels[k])}`.trim(),
    ).join(sep);
  }
  if (question.type === 'nps') {
    return words.npsScale(ctx.text(question.lowLabel) || '0', ctx.text(question.highLabel) || '10');
  }
  if (hasChoices(question)) return question.choices.map((c) => ctx.text(c.label)).join(sep);
  return words.none;
}

/** The question's text; multiple choice says so unless its text already does. */
function questionText(ctx: ReportContext, question: Question): string {
  const text = ctx.text(question.label);
  const card = ctx.pen.words;
  if (question.type !== 'multiple' || card.alreadySaysChooseAll.test(text)) return text;
  return text + ctx.words.paren(card.chooseAll);
}

function questionnaire(ctx: ReportContext): Block[] {
  const { words } = ctx;
  const rows: Cell[][] = [];
  let number = 0;
  for (const page of ctx.definition.pages) {
    const title = ctx.text(page.title);
    if (title) rows.push([{ text: title, bold: true, color: COLOUR.navy, columnSpan: 4 }]);
    for (const question of page.questions) {
      if (question.type === 'note' || question.type === 'calculate') continue;
      number++;
      const items =
        question.type === 'matrix' ? question.items.map((i) => `· ${ctx.text(i.label)}`) : [];
      const text = questionText(ctx, question);
      rows.push([
        `Q${number}`,
        items.length ? { text, lines: [text, ...items] } : text,
        words.questionTypes[question.type] ?? question.type,
        options(ctx, question),
      ]);
    }
  }
  const columns: Column[] = [
    { header: '', width: 0.6 },
    { header: words.col.item, width: 4.6 },
    { header: words.col.kind, width: 1.3 },
    { header: words.col.options, width: 5.1 },
  ];
  return [
    ctx.h2(words.sub.appendixQuestionnaire),
    ...ctx.table(ctx.text(ctx.definition.title), columns, rows, { size: 16, band: false }),
  ];
}

function itemTable(ctx: ReportContext): Block[] {
  const { words, fmt, result } = ctx;
  const points = Math.max(...result.items.map((i) => i.points), 5);
  const columns: Column[] = [
    { header: words.col.item, width: 3.9 },
    { header: words.col.n, width: 1, align: 'right' },
    { header: words.col.mean, width: 0.85, align: 'right' },
    { header: words.col.sd, width: 0.9, align: 'right' },
    { header: words.col.score, width: 0.85, align: 'right' },
    { header: words.col.scoreOther, width: 1.05, align: 'right' },
    { header: words.col.top2, width: 1, align: 'right' },
    ...Array.from({ length: points }, (_, k) => ({
      header: String(k + 1),
      width: 0.72,
      align: 'right' as const,
    })),
  ];
  const percent = (share: number | undefined) =>
    share === undefined ? words.none : `${Math.round(share * 100)}%`;
  const rows: Cell[][] = result.items.map((item) => {
    const s = item.score.ok ? item.score : null;
    return [
      ctx.text(item.label),
      fmt.count(s?.n),
      fmt.mean(s?.mean),
      fmt.mean(s?.sd),
      { text: fmt.score(s?.score100), bold: true },
      fmt.score(s?.score100Other),
      fmt.share(s?.top2),
      ...Array.from({ length: points }, (_, k) =>
        percent(s ? (s.distribution.find((d) => d.value === k + 1)?.share ?? 0) : undefined),
      ),
    ];
  });
  const other = result.request.conversion === 'ratio' ? 'range' : 'ratio';
  return [
    ctx.h2(words.sub.appendixItems),
    ...ctx.table(words.captions.itemsAll, columns, rows, { size: 15 }),
    note(ctx.pen, words.itemsNote(words.conversion[other], points)),
  ];
}

export function appendix(ctx: ReportContext): Block[] {
  return [ctx.h1(ctx.words.section.appendix, true), ...questionnaire(ctx), ...itemTable(ctx)];
}
