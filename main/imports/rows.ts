/**
 * Every data row of an imported file checked against the questionnaire and turned into the
 * response it will become, or into problems naming the row and column. Pure: the table and the
 * column plan in, responses and issues out; the database is consulted elsewhere.
 */
import { allQuestions, type Question } from '../../shared/questionnaire/model';
import {
  checkAnswer,
  visiblePages,
  type AnswerProblem,
  type Answers,
} from '../../shared/questionnaire/runtime';
import type { Channel } from '../../shared/responses';
import { readAnswer, readOptionFlag } from './cells';
import type {
  ColumnBinding,
  ColumnPlan,
  CustomerAttribute,
  Catalog,
  ResponseField,
} from './columns';
import { parseChannel, parseConsent, parseDuration, parseInstant, responseTimes } from './fields';
import { issue, type RawIssue } from './issues';
import type { Table, TableRow } from './read-table';

/** A row that fits, ready to be stored. */
export interface PlannedResponse {
  row: number;
  /** The id the source tool gave the response (an `id` column), kept to refuse a second import. */
  sourceId: string | null;
  customerCode: string | null;
  customerName: string | null;
  customer: Partial<Record<CustomerAttribute, string>>;
  startedAt: string;
  /** Null when the file gives no way to know it (one time and no duration). */
  completedAt: string | null;
  channel: Channel;
  interviewer: string | null;
  /** True when a consent column says yes; otherwise consent was collected by the source tool. */
  consented: boolean;
  answers: Answers;
  attributes: Record<string, string>;
}

export interface RowsResult {
  responses: PlannedResponse[];
  problems: RawIssue[];
  warnings: RawIssue[];
}

/** Problems of checkAnswer that only make a response incomplete: warnings, not refusals. */
const INCOMPLETE: AnswerProblem['code'][] = ['required', 'other_missing'];

/** Rows named in an aggregated warning: the first ten, then "…". */
class RowTally {
  private readonly rows = new Map<string, number[]>();
  add(variable: string, row: number): void {
    const list = this.rows.get(variable) ?? [];
    list.push(row);
    this.rows.set(variable, list);
  }
  issues(code: 'required_missing' | 'other_missing'): RawIssue[] {
    return [...this.rows].map(([variable, rows]) =>
      issue(
        code,
        {},
        {
          variable,
          count: rows.length,
          rows: rows.slice(0, 10).join(', ') + (rows.length > 10 ? ', …' : ''),
        },
      ),
    );
  }
}

function field(plan: ColumnPlan, ...fields: ResponseField[]): ColumnBinding | undefined {
  return plan.bindings.find((b) => b.role.kind === 'field' && fields.includes(b.role.field));
}

