/** 售后服务反馈表: a short form after a repair, installation, return or support case. */
import { DEFINITION_FORMAT_VERSION, type SurveyDefinition } from '../model';
import { choices, likert, nps, range, single, text, tx } from './build';

export const afterSalesTemplate: SurveyDefinition = {
  formatVersion: DEFINITION_FORMAT_VERSION,
  title: tx(['售后服务反馈表', 'After-sales service feedback']),
  description: tx([
    '您最近接受了我们的售后服务，请花 3 分钟告诉我们您的感受。',
    'You recently used our after-sales service. Please take 3 minutes to tell us how it went.',
  ]),
  languages: ['zh-CN', 'en'],
  defaultLanguage: 'zh-CN',
  goal: tx(['提高售后问题的一次解决率和响应速度。', 'Raise first-time fix rate and response speed for after-sales cases.']),
  targets: [{ metric: 'solved_first_time', label: tx(['一次解决率 (%)', 'First-time fix rate (%)']), baseline: null, target: 85 }],
  dimensions: [
    { id: 'responsiveness', name: tx(['响应及时性', 'Responsiveness']), weight: 1 },
    { id: 'resolution', name: tx(['问题解决效率', 'Resolution efficiency']), weight: 1 },
    { id: 'professionalism', name: tx(['服务专业性', 'Professionalism']), weight: 1 },
  ],
  pages: [
    {
      id: 'p_case',
      title: tx(['本次服务', 'This service case']),
      relevant: '',
      questions: [
        single(
          'service_kind',
          ['本次售后服务的类型', 'What kind of service was it?'],
          choices([
            ['repair', ['维修', 'Repair']],
            ['install', ['安装调试', 'Installation']],
            ['return', ['退换货', 'Return or exchange']],
            ['support', ['技术支持', 'Technical support']],
          ]),
        ),
        range(
          'time_to_fix',
          ['从报修到问题解决大约用了多长时间？', 'How long did it take from your report to the fix?'],
          choices([
            ['h4', ['4 小时以内', 'Up to 4 hours']],
            ['h24', ['4-24 小时', '4-24 hours']],
            ['d3', ['1-3 天', '1-3 days']],
            ['d3plus', ['3 天以上', 'More than 3 days']],
          ]),
        ),
        likert('timeliness', ['服务人员响应和到场及时', 'Staff responded and arrived on time'], 'responsiveness'),
        likert('engineer_skill', ['工程师的技术水平', "The engineer's technical skill"], 'professionalism'),
        likert('engineer_manner', ['工程师的服务态度与规范', "The engineer's manner and conduct"], 'professionalism'),
        single(
          'solved',
          ['问题是否已经解决？', 'Is the problem solved?'],
          choices([
            ['yes', ['已彻底解决', 'Yes, completely']],
            ['partly', ['部分解决', 'Partly']],
            ['no', ['没有解决', 'No']],
          ]),
        ),
        text('remaining', ['还有哪些问题没有解决？', 'What is still not solved?'], {
          relevant: "${solved} != 'yes'",
          required: true,
          multiline: true,
        }),
        likert('fix_quality', ['对问题解决结果的满意程度', 'How satisfied are you with the result?'], 'resolution'),
      ],
    },
    {
      id: 'p_overall',
      title: tx(['总体评价', 'Overall']),
      relevant: '',
      questions: [
        likert('overall', ['对本次售后服务的总体满意度', 'Overall satisfaction with this service'], null),
        nps('nps', ['您有多大可能向他人推荐我们的售后服务？', 'How likely are you to recommend our after-sales service?']),
        text('suggestion', ['您对我们的售后服务还有什么建议？', 'Any suggestions for our after-sales service?'], { multiline: true }),
      ],
    },
  ],
  consent: {
    text: tx(['您的回答仅用于改进售后服务，我们会妥善保管。', 'Your answers are used only to improve after-sales service and are kept safe.']),
    required: true,
  },
  thankYou: tx(['感谢您的反馈，祝您使用愉快！', 'Thank you for your feedback!']),
};
