/**
 * What import says about a file, in simplified Chinese and English. Every message names the
 * problem in the user's words and, where it can, what to change in the spreadsheet; the sheet,
 * row and column travel next to it in the ImportIssue.
 */

/** A text in both UI languages. */
export interface IssueText {
  'zh-CN': string;
  en: string;
}

export type IssueParams = Record<string, string | number>;

const ERROR_MESSAGES = {
  not_a_workbook: () => ({
    'zh-CN': '文件不是 Excel 工作簿（.xlsx），或已损坏。请在 Excel 中另存为 .xlsx 后重试。',
    en: 'The file is not an Excel workbook (.xlsx) or it is damaged. Save it from Excel as .xlsx and try again.',
  }),
  missing_survey_sheet: () => ({
    'zh-CN': '工作簿中没有名为 survey 的工作表；XLSForm 的题目必须写在 survey 工作表中。',
    en: 'The workbook has no sheet named survey; an XLSForm lists its questions on a sheet called survey.',
  }),
  missing_column: (p) => ({
    'zh-CN': `${p.sheet} 工作表的第一行缺少 ${p.column} 列。`,
    en: `The first row of the ${p.sheet} sheet has no ${p.column} column.`,
  }),
  missing_type: () => ({
    'zh-CN': '该行填写了名称或标题，但没有填写题型（type）。',
    en: 'This row has a name or a label but no type.',
  }),
  unknown_type: (p) => ({
    'zh-CN': `未知题型“${p.type}”。请检查拼写，例如 select_one、integer、text、begin_group。`,
    en: `Unknown question type "${p.type}". Check the spelling, e.g. select_one, integer, text, begin_group.`,
  }),
  missing_name: (p) => ({
    'zh-CN': `${p.type} 行必须填写名称（name）。`,
    en: `A ${p.type} row needs a name.`,
  }),
  invalid_name: (p) => ({
    'zh-CN': `名称“${p.name}”不是有效的变量名：只能使用字母、数字和下划线，不能以数字开头，最长 64 个字符。`,
    en: `"${p.name}" is not a valid variable name: use letters, digits and _, not starting with a digit, at most 64 characters.`,
  }),
  duplicate_name: (p) => ({
    'zh-CN': `名称“${p.name}”已在第 ${p.firstRow} 行使用；每个题目和分组的名称必须唯一。`,
    en: `The name "${p.name}" is already used in row ${p.firstRow}; every question and group needs its own name.`,
  }),
  missing_list_name: (p) => ({
    'zh-CN': `${p.type} 后须空一格写选项列表名，例如“${p.type} yesno”。`,
    en: `${p.type} needs the name of a choice list after a space, e.g. "${p.type} yesno".`,
  }),
  list_not_found: (p) => ({
    'zh-CN': `choices 工作表中没有名为“${p.list}”的选项列表。`,
    en: `The choices sheet has no choice list named "${p.list}".`,
  }),
  empty_list: (p) => ({
    'zh-CN': `选项列表“${p.list}”中没有任何选项。`,
    en: `The choice list "${p.list}" has no choices.`,
  }),
  choice_without_list: () => ({
    'zh-CN': '该选项没有填写 list_name，无法确定它属于哪个选项列表。',
    en: 'This choice has no list_name, so it belongs to no choice list.',
  }),
  missing_choice_name: () => ({
    'zh-CN': '该选项有标签但没有名称（name，即数据中保存的值）。',
    en: 'This choice has a label but no name (the value stored in the data).',
  }),
  invalid_choice_value: (p) => ({
    'zh-CN': `选项名称“${p.value}”只能包含字母、数字和 _ . -，最多 40 个字符。`,
    en: `The choice name "${p.value}" may only contain letters, digits, _ . - (at most 40 characters).`,
  }),
  duplicate_choice: (p) => ({
    'zh-CN': `选项“${p.value}”在列表“${p.list}”中重复出现（首次出现在第 ${p.firstRow} 行）。`,
    en: `The choice "${p.value}" appears twice in the list "${p.list}" (first in row ${p.firstRow}).`,
  }),
  invalid_expression: (p) => ({
    'zh-CN': `${p.column} 表达式“${p.expression}”有误：${p.detailZh}`,
    en: `The ${p.column} expression "${p.expression}" is not valid: ${p.detailEn}`,
  }),
  unbalanced_group: (p) =>
    p.problem === 'unclosed'
      ? {
          'zh-CN': `此处开始的 ${p.type} 没有对应的 end ${p.kind} 行。`,
          en: `The ${p.type} that starts here is never closed by an end ${p.kind} row.`,
        }
      : p.problem === 'mismatched'
        ? {
            'zh-CN': `${p.type} 与第 ${p.openRow} 行的 ${p.open} 不匹配。`,
            en: `${p.type} does not match the ${p.open} in row ${p.openRow}.`,
          }
        : {
            'zh-CN': `${p.type} 前面没有对应的 begin ${p.kind} 行。`,
            en: `${p.type} has no begin ${p.kind} row above it.`,
          },
  missing_calculation: () => ({
    'zh-CN': 'calculate 行必须在 calculation 列填写计算表达式。',
    en: 'A calculate row needs an expression in the calculation column.',
  }),
  invalid_likert_points: (p) => ({
    'zh-CN': `李克特量表须为 3、5 或 7 级，此题为 ${p.points} 级。`,
    en: `A Likert scale has 3, 5 or 7 points; this one has ${p.points}.`,
  }),
  invalid_number: (p) => ({
    'zh-CN': `${p.column} 列的“${p.value}”不是数字。`,
    en: `"${p.value}" in the ${p.column} column is not a number.`,
  }),
  definition_invalid: (p) => ({
    'zh-CN': `导入的问卷在 ${p.path} 处无效：${p.detail}`,
    en: `The imported questionnaire is not valid at ${p.path}: ${p.detail}`,
  }),
  json_syntax: (p) => ({
    'zh-CN': `文件不是有效的 JSON：${p.detail}`,
    en: `The file is not valid JSON: ${p.detail}`,
  }),
  json_not_questionnaire: () => ({
    'zh-CN': '文件不是 SurveyDesk 问卷（缺少 "surveydesk": "questionnaire" 标记）。',
    en: 'The file is not a SurveyDesk questionnaire (it lacks the "surveydesk": "questionnaire" marker).',
  }),
  json_newer_format: (p) => ({
    'zh-CN': `文件由较新版本的 SurveyDesk 写入（格式 ${p.version}），本版本只能读取格式 ${p.supported}。`,
    en: `The file was written by a newer SurveyDesk (format ${p.version}); this version reads format ${p.supported}.`,
  }),
  json_invalid: (p) => ({
    'zh-CN': `${p.path}：${p.detail}`,
    en: `${p.path}: ${p.detail}`,
  }),
} satisfies Record<string, (p: IssueParams) => IssueText>;