export function readRows(
  table: Table,
  plan: ColumnPlan,
  catalog: Catalog,
  importedAt: Date,
): RowsResult {
  const problems: RawIssue[] = [];
  const warnings: RawIssue[] = [];
  const required = new RowTally();
  const otherMissing = new RowTally();
  const responses: PlannedResponse[] = [];
  let attributesWithoutCustomer = 0;

  const start = field(plan, 'start');
  const end = field(plan, 'end');
  const duration = field(plan, 'duration', 'duration_min');
  if (!start && !end) warnings.push(issue('no_times'));
  else if (!duration && !(start && end)) warnings.push(issue('no_duration'));

  /** The column a variable is read from, to name it in problems that checkAnswer finds. */
  const columnOf = new Map<string, string>();
  for (const b of plan.bindings) {
    if ((b.role.kind === 'answer' || b.role.kind === 'option') && !columnOf.has(b.role.variable)) {
      columnOf.set(b.role.variable, b.role.kind === 'option' ? `${b.role.variable}_*` : b.header);
    }
  }
  const optionLayout = new Set(
    plan.bindings.flatMap((b) => (b.role.kind === 'option' ? [b.role.variable] : [])),
  );
  if (plan.customerVariable) {
    const customer = plan.bindings.find((b) => b.index === plan.customerColumn);
    if (customer) columnOf.set(plan.customerVariable, customer.header);
  }
  const columned = new Set(columnOf.keys());
  const position = new Map<string, number>();
  for (const b of plan.bindings) if (!position.has(b.header)) position.set(b.header, b.index);
  for (const [variable, column] of columnOf) {
    if (!position.has(column))
      position.set(
        column,
        plan.bindings.find((b) => b.role.kind === 'option' && b.role.variable === variable)
          ?.index ?? -1,
      );
  }
  const seenIds = new Map<string, number>();

  for (const source of table.rows) {
    if (source.cells.every((c) => c.trim() === '')) continue;
    const rowProblems: RawIssue[] = [];
    const at = (b: ColumnBinding) => source.cells[b.index]?.trim() ?? '';
    const problem = (
      b: ColumnBinding,
      code: RawIssue['code'],
      params: Record<string, string | number> = {},
    ) => rowProblems.push(issue(code, { row: source.row, column: b.header, value: at(b) }, params));

    const extra = source.cells.slice(table.headers.length).filter((c) => c.trim() !== '');
    if (extra.length) {
      rowProblems.push(
        issue(
          'too_many_cells',
          { row: source.row },
          {
            cells: source.cells.length,
            columns: table.headers.length,
          },
        ),
      );
    }

    const planned = readOne(source, plan, catalog, optionLayout, problem, at);
    const { answers } = planned;
    if (Object.keys(answers).length === 0)
      rowProblems.push(issue('no_answers', { row: source.row }));
    if (plan.customerVariable && planned.customerCode)
      answers[plan.customerVariable] = planned.customerCode;

    // Times: start and end, or either with a duration; alone, a time is the start.
    const startAt = start && at(start) ? parseInstant(at(start)) : undefined;
    const endAt = end && at(end) ? parseInstant(at(end)) : undefined;
    const seconds =
      duration && at(duration)
        ? parseDuration(
            at(duration),
            duration.role.kind === 'field' && duration.role.field === 'duration_min'
              ? 'minutes'
              : 'seconds',
          )
        : undefined;
    if (startAt === null) problem(start!, 'bad_time');
    if (endAt === null) problem(end!, 'bad_time');
    if (seconds === null) problem(duration!, 'bad_duration');
    const { startedAt, completedAt } = responseTimes(
      startAt ?? null,
      endAt ?? null,
      seconds ?? null,
    );
    if (startedAt && completedAt && completedAt < startedAt)
      problem(end ?? duration!, 'end_before_start');

    for (const question of allQuestions(catalog.definition)) {
      const names =
        question.type === 'matrix' ? question.items.map((i) => i.name) : [question.name];
      if (!names.some((n) => answers[n] !== undefined)) continue;
      for (const p of checkAnswer(question, answers)) {
        if (
          INCOMPLETE.includes(p.code) ||
          (question.type === 'matrix' && p.code === 'out_of_scale')
        )
          continue;
        const column = columnOf.get(question.name) ?? question.name;
        const value = answers[question.name];
        rowProblems.push(
          issue(
            p.code as Exclude<AnswerProblem['code'], 'required'>,
            {
              row: source.row,
              column,
              value: Array.isArray(value) ? value.join(';') : String(value ?? ''),
            },
            paramsOf(p, catalog),
          ),
        );
      }
    }
    // A row with problems is refused: "unanswered" would only repeat them.
    for (const page of rowProblems.length ? [] : visiblePages(catalog.definition, answers)) {
      for (const question of page.questions) {
        for (const p of checkAnswer(question, answers)) {
          if (
            p.code === 'required' &&
            columned.has(
              question.type === 'matrix' ? (question.items[0]?.name ?? '') : question.name,
            )
          )
            required.add(question.name, source.row);
          if (p.code === 'other_missing') otherMissing.add(question.name, source.row);
        }
      }
    }

    if (planned.sourceId) {
      const first = seenIds.get(planned.sourceId);
      const idColumn = field(plan, 'id')!;
      if (first !== undefined) problem(idColumn, 'duplicate_id', { first });
      else seenIds.set(planned.sourceId, source.row);
    }
    if (!planned.customerCode && Object.keys(planned.customer).length > 0) {
      attributesWithoutCustomer++;
      for (const [key, value] of Object.entries(planned.customer))
        planned.attributes[key] ??= value;
      planned.customer = {};
    }

    // In the order of the file's columns, as the user reads the row.
    rowProblems.sort(
      (a, b) => (position.get(a.column ?? '') ?? -1) - (position.get(b.column ?? '') ?? -1),
    );
    problems.push(...rowProblems);
    if (rowProblems.length === 0) {
      responses.push({
        ...planned,
        startedAt: (startedAt ?? importedAt).toISOString(),
        completedAt: completedAt?.toISOString() ?? null,
      });
    }
  }

  if (responses.length === 0 && problems.length === 0) problems.push(issue('no_rows'));
  if (attributesWithoutCustomer)
    warnings.push(issue('attributes_without_customer', {}, { count: attributesWithoutCustomer }));
  if (!field(plan, 'id')) warnings.push(issue('no_id_column'));
  warnings.push(...required.issues('required_missing'), ...otherMissing.issues('other_missing'));
  return { responses, problems, warnings };
}

