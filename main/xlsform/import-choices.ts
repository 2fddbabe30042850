/**
 * The choices sheet read into named choice lists. A list is found by the name after
 * `select_one` / `select_multiple`; each question that uses it gets its own copy.
 */
import { CHOICE_VALUE, type Choice } from '../../shared/questionnaire/model';
import { SHEET, parseFlag } from './columns';
import type { IssueLog } from './errors';
import { rowsOf, type SheetTable } from './sheets';

/** A choice list and the choices-sheet row where it first appears. */
export interface ChoiceList {
  name: string;
  row: number;
  choices: Choice[];
}

export function readChoiceLists(
  table: SheetTable | undefined,
  log: IssueLog,
): Map<string, ChoiceList> {
  const lists = new Map<string, ChoiceList>();
  if (!table || table.rows.length === 0) return lists;
  for (const column of ['list_name', 'name']) {
    if (!table.columns.some((c) => c.base === column)) {
      log.error(
        'missing_column',
        { sheet: SHEET.choices, row: 1, column },
        { sheet: SHEET.choices, column },
      );
    }
  }
  if (log.errors.length > 0) return lists;

  const firstRows = new Map<string, number>();
  for (const reader of rowsOf(table)) {
    const place = { sheet: SHEET.choices, row: reader.row };
    const listName = reader.text('list_name');
    const value = reader.text('name');
    const label = reader.localized('label');
    if (!listName) {
      if (value || Object.keys(label).length > 0)
        log.error('choice_without_list', { ...place, column: 'list_name' });
      continue;
    }
    let list = lists.get(listName);
    if (!list) {
      list = { name: listName, row: reader.row, choices: [] };
      lists.set(listName, list);
    }
    if (!value) {
      // A row with only a list name declares the list; with a label it is a choice missing its code.
      if (Object.keys(label).length > 0)
        log.error('missing_choice_name', { ...place, column: 'name' });
      continue;
    }
    if (!CHOICE_VALUE.test(value)) {
      log.error('invalid_choice_value', { ...place, column: 'name' }, { value });
      continue;
    }
    const key = `${listName}\u0000${value}`;
    const firstRow = firstRows.get(key);
    if (firstRow !== undefined) {
      log.error(
        'duplicate_choice',
        { ...place, column: 'name' },
        { value, list: listName, firstRow },
      );
      continue;
    }
    firstRows.set(key, reader.row);
    list.choices.push({
      value,
      label,
      other: parseFlag(reader.text('sd_other')) === true,
      exclusive: parseFlag(reader.text('sd_exclusive')) === true,
    });
  }
  return lists;
}
