/** What every sheet of the Excel report reads: the analysis, the questionnaire and the language. */
import type { AnalysisResult } from '../../../shared/analysis';
import {
  textIn,
  type LocalizedText,
  type SurveyDefinition,
} from '../../../shared/questionnaire/model';
import { reportTexts, type ReportLang, type ReportTexts } from '../texts';

export interface ReportContext {
  result: AnalysisResult;
  definition: SurveyDefinition;
  lang: ReportLang;
  texts: ReportTexts;
  /** A questionnaire text in the report language, else the survey's default language. */
  label: (text: LocalizedText | undefined) => string;
  includePersonal: boolean;
}

export function reportContext(
  result: AnalysisResult,
  definition: SurveyDefinition,
  lang: ReportLang,
  includePersonal: boolean,
): ReportContext {
  return {
    result,
    definition,
    lang,
    texts: reportTexts(lang),
    label: (text) => textIn(text, lang, definition.defaultLanguage),
    includePersonal,
  };
}
