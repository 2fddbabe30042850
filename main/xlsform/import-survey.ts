/**
 * The survey sheet walked top to bottom into pages. Top-level groups are pages; questions
 * outside any group go into a default page; a group marked sd_type=matrix is a matrix question;
 * deeper groups are merged into their page. Repeats and types SurveyDesk cannot represent are
 * skipped with a warning naming their rows; structural mistakes are errors with their row.
 */
import {
  VARIABLE_NAME,
  type MatrixItem,
  type Page,
  type Question,
} from '../../shared/questionnaire/model';
import { SHEET, parseFlag } from './columns';
import { bothConditions } from './expressions';
import {
  baseFields,
  buildQuestion,
  expressionCell,
  likertPoints,
  listChoices,
  scaleLabels,
  type QuestionContext,
} from './import-question';
import { parseRowType, type RowType } from './question-types';
import { rowsOf, type RowReader, type SheetTable } from './sheets';

type Frame =
  | { kind: 'page'; row: number; cell: string; page: Page }
  | { kind: 'group'; row: number; cell: string; relevant: string }
  | { kind: 'matrix'; row: number; cell: string; reader: RowReader; items: RowReader[] }
  | { kind: 'repeat'; row: number; cell: string; name: string };

export interface SurveyContent {
  pages: Page[];
  /** Every variable name the form defines (questions, matrix items, `_other` texts). */
  variables: Set<string>;
  /** The row each question, matrix item and page came from, for schema errors. */
  rows: WeakMap<object, number>;
}

export function readSurvey(table: SheetTable, ctx: QuestionContext): SurveyContent {
  const { log } = ctx;
  const pages: Page[] = [];
  const rows = new WeakMap<object, number>();
  const names = new Map<string, number>();
  const stack: Frame[] = [];
  let loosePage: Page | null = null;

  const place = (reader: RowReader, column?: string) => ({
    sheet: SHEET.survey,
    row: reader.row,
    column,
  });

  /** A valid, unused name, or false (error logged). */
  const claimName = (reader: RowReader, cell: string): boolean => {
    const name = reader.text('name');
    if (!name) {
      log.error('missing_name', place(reader, 'name'), { type: cell });
      return false;
    }
    if (!VARIABLE_NAME.test(name)) {
      log.error('invalid_name', place(reader, 'name'), { name });
      return false;
    }
    const firstRow = names.get(name);
    if (firstRow !== undefined) {
      log.error('duplicate_name', place(reader, 'name'), { name, firstRow });
      return false;
    }
    names.set(name, reader.row);
    return true;
  };

  const currentPage = (): Page => {
    const open = stack.find(
      (frame): frame is Extract<Frame, { kind: 'page' }> => frame.kind === 'page',
    );
    if (open) return open.page;
    if (!loosePage) {
      loosePage = { id: '', title: {}, relevant: '', questions: [] };
      pages.push(loosePage);
    }
    return loosePage;
  };

  /** The conditions of the merged groups around the current row, innermost last. */
  const groupConditions = (): string =>
    stack.reduce(
      (all, frame) => (frame.kind === 'group' ? bothConditions(all, frame.relevant) : all),
      '',
    );

  const addQuestion = (question: Question, reader: RowReader): void => {
    question.relevant = bothConditions(groupConditions(), question.relevant);
    rows.set(question, reader.row);
    currentPage().questions.push(question);
  };

  const closeMatrix = (frame: Extract<Frame, { kind: 'matrix' }>): void => {
    const question = matrixQuestion(frame.reader, frame.items, ctx, rows);
    if (question) addQuestion(question, frame.reader);
  };

  const beginGroup = (reader: RowReader, type: RowType): void => {
    const named = claimName(reader, type.cell);
    const inMatrix = stack.some((frame) => frame.kind === 'matrix');
    if (reader.text('sd_type') === 'matrix' && !inMatrix) {
      // Its relevant and other fields are read with the items when the group closes.
      stack.push({ kind: 'matrix', row: reader.row, cell: type.cell, reader, items: [] });
      return;
    }
    const relevant = expressionCell(reader, 'relevant', ctx);
    if (!stack.some((frame) => frame.kind === 'page') && !inMatrix) {
      const page: Page = {
        id: reader.text('sd_id') || reader.text('name'),
        title: reader.localized('label'),
        relevant,
        questions: [],
      };
      rows.set(page, reader.row);
      pages.push(page);
      loosePage = null;
      stack.push({ kind: 'page', row: reader.row, cell: type.cell, page });
    } else {
      if (named)
        log.warn('nested_group_flattened', place(reader, 'type'), { name: reader.text('name') });
      stack.push({ kind: 'group', row: reader.row, cell: type.cell, relevant });
    }
  };

  const end = (reader: RowReader, type: RowType): void => {
    const wanted = type.kind === 'end_repeat' ? 'repeat' : 'group';
    const top = stack[stack.length - 1];
    if (!top) {
      log.error('unbalanced_group', place(reader, 'type'), {
        problem: 'unopened',
        type: type.cell,
        kind: wanted,
      });
      return;
    }
    if ((top.kind === 'repeat') !== (wanted === 'repeat')) {
      log.error('unbalanced_group', place(reader, 'type'), {
        problem: 'mismatched',
        type: type.cell,
        open: top.cell,
        openRow: top.row,
      });
      return;
    }
    stack.pop();
    if (top.kind === 'matrix') closeMatrix(top);
    if (top.kind === 'repeat' && !stack.some((frame) => frame.kind === 'repeat')) {
      const at = { sheet: SHEET.survey, row: top.row, column: 'type' };
      log.warn('repeat_skipped', at, { row: top.row, endRow: reader.row, name: top.name });
    }
  };

  for (const reader of rowsOf(table)) {
    const cell = reader.text('type');
    if (!cell) {
      if (reader.text('name') || Object.keys(reader.localized('label')).length > 0) {
        log.error('missing_type', place(reader, 'type'));
      }
      continue;
    }
    const type = parseRowType(cell);
    const inRepeat = stack.some((frame) => frame.kind === 'repeat');
    if (type.kind === 'end_group' || type.kind === 'end_repeat') {
      end(reader, type);
      continue;
    }
    if (type.kind === 'begin_repeat') {
      stack.push({ kind: 'repeat', row: reader.row, cell: type.cell, name: reader.text('name') });
      continue;
    }
    if (inRepeat && type.kind === 'begin_group') {
      // Kept on the stack only so the repeat's end is found; nothing inside is read.
      stack.push({ kind: 'group', row: reader.row, cell: type.cell, relevant: '' });
      continue;
    }
    if (inRepeat) continue;
    switch (type.kind) {
      case 'unknown':
        log.error('unknown_type', place(reader, 'type'), { type: cell });
        continue;
      case 'unsupported':
        log.warn('unsupported_type', place(reader, 'type'), { type: cell });
        continue;
      case 'metadata':
        log.warn('metadata_skipped', place(reader, 'type'), { type: cell });
        continue;
      case 'begin_group':
        beginGroup(reader, type);
        continue;
      default:
        break;
    }
    // The "please specify" text export adds after a choice marked other: the model rebuilds it.
    if (reader.text('sd_type') === 'other_text') continue;
    if (!claimName(reader, cell)) continue;
    const matrix = stack.find(
      (frame): frame is Extract<Frame, { kind: 'matrix' }> => frame.kind === 'matrix',
    );
    if (matrix) {
      if (type.kind === 'select' && !type.multiple) matrix.items.push(reader);
      else log.warn('matrix_row_skipped', place(reader, 'type'), { type: cell });
      continue;
    }
    const question = buildQuestion(reader, type, ctx);
    if (question) addQuestion(question, reader);
  }

  for (const frame of stack) {
    const kind = frame.kind === 'repeat' ? 'repeat' : 'group';
    log.error(
      'unbalanced_group',
      { sheet: SHEET.survey, row: frame.row, column: 'type' },
      { problem: 'unclosed', type: frame.cell, kind },
    );
  }
  if (pages.length === 0) pages.push({ id: '', title: {}, relevant: '', questions: [] });
  nameLoosePages(pages);
  return { pages, variables: variablesOf(pages), rows };
}

