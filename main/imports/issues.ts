/**
 * The problems and warnings of an import, as codes with parameters, and their texts in the
 * user's language. Kept with the importer: every code here is raised by main/imports alone.
 */
import type { ImportIssue } from '../../shared/api/imports';
import type { Locale } from '../../shared/locale';

const EN = {
  // The file as a whole
  unsupported_type:
    'Only .csv, .txt, .tsv and .xlsx files can be imported (this one is “.{{extension}}”).',
  not_a_workbook: 'The file is not an Excel workbook (.xlsx), or it is damaged.',
  csv_syntax: 'The CSV file cannot be read from here on: {{detail}}',
  empty_file: 'The file holds no table.',
  no_rows: 'The file has a header but no responses.',
  no_answer_columns:
    'No column is a variable of the questionnaire: check the headers, or map the columns to questions (--map column=variable on the command line).',
  map_no_column: 'The mapping names the column “{{column}}”, which the file does not have.',
  map_unknown_target:
    '“{{target}}” is neither a variable of the questionnaire nor a response field ({{fields}}).',
  column_twice: 'This column and “{{other}}” both give {{field}}.',
  mixed_layout: '{{variable}} is given both as one column and as one 0/1 column per option.',
  // One row, one cell
  too_many_cells: 'The row has {{cells}} cells but the header names only {{columns}} columns.',
  no_answers: 'The row has no answers.',
  unknown_choice: '“{{value}}” is not a choice of {{variable}} (choices: {{choices}}).',
  out_of_scale: 'Not a point of the {{min}}–{{max}} scale.',
  not_a_number: 'Not a number.',
  not_an_integer: 'Not a whole number.',
  below_min: 'Below the minimum of {{min}}.',
  above_max: 'Above the maximum of {{max}}.',
  too_few: 'Fewer than {{min}} choices.',
  too_many: 'More than {{max}} choices.',
  too_long: 'Longer than {{max}} characters.',
  constraint: 'Breaks the question’s rule: {{message}}',
  bad_date: 'Not a date written as {{expected}}.',
  not_a_flag: 'Expected 1 (chosen) or 0 (not chosen).',
  bad_time: 'Not a date and time (write 2026-03-02 09:30:00, or an ISO time with its zone).',
  bad_duration: 'Not a duration (seconds, 2:05, 2 min 5 s or 2分5秒).',
  end_before_start: 'The end is before the start.',
  unknown_channel: 'Not a channel: use interview, kiosk, paper or import.',
  bad_consent: 'Consent must be yes or no.',
  consent_refused:
    'The respondent did not consent: remove the row; its answers must not be stored.',
  duplicate_id: 'The same id is already in row {{first}}.',
  already_imported:
    'A response with this id was already imported from “{{file}}”; void it to import it again.',
  // Warnings
  encoding: 'The file was read as {{encoding}} text.',
  column_ignored: 'The column is ignored.',
  no_header: 'Column {{index}} has no header and is ignored.',
  calculated_ignored: '{{variable}} is calculated by the questionnaire; the column is ignored.',
  customer_from_answer: 'No customer column: the answers to {{variable}} name each customer.',
  required_column_missing: 'The file has no column for the required question {{variable}}.',
  required_missing:
    '{{count}} responses have no answer to the required question {{variable}} (rows {{rows}}).',
  other_missing:
    '{{count}} responses chose “other” in {{variable}} without saying what (rows {{rows}}).',
  no_times:
    'No start or end times: the responses are dated at the import, and speeders cannot be found.',
  no_duration:
    'One time per response and no duration: speeders cannot be found (completion times are left empty).',
  customer_conflict:
    'Customer {{code}}: the file says {{field}} is “{{value}}”, the register “{{stored}}”; the register is kept.',
  customer_varies:
    'Customer {{code}} has different {{field}} values in the file (“{{value}}” and “{{other}}”); the first is kept.',
  attributes_without_customer:
    '{{count}} rows have customer details but no customer id: the details are kept with the response only.',
  no_id_column:
    'No id column: importing this file again would store its responses twice (they would be flagged as duplicates within a wave).',
  wave_created: 'The wave “{{wave}}” does not exist yet: it is created with the responses.',
  new_customers: '{{count}} customers are not in the register: they are added with the responses.',
};

export type IssueCode = keyof typeof EN;

