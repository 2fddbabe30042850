/**
 * A questionnaire with every question type the card prints (and one it omits), in simplified
 * and traditional Chinese and English: the templates use no matrix, number, dropdown or time.
 */
import type {
  Choice,
  LocalizedText,
  Question,
  SurveyDefinition,
} from '../../shared/questionnaire/model';

const t = (zh: string, tw: string, en: string): LocalizedText => ({ 'zh-CN': zh, 'zh-TW': tw, en });

const base = {
  hint: {},
  required: false,
  relevant: '',
  constraint: '',
  constraintMessage: {},
  dimension: null,
  weight: 1,
  personal: false,
};

const choice = (value: string, label: LocalizedText, flags: Partial<Choice> = {}): Choice => ({
  value,
  label,
  other: false,
  exclusive: false,
  ...flags,
});

const CITIES = [
  '北京',
  '上海',
  '广州',
  '深圳',
  '杭州',
  '南京',
  '成都',
  '武汉',
  '西安',
  '重庆',
  '天津',
];

const questions: Question[] = [
  {
    ...base,
    id: 'welcome',
    name: 'welcome',
    type: 'note',
    label: t(
      '请根据最近一次到店体验作答。',
      '請根據最近一次到店體驗作答。',
      'Please answer about your most recent visit.',
    ),
  },
  {
    ...base,
    id: 'store',
    name: 'store',
    type: 'dropdown',
    required: true,
    label: t(
      '您去的是哪个城市的门店？',
      '您去的是哪個城市的門市？',
      'Which city was the store in?',
    ),
    choices: CITIES.map((city, i) => choice(`c${i + 1}`, t(city, city, `City ${i + 1}`))),
  },
  {
    ...base,
    id: 'visits',
    name: 'visits',
    type: 'number',
    label: t(
      '过去一年您到店几次？',
      '過去一年您到店幾次？',
      'How many times did you visit in the last year?',
    ),
    hint: t('请填写整数', '請填寫整數', 'A whole number'),
    integer: true,
    min: 0,
    max: 99,
    unit: t('次', '次', 'times'),
  },
  {
    ...base,
    id: 'visit_date',
    name: 'visit_date',
    type: 'date',
    mode: 'datetime',
    label: t('到店时间', '到店時間', 'When did you visit?'),
  },
  {
    ...base,
    id: 'store_grid',
    name: 'store_grid',
    type: 'matrix',
    required: true,
    label: t('请评价门店的以下方面', '請評價門市的以下方面', 'Please rate the store on'),
    points: 5,
    pointLabels: [
      t('很差', '很差', 'Very poor'),
      t('较差', '較差', 'Poor'),
      t('一般', '一般', 'Fair'),
      t('较好', '較好', 'Good'),
      t('很好', '很好', 'Very good'),
    ],
    items: [
      {
        id: 'clean',
        name: 'clean',
        label: t('整洁', '整潔', 'Cleanliness'),
        reverse: false,
        dimension: null,
      },
      {
        id: 'wait',
        name: 'wait',
        label: t('等候时间', '等候時間', 'Waiting time'),
        reverse: false,
        dimension: null,
      },
    ],
  },
  {
    ...base,
    id: 'topics',
    name: 'topics',
    type: 'multiple',
    label: t('您希望我们改进哪些方面？', '您希望我們改進哪些方面？', 'What should we improve?'),
    minSelections: 1,
    maxSelections: 2,
    choices: [
      choice('price', t('价格', '價格', 'Price')),
      choice('staff', t('店员', '店員', 'Staff')),
      choice('other', t('其他', '其他', 'Other'), { other: true }),
    ],
  },
  {
    ...base,
    id: 'total',
    name: 'total',
    type: 'calculate',
    label: t('合计', '合計', 'Total'),
    calculation: '${visits} * 2',
  },
  {
    ...base,
    id: 'wait_time',
    name: 'wait_time',
    type: 'date',
    mode: 'time',
    label: t('等候了多久？', '等候了多久？', 'How long did you wait?'),
  },
];

const followUp: Question[] = [
  {
    ...base,
    id: 'why_wait',
    name: 'why_wait',
    type: 'text',
    multiline: true,
    maxLength: null,
    label: t(
      '等候时间哪里让您不满意？',
      '等候時間哪裡讓您不滿意？',
      'What was wrong with the waiting time?',
    ),
  },
];

/** Every printable question type; a page shown only after a low waiting-time rating. */
export function everyTypeDefinition(): SurveyDefinition {
  return {
    formatVersion: 1,
    title: t('门店体验调查', '門市體驗調查', 'Store visit survey'),
    description: t('约 2 分钟。', '約 2 分鐘。', 'About 2 minutes.'),
    languages: ['zh-CN', 'zh-TW', 'en'],
    defaultLanguage: 'zh-CN',
    goal: {},
    targets: [],
    dimensions: [],
    pages: [
      { id: 'p1', title: t('到店', '到店', 'Your visit'), relevant: '', questions },
      {
        id: 'p2',
        title: t('等候', '等候', 'Waiting'),
        relevant: '${wait} <= 2',
        questions: followUp,
      },
    ],
    consent: {
      text: t('仅用于改进门店服务。', '僅用於改進門市服務。', 'Used only to improve our stores.'),
      required: true,
    },
    thankYou: t('谢谢！', '謝謝！', 'Thank you!'),
  };
}