const WARNING_MESSAGES = {
  unsupported_type: (p) => ({
    'zh-CN': `SurveyDesk 不支持题型“${p.type}”，已跳过该行。`,
    en: `SurveyDesk does not support the question type "${p.type}"; the row was skipped.`,
  }),
  metadata_skipped: (p) => ({
    'zh-CN': `“${p.type}”是 SurveyDesk 不采集的设备元数据，已跳过该行。`,
    en: `"${p.type}" is device metadata that SurveyDesk does not collect; the row was skipped.`,
  }),
  repeat_skipped: (p) => ({
    'zh-CN': `不支持重复组（repeat）：第 ${p.row}-${p.endRow} 行（“${p.name}”）已全部跳过。`,
    en: `Repeat groups are not supported: rows ${p.row}-${p.endRow} ("${p.name}") were skipped.`,
  }),
  unsupported_column: (p) => ({
    'zh-CN': `SurveyDesk 不使用 ${p.column} 列，其中的内容已忽略。`,
    en: `SurveyDesk does not use the ${p.column} column; its values were ignored.`,
  }),
  unknown_language: (p) => ({
    'zh-CN': `${p.column} 列的语言不是简体中文、繁体中文或英文，该列已忽略。`,
    en: `The language of the ${p.column} column is not Simplified Chinese, Traditional Chinese or English; the column was ignored.`,
  }),
  duplicate_language: (p) => ({
    'zh-CN': `${p.column} 列与 ${p.other} 列语言相同，只使用了 ${p.other} 列。`,
    en: `The ${p.column} column has the same language as ${p.other}; only ${p.other} was used.`,
  }),
  unknown_default_language: (p) => ({
    'zh-CN': `settings 中的 default_language“${p.value}”不是支持的语言，已改用 ${p.used}。`,
    en: `default_language "${p.value}" in settings is not a supported language; ${p.used} was used instead.`,
  }),
  dynamic_required: (p) => ({
    'zh-CN': `不支持按条件必答（“${p.expression}”），该题已设为非必答。`,
    en: `Conditional required ("${p.expression}") is not supported; the question was made optional.`,
  }),
  nested_group_flattened: (p) => ({
    'zh-CN': `嵌套分组“${p.name}”已并入所在页面，其显示条件已加到组内每道题上。`,
    en: `The nested group "${p.name}" was merged into its page; its condition was added to each question in it.`,
  }),
  range_as_number: (p) => ({
    'zh-CN': `range 控件已导入为 ${p.min} 到 ${p.max} 的数字题。`,
    en: `The range widget was imported as a number question from ${p.min} to ${p.max}.`,
  }),
  matrix_row_skipped: (p) => ({
    'zh-CN': `矩阵题中只能包含 select_one 行，已跳过该 ${p.type} 行。`,
    en: `Only select_one rows can be matrix items; this ${p.type} row was skipped.`,
  }),
  unknown_variable: (p) => ({
    'zh-CN': `${p.column} 表达式引用了 \${${p.name}}，但问卷中没有这道题。`,
    en: `The ${p.column} expression refers to \${${p.name}}, which is not a question in this form.`,
  }),
  expression_rewritten: (p) => ({
    'zh-CN': `${p.column} 表达式已由“${p.from}”改写为“${p.to}”。`,
    en: `The ${p.column} expression was rewritten from "${p.from}" to "${p.to}".`,
  }),
} satisfies Record<string, (p: IssueParams) => IssueText>;

/** A problem that stops the import. */
export type ErrorCode = keyof typeof ERROR_MESSAGES;
/** Something imported differently from the file, or not at all; the rest is kept. */
export type WarningCode = keyof typeof WARNING_MESSAGES;
export type IssueCode = ErrorCode | WarningCode;

const MESSAGES: Record<IssueCode, (p: IssueParams) => IssueText> = {
  ...ERROR_MESSAGES,
  ...WARNING_MESSAGES,
};

export function issueMessage(code: IssueCode, params: IssueParams): IssueText {
  return MESSAGES[code](params);
}
