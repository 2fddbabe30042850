import type { LocalizedText, SurveyDefinition } from '../model';
import { afterSalesTemplate } from './after-sales';
import { complaintRevisitTemplate } from './complaint-revisit';
import { customerServiceTemplate } from './customer-service';
import { tradeShowTemplate } from './trade-show';

export const TEMPLATE_IDS = ['customer-service', 'after-sales', 'complaint-revisit', 'trade-show'] as const;
export type TemplateId = (typeof TEMPLATE_IDS)[number];

export const TEMPLATES: Record<TemplateId, SurveyDefinition> = {
  'customer-service': customerServiceTemplate,
  'after-sales': afterSalesTemplate,
  'complaint-revisit': complaintRevisitTemplate,
  'trade-show': tradeShowTemplate,
};

export interface TemplateSummary {
  id: TemplateId;
  title: LocalizedText;
  description: LocalizedText;
  questionCount: number;
}

export function templateSummaries(): TemplateSummary[] {
  return TEMPLATE_IDS.map((id) => ({
    id,
    title: TEMPLATES[id].title,
    description: TEMPLATES[id].description,
    questionCount: TEMPLATES[id].pages.reduce((n, page) => n + page.questions.length, 0),
  }));
}

/** A deep copy, so a new survey never shares objects with the template. */
export function instantiateTemplate(id: TemplateId): SurveyDefinition {
  return structuredClone(TEMPLATES[id]);
}
