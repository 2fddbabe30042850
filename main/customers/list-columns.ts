/**
 * Which register field a column of a CRM export holds, proposed from its header in Chinese or
 * English (客户编号, 客户名称, 联系电话, Account manager ...), and the mapping the user settles on.
 */
import type { CustomerImportColumn, CustomerImportTarget } from '../../shared/api/customers';
import type { CustomerField } from '../../shared/customers';
import { normalizeHeader } from '../imports/header-words';

/** Header words per field, as Chinese CRMs (销售易, 纷享销客, Excel lists) and English ones write them. */
const SYNONYMS: Record<CustomerField, string[]> = {
  code: [
    'code',
    'customer code',
    'customer id',
    'customer no',
    'customer number',
    'client id',
    'client code',
    'account id',
    'account number',
    '客户编号',
    '客户编码',
    '客户代码',
    '客户号',
    '客户id',
    '客户ID',
    '编号',
  ],
  name: [
    'name',
    'customer name',
    'client name',
    'account name',
    'company',
    'company name',
    '客户名称',
    '客户名',
    '客户全称',
    '客户',
    '公司名称',
    '公司',
    '单位名称',
    '企业名称',
    '名称',
  ],
  type: [
    'type',
    'customer type',
    'client type',
    'account type',
    '客户类型',
    '客户类别',
    '客户分类',
    '类型',
  ],
  stage: [
    'stage',
    'customer stage',
    'lifecycle stage',
    '阶段',
    '客户阶段',
    '合作阶段',
    '生命周期阶段',
  ],
  region: [
    'region',
    'area',
    'territory',
    '区域',
    '地区',
    '大区',
    '所属区域',
    '所在地区',
    '所属地区',
  ],
  industry: ['industry', 'sector', '行业', '所属行业', '行业类别'],
  size: ['size', 'company size', 'customer size', '规模', '企业规模', '公司规模', '客户规模'],
  contact: ['contact', 'contact person', 'contact name', '联系人', '联系人姓名', '对接人'],
  phone: [
    'phone',
    'phone number',
    'telephone',
    'tel',
    'mobile',
    'mobile phone',
    'contact phone',
    '电话',
    '联系电话',
    '手机',
    '手机号',
    '手机号码',
    '电话号码',
    '联系人电话',
    '联系方式',
  ],
  email: [
    'email',
    'e-mail',
    'email address',
    'mail',
    '邮箱',
    '电子邮箱',
    '电子邮件',
    '邮件地址',
    '联系人邮箱',
  ],
  accountManager: [
    'account manager',
    'account owner',
    'owner',
    'sales rep',
    'sales',
    '客户经理',
    '负责人',
    '销售负责人',
    '所属销售',
    '客户负责人',
  ],
  staffId: [
    'staff id',
    'staff no',
    'employee id',
    'employee no',
    '员工编号',
    '工号',
    '员工号',
    '客户经理工号',
  ],
  tags: ['tags', 'tag', 'labels', '标签', '客户标签'],
};

const FIELD_BY_WORD = new Map<string, CustomerField>();
for (const [field, words] of Object.entries(SYNONYMS) as [CustomerField, string[]][]) {
  for (const word of [field, ...words]) FIELD_BY_WORD.set(normalizeHeader(word), field);
}

/** The register field a header names; `ignore` when it names none. */
export function proposeTarget(header: string): CustomerImportTarget {
  return FIELD_BY_WORD.get(normalizeHeader(header)) ?? 'ignore';
}

/** The column a map key names: exactly, then ignoring case, then ignoring spaces and punctuation. */
export function columnOfKey(headers: string[], key: string): number {
  const exact = headers.indexOf(key);
  if (exact >= 0) return exact;
  const lower = headers.findIndex((h) => h.toLowerCase() === key.trim().toLowerCase());
  if (lower >= 0) return lower;
  return headers.findIndex((h) => h !== '' && normalizeHeader(h) === normalizeHeader(key));
}

/**
 * Every column with its proposal and the target used. A field proposed for two columns goes to
 * the first; the second is proposed as `ignore`, so a proposal never clashes with itself.
 */
export function planCustomerColumns(
  headers: string[],
  map: Record<string, CustomerImportTarget>,
): { columns: CustomerImportColumn[]; unknownKeys: string[] } {
  const mapped = new Map<number, CustomerImportTarget>();
  const unknownKeys: string[] = [];
  for (const [key, target] of Object.entries(map)) {
    const index = columnOfKey(headers, key);
    if (index < 0) unknownKeys.push(key);
    else mapped.set(index, target);
  }
  const proposedFields = new Set<CustomerImportTarget>();
  const columns = headers.map((column, index): CustomerImportColumn => {
    let proposed = column === '' ? 'ignore' : proposeTarget(column);
    if (proposed !== 'ignore' && proposedFields.has(proposed)) proposed = 'ignore';
    proposedFields.add(proposed);
    return { index, column, proposed, target: mapped.get(index) ?? proposed, sample: [] };
  });
  return { columns, unknownKeys };
}
