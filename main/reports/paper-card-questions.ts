/**
 * The questions of the paper card: section headings, skip instructions in words, numbered
 * question texts with their help, and the answer areas. Calculated fields are not printed.
 */
import { BorderStyle, Paragraph, TabStopType } from 'docx';
import { describeRelevance } from '../../shared/questionnaire/describe';
import { questionNumberOf } from '../../shared/questionnaire/entry-codes';
import type { Question, SurveyDefinition } from '../../shared/questionnaire/model';
import { answerArea, type Block } from './paper-card-answers';
import { fitsGrid, scaleGrid, scaleKey } from './paper-card-scales';
import { GREY, INDENT, SIZE, type Pen } from './paper-card-style';

/** Every page's questions in order, numbered as numberedQuestions numbers them. */
export function questionnaireBlocks(definition: SurveyDefinition, pen: Pen): Block[] {
  const numbers = questionNumberOf(definition);
  const blocks: Block[] = [];
  for (const page of definition.pages) {
    const shown = page.questions.filter((q) => q.type !== 'calculate');
    if (shown.length === 0) continue;
    const title = pen.text(page.title);
    const skip = describeRelevance(page.relevant, definition, pen.lang, 'page');
    if (title || skip) blocks.push(sectionHeading(title, pen));
    if (skip) blocks.push(skipInstruction(skip, pen, 0));
    blocks.push(...pageQuestions(shown, numbers, definition, pen));
  }
  return blocks;
}

/** The questions of one page; runs of Likert questions on one scale share a grid. */
function pageQuestions(
  questions: Question[],
  numbers: Map<string, number>,
  definition: SurveyDefinition,
  pen: Pen,
): Block[] {
  const blocks: Block[] = [];
  const skips = skipInstructions(questions, numbers, definition, pen);
  for (let i = 0; i < questions.length;) {
    const question = questions[i] as Question;
    const run: { number: number; question: Extract<Question, { type: 'likert' }> }[] = [];
    if (fitsGrid(question, pen)) {
      const key = scaleKey(question, pen);
      for (let j = i; j < questions.length; j++) {
        const next = questions[j] as Question;
        if (!fitsGrid(next, pen) || scaleKey(next, pen) !== key) break;
        run.push({ number: numbers.get(next.name) ?? 0, question: next });
      }
    }
    if (run.length >= 2) {
      blocks.push(
        new Paragraph({ children: [], spacing: { before: 120, after: 0 }, keepNext: true }),
      );
      blocks.push(scaleGrid(run, pen));
      i += run.length;
    } else {
      const number = numbers.get(question.name) ?? 0;
      blocks.push(...questionBlocks(question, number, skips[i] ?? null, pen));
      i += 1;
    }
  }
  return blocks;
}

/**
 * The skip instruction printed before each question. Neighbours with the same condition share
 * one, printed before the first and naming the range: "第 25–26 题：仅当…时回答".
 */
function skipInstructions(
  questions: Question[],
  numbers: Map<string, number>,
  definition: SurveyDefinition,
  pen: Pen,
): (string | null)[] {
  const out: (string | null)[] = questions.map(() => null);
  for (let i = 0; i < questions.length;) {
    const relevant = (questions[i] as Question).relevant.trim();
    let end = i + 1;
    while (end < questions.length && (questions[end] as Question).relevant.trim() === relevant)
      end++;
    const sentence = relevant ? describeRelevance(relevant, definition, pen.lang) : null;
    if (sentence) {
      const numbered = questions
        .slice(i, end)
        .map((q) => numbers.get(q.name) ?? 0)
        .filter((n) => n > 0);
      const first = numbered[0];
      const last = numbered[numbered.length - 1];
      const range = first !== undefined && last !== undefined && last > first;
      out[i] = range ? `${pen.words.questionRange(first, last)}${sentence}` : sentence;
    }
    i = end;
  }
  return out;
}

function sectionHeading(title: string, pen: Pen): Paragraph {
  return new Paragraph({
    children: [pen.run(title, { bold: true, size: SIZE.section })],
    spacing: { before: 320, after: 80 },
    border: { bottom: { style: BorderStyle.SINGLE, size: 8, color: '000000', space: 2 } },
    keepNext: true,
  });
}

function skipInstruction(text: string, pen: Pen, indent: number): Paragraph {
  return new Paragraph({
    children: [pen.run(`→ ${text}`, { italics: true, size: 20, color: '333333' })],
    indent: { left: indent },
    spacing: { before: 200, after: 0 },
    keepNext: true,
  });
}

function questionBlocks(
  question: Question,
  number: number,
  skip: string | null,
  pen: Pen,
): Block[] {
  const blocks: Block[] = [];
  const label = pen.text(question.label);
  const hint = pen.text(question.hint);
  if (skip) blocks.push(skipInstruction(skip, pen, INDENT));
  if (question.type === 'note') {
    blocks.push(
      new Paragraph({
        children: [pen.run(label)],
        spacing: { before: skip ? 40 : 200, after: 60 },
      }),
    );
  } else {
    blocks.push(
      new Paragraph({
        children: [
          pen.run(`${number}.`, { bold: true, size: SIZE.question }),
          pen.tab({ size: SIZE.question }),
          pen.marked(label, question.required, { bold: true, size: SIZE.question }),
        ],
        indent: { left: INDENT, hanging: INDENT },
        tabStops: [{ type: TabStopType.LEFT, position: INDENT }],
        spacing: { before: skip ? 40 : 200, after: 60 },
        keepNext: true,
      }),
    );
  }
  if (hint) {
    blocks.push(
      new Paragraph({
        children: [pen.run(hint, { size: SIZE.small, color: GREY })],
        indent: { left: question.type === 'note' ? 0 : INDENT },
        spacing: { after: 60 },
        keepNext: question.type !== 'note',
      }),
    );
  }
  blocks.push(...answerArea(question, pen));
  return blocks;
}