/** A matrix from its group row and item rows; the items share the first item's scale list. */
function matrixQuestion(
  group: RowReader,
  items: RowReader[],
  ctx: QuestionContext,
  rows: WeakMap<object, number>,
): Question | null {
  const first = items[0];
  const scale = first ? parseRowType(first.text('type')) : null;
  const choices = first && scale?.kind === 'select' ? listChoices(first, scale.list, ctx) : [];
  if (!choices) return null;
  const points = likertPoints(group, choices.length, ctx);
  if (points === null) return null;
  const base = baseFields(group, ctx);
  const itemBase = first ? baseFields(first, ctx) : null;
  return {
    ...base,
    required: itemBase?.required ?? false,
    constraint: itemBase?.constraint ?? '',
    constraintMessage: itemBase?.constraintMessage ?? {},
    type: 'matrix',
    points,
    pointLabels: scaleLabels(choices),
    items: items.map((reader) => {
      const item: MatrixItem = {
        id: reader.text('sd_id') || reader.text('name'),
        name: reader.text('name'),
        label: reader.localized('label'),
        reverse: parseFlag(reader.text('reverse')) === true,
        dimension: reader.text('dimension') || null,
      };
      rows.set(item, reader.row);
      return item;
    }),
  };
}

/** Pages made for questions outside any group get ids no group uses: page_1, page_2... */
function nameLoosePages(pages: Page[]): void {
  const taken = new Set(pages.map((page) => page.id));
  let n = 0;
  for (const page of pages) {
    if (page.id) continue;
    do n++;
    while (taken.has(`page_${n}`));
    page.id = `page_${n}`;
    taken.add(page.id);
  }
}

function variablesOf(pages: Page[]): Set<string> {
  const names = new Set<string>();
  for (const question of pages.flatMap((page) => page.questions)) {
    names.add(question.name);
    if (question.type === 'matrix') for (const item of question.items) names.add(item.name);
    if ('choices' in question && question.choices.some((c) => c.other))
      names.add(`${question.name}_other`);
  }
  return names;
}
