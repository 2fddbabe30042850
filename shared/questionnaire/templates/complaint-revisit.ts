/** 重大投诉回访: the revisit 3-5 working days after a major complaint was resolved. */
import { DEFINITION_FORMAT_VERSION, type SurveyDefinition } from '../model';
import { choices, likert, range, single, text, tx } from './build';

export const complaintRevisitTemplate: SurveyDefinition = {
  formatVersion: DEFINITION_FORMAT_VERSION,
  title: tx(['重大投诉回访问卷', 'Revisit after a major complaint']),
  description: tx([
    '您的投诉已处理完毕。我们想了解处理结果是否令您满意，以及还需要我们做什么。',
    'Your complaint has been dealt with. We would like to know whether the outcome satisfies you and what else we should do.',
  ]),
  languages: ['zh-CN', 'en'],
  defaultLanguage: 'zh-CN',
  goal: tx(['确认投诉处理效果，回访得分不低于 80 分方可关闭。', 'Confirm the complaint is resolved; close it only when the revisit scores 80 or more.']),
  targets: [{ metric: 'overall', label: tx(['回访总体得分', 'Revisit overall score']), baseline: null, target: 80 }],
  dimensions: [
    { id: 'resolution', name: tx(['问题解决效率', 'Resolution efficiency']), weight: 1 },
    { id: 'communication', name: tx(['沟通体验', 'Communication']), weight: 1 },
  ],
  pages: [
    {
      id: 'p_revisit',
      title: tx(['投诉处理回访', 'Complaint follow-up']),
      relevant: '',
      questions: [
        text('complaint_id', ['投诉单号', 'Complaint reference'], { required: true }),
        likert('outcome', ['对投诉处理结果的满意程度', 'How satisfied are you with the outcome?'], 'resolution'),
        range(
          'handling_time',
          ['从投诉到处理完毕用了多长时间？', 'How long did it take from complaint to resolution?'],
          choices([
            ['d1', ['1 天以内', 'Within a day']],
            ['d3', ['1-3 天', '1-3 days']],
            ['d7', ['3-7 天', '3-7 days']],
            ['d7plus', ['7 天以上', 'More than 7 days']],
          ]),
        ),
        likert('process', ['对处理过程中沟通的满意程度', 'How satisfied are you with how we kept you informed?'], 'communication'),
        likert('attitude', ['处理人员的态度', 'The attitude of the people handling it'], 'communication'),
        single(
          'still_open',
          ['问题是否还有遗留？', 'Is anything still unresolved?'],
          choices([
            ['no', ['没有遗留', 'No, all resolved']],
            ['yes', ['还有遗留', 'Yes, something remains']],
          ]),
        ),
        text('still_open_detail', ['请说明仍未解决的问题', 'Please describe what remains unresolved'], {
          relevant: "${still_open} = 'yes'",
          required: true,
          multiline: true,
        }),
        likert('trust', ['经过这次处理，您对我们的信任程度', 'After this, how much do you trust us?'], null, {
          labels: [
            ['大幅下降', 'Much lower'],
            ['有所下降', 'Somewhat lower'],
            ['没有变化', 'Unchanged'],
            ['有所提升', 'Somewhat higher'],
            ['大幅提升', 'Much higher'],
          ],
        }),
        likert('overall', ['对本次投诉处理的总体满意度', 'Overall satisfaction with how the complaint was handled'], null),
        text('comments', ['还有什么想告诉我们的？', 'Anything else you would like to tell us?'], { multiline: true }),
      ],
    },
  ],
  consent: {
    text: tx(['本次回访会被记录，仅用于跟进您的投诉。', 'This follow-up is recorded only to follow up your complaint.']),
    required: true,
  },
  thankYou: tx(['感谢您的耐心与理解。', 'Thank you for your patience and understanding.']),
};
