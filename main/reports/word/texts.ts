/**
 * Every phrase of the Word survey report (调查报告) that is not from the questionnaire or the
 * data, in simplified Chinese and English. The English texts are typed by the Chinese ones, so a
 * phrase missing in one language is a type error.
 */
import { REPORT_SECTIONS, type AnalysisAttribute } from '../../../shared/analysis';
import type { Channel, FlagRule } from '../../../shared/responses';
import type { Quadrant } from '../charts/driver-chart';

export type ReportLanguage = 'zh-CN' | 'en';

/** The report's sections, in document order; each can be left out (shared with the job input). */
export const SECTION_IDS = REPORT_SECTIONS;
export type SectionId = (typeof SECTION_IDS)[number];

/** How urgent an improvement is (紧急 / 重要 / 一般). */
export type Priority = 'urgent' | 'important' | 'normal';

const zh = {
  report: '调查报告',
  cover: { waves: '调查批次', sample: '有效样本', version: '问卷版本', date: '报告日期' },
  confidential: '内部资料\u3000注意保密',
  contents: '目\u3000录',
  section: {
    purpose: '调查目的与目标',
    method: '调查方法',
    sample: '样本概况',
    results: '调查结果',
    drivers: '关键驱动因素',
    segments: '群体差异分析',
    themes: '开放题意见',
    conclusions: '结论与建议',
    improvement: '改进措施与闭环管理',
    appendix: '附录',
  } satisfies Record<Exclude<SectionId, 'cover' | 'contents'>, string>,
  sub: {
    design: '调查对象与方式',
    questionnaire: '问卷结构',
    cleaning: '数据清洗',
    scoring: '评分方法',
    overall: '总体满意度',
    nps: '净推荐值（NPS）',
    dimensions: '各维度得分',
    trends: '历次调查趋势',
    matrix: '重要性—表现矩阵',
    priorities: '改进优先顺序',
    findings: '主要结论',
    actions: '改进建议',
    appendixQuestionnaire: '调查问卷',
    appendixItems: '题项明细表',
  },
  col: {
    metric: '指标',
    baseline: '基线',
    target: '目标',
    current: '本期',
    status: '状态',
    rule: '规则',
    ruleMeaning: '判定标准',
    excluded: '剔除份数',
    share: '占比',
    attribute: '属性',
    group: '类别',
    n: '样本量',
    value: '数值',
    previous: '上期',
    change: '变化',
    dimension: '维度',
    item: '题项',
    mean: '均值',
    sd: '标准差',
    score: '得分',
    scoreOther: '另一换算',
    top2: '满意率',
    high: '高满意度',
    alpha: '信度 α',
    importance: '重要性 r',
    beta: '回归系数 β',
    performance: '表现',
    quadrant: '象限',
    rank: '序号',
    kind: '类型',
    priority: '优先级',
    wave: '批次',
    index: '综合指数',
    theme: '主题',
    mentions: '提及次数',
    meanSatisfaction: '满意度均值',
    dissatisfied: '不满意占比',
    channel: '收集方式',
    count: '份数',
    action: '改进事项',
    goal: '下期目标',
    owner: '负责部门 / 负责人',
    deadline: '完成期限',
    options: '选项',
    period: '调查时间',
    sampleMethod: '抽样方式',
    frame: '抽样框',
    drawn: '抽取样本',
    completed: '完成',
    completionRate: '完成率',
  },
  attribute: {
    wave: '调查批次',
    type: '客户类型',
    stage: '客户阶段',
    region: '区域',
    industry: '行业',
    size: '企业规模',
    channel: '收集方式',
    interviewer: '访问员',
  } satisfies Record<AnalysisAttribute, string>,
  channel: {
    interview: '客户经理访谈',
    kiosk: '平板自助填写',
    paper: '纸质问卷录入',
    import: '在线导入',
  } satisfies Record<Channel, string>,
  rule: {
    too_fast: { name: '答题过快', meaning: '答题用时少于设定下限（默认 2 分钟）' },
    straight_lining: { name: '直线作答', meaning: '全部量表题选同一极端值（全 1 或全 5）' },
    missing_key: { name: '关键信息缺失', meaning: '缺少客户名称或联系方式等必填信息' },
    duplicate: { name: '重复问卷', meaning: '同一问卷重复录入，或同一客户在本批次重复作答' },
    wrong_value: { name: '数值错误', meaning: '答案超出取值范围或不符合校验规则' },
  } satisfies Record<FlagRule, { name: string; meaning: string }>,
  quadrant: {
    priority: '优先改进',
    strength: '继续保持',
    maintain: '适度维持',
    secondary: '次要改进',
  } satisfies Record<Quadrant, string>,
  priority: { urgent: '紧急', important: '重要', normal: '一般' } satisfies Record<
    Priority,
    string
  >,
  kind: { dimension: '维度', item: '题项' },
  npsGroups: {
    detractors: '贬损者（0–6 分）',
    passives: '被动者（7–8 分）',
    promoters: '推荐者（9–10 分）',
  },
  measure: {
    index: '综合满意度指数',
    satisfaction: '总体满意度',
    high: '高满意度占比（≥ 90 分）',
    nps: '净推荐值 NPS',
    top2: '满意率（4–5 分）',
  },
  status: { met: '已达成', notMet: (gap: string) => `未达成（差 ${gap}）`, unknown: '无数据' },
  chart: {
    score: '得分（百分制）',
    previous: '上期',
    current: '本期',
    target: '目标',
    mentions: '提及次数',
    importance: '重要性（与总体满意度的相关系数 r）',
    performance: '表现（百分制得分）',
  },
  figure: (n: number) => `图 ${n}\u3000`,
  table: (n: number) => `表 ${n}\u3000`,
  list: (parts: string[]) => parts.join('、'),
  quote: (text: string) => `“${text}”`,
  paren: (text: string) => `（${text}）`,
  /** Between two sentences. */
  sep: '',
  page: ['第 ', ' 页'] as [before: string, after: string],
  none: '—',
  points: '分',
  noGoal:
    '本次调查旨在了解客户对服务各环节的满意度，找出最需要改进的环节，为制定改进措施提供依据。',
  noTargets: '问卷未设定量化目标。',
  fieldwork: (waves: string, total: string, channels: string) =>
    `本次调查覆盖 ${waves}，共回收问卷 ${total} 份，收集方式包括${channels}。`,
  period: (from: string, to: string) => `调查时间为 ${from} 至 ${to}。`,
  sampling: (text: string) => `抽样方式：${text}`,
  people: (interviewers: number, devices: number) =>
    interviewers > 0
      ? `问卷由 ${interviewers} 名访问员在 ${devices} 台设备上收集录入。`
      : `问卷在 ${devices} 台设备上收集录入。`,
  samplesIntro: '各批次样本的抽取与完成情况如下表。',
  structure: (
    questions: number,
    scaled: number,
    inDimensions: number,
    dimensions: number,
    open: number,
  ) =>
    `问卷共 ${questions} 题，其中量表题 ${scaled} 题（${inDimensions} 题分属 ${dimensions} 个维度），开放题 ${open} 题。`,
  scale: (points: number, low: string, high: string) =>
    `量表题采用 ${points} 级李克特量表（1 = ${low} … ${points} = ${high}）。`,
  cleaningIntro: (total: string, incomplete: string, excluded: string, analysed: string) =>
    `回收问卷 ${total} 份，其中未完成 ${incomplete} 份；按下列规则剔除无效问卷 ${excluded} 份，最终有效问卷 ${analysed} 份。被标记的问卷均保留在系统中，可由审核人复核。`,
  keptFlagged: '本报告按“全部完成问卷”口径分析：被标记的问卷也计入结果。',
  severalRules: '注：一份问卷可能同时触犯多条规则，各规则份数之和可能大于剔除总数。',
  totals: { total: '回收问卷', incomplete: '未完成', excluded: '剔除合计', analysed: '有效问卷' },
  conversion: { ratio: '均值 ÷ 量表分数 × 100', range: '(均值 − 1) ÷ (量表分数 − 1) × 100' },
  scoring: {
    conversion: (named: string, other: string) =>
      `百分制换算：得分 = ${named}（另一常用换算 ${other} 的结果列于附录）。`,
    index: (weights: string) => `综合满意度指数：各维度得分的加权平均（权重 ${weights}）。`,
    top2: '满意率：选择 4 分或 5 分（满意、非常满意）的受访者占比。',
    high: '高满意度占比：个人得分达到 90 分及以上的受访者占比。',
    nps: '净推荐值 NPS = 推荐者占比（9–10 分）− 贬损者占比（0–6 分），取值 −100 至 100。',
    tests: '群体差异与批次变化采用 Welch t 检验或方差分析，显著性水平 p<0.05。',
  },
  sampleIntro: (n: string, weighted: string | null) =>
    `本次分析的有效样本为 ${n} 份${weighted ? `（加权样本量 ${weighted}）` : ''}，构成如下。`,
  indexText: (score: string, conversion: string, other: string, mean: string) =>
    `综合满意度指数为 ${score} 分（百分制，按 ${conversion} 换算；各维度均值 ${mean}）。按另一换算方法为 ${other} 分。`,
  satisfactionText: (mean: string, score: string, top2: string) =>
    `“总体满意度”题项均值 ${mean}，得分 ${score} 分，满意率 ${top2}。`,
  npsText: (nps: string, ci: string | null, pro: string, pas: string, det: string) =>
    `净推荐值 NPS 为 ${nps}${ci ? `（95% 置信区间 ${ci}）` : ''}：推荐者占 ${pro}，被动者占 ${pas}，贬损者占 ${det}。`,
  targetGap: (target: string, gap: string, met: boolean) =>
    met ? `已达到目标 ${target}（高出 ${gap}）。` : `目标为 ${target}，尚差 ${gap}。`,
  dimensionsText: (best: string, worst: string) =>
    `各维度中得分最高的是${best}，最低的是${worst}。`,
  dimensionText: (score: string, lowestItem: string, lowestScore: string) =>
    `该维度得分 ${score} 分；得分最低的题项是“${lowestItem}”（${lowestScore} 分）。`,
  previousText: (previous: string, change: string) => `上期为 ${previous} 分，变化 ${change}。`,
  trendText: (measure: string, from: string, to: string, change: string, p: string) =>
    `${measure}从“${from}”到“${to}”变化 ${change} 分，差异显著（${p}）。`,
  noTrendChange: '相邻批次之间没有显著变化。',
  likertCaption: (name: string) => `“${name}”各题项答案分布`,
  captions: {
    targets: '调查目标与达成情况',
    channels: '有效问卷的收集方式',
    channelsReturned: '回收问卷的收集方式',
    fieldwork: '各批次调查时间与回收情况',
    samples: '各批次样本抽取与完成情况',
    cleaning: '无效问卷剔除规则与结果',
    sample: '有效样本构成',
    kpis: '核心指标一览',
    satisfaction: '“总体满意度”答案分布',
    nps: '净推荐值构成',
    dimensionChart: '各维度得分与目标（百分制）',
    dimensionTable: '各维度得分',
    trendIndex: '综合指数与各维度得分趋势',
    trendNps: '净推荐值趋势',
    trendTable: '各批次主要指标',
    matrix: '重要性—表现矩阵（维度）',
    itemMatrix: '重要性—表现矩阵（题项，编号同表“改进优先顺序”）',
    drivers: '各维度对总体满意度的影响',
    priorities: '改进优先顺序（按紧迫度排序）',
    itemsAll: '全部题项统计',
    plan: '改进计划（负责部门与期限待填写）',
  },
  itemsCaption: (dimension: string) => `“${dimension}”题项得分`,
  segmentCaption: (attribute: string) => `不同${attribute}的得分`,
  themeCaption: (question: string) => `“${question}”意见主题`,
  driversIntro: (target: string, r2: string | null) =>
    `重要性以各维度得分与“${target}”的相关系数 r 衡量，表现为其百分制得分；图中虚线为各自的平均值。${r2 ? `各维度合计可解释总体满意度差异的 ${r2}（R²）。` : ''}`,
  prioritiesIntro: '紧迫度 = 重要性标准分 − 表现标准分：对客户重要而得分偏低者排在最前。',
  segmentsIntro:
    '以下仅列出差异显著（p<0.05）的属性。两组比较采用 Welch t 检验，多组比较采用单因素方差分析，两两比较经 Holm 校正。',
  welch: (t: string, df: string, p: string, g: string) =>
    `Welch t 检验，t(${df}) = ${t}，${p}，效应量 Hedges g = ${g}`,
  anova: (f: string, df1: string, df2: string, p: string, eta: string) =>
    `单因素方差分析，F(${df1}, ${df2}) = ${f}，${p}，效应量 η² = ${eta}`,
  welchAnova: (f: string, p: string) => `；Welch 方差分析 F = ${f}，${p}`,
  segmentFinding: (attribute: string, test: string, best: string, worst: string) =>
    `不同${attribute}的综合满意度指数存在显著差异（${test}）：${best}最高，${worst}最低。`,
  pairFinding: (higher: string, lower: string, diff: string, p: string) =>
    `${higher}比${lower}高 ${diff} 分（${p}）`,
  dimensionFinding: (list: string) => `差异显著的维度：${list}。`,
  smallGroups: (groups: string) => `样本不足 5 份的类别：${groups}，其结果仅供参考。`,
  noDifferences: '各属性之间均未发现显著差异（p≥0.05）。',
  notDiffering: (list: string) => `以下属性未发现显著差异（p≥0.05）：${list}。`,
  themesIntro: (answered: string, question: string) =>
    `共有 ${answered} 位受访者回答了“${question}”。按主题词典归类的意见如下（一条意见可归入多个主题）。`,
  examples: '典型原话',
  topWords: (words: string) => `高频词：${words}。`,
  noThemes: '本题的回答未归入任何主题。',
  findings: {
    change: (change: string, from: string, significant: boolean) =>
      `较“${from}”变化 ${change} 分${significant ? '（差异显著）' : '（差异不显著）'}`,
    index: (score: string, trend: string | null) =>
      `综合满意度指数为 ${score} 分${trend ? `，${trend}` : ''}。`,
    nps: (nps: string, target: string | null) =>
      `净推荐值为 ${nps}${target ? `，${target}` : '。'}`,
    dimensions: (best: string, worst: string) => `${best}表现最好，${worst}表现最弱。`,
    targets: (met: number, total: number) => `${total} 项量化目标中已达成 ${met} 项。`,
    segment: (attribute: string, best: string, worst: string) =>
      `不同${attribute}之间差异显著：${best}最满意，${worst}最不满意。`,
    theme: (theme: string, share: string) =>
      `开放题中提及最多的问题是“${theme}”（占作答者的 ${share}）。`,
  },
  action: (
    name: string,
    score: string,
    importance: string,
    quadrant: string,
    items: string,
    theme: string | null,
    goal: string,
  ) =>
    `“${name}”得分 ${score} 分，重要性 r = ${importance}，位于“${quadrant}”区域。得分偏低的题项：${items}。${theme ? `客户意见中相关的主题为“${theme}”。` : ''}建议明确责任部门与负责人，制定改进措施，并以下期得分达到 ${goal} 分为目标。`,
  keep: (name: string, score: string) =>
    `“${name}”得分 ${score} 分，对总体满意度的影响相对较小，建议保持现有服务水平并关注其变化。`,
  followUp:
    '以上改进措施的效果将通过下一期调查（或问题解决后的回访）跟踪验证；未达目标的事项重新制定计划。',
  questionTypes: {
    likert: '量表题',
    nps: '推荐度（0–10）',
    single: '单选题',
    dropdown: '单选题',
    range: '区间选择',
    multiple: '多选题',
    number: '数值题',
    text: '填空题',
    date: '日期',
    matrix: '矩阵量表题',
  } as Record<string, string>,
  npsScale: (low: string, high: string) => `0 = ${low} … 10 = ${high}`,
  itemsNote: (conversion: string, points: number) =>
    `注：“另一换算”按 ${conversion} 计算；1–${points} 列为选择各分值的受访者比例。`,
  chartsInEnglish: '注：本机未找到中文字体，图表标签以英文显示。',
};

