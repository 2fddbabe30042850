import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_THEMES, loadSegmenter, matchesTheme, termFrequencies, themeCounts, tokenize, type Segmenter } from '../../main/analysis/text';

let segment: Segmenter;
beforeAll(async () => {
  segment = await loadSegmenter();
});

describe('open answers', () => {
  it('segments Chinese into words and drops punctuation and stop words', () => {
    expect(tokenize('响应太慢，经常要等好几天才有人回复', segment)).toEqual(['响应', '太慢', '几天', '有人', '回复']);
  });

  it('lower-cases English and drops stop words and short tokens', () => {
    expect(tokenize('The response is TOO slow, we wait days', segment)).toEqual(['response', 'slow', 'wait', 'days']);
  });

  it('counts a word once per answer for the answer count, every time for the count', () => {
    const { words } = termFrequencies(['响应慢，响应慢', '响应及时'], segment, 5);
    expect(words.find((w) => w.term === '响应')).toEqual({ term: '响应', count: 3, answers: 2 });
  });

  it('keeps phrases that occur in more than one answer', () => {
    const { phrases } = termFrequencies(['流程繁琐', '流程繁琐，效率低', '效率高'], segment, 5);
    expect(phrases.map((p) => p.term)).toEqual(['流程繁琐']);
  });

  it('matches Chinese keywords as substrings and English ones as whole words', () => {
    const slow = DEFAULT_THEMES.find((t) => t.id === 'slow_response')!;
    expect(matchesTheme('电话很难打通', slow)).toBe(true);
    expect(matchesTheme('We had to wait a week', slow)).toBe(true);
    expect(matchesTheme('Everything was swift', slow)).toBe(false);
    expect(matchesTheme('slowly improving', slow)).toBe(false);
  });

  it('counts themes per respondent with quotes, mean score and the dissatisfied share', () => {
    const texts = ['响应太慢', '电话很难打通，响应慢', null, '服务很专业，继续保持', 'Too slow'];
    const scores = new Float64Array([1, 3, 5, 5, 2]);
    const { answered, themes } = themeCounts(texts, scores, DEFAULT_THEMES);
    expect(answered).toBe(4);
    const slow = themes.find((t) => t.id === 'slow_response')!;
    expect(slow.count).toBe(3);
    expect(slow.share).toBe(0.75);
    expect(slow.meanScore).toBe(2); // (1 + 3 + 2) / 3
    expect(slow.dissatisfiedShare).toBeCloseTo(2 / 3, 12); // scores 1 and 2 are <= 2
    expect(slow.rows).toEqual([0, 1, 4]);
    expect(themes[0]!.id).toBe('slow_response');
  });
});
