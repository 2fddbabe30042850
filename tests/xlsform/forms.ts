/**
 * Questionnaires built by hand for the XLSForm tests: one with every question type and every
 * field export has to carry, and small ones in other language combinations.
 */
import {
  definitionSchema,
  type LocalizedText,
  type SurveyDefinition,
  type SurveyDefinitionInput,
} from '../../shared/questionnaire/model';

const zhEn = (zh: string, en: string): LocalizedText => ({ 'zh-CN': zh, en });
const option = (
  value: string,
  zh: string,
  en: string,
  flags: { other?: boolean; exclusive?: boolean } = {},
) => ({
  value,
  label: zhEn(zh, en),
  ...flags,
});

const SATISFACTION = [
  zhEn('非常不满意', 'Very dissatisfied'),
  zhEn('不满意', 'Dissatisfied'),
  zhEn('一般', 'Neutral'),
  zhEn('满意', 'Satisfied'),
  zhEn('非常满意', 'Very satisfied'),
];

const everyType: SurveyDefinitionInput = {
  formatVersion: 1,
  title: zhEn('全部题型', 'Every question type'),
  description: zhEn('测试用问卷', 'A questionnaire for tests'),
  languages: ['zh-CN', 'en'],
  defaultLanguage: 'zh-CN',
  goal: zhEn('覆盖所有字段', 'Cover every field'),
  targets: [
    { metric: 'overall', target: 4.5 },
    { metric: 'service', label: zhEn('服务得分', 'Service score'), baseline: 3.2, target: 4 },
  ],
  dimensions: [
    { id: 'service', name: zhEn('服务', 'Service'), weight: 2 },
    { id: 'product', name: zhEn('产品', 'Product') },
  ],
  pages: [
    {
      id: 'p_experience',
      title: zhEn('体验', 'Experience'),
      questions: [
        {
          type: 'likert',
          id: 'speed',
          name: 'speed',
          label: zhEn('速度', 'Speed'),
          hint: zhEn('请选择一项', 'Choose one'),
          required: true,
          points: 3,
          pointLabels: [zhEn('慢', 'Slow'), zhEn('一般', 'Average'), zhEn('快', 'Fast')],
          reverse: true,
          dimension: 'service',
          weight: 2,
        },
        {
          type: 'likert',
          id: 'quality',
          name: 'quality',
          label: zhEn('质量', 'Quality'),
          points: 7,
          reverse: true,
          dimension: 'product',
        },
        {
          type: 'nps',
          id: 'recommend',
          name: 'recommend',
          label: zhEn('推荐可能性', 'How likely to recommend'),
          required: true,
          lowLabel: zhEn('完全不可能', 'Not at all likely'),
          highLabel: zhEn('极有可能', 'Extremely likely'),
        },
        {
          type: 'single',
          id: 'channel',
          name: 'channel',
          label: zhEn('渠道', 'Channel'),
          required: true,
          choices: [
            option('store', '门店', 'Store'),
            option('phone', '电话', 'Phone'),
            option('other', '其他', 'Other', { other: true }),
          ],
        },
        {
          type: 'multiple',
          id: 'issues',
          name: 'issues',
          label: zhEn('遇到的问题', 'Problems you had'),
          choices: [
            option('slow', '慢', 'Slow'),
            option('rude', '不礼貌', 'Rude'),
            option('wrong', '出错', 'Wrong answer'),
            option('none', '都没有', 'None of these', { exclusive: true }),
          ],
          minSelections: 1,
          maxSelections: 3,
          constraint: "not(selected(., 'none') and count-selected(.) > 1)",
          constraintMessage: zhEn(
            '“都没有”不能与其他选项同时选择',
            '"None of these" cannot be combined',
          ),
        },
        {
          type: 'dropdown',
          id: 'city',
          name: 'city',
          label: zhEn('城市', 'City'),
          choices: [
            option('bj', '北京', 'Beijing'),
            option('sh', '上海', 'Shanghai'),
            option('gz', '广州', 'Guangzhou'),
          ],
        },
        {
          type: 'range',
          id: 'wait_time',
          name: 'wait_time',
          label: zhEn('等待时间', 'Waiting time'),
          choices: [
            option('le30', '30 分钟以内', '<= 30 min'),
            option('30-60', '30-60 分钟', '30-60 min'),
            option('gt60', '60 分钟以上', '> 60 min'),
          ],
        },
        { type: 'number', id: 'age', name: 'age', label: zhEn('年龄', 'Age'), min: 18, max: 99 },
        {
          type: 'number',
          id: 'spend',
          name: 'spend',
          label: zhEn('消费金额', 'Amount spent'),
          integer: false,
          min: 0,
          unit: zhEn('元', 'CNY'),
          constraint: '. != 13.5',
          constraintMessage: zhEn('金额不能是 13.5', 'The amount cannot be 13.5'),
        },
        {
          type: 'text',
          id: 'staff_name',
          name: 'staff_name',
          label: zhEn('员工姓名', 'Staff name'),
          maxLength: 40,
          personal: true,
          relevant: "${channel} = 'store'",
        },
        {
          type: 'text',
          id: 'comments',
          name: 'comments',
          label: zhEn('意见', 'Comments'),
          multiline: true,
        },
        {
          type: 'date',
          id: 'visit_date',
          name: 'visit_date',
          label: zhEn('到访日期', 'Visit date'),
          constraint: '. <= today()',
          constraintMessage: zhEn('不能晚于今天', 'Cannot be in the future'),
        },
        {
          type: 'date',
          id: 'visit_at',
          name: 'visit_at',
          label: zhEn('到访时间', 'Visit date and time'),
          mode: 'datetime',
        },
        {
          type: 'date',
          id: 'call_time',
          name: 'call_time',
          label: zhEn('方便通话时间', 'Best time to call'),
          mode: 'time',
        },
      ],
    },
    {
      id: 'page 2',
      title: zhEn('详情', 'Details'),
      relevant: '${recommend} <= 6',
      questions: [
        {
          type: 'matrix',
          id: 'aspects',
          name: 'aspects',
          label: zhEn('请评价以下方面', 'Rate these aspects'),
          hint: zhEn('每行选一项', 'One answer per row'),
          required: true,
          dimension: 'service',
          weight: 1.5,
          points: 5,
          pointLabels: SATISFACTION,
          items: [
            { id: 'aspect_speed', name: 'aspect_speed', label: zhEn('速度', 'Speed') },
            { id: 'item-2', name: 'aspect_price', label: zhEn('价格', 'Price'), reverse: true },
            {
              id: 'aspect_staff',
              name: 'aspect_staff',
              label: zhEn('员工', 'Staff'),
              dimension: 'product',
            },
          ],
        },
        {
          type: 'note',
          id: 'thanks_note',
          name: 'thanks_note',
          label: zhEn('快完成了', 'Almost done'),
        },
        {
          type: 'calculate',
          id: 'score_sum',
          name: 'score_sum',
          label: zhEn('合计', 'Sum'),
          calculation: '${speed} + ${quality}',
        },
        {
          type: 'text',
          id: 'q_17',
          name: 'email',
          label: zhEn('电子邮箱', 'E-mail'),
          personal: true,
          constraint: "regex(., '^[^@]+@[^@]+$')",
          constraintMessage: zhEn('请填写有效的邮箱', 'Please enter a valid e-mail address'),
        },
      ],
    },
  ],
  consent: { text: zhEn('同意参加', 'I agree to take part'), required: false },
  thankYou: zhEn('谢谢！', 'Thank you!'),
};

