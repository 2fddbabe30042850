/**
 * What each column of an imported file holds: a questionnaire variable (by name, or by the
 * question's text as online tools write it), one option of a multiple choice as a 0/1 column,
 * a response field (ids, times, channel, consent), a customer attribute used for segments, or
 * any other respondent attribute. `--map column=target` overrides the recognition.
 */
import {
  allQuestions,
  hasChoices,
  variablesOf,
  type Question,
  type SurveyDefinition,
} from '../../shared/questionnaire/model';
import {
  CUSTOMER_ATTRIBUTES,
  RESPONSE_FIELDS,
  fieldNamed,
  normalizeHeader,
  type CustomerAttribute,
  type ResponseField,
} from './header-words';
import { issue, type RawIssue } from './issues';

export {
  CUSTOMER_ATTRIBUTES,
  RESPONSE_FIELDS,
  normalizeHeader,
  type CustomerAttribute,
  type ResponseField,
} from './header-words';

export type MultipleQuestion = Extract<Question, { type: 'multiple' }>;

export type ColumnRole =
  | { kind: 'answer'; variable: string; question: Question }
  /** The "other, please specify" text of a choice question: `<name>_other`. */
  | { kind: 'other'; variable: string; question: Question }
  /** One option of a multiple choice, 1 = chosen: `<name>_<code>`. */
  | { kind: 'option'; variable: string; question: MultipleQuestion; value: string }
  | { kind: 'field'; field: ResponseField }
  | { kind: 'customer'; attribute: CustomerAttribute }
  /** Anything else: kept in the response's `attributes` under the column's header. */
  | { kind: 'attribute'; key: string }
  | { kind: 'ignore' };

export interface ColumnBinding {
  /** 0-based position in the file. */
  index: number;
  header: string;
  role: ColumnRole;
}

export interface ColumnPlan {
  bindings: ColumnBinding[];
  /** The column whose value is the customer code (a `customer` column, else a customer-id variable). */
  customerColumn: number | null;
  /** A customer-id question no column answers: the customer code is stored as its answer too. */
  customerVariable: string | null;
  problems: RawIssue[];
  warnings: RawIssue[];
}

const isCustomerAttribute = (name: string): name is CustomerAttribute =>
  (CUSTOMER_ATTRIBUTES as readonly string[]).includes(name);

function fieldRole(name: ResponseField | CustomerAttribute): ColumnRole {
  return isCustomerAttribute(name)
    ? { kind: 'customer', attribute: name }
    : { kind: 'field', field: name };
}

/** The questionnaire's names, looked up by header. */
export class Catalog {
  readonly variables = new Map<string, Question>();
  readonly others = new Map<string, Question>();
  private readonly lowerNames = new Map<string, string>();
  private readonly multiples: MultipleQuestion[];
  private readonly labels = new Map<string, string | null>();

  constructor(readonly definition: SurveyDefinition) {
    for (const { name, question } of variablesOf(definition)) {
      this.variables.set(name, question);
      this.lowerNames.set(name.toLowerCase(), name);
    }
    for (const question of allQuestions(definition)) {
      if (hasChoices(question) && question.choices.some((c) => c.other)) {
        this.others.set(`${question.name}_other`, question);
        this.lowerNames.set(`${question.name}_other`.toLowerCase(), `${question.name}_other`);
      }
      const texts =
        question.type === 'matrix'
          ? question.items.map((item) => ({ name: item.name, label: item.label }))
          : question.type === 'note'
            ? []
            : [{ name: question.name, label: question.label }];
      for (const { name, label } of texts) {
        for (const text of Object.values(label)) {
          const key = normalizeHeader(text ?? '');
          if (!key) continue;
          // A text two questions share names neither of them.
          this.labels.set(key, this.labels.has(key) && this.labels.get(key) !== name ? null : name);
        }
      }
    }
    this.multiples = allQuestions(definition)
      .filter((q): q is MultipleQuestion => q.type === 'multiple')
      // The longest name first, so `a_b` + `c` wins over `a` + `b_c`.
      .sort((a, b) => b.name.length - a.name.length);
  }

