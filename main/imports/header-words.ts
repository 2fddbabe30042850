/**
 * The words headers use for response fields and customer attributes, as online tools
 * (Qualtrics, SurveyMonkey, 问卷星, 腾讯问卷) and CRM exports spell them, in English and Chinese.
 */
export const RESPONSE_FIELDS = [
  'id',
  'customer',
  'customer_name',
  'start',
  'end',
  'duration',
  'duration_min',
  'channel',
  'interviewer',
  'consent',
] as const;
export type ResponseField = (typeof RESPONSE_FIELDS)[number];

/** The customer-record columns the analysis segments by (main/analysis/dataset.ts ATTRIBUTES). */
export const CUSTOMER_ATTRIBUTES = ['type', 'stage', 'region', 'industry', 'size'] as const;
export type CustomerAttribute = (typeof CUSTOMER_ATTRIBUTES)[number];

/** Headers compare without case, spaces, punctuation or full-width forms. */
export function normalizeHeader(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s_\-.:：/\\()（）[\]【】#*?？]/g, '');
}

/** Header words that name a field, as online tools (Qualtrics, SurveyMonkey, 问卷星, 腾讯问卷) and CRMs spell them. */
const SYNONYMS: Record<ResponseField | CustomerAttribute, string[]> = {
  id: [
    'id',
    'response id',
    'responseid',
    'submission id',
    'record id',
    'uuid',
    '答卷编号',
    '答卷id',
    '序号',
  ],
  customer: [
    'customer',
    'customer id',
    'customer code',
    'customer no',
    'client id',
    'client code',
    'respondent',
    'respondent id',
    '客户编号',
    '客户id',
    '客户代码',
    '客户编码',
    '客户号',
  ],
  customer_name: [
    'customer name',
    'client name',
    'company',
    'company name',
    '客户名称',
    '客户',
    '公司名称',
    '单位名称',
    '企业名称',
  ],
  start: [
    'start',
    'started',
    'started at',
    'start time',
    'start date',
    'begin',
    '开始时间',
    '开始答题时间',
    '答题开始时间',
  ],
  end: [
    'end',
    'ended',
    'end time',
    'end date',
    'completed',
    'completed at',
    'completion time',
    'finished at',
    'submitted',
    'submitted at',
    'submit time',
    'submission time',
    'recorded date',
    'timestamp',
    '结束时间',
    '结束答题时间',
    '答题结束时间',
    '提交时间',
    '提交答卷时间',
    '完成时间',
  ],
  duration: [
    'duration',
    'duration (in seconds)',
    'duration seconds',
    'seconds',
    'time taken',
    'time spent',
    'elapsed',
    '所用时间',
    '答题时长',
    '答题用时',
    '作答时长',
    '填写时长',
    '填写用时',
    '用时',
    '时长',
    '耗时',
  ],
  duration_min: [
    'duration (in minutes)',
    'duration minutes',
    'duration min',
    'minutes',
    '用时(分钟)',
    '时长(分钟)',
    '答题时长(分钟)',
    '所用时间(分钟)',
  ],
  channel: ['channel', '渠道', '调查渠道', '调查方式'],
  interviewer: ['interviewer', 'staff', '访问员', '调查员', '访员', '访谈员'],
  consent: ['consent', 'consent given', 'agreed', '知情同意', '同意', '是否同意'],
  type: ['type', 'customer type', 'client type', '客户类型', '客户类别', '客户分类', '类型'],
  stage: ['stage', 'customer stage', 'lifecycle stage', '阶段', '客户阶段', '合作阶段'],
  region: ['region', 'area', '区域', '地区', '大区', '所属区域', '所在地区'],
  industry: ['industry', 'sector', '行业', '所属行业'],
  size: ['size', 'company size', 'customer size', '规模', '企业规模', '公司规模', '客户规模'],
};

const FIELD_BY_WORD = new Map<string, ResponseField | CustomerAttribute>();
for (const [field, words] of Object.entries(SYNONYMS) as [
  ResponseField | CustomerAttribute,
  string[],
][]) {
  for (const word of [field, ...words]) FIELD_BY_WORD.set(normalizeHeader(word), field);
}

/** The field a header (or a --map target) names, compared without case, spaces or punctuation. */
export function fieldNamed(header: string): ResponseField | CustomerAttribute | undefined {
  return FIELD_BY_WORD.get(normalizeHeader(header));
}