function paramsOf(p: AnswerProblem, catalog: Catalog): Record<string, string | number> {
  if (p.code === 'constraint') {
    const lang = catalog.definition.defaultLanguage;
    return { message: p.message[lang] ?? Object.values(p.message)[0] ?? '' };
  }
  return Object.fromEntries(Object.entries(p).filter(([key]) => key !== 'code'));
}

type Problem = (
  b: ColumnBinding,
  code: RawIssue['code'],
  params?: Record<string, string | number>,
) => void;

/** The cells of one row by role; times are read by the caller. */
function readOne(
  source: TableRow,
  plan: ColumnPlan,
  catalog: Catalog,
  optionLayout: Set<string>,
  problem: Problem,
  at: (b: ColumnBinding) => string,
): Omit<PlannedResponse, 'startedAt' | 'completedAt'> {
  const out: Omit<PlannedResponse, 'startedAt' | 'completedAt'> = {
    row: source.row,
    sourceId: null,
    customerCode: null,
    customerName: null,
    customer: {},
    channel: 'import',
    interviewer: null,
    consented: false,
    answers: {},
    attributes: {},
  };
  const chosen = new Map<string, Set<string>>();
  const choose = (variable: string, value: string) => {
    const set = chosen.get(variable) ?? new Set<string>();
    set.add(value);
    chosen.set(variable, set);
  };
  for (const b of plan.bindings) {
    const text = at(b);
    if (b.index === plan.customerColumn && text) out.customerCode = text;
    if (!text) continue;
    const { role } = b;
    switch (role.kind) {
      case 'answer': {
        const reading = readAnswer(role.question, text);
        if (reading.ok) out.answers[role.variable] = reading.value;
        else problem(b, reading.code, reading.params);
        break;
      }
      case 'other': {
        const question: Question = role.question;
        const otherChoice =
          'choices' in question ? question.choices.find((c) => c.other) : undefined;
        // In the one-column-per-option layout `<name>_other` may be the "other" option's 0/1 column.
        const flag = optionLayout.has(question.name) ? readOptionFlag(text) : null;
        if (flag !== null && /^[01]$/.test(text) && otherChoice) {
          if (flag) choose(question.name, otherChoice.value);
        } else {
          out.answers[role.variable] = text;
          if (optionLayout.has(question.name) && otherChoice)
            choose(question.name, otherChoice.value);
        }
        break;
      }
      case 'option': {
        const flag = readOptionFlag(text);
        if (flag === null) problem(b, 'not_a_flag');
        else if (flag) choose(role.variable, role.value);
        else chosen.set(role.variable, chosen.get(role.variable) ?? new Set());
        break;
      }
      case 'field':
        readField(role.field, text, out, b, problem);
        break;
      case 'customer':
        out.customer[role.attribute] = text;
        break;
      case 'attribute':
        out.attributes[role.key] = text;
        break;
      case 'ignore':
        break;
    }
  }
  for (const [variable, values] of chosen) {
    const question = catalog.variables.get(variable);
    if (!question || question.type !== 'multiple' || values.size === 0) continue;
    // In questionnaire order, as the entry screens store a selection.
    out.answers[variable] = question.choices.map((c) => c.value).filter((v) => values.has(v));
  }
  return out;
}

function readField(
  name: ResponseField,
  text: string,
  out: Omit<PlannedResponse, 'startedAt' | 'completedAt'>,
  b: ColumnBinding,
  problem: Problem,
): void {
  switch (name) {
    case 'id':
      out.sourceId = text;
      break;
    case 'customer':
      out.customerCode = text;
      break;
    case 'customer_name':
      out.customerName = text;
      break;
    case 'channel': {
      const channel = parseChannel(text);
      if (channel) out.channel = channel;
      else problem(b, 'unknown_channel');
      break;
    }
    case 'interviewer':
      out.interviewer = text;
      break;
    case 'consent': {
      const consent = parseConsent(text);
      if (consent === null) problem(b, 'bad_consent');
      else if (!consent) problem(b, 'consent_refused');
      else out.consented = true;
      break;
    }
    default:
      // Times are read by readRows, which needs start, end and duration together.
      break;
  }
}