const ZH: Record<IssueCode, string> = {
  unsupported_type: '只能导入 .csv、.txt、.tsv 和 .xlsx 文件（此文件为“.{{extension}}”）。',
  not_a_workbook: '此文件不是 Excel 工作簿（.xlsx），或者已损坏。',
  csv_syntax: '从这里起 CSV 文件无法读取：{{detail}}',
  empty_file: '文件中没有表格。',
  no_rows: '文件只有表头，没有答卷。',
  no_answer_columns:
    '没有一列是问卷的变量：请检查表头，或指定各列对应的题目（命令行用 --map 列名=变量名）。',
  map_no_column: '对应关系中的列“{{column}}”在文件中不存在。',
  map_unknown_target: '“{{target}}”既不是问卷的变量，也不是答卷字段（{{fields}}）。',
  column_twice: '此列与“{{other}}”都对应 {{field}}。',
  mixed_layout: '{{variable}} 既有整列答案，又有按选项拆分的 0/1 列。',
  too_many_cells: '此行有 {{cells}} 个单元格，但表头只有 {{columns}} 列。',
  no_answers: '此行没有任何答案。',
  unknown_choice: '“{{value}}”不是 {{variable}} 的选项（选项：{{choices}}）。',
  out_of_scale: '不在 {{min}}–{{max}} 的量表范围内。',
  not_a_number: '不是数字。',
  not_an_integer: '不是整数。',
  below_min: '小于最小值 {{min}}。',
  above_max: '大于最大值 {{max}}。',
  too_few: '选择少于 {{min}} 项。',
  too_many: '选择多于 {{max}} 项。',
  too_long: '超过 {{max}} 个字符。',
  constraint: '不符合题目的校验规则：{{message}}',
  bad_date: '不是 {{expected}} 格式的日期。',
  not_a_flag: '应为 1（选中）或 0（未选）。',
  bad_time: '不是日期时间（请写成 2026-03-02 09:30:00，或带时区的 ISO 时间）。',
  bad_duration: '不是时长（秒数、2:05、2分5秒 或 2 min 5 s）。',
  end_before_start: '结束时间早于开始时间。',
  unknown_channel:
    '不是有效的渠道：请使用 interview、kiosk、paper 或 import（访谈、平板、纸质、在线）。',
  bad_consent: '知情同意只能填“是”或“否”。',
  consent_refused: '受访者未同意参与：请删除此行，其答案不得保存。',
  duplicate_id: '相同的编号已出现在第 {{first}} 行。',
  already_imported: '此编号的答卷已从“{{file}}”导入过；如需重新导入，请先作废原答卷。',
  encoding: '文件按 {{encoding}} 编码读取。',
  column_ignored: '此列被忽略。',
  no_header: '第 {{index}} 列没有表头，已忽略。',
  calculated_ignored: '{{variable}} 由问卷自动计算，此列已忽略。',
  customer_from_answer: '没有客户编号列：以 {{variable}} 的答案关联客户。',
  required_column_missing: '文件中没有必答题 {{variable}} 的列。',
  required_missing: '有 {{count}} 份答卷未回答必答题 {{variable}}（第 {{rows}} 行）。',
  other_missing: '有 {{count}} 份答卷在 {{variable}} 中选了“其他”但未填写内容（第 {{rows}} 行）。',
  no_times: '没有开始或结束时间：答卷时间记为导入时间，无法识别答题过快的答卷。',
  no_duration: '每份答卷只有一个时间且没有时长：无法识别答题过快的答卷（完成时间留空）。',
  customer_conflict:
    '客户 {{code}}：文件中 {{field}} 为“{{value}}”，客户档案中为“{{stored}}”；保留档案中的值。',
  customer_varies:
    '客户 {{code}} 在文件中的 {{field}} 不一致（“{{value}}”与“{{other}}”）；采用第一个值。',
  attributes_without_customer:
    '有 {{count}} 行填写了客户信息但没有客户编号：这些信息只随答卷保存。',
  no_id_column: '没有答卷编号列：再次导入此文件会重复保存答卷（同一批次内会被标记为重复）。',
  wave_created: '批次“{{wave}}”尚不存在：随答卷一起新建。',
  new_customers: '有 {{count}} 位客户不在客户档案中：随答卷一起新增。',
};

const MESSAGES: Record<Locale, Record<IssueCode, string>> = { en: EN, 'zh-CN': ZH };

/** An issue before it is put into words. */
export interface RawIssue {
  row: number | null;
  column: string | null;
  value: string;
  code: IssueCode;
  params: Record<string, string | number>;
}

export function issue(
  code: IssueCode,
  where: { row?: number | null; column?: string | null; value?: string } = {},
  params: Record<string, string | number> = {},
): RawIssue {
  return {
    row: where.row ?? null,
    column: where.column ?? null,
    value: where.value ?? '',
    code,
    params,
  };
}

export function localize(raw: RawIssue, locale: Locale): ImportIssue {
  const template = MESSAGES[locale][raw.code];
  const message = template.replace(/\{\{(\w+)\}\}/g, (_, key: string) =>
    String(raw.params[key] ?? ''),
  );
  return { ...raw, message };
}

/** One line for a terminal: where, what was found, and why it does not fit. */
export function issueLine(item: ImportIssue, locale: Locale): string {
  const zh = locale === 'zh-CN';
  const parts: string[] = [];
  if (item.row !== null) parts.push(zh ? `第 ${item.row} 行` : `row ${item.row}`);
  if (item.column !== null) parts.push(zh ? `列“${item.column}”` : `column “${item.column}”`);
  if (item.value !== '') parts.push(zh ? `值“${item.value}”` : `value “${item.value}”`);
  if (parts.length === 0) return item.message;
  return zh ? `${parts.join('，')}：${item.message}` : `${parts.join(', ')}: ${item.message}`;
}