  private variableRole(name: string): ColumnRole | null {
    const question = this.variables.get(name);
    if (question) return { kind: 'answer', variable: name, question };
    const other = this.others.get(name);
    if (other) return { kind: 'other', variable: name, question: other };
    return null;
  }

  private optionRole(header: string): ColumnRole | null {
    for (const question of this.multiples) {
      for (const separator of ['_', '/', '.']) {
        const prefix = `${question.name}${separator}`;
        if (!header.toLowerCase().startsWith(prefix.toLowerCase())) continue;
        const rest = header.slice(prefix.length);
        const choice =
          question.choices.find((c) => c.value === rest) ??
          question.choices.find((c) => c.value.toLowerCase() === rest.toLowerCase());
        if (choice)
          return { kind: 'option', variable: question.name, question, value: choice.value };
      }
    }
    return null;
  }

  /** What a header holds when nobody said: see the module comment for the order. */
  recognise(header: string): ColumnRole {
    const exact = this.variableRole(header);
    if (exact) return exact;
    const field = fieldNamed(header);
    if (field) return fieldRole(field);
    const named = this.lowerNames.get(header.toLowerCase());
    if (named) return this.variableRole(named)!;
    const option = this.optionRole(header);
    if (option) return option;
    // "3. Overall, how satisfied…" / "Q3、总体而言…": the question's text with its number.
    const text = normalizeHeader(
      header.replace(/^\s*(?:q|第)?\d+\s*(?:题)?\s*[.、:：)）]?\s*/i, ''),
    );
    const byLabel = this.labels.get(text);
    if (byLabel) return this.variableRole(byLabel)!;
    return { kind: 'attribute', key: header };
  }

  /** A --map target: a variable, a field word, `attribute` or `ignore`; null when unknown. */
  target(target: string, header: string): ColumnRole | null {
    const word = target.trim();
    if (['ignore', 'skip', '-'].includes(word.toLowerCase())) return { kind: 'ignore' };
    if (['attribute', 'attr'].includes(word.toLowerCase()))
      return { kind: 'attribute', key: header };
    const exact = this.variableRole(word);
    if (exact) return exact;
    const field = fieldNamed(word);
    if (field) return fieldRole(field);
    const named = this.lowerNames.get(word.toLowerCase());
    if (named) return this.variableRole(named)!;
    return this.optionRole(word);
  }
}

/** How a role is named to the user and in `columns` of the result; --map accepts the same words. */
export function fieldOf(role: ColumnRole): string {
  switch (role.kind) {
    case 'answer':
    case 'other':
      return role.variable;
    case 'option':
      return `${role.variable}_${role.value}`;
    case 'field':
      return role.field;
    case 'customer':
      return role.attribute;
    case 'attribute':
      return 'attribute';
    case 'ignore':
      return 'ignore';
  }
}

/** Two columns with the same key give the same thing; attributes and ignored columns never clash. */
function roleKey(role: ColumnRole): string | null {
  switch (role.kind) {
    case 'answer':
    case 'other':
      return `v:${role.variable}`;
    case 'option':
      return `o:${role.variable}:${role.value}`;
    case 'field':
      return `f:${role.field === 'duration_min' ? 'duration' : role.field}`;
    case 'customer':
      return `c:${role.attribute}`;
    default:
      return null;
  }
}

/** `--map "客户=customer,Q1=resp_1"`: the last `=` splits, so headers may contain `=`. */
export function parseMapOption(text: string): Record<string, string> {
  const map: Record<string, string> = {};
  for (const part of text.split(',')) {
    if (!part.trim()) continue;
    const at = part.lastIndexOf('=');
    if (at <= 0) map[part.trim()] = '';
    else map[part.slice(0, at).trim()] = part.slice(at + 1).trim();
  }
  return map;
}

function mappedHeader(headers: string[], key: string): number {
  const exact = headers.findIndex((h) => h === key.trim());
  if (exact >= 0) return exact;
  const lower = headers.findIndex((h) => h.toLowerCase() === key.trim().toLowerCase());
  if (lower >= 0) return lower;
  return headers.findIndex((h) => normalizeHeader(h) === normalizeHeader(key) && h !== '');
}

