/**
 * Open answers: word and phrase frequencies (Chinese segmented with jieba, English by words,
 * stop words removed), and themes from a user-editable dictionary (响应慢 -> 响应及时性) with
 * counts, example quotes and how dissatisfied the respondents behind each theme are.
 */
export interface ThemeRule {
  id: string;
  label: { 'zh-CN': string; en: string };
  /** The dimension the theme belongs to (a dimension id), if any. */
  dimension: string | null;
  /** Words or phrases; Chinese ones match as substrings, English ones as whole words (case-insensitive). */
  keywords: string[];
}

export const DEFAULT_THEMES: ThemeRule[] = [
  { id: 'slow_response', label: { 'zh-CN': '响应慢', en: 'Slow response' }, dimension: 'responsiveness', keywords: ['响应慢', '太慢', '等了', '迟迟', '难打通', '没有回应', '回复慢', 'slow', 'wait', 'waiting', 'days'] },
  { id: 'cumbersome_process', label: { 'zh-CN': '流程繁琐', en: 'Cumbersome process' }, dimension: 'resolution', keywords: ['流程繁琐', '繁琐', '好几个部门', '手续', 'steps', 'departments', 'bureaucracy'] },
  { id: 'unresolved', label: { 'zh-CN': '问题未解决', en: 'Problem not solved' }, dimension: 'resolution', keywords: ['反复出现', '没有解决', '没有彻底解决', '时间太长', 'keeps coming back', 'not solved', 'unresolved'] },
  { id: 'communication_cost', label: { 'zh-CN': '沟通成本高', en: 'Costly communication' }, dimension: 'communication', keywords: ['沟通成本', '反复解释', '没人主动告知', '不够耐心', 'explain', 'informed', 'nobody tells'] },
  { id: 'expertise', label: { 'zh-CN': '专业能力不足', en: 'Lack of expertise' }, dimension: 'professionalism', keywords: ['不够熟悉', '不够专业', '培训', 'not know', 'professional'] },
  { id: 'praise', label: { 'zh-CN': '表扬', en: 'Praise' }, dimension: null, keywords: ['满意', '很专业', '继续保持', '负责', '感谢', 'great', 'keep it up', 'thank'] },
];

const ZH_STOP = new Set(
  '的 了 是 在 我 我们 你 你们 他 她 它 和 与 及 就 都 也 很 太 还 又 有 没有 不 一个 一些 这 那 这个 那个 希望 建议 可以 能 会 要 对 把 被 给 让 等 啊 吧 呢 吗 之 其 而 或 但 但是 如果 因为 所以 比较 非常 一直 经常 时候 什么 怎么 问题'.split(' '),
);
const EN_STOP = new Set(
  'a an the and or but if of to in on at for with by from is are was were be been it its this that these those we our us you your they them their i me my not no so too very can could would should will just than then there here what which who how all any some more most out up about into over again also do does did have has had'.split(' '),
);
const HAN = /[\u3400-\u9fff]/;

export type Segmenter = (text: string) => string[];

/** jieba (WebAssembly build: no native module, the same in Node, workers and Electron), loaded on first use. */
export async function loadSegmenter(): Promise<Segmenter> {
  const jieba = (await import('jieba-wasm')) as { cut: (text: string, hmm?: boolean) => string[] };
  return (text) => jieba.cut(text, true);
}

/** Words of one answer: Chinese by jieba, English lower-cased; punctuation and stop words dropped. */
export function tokenize(text: string, segment: Segmenter): string[] {
  const tokens: string[] = [];
  for (const raw of segment(text)) {
    const token = raw.trim().toLowerCase();
    if (!token || !/[\p{L}\p{N}]/u.test(token)) continue;
    if (HAN.test(token)) {
      if (token.length < 2 || ZH_STOP.has(token)) continue;
    } else if (token.length < 3 || EN_STOP.has(token) || /^\d+$/.test(token)) continue;
    tokens.push(token);
  }
  return tokens;
}

export interface TermCount {
  term: string;
  /** How many times it occurs. */
  count: number;
  /** In how many answers. */
  answers: number;
}

function topCounts(map: Map<string, { count: number; answers: number }>, top: number): TermCount[] {
  return [...map.entries()]
    .map(([term, c]) => ({ term, ...c }))
    .sort((a, b) => b.answers - a.answers || b.count - a.count || a.term.localeCompare(b.term))
    .slice(0, top);
}

