/**
 * Survey languages as XLSForm spells them in column headers (`label::English (en)`) and in
 * settings.default_language. Export writes the ODK convention "Name (code)"; import also reads
 * what people type by hand: a bare name, a bare code, other Chinese tags, Chinese names.
 */
import { SURVEY_LANGUAGES, type SurveyLanguage } from '../../shared/questionnaire/model';

/** The header form of each language, as written by export. */
export const LANGUAGE_HEADER: Record<SurveyLanguage, string> = {
  'zh-CN': 'Chinese (zh-CN)',
  'zh-TW': 'Chinese Traditional (zh-TW)',
  en: 'English (en)',
};

/** `label::English (en)`: the header of a text column in one language. */
export function localizedHeader(base: string, language: SurveyLanguage): string {
  return `${base}::${LANGUAGE_HEADER[language]}`;
}

const CODES: Record<string, SurveyLanguage> = {
  zh: 'zh-CN',
  'zh-cn': 'zh-CN',
  'zh-sg': 'zh-CN',
  'zh-hans': 'zh-CN',
  'zh-hans-cn': 'zh-CN',
  zho: 'zh-CN',
  chi: 'zh-CN',
  cmn: 'zh-CN',
  'zh-tw': 'zh-TW',
  'zh-hk': 'zh-TW',
  'zh-mo': 'zh-TW',
  'zh-hant': 'zh-TW',
  'zh-hant-tw': 'zh-TW',
  'zh-hant-hk': 'zh-TW',
  en: 'en',
  eng: 'en',
};

function fromCode(code: string): SurveyLanguage | null {
  const normalised = code.trim().toLowerCase().replace(/_/g, '-');
  if (normalised.startsWith('en-')) return 'en';
  return CODES[normalised] ?? null;
}

function fromName(name: string): SurveyLanguage | null {
  const lower = name.trim().toLowerCase();
  if (/traditional|繁/.test(lower)) return 'zh-TW';
  if (/english|英文|英语|英語/.test(lower)) return 'en';
  if (/chinese|mandarin|中文|简体|汉语|普通话/.test(lower)) return 'zh-CN';
  return null;
}

/**
 * The survey language a header suffix or a default_language names: "English (en)",
 * " Chinese (zh)", "English", "zh-TW", "繁體中文". Null when it is none of ours.
 */
export function parseLanguage(text: string): SurveyLanguage | null {
  const trimmed = text.trim();
  if (!trimmed) return null;
  const code = /\(([^()]+)\)\s*$/.exec(trimmed);
  if (code?.[1]) {
    const byCode = fromCode(code[1]);
    if (byCode) return byCode;
  }
  return fromCode(trimmed) ?? fromName(trimmed.replace(/\([^()]*\)\s*$/, ''));
}

/** Whether a text is mostly written in Chinese characters: how an unnamed label column is read. */
export function looksChinese(texts: readonly string[]): boolean {
  return texts.some((text) => /\p{Script=Han}/u.test(text));
}

export function isSurveyLanguage(value: string): value is SurveyLanguage {
  return (SURVEY_LANGUAGES as readonly string[]).includes(value);
}
