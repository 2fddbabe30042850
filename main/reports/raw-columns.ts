/**
 * The columns of a raw-data export: response fields first, then one column per variable in
 * questionnaire order, multiple choice as one 0/1 column per option (`<name>_<value>`) and the
 * "other, please specify" texts as `<name>_other`. Every export format (Excel, CSV, SPSS) and the
 * variable dictionary sheet are built from this one list.
 */
import {
  hasChoices,
  textIn,
  variablesOf,
  type LocalizedText,
  type Question,
  type SurveyDefinition,
} from '../../shared/questionnaire/model';
import { createI18n } from '../../shared/i18n';
import { reportTexts, type ReportLang } from './texts';

/** A cell of the raw data: a number, a text (codes, ISO dates and times included) or missing. */
export type RawValue = number | string | null;

/** Choice questions written as their labels ('labels') or as their stored codes ('codes'). */
export type LabelMode = 'labels' | 'codes';

/** How a column's stored value is written. */
export type RawColumnType = 'number' | 'code' | 'text' | 'date' | 'datetime';

export interface ValueLabel {
  value: number | string;
  label: string;
}

/** One column of the raw data, with what a dictionary (or SPSS) needs to describe it. */
export interface RawColumn {
  name: string;
  /** Variable label in the report language. */
  label: string;
  type: RawColumnType;
  /** Labels of values: scale points and 0/1 flags (numbers), choice codes (strings). */
  valueLabels: ValueLabel[];
  measure: 'nominal' | 'ordinal' | 'scale';
  /** The question the column comes from; null for response fields (id, wave, times...). */
  question: string | null;
  /** The question type, 'response' for response fields, 'attribute' for imported attributes. */
  source: Question['type'] | 'response' | 'attribute';
  personal: boolean;
}

/** Response fields, in the order they are written; their values come from the responses table. */
export const RESPONSE_FIELDS = [
  'response_id',
  'wave',
  'channel',
  'status',
  'analysed',
  'quality_flags',
  'started_at',
  'completed_at',
  'duration_sec',
  'interviewer',
  'customer_code',
  'customer_type',
  'customer_stage',
  'customer_region',
  'customer_industry',
  'customer_size',
] as const;
export type ResponseField = (typeof RESPONSE_FIELDS)[number];

/** Where a stored answer goes: the column of a variable, or the option columns of a multiple choice. */
export type AnswerTarget =
  | { kind: 'value'; column: number; type: RawColumnType }
  | { kind: 'options'; first: number; values: string[] };

/** An attribute brought by imported files (responses.attributes) and how many values it has. */
export interface CustomAttributeInfo {
  name: string;
  distinct: number;
}

/**
 * Attributes with at most this many values are categories (coded with value labels in SPSS);
 * beyond, they are written as texts.
 */
export const MAX_CODED_VALUES = 50;

export interface RawLayout {
  columns: RawColumn[];
  /** Column index of each response field (renamed `sd_<field>` when a question uses the name). */
  fieldColumn: Record<ResponseField, number>;
  /** Column index of each imported attribute, by its name; after the response fields. */
  attributeColumn: Map<string, number>;
  /** Stored variable name -> where its answer goes. Personal variables are absent unless included. */
  targets: Map<string, AnswerTarget>;
}

const FIELD_TYPES: Record<ResponseField, RawColumnType> = {
  response_id: 'text',
  wave: 'text',
  channel: 'code',
  status: 'code',
  analysed: 'number',
  quality_flags: 'text',
  started_at: 'datetime',
  completed_at: 'datetime',
  duration_sec: 'number',
  interviewer: 'text',
  customer_code: 'text',
  customer_type: 'text',
  customer_stage: 'text',
  customer_region: 'text',
  customer_industry: 'text',
  customer_size: 'text',
};

function fieldColumns(lang: ReportLang): RawColumn[] {
  const texts = reportTexts(lang);
  const t = createI18n(lang).t;
  const codes = (values: readonly string[], key: string): ValueLabel[] =>
    values.map((value) => ({ value, label: t(`${key}.${value}`) }));
  return RESPONSE_FIELDS.map((name) => ({
    name,
    label: texts.field[name],
    type: FIELD_TYPES[name],
    valueLabels:
      name === 'channel'
        ? codes(['interview', 'kiosk', 'paper', 'import'], 'register.channel')
        : name === 'status'
          ? codes(['complete', 'in_progress', 'abandoned'], 'register.status')
          : name === 'analysed'
            ? [
                { value: 0, label: texts.yesNo.no },
                { value: 1, label: texts.yesNo.yes },
              ]
            : [],
    measure: name === 'duration_sec' ? 'scale' : 'nominal',
    question: null,
    source: 'response',
    personal: false,
  }));
}

/** Column names differ even ignoring case (SPSS and most tools compare them so): later ones get _2, _3... */
function uniqueNames(columns: RawColumn[]): void {
  const seen = new Set<string>();
  for (const column of columns) {
    let name = column.name;
    for (let k = 2; seen.has(name.toLowerCase()); k++) name = `${column.name}_${k}`;
    column.name = name;
    seen.add(name.toLowerCase());
  }
}

