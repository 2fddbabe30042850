/**
 * A questionnaire as XLSForm survey and choices rows (plain objects keyed by column header, no
 * workbook yet). The mapping table is in README-style comments on each branch; the sd_* columns
 * carry what XLSForm's types lose so import can rebuild the exact definition.
 */
import {
  type Choice,
  type LocalizedText,
  type MatrixItem,
  type Page,
  type Question,
  type SurveyDefinition,
  type SurveyLanguage,
} from '../../shared/questionnaire/model';
import { combineConstraint, type Bounds } from './constraints';
import { localizedHeader } from './languages';

export type Cell = string | number;
export type SheetRowData = Record<string, Cell>;

export interface FormRows {
  survey: SheetRowData[];
  choices: SheetRowData[];
}

const DATE_TYPES = { date: 'date', datetime: 'dateTime', time: 'time' } as const;

/** The label of the "please specify" text that follows a choice marked other. */
const SPECIFY_OTHER: LocalizedText = { 'zh-CN': '请注明', 'zh-TW': '請註明', en: 'Please specify' };

export function putText(
  row: SheetRowData,
  base: string,
  text: LocalizedText,
  languages: SurveyLanguage[],
): void {
  for (const language of languages) {
    const value = text[language];
    if (value) row[localizedHeader(base, language)] = value;
  }
}

function flag(row: SheetRowData, column: string, value: boolean): void {
  if (value) row[column] = 'yes';
}

function number(row: SheetRowData, column: string, value: number | null): void {
  if (value !== null) row[column] = value;
}

function text(row: SheetRowData, column: string, value: string): void {
  if (value) row[column] = value;
}

/** Hands out names no other list or group has taken: `likert5_q1`, then `likert5_q1_2`... */
class NameRegistry {
  private readonly taken = new Set<string>();

  constructor(reserved: Iterable<string> = []) {
    for (const name of reserved) this.taken.add(name);
  }

  claim(wanted: string): string {
    const base = (
      wanted.replace(/[^A-Za-z0-9_]/g, '_').replace(/^(?=[^A-Za-z_])/, '_') || '_'
    ).slice(0, 64);
    let name = base;
    for (let n = 2; this.taken.has(name); n++) name = `${base.slice(0, 64 - `_${n}`.length)}_${n}`;
    this.taken.add(name);
    return name;
  }
}

function variableNames(definition: SurveyDefinition): string[] {
  return definition.pages.flatMap((page) =>
    page.questions.flatMap((q) => [
      q.name,
      `${q.name}_other`,
      ...(q.type === 'matrix' ? q.items.map((item) => item.name) : []),
    ]),
  );
}

