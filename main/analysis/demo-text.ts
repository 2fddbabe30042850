/** Phrase banks for demo open answers, by the weak spot they describe, in Chinese and English. */
export type Topic = 'slow' | 'unresolved' | 'communication' | 'professional' | 'value' | 'praise';

export const IMPROVE_TEXT: Record<Topic, { zh: string[]; en: string[] }> = {
  slow: {
    zh: ['响应太慢，经常要等好几天才有人回复', '电话很难打通，响应慢', '提交工单后迟迟没有回应', '希望紧急问题能更快响应'],
    en: ['Response is too slow, we wait days for a reply', 'Hard to get through on the phone', 'Tickets sit for days without an answer'],
  },
  unresolved: {
    zh: ['问题反复出现，一直没有彻底解决', '流程繁琐，一个问题要找好几个部门', '解决问题的时间太长'],
    en: ['The same problem keeps coming back', 'Too many steps and departments to fix one issue'],
  },
  communication: {
    zh: ['沟通成本高，需要反复解释同一个问题', '处理进展没人主动告知', '客服人员态度一般，不够耐心'],
    en: ['We have to explain the same thing again and again', 'Nobody tells us how the case is going'],
  },
  professional: {
    zh: ['部分人员对产品不够熟悉，建议加强培训', '给出的方案不够专业'],
    en: ['Some staff do not know the product well enough', 'The advice was not very professional'],
  },
  value: {
    zh: ['希望多一些培训和定期回访', '资料和工具不好找'],
    en: ['More training and regular check-ins would help', 'Documents and tools are hard to find'],
  },
  praise: {
    zh: ['服务很专业，继续保持', '客户经理非常负责，响应及时', '整体满意，感谢团队的支持'],
    en: ['Very professional service, keep it up', 'Our account manager is great and responsive'],
  },
};
