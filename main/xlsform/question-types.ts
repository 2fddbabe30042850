/**
 * The `type` cell of a survey row, read the way pyxform reads it: `select_one yesno`,
 * `select_multiple colours or_other`, `begin group` or `begin_group`, `dateTime`. Types SurveyDesk
 * cannot represent are told apart from misspellings: the first are skipped with a warning, the
 * second stop the import.
 */

export type SimpleType =
  'integer' | 'decimal' | 'text' | 'date' | 'dateTime' | 'time' | 'note' | 'calculate' | 'range';

export type RowType =
  | { kind: 'begin_group' | 'end_group' | 'begin_repeat' | 'end_repeat'; cell: string }
  | { kind: 'select'; cell: string; multiple: boolean; list: string; orOther: boolean }
  | { kind: 'simple'; cell: string; type: SimpleType }
  | { kind: 'unsupported' | 'metadata' | 'unknown'; cell: string };

const STRUCTURE: Record<string, 'begin_group' | 'end_group' | 'begin_repeat' | 'end_repeat'> = {
  begin_group: 'begin_group',
  end_group: 'end_group',
  begin_repeat: 'begin_repeat',
  end_repeat: 'end_repeat',
};

const SIMPLE: Record<string, SimpleType> = {
  integer: 'integer',
  int: 'integer',
  decimal: 'decimal',
  text: 'text',
  string: 'text',
  date: 'date',
  datetime: 'dateTime',
  time: 'time',
  note: 'note',
  calculate: 'calculate',
  range: 'range',
};

/** Question types of ODK/Kobo that have no SurveyDesk equivalent. */
const UNSUPPORTED = new Set([
  'geopoint',
  'geotrace',
  'geoshape',
  'image',
  'photo',
  'audio',
  'video',
  'file',
  'barcode',
  'background-audio',
  'acknowledge',
  'trigger',
  'hidden',
  'xml-external',
  'csv-external',
  'rank',
  'select_one_from_file',
  'select_multiple_from_file',
]);

/** Device and session metadata ODK fills in by itself. */
const METADATA = new Set([
  'start',
  'end',
  'today',
  'deviceid',
  'subscriberid',
  'simserial',
  'phonenumber',
  'username',
  'email',
  'audit',
  'start-geopoint',
  'background-geopoint',
]);

const SELECT =
  /^(select_one|select one|select_multiple|select multiple|select all that apply)(?:\s+(.*))?$/i;

export function parseRowType(raw: string): RowType {
  const cell = raw.trim().replace(/\s+/g, ' ');
  const lower = cell.toLowerCase();
  const structure = STRUCTURE[lower.replace(' ', '_')];
  if (structure) return { kind: structure, cell };

  const select = SELECT.exec(cell);
  if (select) {
    const words = (select[2] ?? '').split(' ').filter(Boolean);
    const orOther = words.length > 1 && words[words.length - 1]?.toLowerCase() === 'or_other';
    const keyword = (select[1] ?? '').toLowerCase();
    return {
      kind: 'select',
      cell,
      multiple: !keyword.includes('one'),
      list: orOther ? words.slice(0, -1).join(' ') : words.join(' '),
      orOther,
    };
  }

  const simple = SIMPLE[lower];
  if (simple) return { kind: 'simple', cell, type: simple };
  const head = lower.split(' ')[0] ?? '';
  if (UNSUPPORTED.has(head)) return { kind: 'unsupported', cell };
  if (METADATA.has(lower)) return { kind: 'metadata', cell };
  return { kind: 'unknown', cell };
}