/** Word counts read at most this many answers (the first ones); the result says when it sampled. */
export const MAX_SEGMENTED_ANSWERS = 5_000;

export function termFrequencies(
  texts: string[],
  segment: Segmenter,
  top = 30,
): { words: TermCount[]; phrases: TermCount[]; sampled: number } {
  const words = new Map<string, { count: number; answers: number }>();
  const phrases = new Map<string, { count: number; answers: number }>();
  // Identical answers are segmented once (short answers repeat a lot: 响应慢, 很好...).
  const memo = new Map<string, string[]>();
  const read = texts.slice(0, MAX_SEGMENTED_ANSWERS);
  for (const text of read) {
    let tokens = memo.get(text);
    if (!tokens) {
      tokens = tokenize(text, segment);
      memo.set(text, tokens);
    }
    const seenWords = new Set<string>();
    const seenPhrases = new Set<string>();
    tokens.forEach((token, i) => {
      const w = words.get(token) ?? { count: 0, answers: 0 };
      w.count++;
      if (!seenWords.has(token)) w.answers++;
      seenWords.add(token);
      words.set(token, w);
      const next = tokens[i + 1];
      if (next) {
        const phrase = HAN.test(token) && HAN.test(next) ? `${token}${next}` : `${token} ${next}`;
        const p = phrases.get(phrase) ?? { count: 0, answers: 0 };
        p.count++;
        if (!seenPhrases.has(phrase)) p.answers++;
        seenPhrases.add(phrase);
        phrases.set(phrase, p);
      }
    });
  }
  return { words: topCounts(words, top), phrases: topCounts(phrases, top).filter((p) => p.answers > 1), sampled: read.length };
}

/** One compiled test per theme: Chinese keywords as substrings, English ones as whole words. */
function themeMatcher(rule: ThemeRule): (lowerText: string) => boolean {
  const chinese = rule.keywords.filter((k) => HAN.test(k)).map((k) => k.toLowerCase());
  const english = rule.keywords.filter((k) => !HAN.test(k)).map((k) => k.toLowerCase().replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const words = english.length ? new RegExp(`(^|[^\\p{L}])(${english.join('|')})($|[^\\p{L}])`, 'u') : null;
  return (lower) => chinese.some((k) => lower.includes(k)) || (words !== null && words.test(lower));
}

export function matchesTheme(text: string, rule: ThemeRule): boolean {
  return themeMatcher(rule)(text.toLowerCase());
}

export interface ThemeResult {
  id: string;
  label: { 'zh-CN': string; en: string };
  dimension: string | null;
  count: number;
  share: number;
  quotes: string[];
  /** Mean overall score (1-5 or whatever scale `scores` uses) of respondents mentioning the theme. */
  meanScore: number | null;
  /** Share of those respondents who are dissatisfied (score <= dissatisfiedAtOrBelow). */
  dissatisfiedShare: number | null;
  /** Row numbers of the respondents, for click-through. */
  rows: number[];
}

/**
 * Counts themes in answers. `texts[i]` and `scores[i]` belong to respondent i; a respondent
 * counts once per theme however many of its keywords they use.
 */
export function themeCounts(
  texts: (string | null)[],
  scores: Float64Array | null,
  rules: ThemeRule[],
  dissatisfiedAtOrBelow = 2,
  quotesPerTheme = 3,
): { answered: number; themes: ThemeResult[] } {
  const answeredRows = texts.flatMap((t, i) => (t && t.trim() ? [i] : []));
  const lowered = new Map(answeredRows.map((i) => [i, texts[i]!.toLowerCase()]));
  const themes = rules.map((rule): ThemeResult => {
    const matches = themeMatcher(rule);
    const rows = answeredRows.filter((i) => matches(lowered.get(i)!));
    const scored = scores ? rows.map((i) => scores[i]!).filter((v) => !Number.isNaN(v)) : [];
    return {
      id: rule.id,
      label: rule.label,
      dimension: rule.dimension,
      count: rows.length,
      share: answeredRows.length ? rows.length / answeredRows.length : 0,
      quotes: [...new Set(rows.map((i) => texts[i]!.trim()))].slice(0, quotesPerTheme),
      meanScore: scored.length ? scored.reduce((a, b) => a + b, 0) / scored.length : null,
      dissatisfiedShare: scored.length ? scored.filter((v) => v <= dissatisfiedAtOrBelow).length / scored.length : null,
      rows,
    };
  });
  return { answered: answeredRows.length, themes: themes.sort((a, b) => b.count - a.count) };
}
