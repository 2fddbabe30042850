/** What every sheet of the Excel report reads: the analysis, the questionnaire and the language. */
import type { AnalysisResult } from '../../../shared/analysis';
import {
  textIn,
  type LocalizedText,
  type SurveyDefinition,
} from '../../../shared/questionnaire/model';
import { reportTexts, type ReportLang, type ReportTexts } from '../texts';

/** The comparison wave's analysis (same filters, that wave only) and the wave's name. */
export interface PreviousWave {
  result: AnalysisResult;
  name: string;
}

export interface ReportContext {
  result: AnalysisResult;
  definition: SurveyDefinition;
  lang: ReportLang;
  texts: ReportTexts;
  /** A questionnaire text in the report language, else the survey's default language. */
  label: (text: LocalizedText | undefined) => string;
  includePersonal: boolean;
  /** When a comparison wave was chosen: the summary, dimensions and items show its figures. */
  previous: PreviousWave | null;
}

export function reportContext(
  result: AnalysisResult,
  definition: SurveyDefinition,
  lang: ReportLang,
  includePersonal: boolean,
  previous: AnalysisResult | null = null,
): ReportContext {
  return {
    result,
    definition,
    lang,
    texts: reportTexts(lang),
    label: (text) => textIn(text, lang, definition.defaultLanguage),
    includePersonal,
    previous: previous ? { result: previous, name: previousWaveName(previous) } : null,
  };
}

/** The name of the wave a comparison analysis covers (its request names exactly one). */
function previousWaveName(previous: AnalysisResult): string {
  const ids = previous.request.waveIds ?? [];
  return previous.waves
    .filter((w) => ids.includes(w.id))
    .map((w) => w.name)
    .join(', ');
}
