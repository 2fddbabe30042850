/**
 * One survey row read into a question. The XLSForm type decides the family; `sd_type` (written
 * by export) or, for other tools' forms, the appearance refines it: a select_one becomes a
 * Likert scale, NPS, range buckets or a dropdown; sd_* columns restore what XLSForm loses.
 */
import type {
  Choice,
  LocalizedText,
  Question,
  SurveyLanguage,
} from '../../shared/questionnaire/model';
import { parseFlag } from './columns';
import { splitConstraint, type Bounds } from './constraints';
import type { IssueLog } from './errors';
import { importExpression, type ExpressionUse } from './expressions';
import type { ChoiceList } from './import-choices';
import { readNumber } from './import-meta';
import type { RowType } from './question-types';
import type { RowReader } from './sheets';

/** What every question builder needs besides its row. */
export interface QuestionContext {
  lists: Map<string, ChoiceList>;
  languages: SurveyLanguage[];
  log: IssueLog;
  uses: ExpressionUse[];
}

const OTHER_LABEL: LocalizedText = { 'zh-CN': '其他', 'zh-TW': '其他', en: 'Other' };

/** An expression cell, validated; '' when empty or invalid (the error is logged). */
export function expressionCell(
  reader: RowReader,
  column: string,
  ctx: QuestionContext,
  text = reader.text(column),
): string {
  return importExpression(
    text,
    { sheet: reader.sheet, row: reader.row, column },
    ctx.log,
    ctx.uses,
  );
}

/** The fields every question has, read from its row. */
export function baseFields(reader: RowReader, ctx: QuestionContext, bounds: Bounds | null = null) {
  const requiredCell = reader.text('required');
  const required = parseFlag(requiredCell);
  if (required === null) {
    ctx.log.warn(
      'dynamic_required',
      { sheet: reader.sheet, row: reader.row, column: 'required' },
      { expression: requiredCell },
    );
  }
  const constraintCell = reader.text('constraint');
  const constraint = bounds ? splitConstraint(bounds, constraintCell) : constraintCell;
  return {
    id: reader.text('sd_id') || reader.text('name'),
    name: reader.text('name'),
    label: reader.localized('label'),
    hint: reader.localized('hint'),
    required: required === true,
    relevant: expressionCell(reader, 'relevant', ctx),
    constraint: expressionCell(reader, 'constraint', ctx, constraint.trim()),
    constraintMessage: reader.localized('constraint_message'),
    dimension: reader.text('dimension') || null,
    weight: readNumber(reader, 'weight', ctx.log) ?? 1,
    personal: parseFlag(reader.text('personal')) === true,
  };
}

/** The choices of a select row's list, copied; null (error logged) when the list is missing or empty. */
export function listChoices(
  reader: RowReader,
  list: string,
  ctx: QuestionContext,
): Choice[] | null {
  const place = { sheet: reader.sheet, row: reader.row, column: 'type' };
  const found = ctx.lists.get(list);
  if (!found) {
    ctx.log.error('list_not_found', place, { list });
    return null;
  }
  if (found.choices.length === 0) {
    ctx.log.error('empty_list', place, { list });
    return null;
  }
  return found.choices.map((choice) => ({ ...choice, label: { ...choice.label } }));
}

/**
 * A scale's anchors: the choice labels, or none when export wrote the bare numbers because the
 * scale had no anchors.
 */
export function scaleLabels(choices: Choice[]): LocalizedText[] {
  const bare = choices.every((c) => Object.values(c.label).every((text) => text === c.value));
  return bare ? [] : choices.map((c) => c.label);
}

/** Likert points from sd_points or the list length; null (error logged) when not 3, 5 or 7. */
export function likertPoints(
  reader: RowReader,
  count: number,
  ctx: QuestionContext,
): 3 | 5 | 7 | null {
  const points = readNumber(reader, 'sd_points', ctx.log) ?? count;
  if (points === 3 || points === 5 || points === 7) return points;
  ctx.log.error(
    'invalid_likert_points',
    { sheet: reader.sheet, row: reader.row, column: 'sd_points' },
    { points },
  );
  return null;
}

function isPlainScale(choices: Choice[]): boolean {
  return [3, 5, 7].includes(choices.length) && choices.every((c, i) => c.value === String(i + 1));
}

