/** 客户服务满意度调查: the five service dimensions of DOMAIN.md, three items each. */
import { DEFINITION_FORMAT_VERSION, type SurveyDefinition } from '../model';
import { AGREEMENT_5, PHONE_CONSTRAINT, PHONE_MESSAGE, choices, date, likert, multiple, nps, single, text, tx } from './build';

const agree = { labels: AGREEMENT_5 };

export const customerServiceTemplate: SurveyDefinition = {
  formatVersion: DEFINITION_FORMAT_VERSION,
  title: tx(['客户服务满意度调查', 'Customer service satisfaction survey']),
  description: tx([
    '感谢您抽出 5-8 分钟参与本次调查。您的意见将直接用于改进我们的服务。',
    'Thank you for taking 5-8 minutes for this survey. Your answers go straight into improving our service.',
  ]),
  languages: ['zh-CN', 'en'],
  defaultLanguage: 'zh-CN',
  goal: tx([
    '了解客户对服务各环节的满意度，找出最需要改进的环节；目标：响应及时性得分由 3.5 提升到 4.2。',
    'Learn how satisfied customers are with each part of our service and find what most needs improving; goal: responsiveness score from 3.5 to 4.2.',
  ]),
  targets: [
    { metric: 'responsiveness', label: tx(['响应及时性得分', 'Responsiveness score']), baseline: 3.5, target: 4.2 },
    { metric: 'nps', label: tx(['净推荐值', 'Net Promoter Score']), baseline: null, target: 30 },
  ],
  dimensions: [
    { id: 'responsiveness', name: tx(['响应及时性', 'Responsiveness']), weight: 1 },
    { id: 'resolution', name: tx(['问题解决效率', 'Resolution efficiency']), weight: 1 },
    { id: 'professionalism', name: tx(['服务专业性', 'Professionalism']), weight: 1 },
    { id: 'communication', name: tx(['沟通体验', 'Communication']), weight: 1 },
    { id: 'value_added', name: tx(['增值服务', 'Value-added service']), weight: 1 },
  ],
  pages: [
    {
      id: 'p_service',
      title: tx(['服务评价', 'Your view of our service']),
      relevant: '',
      questions: [
        likert('resp_1', ['服务人员能够及时响应我的咨询或需求', 'Staff responded promptly to my enquiries and requests'], 'responsiveness', agree),
        likert('resp_2', ['问题反馈后，能在承诺的时间内得到答复', 'After I reported a problem, I had an answer within the promised time'], 'responsiveness', agree),
        likert('resp_3', ['紧急问题能够得到优先处理', 'Urgent problems were handled first'], 'responsiveness', agree),
        likert('reso_1', ['我的问题能够一次性得到解决', 'My problem was solved at the first contact'], 'resolution', agree),
        likert('reso_2', ['解决问题的整体用时令我满意', 'The total time to solve my problem was acceptable'], 'resolution', agree),
        likert('reso_3', ['解决方案切实有效，问题没有反复出现', 'The solution worked and the problem did not come back'], 'resolution', agree),
        likert('prof_1', ['服务人员具备扎实的产品和业务知识', 'Staff know our products and my business well'], 'professionalism', agree),
        likert('prof_2', ['服务人员能够准确理解我的需求', 'Staff understood my needs accurately'], 'professionalism', agree),
        likert('prof_3', ['服务人员给出的建议专业、可信', 'The advice I was given was professional and trustworthy'], 'professionalism', agree),
        likert('comm_1', ['服务人员态度友好、耐心', 'Staff were friendly and patient'], 'communication', agree),
        likert('comm_2', ['沟通清晰，信息传达准确', 'Communication was clear and the information accurate'], 'communication', agree),
        likert('comm_3', ['处理进展能够主动告知我', 'I was told about progress without having to ask'], 'communication', agree),
        likert('value_1', ['我得到了超出预期的额外帮助或建议', 'I received help or advice beyond what I expected'], 'value_added', agree),
        likert('value_2', ['定期回访、培训等增值服务对我有帮助', 'Follow-up visits, training and other extras are useful to me'], 'value_added', agree),
        likert('value_3', ['我能方便地获取所需的资料和工具', 'I can easily get the documents and tools I need'], 'value_added', agree),
      ],
    },
    {
      id: 'p_overall',
      title: tx(['总体评价', 'Overall']),
      relevant: '',
      questions: [
        likert('overall', ['总体而言，您对我们的服务满意吗？', 'Overall, how satisfied are you with our service?'], null),
        nps('nps', ['您有多大可能向朋友或同事推荐我们？', 'How likely are you to recommend us to a friend or colleague?']),
        text('improve', ['您认为我们的服务最需要改进的是哪一方面？', 'Which part of our service most needs improving?'], { multiline: true }),
        text('memorable', ['请谈谈您印象最深的一次服务经历（好的或不好的）', 'Tell us about your most memorable service experience, good or bad'], { multiline: true }),
      ],
    },
    {
      id: 'p_respondent',
      title: tx(['受访者信息', 'About you']),
      relevant: '',
      questions: [
        text('customer_id', ['客户编号', 'Customer ID'], { hint: tx(['例如 C202405001', 'e.g. C202405001']) }),
        multiple(
          'service_type',
          ['您最近接受的服务类型（可多选）', 'Which services did you use recently? (choose all that apply)'],
          choices([
            ['consult', ['咨询', 'Enquiry']],
            ['complaint', ['投诉', 'Complaint']],
            ['after_sales', ['售后', 'After-sales']],
            ['implementation', ['实施', 'Implementation']],
            ['training', ['培训', 'Training']],
            ['other', ['其他', 'Other'], { other: true }],
          ]),
        ),
        date('service_date', ['最近一次服务日期', 'Date of your most recent service'], { required: false, constraint: '. <= today()', constraintMessage: tx(['服务日期不能晚于今天', 'The service date cannot be in the future']) }),
        text('staff_id', ['为您服务的员工工号（如知道）', 'Staff ID of the person who served you (if known)'], { hint: tx(['例如 S008', 'e.g. S008']) }),
        single(
          'callback',
          ['我们可以就您的意见回访您吗？', 'May we call you back about your answers?'],
          choices([
            ['phone', ['可以，请电话联系我', 'Yes, by phone']],
            ['no', ['不需要', 'No, thank you']],
          ]),
        ),
        text('contact_name', ['联系人姓名', 'Contact name'], { relevant: "${callback} = 'phone'", required: true, personal: true }),
        text('phone', ['联系电话', 'Phone number'], {
          relevant: "${callback} = 'phone'",
          required: true,
          personal: true,
          constraint: PHONE_CONSTRAINT,
          constraintMessage: PHONE_MESSAGE,
        }),
      ],
    },
  ],
  consent: {
    text: tx([
      '本调查由我公司组织，仅用于改进服务。您的回答将被保密，个人信息不会提供给第三方。继续即表示您同意参与。',
      'This survey is run by our company only to improve our service. Your answers are confidential and your personal details are never passed to third parties. By continuing you agree to take part.',
    ]),
    required: true,
  },
  thankYou: tx(['感谢您的宝贵意见！', 'Thank you for your feedback!']),
};