/** Builds the layout for a definition; `includePersonal` adds the personal-data questions. */
export function rawLayout(
  definition: SurveyDefinition,
  lang: ReportLang,
  includePersonal: boolean,
  custom: CustomAttributeInfo[] = [],
): RawLayout {
  const texts = reportTexts(lang);
  const text = (value: LocalizedText | undefined) =>
    textIn(value, lang, definition.defaultLanguage);
  const questionColumns: RawColumn[] = [];
  const targets = new Map<string, AnswerTarget>();
  const fields = fieldColumns(lang);
  // Imported attributes come right after the response and customer fields, as they describe the
  // respondent too; each named as in the imported file, labelled as such.
  const attributeColumns: RawColumn[] = custom.map((a) => ({
    name: a.name,
    label: texts.attributeLabel(a.name),
    type: a.distinct <= MAX_CODED_VALUES ? 'code' : 'text',
    valueLabels: [],
    measure: 'nominal',
    question: null,
    source: 'attribute',
    personal: false,
  }));
  const at = () => fields.length + attributeColumns.length + questionColumns.length;
  const add = (column: RawColumn, variable: string) => {
    targets.set(variable, { kind: 'value', column: at(), type: column.type });
    questionColumns.push(column);
  };

  for (const { name, question } of variablesOf(definition)) {
    if (question.personal && !includePersonal) continue;
    const base = { question: question.name, source: question.type, personal: question.personal };
    const label = text(question.label);
    switch (question.type) {
      case 'likert':
      case 'matrix': {
        const points = question.pointLabels
          .map((p, k) => ({ value: k + 1, label: text(p) }))
          .filter((p) => p.label);
        const item =
          question.type === 'matrix' ? question.items.find((i) => i.name === name) : undefined;
        add(
          {
            ...base,
            name,
            label: item ? `${label} - ${text(item.label)}` : label,
            type: 'number',
            valueLabels: points,
            measure: 'ordinal',
          },
          name,
        );
        break;
      }
      case 'nps': {
        const ends = [
          { value: 0, label: text(question.lowLabel) },
          { value: 10, label: text(question.highLabel) },
        ].filter((e) => e.label);
        add({ ...base, name, label, type: 'number', valueLabels: ends, measure: 'scale' }, name);
        break;
      }
      case 'number':
        add({ ...base, name, label, type: 'number', valueLabels: [], measure: 'scale' }, name);
        break;
      case 'single':
      case 'dropdown':
      case 'range': {
        const choices = question.choices.map((c) => ({
          value: c.value,
          label: text(c.label) || c.value,
        }));
        add(
          {
            ...base,
            name,
            label,
            type: 'code',
            valueLabels: choices,
            measure: question.type === 'range' ? 'ordinal' : 'nominal',
          },
          name,
        );
        break;
      }
      case 'multiple': {
        const flags = [
          { value: 0, label: texts.selected.no },
          { value: 1, label: texts.selected.yes },
        ];
        targets.set(name, {
          kind: 'options',
          first: at(),
          values: question.choices.map((c) => c.value),
        });
        for (const choice of question.choices) {
          questionColumns.push({
            ...base,
            name: `${name}_${choice.value}`,
            label: `${label}: ${text(choice.label) || choice.value}`,
            type: 'number',
            valueLabels: flags,
            measure: 'nominal',
          });
        }
        break;
      }
      case 'date':
        add(
          {
            ...base,
            name,
            label,
            type:
              question.mode === 'date'
                ? 'date'
                : question.mode === 'datetime'
                  ? 'datetime'
                  : 'text',
            valueLabels: [],
            measure: 'scale',
          },
          name,
        );
        break;
      default:
        add({ ...base, name, label, type: 'text', valueLabels: [], measure: 'nominal' }, name);
    }
    if (hasChoices(question) && question.choices.some((c) => c.other)) {
      // Stored as `<name>_other`; a multiple choice whose option is coded "other" already has
      // that column (0/1), so the text is then written as `<name>_other_text`.
      const other = `${question.name}_other`;
      const column =
        question.type === 'multiple' && question.choices.some((c) => c.value === 'other')
          ? `${other}_text`
          : other;
      add(
        {
          ...base,
          name: column,
          label: `${label}: ${texts.other}`,
          type: 'text',
          valueLabels: [],
          measure: 'nominal',
        },
        other,
      );
    }
  }
  // Questions keep their names; an attribute named like one becomes <name>_2.
  uniqueNames([...questionColumns, ...attributeColumns]);

  // A question or an attribute may use a response field's name ("wave", "status"): the field
  // steps aside.
  const taken = new Set([...questionColumns, ...attributeColumns].map((c) => c.name.toLowerCase()));
  for (const field of fields)
    if (taken.has(field.name.toLowerCase())) field.name = `sd_${field.name}`;
  const fieldColumn = Object.fromEntries(RESPONSE_FIELDS.map((name, k) => [name, k])) as Record<
    ResponseField,
    number
  >;
  const attributeColumn = new Map(custom.map((a, k) => [a.name, fields.length + k]));
  return {
    columns: [...fields, ...attributeColumns, ...questionColumns],
    fieldColumn,
    attributeColumn,
    targets,
  };
}

const NUMERIC_CODE = /^-?\d+(\.\d+)?$/;

/**
 * How CSV and Excel write a stored value: choice codes become their labels in 'labels' mode and
 * numbers in 'codes' mode when they are numbers ("1", "2"); everything else is unchanged. Scale
 * answers and 0/1 option columns stay numbers in both modes (their labels are in the dictionary).
 */
export function valuePresenter(
  columns: RawColumn[],
  mode: LabelMode,
): (value: RawValue, column: number) => RawValue {
  const labels = columns.map((c) =>
    c.type === 'code' ? new Map(c.valueLabels.map((v) => [String(v.value), v.label])) : null,
  );
  return (value, column) => {
    const map = labels[column];
    if (!map || typeof value !== 'string') return value;
    if (mode === 'labels') return map.get(value) ?? value;
    return NUMERIC_CODE.test(value) ? Number(value) : value;
  };
}