export function formRows(definition: SurveyDefinition): FormRows {
  const languages = definition.languages;
  const survey: SheetRowData[] = [];
  const choices: SheetRowData[] = [];
  const lists = new NameRegistry();
  const groups = new NameRegistry(variableNames(definition));

  const addList = (wanted: string, options: Choice[]): string => {
    const list = lists.claim(wanted);
    for (const choice of options) {
      const row: SheetRowData = { list_name: list, name: choice.value };
      putText(row, 'label', choice.label, languages);
      flag(row, 'sd_other', choice.other);
      flag(row, 'sd_exclusive', choice.exclusive);
      choices.push(row);
    }
    return list;
  };

  /** A scale's points 1..n labelled by its anchors, or by the numbers when it has none. */
  const scaleChoices = (points: number, labels: LocalizedText[], first = 1): Choice[] =>
    Array.from({ length: points }, (_, i) => {
      const value = String(first + i);
      const anchor = labels[i];
      const label =
        labels.length > 0 && anchor ? anchor : Object.fromEntries(languages.map((l) => [l, value]));
      return { value, label, other: false, exclusive: false };
    });

  const common = (q: Question, type: string, bounds: Bounds | null): SheetRowData => {
    const row: SheetRowData = { type, name: q.name };
    putText(row, 'label', q.label, languages);
    putText(row, 'hint', q.hint, languages);
    flag(row, 'required', q.required);
    text(row, 'relevant', q.relevant);
    text(row, 'constraint', bounds ? combineConstraint(bounds, q.constraint) : q.constraint);
    putText(row, 'constraint_message', q.constraintMessage, languages);
    text(row, 'dimension', q.dimension ?? '');
    if (q.weight !== 1) row.weight = q.weight;
    flag(row, 'personal', q.personal);
    if (q.id !== q.name) row.sd_id = q.id;
    return row;
  };

  const otherFollowUp = (q: Question & { choices: Choice[] }): void => {
    const others = q.choices.filter((c) => c.other);
    if (others.length === 0) return;
    const row: SheetRowData = { type: 'text', name: `${q.name}_other`, sd_type: 'other_text' };
    putText(row, 'label', SPECIFY_OTHER, languages);
    row.relevant = others.map((c) => `selected(\${${q.name}}, '${c.value}')`).join(' or ');
    survey.push(row);
  };

  const matrixItemRow = (
    q: Extract<Question, { type: 'matrix' }>,
    item: MatrixItem,
    list: string,
  ): SheetRowData => {
    const row: SheetRowData = { type: `select_one ${list}`, name: item.name };
    putText(row, 'label', item.label, languages);
    flag(row, 'required', q.required);
    text(row, 'constraint', q.constraint);
    putText(row, 'constraint_message', q.constraintMessage, languages);
    text(row, 'dimension', item.dimension ?? '');
    flag(row, 'reverse', item.reverse);
    if (item.id !== item.name) row.sd_id = item.id;
    return row;
  };

  const question = (q: Question): void => {
    switch (q.type) {
      case 'likert': {
        // likert -> select_one over 1..points, anchors as labels; sd_type keeps it a scale.
        const list = addList(`likert${q.points}_${q.name}`, scaleChoices(q.points, q.pointLabels));
        const row = common(q, `select_one ${list}`, null);
        Object.assign(row, { appearance: 'likert', sd_type: 'likert', sd_points: q.points });
        flag(row, 'reverse', q.reverse);
        survey.push(row);
        return;
      }
      case 'nps': {
        // nps -> select_one over 0..10; the end anchors live in sd_low_label / sd_high_label.
        const list = addList(`nps_${q.name}`, scaleChoices(11, [], 0));
        const row = common(q, `select_one ${list}`, null);
        Object.assign(row, { appearance: 'likert', sd_type: 'nps' });
        putText(row, 'sd_low_label', q.lowLabel, languages);
        putText(row, 'sd_high_label', q.highLabel, languages);
        survey.push(row);
        return;
      }
      case 'single':
      case 'dropdown':
      case 'range': {
        // single -> select_one; dropdown adds appearance minimal; range is an ordered select_one.
        const row = common(q, `select_one ${addList(q.name, q.choices)}`, null);
        if (q.type === 'dropdown')
          Object.assign(row, { appearance: 'minimal', sd_type: 'dropdown' });
        if (q.type === 'range') row.sd_type = 'range';
        survey.push(row);
        otherFollowUp(q);
        return;
      }
      case 'multiple': {
        // multiple -> select_multiple; min/max selections also as a count-selected() constraint.
        const bounds: Bounds = { kind: 'count', min: q.minSelections, max: q.maxSelections };
        const row = common(q, `select_multiple ${addList(q.name, q.choices)}`, bounds);
        number(row, 'min_selections', q.minSelections);
        number(row, 'max_selections', q.maxSelections);
        survey.push(row);
        otherFollowUp(q);
        return;
      }
      case 'number': {
        // number -> integer / decimal; min/max as a constraint and in sd_min / sd_max.
        const row = common(q, q.integer ? 'integer' : 'decimal', {
          kind: 'value',
          min: q.min,
          max: q.max,
        });
        number(row, 'sd_min', q.min);
        number(row, 'sd_max', q.max);
        putText(row, 'sd_unit', q.unit, languages);
        survey.push(row);
        return;
      }
      case 'text': {
        // text -> text; long text -> appearance multiline; maxLength as string-length().
        const row = common(q, 'text', { kind: 'length', min: null, max: q.maxLength });
        if (q.multiline) row.appearance = 'multiline';
        number(row, 'sd_max_length', q.maxLength);
        survey.push(row);
        return;
      }
      case 'date':
        // date -> date / dateTime / time.
        survey.push(common(q, DATE_TYPES[q.mode], null));
        return;
      case 'matrix': {
        // matrix -> a field-list group of select_one items sharing one scale list.
        const list = addList(`matrix${q.points}_${q.name}`, scaleChoices(q.points, q.pointLabels));
        const row: SheetRowData = { type: 'begin_group', name: q.name };
        putText(row, 'label', q.label, languages);
        putText(row, 'hint', q.hint, languages);
        text(row, 'relevant', q.relevant);
        Object.assign(row, { appearance: 'field-list', sd_type: 'matrix', sd_points: q.points });
        text(row, 'dimension', q.dimension ?? '');
        if (q.weight !== 1) row.weight = q.weight;
        flag(row, 'personal', q.personal);
        if (q.id !== q.name) row.sd_id = q.id;
        survey.push(row);
        for (const item of q.items) survey.push(matrixItemRow(q, item, list));
        survey.push({ type: 'end_group', name: q.name });
        return;
      }
      case 'note':
        survey.push(common(q, 'note', null));
        return;
      case 'calculate': {
        const row = common(q, 'calculate', null);
        row.calculation = q.calculation;
        survey.push(row);
        return;
      }
    }
  };

  const page = (p: Page): void => {
    // A page -> begin_group/end_group with field-list, so ODK shows it as one screen.
    const name = groups.claim(p.id);
    const row: SheetRowData = { type: 'begin_group', name };
    putText(row, 'label', p.title, languages);
    text(row, 'relevant', p.relevant);
    row.appearance = 'field-list';
    if (name !== p.id) row.sd_id = p.id;
    survey.push(row);
    p.questions.forEach(question);
    survey.push({ type: 'end_group', name });
  };

  definition.pages.forEach(page);
  return { survey, choices };
}
