/** 展会快速调查: at most eight questions on a kiosk tablet, with lead capture only after consent. */
import { DEFINITION_FORMAT_VERSION, type SurveyDefinition } from '../model';
import { PHONE_CONSTRAINT, PHONE_MESSAGE, choices, likert, multiple, nps, single, text, tx } from './build';

const leadShown = "${lead_ok} = 'yes'";

export const tradeShowTemplate: SurveyDefinition = {
  formatVersion: DEFINITION_FORMAT_VERSION,
  title: tx(['展会快速调查', 'Trade-show quick survey']),
  description: tx(['只需 1 分钟，点一点即可完成。', 'One minute, just tap your answers.']),
  languages: ['zh-CN', 'en'],
  defaultLanguage: 'zh-CN',
  goal: tx(['了解展台体验和产品兴趣，收集有意向的客户线索。', 'Learn how visitors rate the booth and which products interest them; collect leads.']),
  targets: [],
  dimensions: [{ id: 'booth', name: tx(['展台体验', 'Booth experience']), weight: 1 }],
  pages: [
    {
      id: 'p_visit',
      title: tx(['您的参观', 'Your visit']),
      relevant: '',
      questions: [
        single(
          'visit_reason',
          ['您今天来到我们展台的主要原因是？', 'What brought you to our booth today?'],
          choices([
            ['existing', ['我是老客户', "I'm already a customer"]],
            ['looking', ['正在寻找解决方案', "I'm looking for a solution"]],
            ['passing', ['路过看看', 'Just passing by']],
            ['invited', ['收到邀请', 'I was invited']],
          ]),
        ),
        likert('booth_rating', ['您对展台讲解与演示的满意度', 'How satisfied are you with the explanations and demos?'], 'booth'),
        multiple(
          'interest',
          ['您对哪些产品感兴趣？（可多选）', 'Which products interest you? (choose all that apply)'],
          choices([
            ['crm', ['客户管理系统', 'CRM system']],
            ['service', ['客服平台', 'Service desk']],
            ['analytics', ['数据分析', 'Analytics']],
            ['other', ['其他', 'Other'], { other: true }],
            ['none', ['暂无', 'None for now'], { exclusive: true }],
          ]),
        ),
        nps('nps', ['您有多大可能向同行推荐我们？', 'How likely are you to recommend us to a peer?']),
        single(
          'lead_ok',
          ['是否愿意留下联系方式，以便我们发送资料？', 'May we have your contact details to send you information?'],
          choices([
            ['yes', ['愿意，我同意被联系', 'Yes, I agree to be contacted']],
            ['no', ['不用了', 'No, thank you']],
          ]),
        ),
        text('lead_name', ['您的姓名', 'Your name'], { relevant: leadShown, required: true, personal: true }),
        text('lead_company', ['公司名称', 'Company'], { relevant: leadShown }),
        text('lead_phone', ['手机号码', 'Mobile number'], {
          relevant: leadShown,
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
      '参与即表示您同意我们将您的回答用于改进产品与服务；联系方式仅在您同意时收集。',
      'By taking part you agree that we use your answers to improve our products and service; contact details are collected only if you agree.',
    ]),
    required: true,
  },
  thankYou: tx(['谢谢！欢迎领取展台小礼品。', 'Thank you! Please pick up a small gift at the booth.']),
};