/** Every question type and every field XLSForm export has to carry. */
export const everyTypeForm: SurveyDefinition = definitionSchema.parse(everyType);

/** English first and default, Chinese second. */
export const englishFirstForm: SurveyDefinition = definitionSchema.parse({
  formatVersion: 1,
  title: { en: 'Visit feedback', 'zh-CN': '到访反馈' },
  languages: ['en', 'zh-CN'],
  defaultLanguage: 'en',
  pages: [
    {
      id: 'p1',
      title: { en: 'Your visit', 'zh-CN': '您的到访' },
      questions: [
        {
          type: 'likert',
          id: 'overall',
          name: 'overall',
          label: { en: 'Overall satisfaction', 'zh-CN': '总体满意度' },
          pointLabels: SATISFACTION,
        },
        {
          type: 'text',
          id: 'why',
          name: 'why',
          label: { en: 'Why?', 'zh-CN': '原因？' },
          multiline: true,
        },
      ],
    },
  ],
} satisfies SurveyDefinitionInput);

/** Simplified and traditional Chinese and English, with a translation missing. */
export const threeLanguageForm: SurveyDefinition = definitionSchema.parse({
  formatVersion: 1,
  title: { 'zh-CN': '满意度', 'zh-TW': '滿意度', en: 'Satisfaction' },
  languages: ['zh-CN', 'zh-TW', 'en'],
  defaultLanguage: 'zh-TW',
  pages: [
    {
      id: 'p1',
      title: { 'zh-TW': '問卷' },
      questions: [
        {
          type: 'single',
          id: 'callback',
          name: 'callback',
          label: { 'zh-CN': '可以回访吗？', 'zh-TW': '可以回訪嗎？', en: 'May we call you back?' },
          choices: [
            { value: 'yes', label: { 'zh-CN': '可以', 'zh-TW': '可以', en: 'Yes' } },
            { value: 'no', label: { 'zh-CN': '不用', 'zh-TW': '不用', en: 'No' } },
          ],
        },
      ],
    },
  ],
} satisfies SurveyDefinitionInput);
