import { DEFINITION_FORMAT_VERSION, type SurveyDefinition, type SurveyLanguage } from './model';

/** A new empty questionnaire: one page, no questions, in the chosen language. */
export function blankDefinition(language: SurveyLanguage): SurveyDefinition {
  const zh = language !== 'en';
  return {
    formatVersion: DEFINITION_FORMAT_VERSION,
    title: { [language]: zh ? '新问卷' : 'New questionnaire' },
    description: {},
    languages: [language],
    defaultLanguage: language,
    goal: {},
    targets: [],
    dimensions: [],
    pages: [{ id: 'p1', title: { [language]: zh ? '第 1 页' : 'Page 1' }, relevant: '', questions: [] }],
    consent: { text: {}, required: true },
    thankYou: { [language]: zh ? '感谢您的参与！' : 'Thank you for taking part!' },
  };
}
