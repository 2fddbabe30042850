/**
 * The problems and warnings of a customer-list import in the user's language: the register's
 * field rules (shared/customers.ts), the mapping's own, and the file reader's (main/imports).
 */
import type { ImportIssue } from '../../shared/api/imports';
import {
  customerProblemText,
  type CustomerProblem,
  type CustomerProblemCode,
} from '../../shared/customers';
import type { Locale } from '../../shared/locale';
import { localize, type IssueCode, type RawIssue } from '../imports/issues';

const EN = {
  map_no_column: 'The saved mapping names the column “{{column}}”, which this file does not have.',
  column_twice: 'This column and “{{other}}” are both mapped to {{field}}.',
  no_code_column:
    'No column is mapped to the customer code: the register is matched by code (e.g. C202405001).',
  no_name_column: 'No column is mapped to the customer name.',
  duplicate_code: 'The customer code {{code}} is already in row {{first}}.',
  no_customers: 'The file has a header but no customers.',
  name_needed: 'A new customer needs a name.',
};
type ListIssueCode = keyof typeof EN;

const ZH: Record<ListIssueCode, string> = {
  map_no_column: '保存的对应关系中的列“{{column}}”在此文件中不存在。',
  column_twice: '此列与“{{other}}”都对应到 {{field}}。',
  no_code_column: '没有列对应到客户编号：客户档案按客户编号（例如 C202405001）匹配。',
  no_name_column: '没有列对应到客户名称。',
  duplicate_code: '客户编号 {{code}} 已出现在第 {{first}} 行。',
  no_customers: '文件只有表头，没有客户。',
  name_needed: '新客户必须填写客户名称。',
};

const LIST_TEXT: Record<Locale, Record<ListIssueCode, string>> = { en: EN, 'zh-CN': ZH };

/** An issue before it is put into words: a list code, a field rule, or a reader's code. */
export type ListIssue =
  | (Omit<RawIssue, 'code'> & { kind: 'list'; code: ListIssueCode })
  | (Omit<RawIssue, 'code'> & {
      kind: 'field';
      code: CustomerProblemCode;
      problem: CustomerProblem;
    })
  | (RawIssue & { kind: 'reader' });

interface Where {
  row?: number | null;
  column?: string | null;
  value?: string;
}

const place = (where: Where) => ({
  row: where.row ?? null,
  column: where.column ?? null,
  value: where.value ?? '',
});

export function listIssue(
  code: ListIssueCode,
  where: Where = {},
  params: Record<string, string | number> = {},
): ListIssue {
  return { kind: 'list', code, params, ...place(where) };
}

export function fieldIssue(problem: CustomerProblem, where: Where): ListIssue {
  return { kind: 'field', code: problem.code, problem, params: problem.params, ...place(where) };
}

export function readerIssue(
  code: IssueCode,
  where: Where = {},
  params: Record<string, string | number> = {},
): ListIssue {
  return { kind: 'reader', code, params, ...place(where) };
}

export function localizeListIssue(item: ListIssue, locale: Locale): ImportIssue {
  const base = {
    row: item.row,
    column: item.column,
    value: item.value,
    code: item.code,
    params: item.params,
  };
  switch (item.kind) {
    case 'field':
      return { ...base, message: customerProblemText(item.problem, locale) };
    case 'reader':
      return localize({ ...base, code: item.code }, locale);
    case 'list':
      return {
        ...base,
        message: LIST_TEXT[locale][item.code].replace(/\{\{(\w+)\}\}/g, (_, key: string) =>
          String(item.params[key] ?? ''),
        ),
      };
  }
}