const isAnswerRole = (role: ColumnRole) =>
  role.kind === 'answer' || role.kind === 'other' || role.kind === 'option';

/**
 * Binds every column; `hasData(i)` says whether column i holds anything (a headless empty
 * column is dropped silently, a headless one with data is ignored with a warning).
 */
export function planColumns(
  headers: string[],
  catalog: Catalog,
  map: Record<string, string>,
  hasData: (index: number) => boolean,
): ColumnPlan {
  const problems: RawIssue[] = [];
  const warnings: RawIssue[] = [];
  const mapped = new Map<number, ColumnRole>();
  for (const [key, target] of Object.entries(map)) {
    const index = mappedHeader(headers, key);
    if (index < 0) {
      problems.push(issue('map_no_column', { column: key }, { column: key }));
      continue;
    }
    const role = catalog.target(target, headers[index]!);
    if (!role) {
      const fields = [...RESPONSE_FIELDS, ...CUSTOMER_ATTRIBUTES, 'attribute', 'ignore'].join(', ');
      problems.push(issue('map_unknown_target', { column: headers[index]! }, { target, fields }));
      continue;
    }
    mapped.set(index, role);
  }

  const bindings: ColumnBinding[] = [];
  const seen = new Map<string, string>();
  headers.forEach((header, index) => {
    let role = mapped.get(index);
    if (!role && header === '') {
      if (hasData(index)) warnings.push(issue('no_header', {}, { index: index + 1 }));
      role = { kind: 'ignore' };
    }
    role ??= catalog.recognise(header);
    if (role.kind === 'answer' && role.question.type === 'calculate') {
      warnings.push(issue('calculated_ignored', { column: header }, { variable: role.variable }));
      role = { kind: 'ignore' };
    }
    if (role.kind === 'ignore' && mapped.has(index)) {
      warnings.push(issue('column_ignored', { column: header }));
    }
    const key = roleKey(role);
    const first = key ? seen.get(key) : undefined;
    if (key && first !== undefined) {
      problems.push(
        issue('column_twice', { column: header }, { other: first, field: fieldOf(role) }),
      );
    } else if (key) seen.set(key, header);
    bindings.push({ index, header, role });
  });

  for (const binding of bindings) {
    const { role } = binding;
    if (
      role.kind === 'answer' &&
      role.question.type === 'multiple' &&
      [...seen.keys()].some((k) => k.startsWith(`o:${role.variable}:`))
    ) {
      problems.push(issue('mixed_layout', { column: binding.header }, { variable: role.variable }));
    }
  }
  if (!bindings.some((b) => isAnswerRole(b.role))) problems.push(issue('no_answer_columns'));

  const given = new Set(
    bindings.flatMap((b) =>
      b.role.kind === 'answer' || b.role.kind === 'option' ? [b.role.variable] : [],
    ),
  );
  const customerField = bindings.find(
    (b) => b.role.kind === 'field' && b.role.field === 'customer',
  );
  // The respondent block's "customer id" question, answered by the file's customer column.
  const customerVariable = customerField
    ? ([...catalog.variables].find(
        ([name, q]) => q.type === 'text' && !given.has(name) && fieldNamed(name) === 'customer',
      )?.[0] ?? null)
    : null;
  if (customerVariable) given.add(customerVariable);
  for (const { name, question } of variablesOf(catalog.definition)) {
    if (
      question.required &&
      question.relevant === '' &&
      question.type !== 'calculate' &&
      !given.has(name)
    ) {
      warnings.push(issue('required_column_missing', {}, { variable: name }));
    }
  }

  let customerColumn = customerField?.index ?? null;
  if (customerColumn === null) {
    // A questionnaire that asks for the customer id (the respondent block) names the customer itself.
    const asked = bindings.find(
      (b) => b.role.kind === 'answer' && fieldNamed(b.role.variable) === 'customer',
    );
    if (asked && asked.role.kind === 'answer') {
      customerColumn = asked.index;
      warnings.push(
        issue('customer_from_answer', { column: asked.header }, { variable: asked.role.variable }),
      );
    }
  }
  return { bindings, customerColumn, customerVariable, problems, warnings };
}