function selectQuestion(
  reader: RowReader,
  type: Extract<RowType, { kind: 'select' }>,
  ctx: QuestionContext,
): Question | null {
  if (!type.list) {
    const keyword = type.multiple ? 'select_multiple' : 'select_one';
    ctx.log.error(
      'missing_list_name',
      { sheet: reader.sheet, row: reader.row, column: 'type' },
      { type: keyword },
    );
    return null;
  }
  const choices = listChoices(reader, type.list, ctx);
  if (!choices) return null;
  if (type.orOther) {
    const existing = choices.find((c) => c.value === 'other');
    if (existing) existing.other = true;
    else {
      const label = Object.fromEntries(ctx.languages.map((l) => [l, OTHER_LABEL[l] ?? 'Other']));
      choices.push({ value: 'other', label, other: true, exclusive: false });
    }
  }
  const sdType = reader.text('sd_type');
  const appearance = reader.text('appearance').toLowerCase().split(/\s+/);
  if (type.multiple) {
    const min = readNumber(reader, 'min_selections', ctx.log);
    const max = readNumber(reader, 'max_selections', ctx.log);
    const base = baseFields(reader, ctx, { kind: 'count', min, max });
    return { ...base, type: 'multiple', choices, minSelections: min, maxSelections: max };
  }
  if (sdType === 'likert' || (!sdType && appearance.includes('likert') && isPlainScale(choices))) {
    const points = likertPoints(reader, choices.length, ctx);
    if (points === null) return null;
    const reverse = parseFlag(reader.text('reverse')) === true;
    return {
      ...baseFields(reader, ctx),
      type: 'likert',
      points,
      pointLabels: scaleLabels(choices),
      reverse,
    };
  }
  if (sdType === 'nps') return npsQuestion(reader, ctx);
  if (sdType === 'range') return { ...baseFields(reader, ctx), type: 'range', choices };
  if (sdType === 'dropdown' || (!sdType && appearance.includes('minimal'))) {
    return { ...baseFields(reader, ctx), type: 'dropdown', choices };
  }
  return { ...baseFields(reader, ctx), type: 'single', choices };
}

function npsQuestion(reader: RowReader, ctx: QuestionContext): Question {
  return {
    ...baseFields(reader, ctx),
    type: 'nps',
    lowLabel: reader.localized('sd_low_label'),
    highLabel: reader.localized('sd_high_label'),
  };
}

/** ODK's range widget: `start=1 end=10 step=1` in the parameters column (ODK's defaults). */
function rangeWidget(reader: RowReader, ctx: QuestionContext): Question {
  const parameters = new Map(
    reader
      .text('parameters')
      .split(/[\s;,]+/)
      .map((pair) => pair.split('=').map((part) => part.trim()) as [string, string?])
      .filter(([key, value]) => key && value !== undefined)
      .map(([key, value]) => [key.toLowerCase(), Number(value)]),
  );
  const read = (key: string, fallback: number) => {
    const value = parameters.get(key);
    return value !== undefined && Number.isFinite(value) ? value : fallback;
  };
  const [min, max, step] = [read('start', 1), read('end', 10), read('step', 1)];
  ctx.log.warn(
    'range_as_number',
    { sheet: reader.sheet, row: reader.row, column: 'type' },
    { min, max },
  );
  const integer = [min, max, step].every(Number.isInteger);
  return { ...baseFields(reader, ctx), type: 'number', integer, min, max, unit: {} };
}

export function buildQuestion(
  reader: RowReader,
  type: RowType,
  ctx: QuestionContext,
): Question | null {
  if (type.kind === 'select') return selectQuestion(reader, type, ctx);
  if (type.kind !== 'simple') return null;
  switch (type.type) {
    case 'integer':
    case 'decimal': {
      if (reader.text('sd_type') === 'nps') return npsQuestion(reader, ctx);
      const min = readNumber(reader, 'sd_min', ctx.log);
      const max = readNumber(reader, 'sd_max', ctx.log);
      const base = baseFields(reader, ctx, { kind: 'value', min, max });
      return {
        ...base,
        type: 'number',
        integer: type.type === 'integer',
        min,
        max,
        unit: reader.localized('sd_unit'),
      };
    }
    case 'range':
      return rangeWidget(reader, ctx);
    case 'text': {
      const maxLength = readNumber(reader, 'sd_max_length', ctx.log);
      const base = baseFields(reader, ctx, { kind: 'length', min: null, max: maxLength });
      const multiline = reader.text('appearance').toLowerCase().split(/\s+/).includes('multiline');
      return { ...base, type: 'text', multiline, maxLength };
    }
    case 'date':
      return { ...baseFields(reader, ctx), type: 'date', mode: 'date' };
    case 'dateTime':
      return { ...baseFields(reader, ctx), type: 'date', mode: 'datetime' };
    case 'time':
      return { ...baseFields(reader, ctx), type: 'date', mode: 'time' };
    case 'note':
      return { ...baseFields(reader, ctx), type: 'note' };
    case 'calculate': {
      const calculation = reader.text('calculation');
      if (!calculation) {
        ctx.log.error('missing_calculation', {
          sheet: reader.sheet,
          row: reader.row,
          column: 'calculation',
        });
        return null;
      }
      return {
        ...baseFields(reader, ctx),
        type: 'calculate',
        calculation: expressionCell(reader, 'calculation', ctx),
      };
    }
  }
}