export type ReportWords = typeof zh;

const en: ReportWords = {
  report: 'Survey report',
  cover: { waves: 'Waves', sample: 'Responses analysed', version: 'Questionnaire', date: 'Date' },
  confidential: 'Internal — confidential',
  contents: 'Contents',
  section: {
    purpose: 'Purpose and goal',
    method: 'Method',
    sample: 'Sample',
    results: 'Results',
    drivers: 'Key drivers',
    segments: 'Differences between customer groups',
    themes: 'Open answers',
    conclusions: 'Conclusions and recommendations',
    improvement: 'Improvement actions and closed loop',
    appendix: 'Appendix',
  },
  sub: {
    design: 'Respondents and field work',
    questionnaire: 'Questionnaire',
    cleaning: 'Data cleaning',
    scoring: 'Scoring',
    overall: 'Overall satisfaction',
    nps: 'Net Promoter Score (NPS)',
    dimensions: 'Dimension scores',
    trends: 'Trend across waves',
    matrix: 'Importance and performance',
    priorities: 'Priorities for improvement',
    findings: 'Main findings',
    actions: 'Recommendations',
    appendixQuestionnaire: 'The questionnaire',
    appendixItems: 'All items',
  },
  col: {
    metric: 'Measure',
    baseline: 'Baseline',
    target: 'Target',
    current: 'This wave',
    status: 'Status',
    rule: 'Rule',
    ruleMeaning: 'Applies when',
    excluded: 'Excluded',
    share: 'Share',
    attribute: 'Attribute',
    group: 'Group',
    n: 'n',
    value: 'Value',
    previous: 'Previous',
    change: 'Change',
    dimension: 'Dimension',
    item: 'Item',
    mean: 'Mean',
    sd: 'SD',
    score: 'Score',
    scoreOther: 'Other conv.',
    top2: 'Top-2',
    high: 'Highly satisfied',
    alpha: 'Alpha',
    importance: 'Importance r',
    beta: 'Beta',
    performance: 'Performance',
    quadrant: 'Quadrant',
    rank: 'Rank',
    kind: 'Level',
    priority: 'Priority',
    wave: 'Wave',
    index: 'Index',
    theme: 'Theme',
    mentions: 'Mentions',
    meanSatisfaction: 'Mean satisfaction',
    dissatisfied: 'Dissatisfied',
    channel: 'Channel',
    count: 'Responses',
    action: 'Improvement',
    goal: 'Next-wave goal',
    owner: 'Department / owner',
    deadline: 'Deadline',
    options: 'Options',
    period: 'Field work',
    sampleMethod: 'Sampling',
    frame: 'Frame',
    drawn: 'Drawn',
    completed: 'Completed',
    completionRate: 'Completion',
  },
  attribute: {
    wave: 'wave',
    type: 'customer type',
    stage: 'customer stage',
    region: 'region',
    industry: 'industry',
    size: 'company size',
    channel: 'channel',
    interviewer: 'interviewer',
  },
  channel: {
    interview: 'account-manager interview',
    kiosk: 'tablet self-completion',
    paper: 'paper cards typed in',
    import: 'online import',
  },
  rule: {
    too_fast: {
      name: 'Too fast',
      meaning: 'Filled in faster than the minimum time (default 2 minutes)',
    },
    straight_lining: {
      name: 'Straight-lining',
      meaning: 'Every scale answer the same extreme (all 1 or all 5)',
    },
    missing_key: { name: 'Key information missing', meaning: 'Customer name or contact missing' },
    duplicate: {
      name: 'Duplicate',
      meaning: 'Entered twice, or the same customer twice in one wave',
    },
    wrong_value: {
      name: 'Wrong value',
      meaning: 'An answer outside its range or failing its check',
    },
  },
  quadrant: {
    priority: 'Fix first',
    strength: 'Keep it up',
    maintain: 'Maintain',
    secondary: 'Lower priority',
  },
  priority: { urgent: 'Urgent', important: 'Important', normal: 'Normal' },
  kind: { dimension: 'Dimension', item: 'Item' },
  npsGroups: {
    detractors: 'Detractors (0–6)',
    passives: 'Passives (7–8)',
    promoters: 'Promoters (9–10)',
  },
  measure: {
    index: 'Overall satisfaction index',
    satisfaction: 'Overall satisfaction',
    high: 'Highly satisfied (≥ 90)',
    nps: 'Net Promoter Score',
    top2: 'Top-2 (4 or 5)',
  },
  status: { met: 'Met', notMet: (gap) => `Not met (${gap} to go)`, unknown: 'No data' },
  chart: {
    score: 'Score (of 100)',
    previous: 'Previous wave',
    current: 'This wave',
    target: 'Target',
    mentions: 'Mentions',
    importance: 'Importance (correlation r with overall satisfaction)',
    performance: 'Performance (score of 100)',
  },
  figure: (n) => `Figure ${n}. `,
  table: (n) => `Table ${n}. `,
  list: (parts) =>
    parts.length < 2
      ? parts.join('')
      : `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`,
  quote: (text) => `“${text}”`,
  paren: (text) => ` (${text})`,
  sep: ' ',
  page: ['Page ', ''],
  none: '—',
  points: ' points',
  noGoal:
    'The survey measures how satisfied customers are with each part of our service, to find what most needs improving.',
  noTargets: 'The questionnaire sets no measurable targets.',
  fieldwork: (waves, total, channels) =>
    `The survey covers ${waves}: ${total} questionnaires were returned, collected by ${channels}.`,
  period: (from, to) => `Field work ran from ${from} to ${to}.`,
  sampling: (text) => `Sampling: ${text}`,
  people: (interviewers, devices) =>
    interviewers > 0
      ? `Questionnaires were collected by ${interviewers} interviewer${interviewers === 1 ? '' : 's'} on ${devices} device${devices === 1 ? '' : 's'}.`
      : `Questionnaires were collected on ${devices} device${devices === 1 ? '' : 's'}.`,
  samplesIntro: 'How the sample of each wave was drawn and completed:',
  structure: (questions, scaled, inDimensions, dimensions, open) =>
    `The questionnaire has ${questions} questions: ${scaled} rating items (${inDimensions} of them in ${dimensions} dimensions) and ${open} open questions.`,
  scale: (points, low, high) =>
    `Rating items use a ${points}-point Likert scale (1 = ${low} … ${points} = ${high}).`,
  cleaningIntro: (total, incomplete, excluded, analysed) =>
    `Of ${total} questionnaires returned, ${incomplete} were not complete; the rules below excluded ${excluded}, leaving ${analysed} for analysis. Flagged questionnaires are kept in the system for a reviewer to check.`,
  keptFlagged: 'This report analyses every complete questionnaire: flagged ones are included.',
  severalRules:
    'One questionnaire can break several rules, so the rules can add up to more than the total excluded.',
  totals: {
    total: 'Returned',
    incomplete: 'Not complete',
    excluded: 'Excluded in total',
    analysed: 'Analysed',
  },
  conversion: {
    ratio: 'mean ÷ scale points × 100',
    range: '(mean − 1) ÷ (scale points − 1) × 100',
  },
  scoring: {
    conversion: (named, other) =>
      `100-point scores: score = ${named} (the other common conversion, ${other}, is listed in the appendix).`,
    index: (weights) =>
      `Overall satisfaction index: the weighted mean of the dimension scores (weights ${weights}).`,
    top2: 'Top-2: the share of respondents answering 4 or 5 (satisfied or very satisfied).',
    high: 'Highly satisfied: the share of respondents whose own score is 90 or more.',
    nps: 'NPS = share of promoters (9–10) − share of detractors (0–6), from −100 to 100.',
    tests:
      'Differences between groups and waves are tested with Welch’s t-test or analysis of variance at p\u00a0<\u00a00.05.',
  },
  sampleIntro: (n, weighted) =>
    `${n} questionnaires were analysed${weighted ? ` (weighted n ${weighted})` : ''}, made up as follows.`,
  indexText: (score, conversion, other, mean) =>
    `The overall satisfaction index is ${score} of 100 (converted as ${conversion}; mean of the dimensions ${mean}). With the other conversion it is ${other}.`,
  satisfactionText: (mean, score, top2) =>
    `The “overall satisfaction” item has a mean of ${mean}, a score of ${score} and a top-2 share of ${top2}.`,
  npsText: (nps, ci, pro, pas, det) =>
    `The Net Promoter Score is ${nps}${ci ? ` (95% interval ${ci})` : ''}: ${pro} promoters, ${pas} passives and ${det} detractors.`,
  targetGap: (target, gap, met) =>
    met ? `The target of ${target} is met (by ${gap}).` : `The target is ${target}: ${gap} to go.`,
  dimensionsText: (best, worst) =>
    `The highest-scoring dimension is ${best}; the lowest is ${worst}.`,
  dimensionText: (score, lowestItem, lowestScore) =>
    `The dimension scores ${score}; its lowest item is “${lowestItem}” (${lowestScore}).`,
  previousText: (previous, change) =>
    `The previous wave scored ${previous}, a change of ${change}.`,
  trendText: (measure, from, to, change, p) =>
    `${measure} changed by ${change} points from “${from}” to “${to}”, a significant change (${p}).`,
  noTrendChange: 'No significant change between consecutive waves.',
  likertCaption: (name) => `Answers to the items of “${name}”`,
  captions: {
    targets: 'Targets and whether they were met',
    channels: 'How the analysed questionnaires were collected',
    channelsReturned: 'How the questionnaires were collected',
    fieldwork: 'Field work by wave',
    samples: 'Sample drawn and completed by wave',
    cleaning: 'Cleaning rules and exclusions',
    sample: 'The sample analysed',
    kpis: 'Headline figures',
    satisfaction: 'Answers to “overall satisfaction”',
    nps: 'Net Promoter Score breakdown',
    dimensionChart: 'Dimension scores against their targets (of 100)',
    dimensionTable: 'Dimension scores',
    trendIndex: 'Index and dimension scores per wave',
    trendNps: 'Net Promoter Score per wave',
    trendTable: 'Headline figures per wave',
    matrix: 'Importance against performance (dimensions)',
    itemMatrix: 'Importance against performance (items, numbered as in the priority table)',
    drivers: 'How each dimension goes with overall satisfaction',
    priorities: 'Priorities for improvement (most urgent first)',
    itemsAll: 'Statistics of every item',
    plan: 'Improvement plan (department, owner and deadline to be filled in)',
  },
  itemsCaption: (dimension) => `Items of “${dimension}”`,
  segmentCaption: (attribute) => `Scores by ${attribute}`,
  themeCaption: (question) => `Themes in “${question}”`,
  driversIntro: (target, r2) =>
    `Importance is the correlation r of each dimension with “${target}”; performance is its score of 100. The dashed lines are the averages.${r2 ? ` Together the dimensions explain ${r2} of the differences in overall satisfaction (R²).` : ''}`,
  prioritiesIntro:
    'Urgency = standardised importance − standardised performance: what matters to customers and scores low comes first.',
  segmentsIntro:
    'Only attributes with a significant difference (p\u00a0<\u00a00.05) are shown. Two groups are compared with Welch’s t-test, more with one-way analysis of variance and Holm-adjusted pairs.',
  welch: (t, df, p, g) => `Welch’s t-test, t(${df}) = ${t}, ${p}, Hedges’ g = ${g}`,
  anova: (f, df1, df2, p, eta) => `one-way ANOVA, F(${df1}, ${df2}) = ${f}, ${p}, η² = ${eta}`,
  welchAnova: (f, p) => `; Welch’s ANOVA F = ${f}, ${p}`,
  segmentFinding: (attribute, test, best, worst) =>
    `The overall index differs significantly by ${attribute} (${test}): highest for ${best}, lowest for ${worst}.`,
  pairFinding: (higher, lower, diff, p) =>
    `${higher} scores ${diff} points higher than ${lower} (${p})`,
  dimensionFinding: (list) => `Dimensions that differ significantly: ${list}.`,
  smallGroups: (groups) => `Fewer than 5 respondents in ${groups}: read their figures with care.`,
  noDifferences: 'No attribute shows a significant difference (p\u00a0≥\u00a00.05).',
  notDiffering: (list) => `No significant difference (p\u00a0≥\u00a00.05) by ${list}.`,
  themesIntro: (answered, question) =>
    `${answered} respondents answered “${question}”. Their answers by theme of the theme dictionary (one answer can fall under several themes):`,
  examples: 'In their words',
  topWords: (words) => `Most frequent words: ${words}.`,
  noThemes: 'None of the answers fell under a theme.',
  findings: {
    change: (change, from, significant) =>
      `${change} points against “${from}” (${significant ? 'a significant change' : 'not a significant change'})`,
    index: (score, trend) =>
      `The overall satisfaction index is ${score} of 100${trend ? `, ${trend}` : ''}.`,
    nps: (nps, target) => `The Net Promoter Score is ${nps}${target ? `. ${target}` : '.'}`,
    dimensions: (best, worst) => `${best} performs best and ${worst} worst.`,
    targets: (met, total) => `${met} of ${total} measurable targets are met.`,
    segment: (attribute, best, worst) =>
      `Customers differ significantly by ${attribute}: ${best} are the most satisfied, ${worst} the least.`,
    theme: (theme, share) =>
      `The problem mentioned most in open answers is “${theme}” (${share} of those answering).`,
  },
  action: (name, score, importance, quadrant, items, theme, goal) =>
    `“${name}” scores ${score}, with importance r = ${importance}, in the “${quadrant}” quadrant. Its weakest items: ${items}.${theme ? ` Related theme in customers’ comments: “${theme}”.` : ''} Name an owning department and person, agree measures, and aim for a score of ${goal} in the next wave.`,
  keep: (name, score) =>
    `“${name}” scores ${score} and matters less to overall satisfaction: keep the current level and watch it.`,
  followUp:
    'The next wave (or a revisit after the fix) verifies these actions; targets that are missed get a new plan.',
  questionTypes: {
    likert: 'rating',
    nps: 'recommendation (0–10)',
    single: 'single choice',
    dropdown: 'single choice',
    range: 'range',
    multiple: 'multiple choice',
    number: 'number',
    text: 'text',
    date: 'date',
    matrix: 'rating grid',
  },
  npsScale: (low, high) => `0 = ${low} … 10 = ${high}`,
  itemsNote: (conversion, points) =>
    `“Other conv.” is ${conversion}; columns 1–${points} are the shares of respondents choosing each point.`,
  chartsInEnglish:
    'Note: no Chinese font was found on this computer, so chart labels are in English.',
};

const WORDS: Record<ReportLanguage, ReportWords> = { 'zh-CN': zh, en };

export function wordsFor(lang: ReportLanguage): ReportWords {
  return WORDS[lang];
}
