/** Which variables are personal data, how answers are labelled, and which queries are phone numbers. */
import { describe, expect, it } from 'vitest';
import { phoneDigits } from '../../main/privacy/search';
import { labelAnswer, type VersionFacts } from '../../main/privacy/versions';
import { definitionSchema } from '../../shared/questionnaire/model';

const definition = definitionSchema.parse({
  formatVersion: 1,
  title: { 'zh-CN': '测试', en: 'Test' },
  defaultLanguage: 'zh-CN',
  languages: ['zh-CN', 'en'],
  pages: [
    {
      id: 'p1',
      title: {},
      questions: [
        {
          id: 'q1',
          type: 'single',
          name: 'source',
          label: { 'zh-CN': '您从哪里知道我们？', en: 'How did you hear of us?' },
          choices: [
            { value: 'web', label: { 'zh-CN': '网站', en: 'Website' } },
            { value: 'x', label: { 'zh-CN': '其他', en: 'Other' }, other: true },
          ],
          personal: true,
        },
        {
          id: 'q2',
          type: 'matrix',
          name: 'grid',
          label: { 'zh-CN': '请评价', en: 'Please rate' },
          pointLabels: [
            { en: 'Poor' },
            { en: 'Fair' },
            { en: 'OK' },
            { en: 'Good' },
            { en: 'Great' },
          ],
          items: [{ id: 'i1', name: 'grid_speed', label: { 'zh-CN': '速度', en: 'Speed' } }],
        },
        { id: 'q3', type: 'text', name: 'phone', label: { en: 'Phone' }, personal: true },
      ],
    },
  ],
});

function factsOf(): VersionFacts {
  const questions = new Map<string, (typeof definition.pages)[number]['questions'][number]>();
  const [source, grid, phone] = definition.pages[0]!.questions;
  questions.set('source', source!);
  questions.set('source_other', source!);
  questions.set('grid_speed', grid!);
  questions.set('phone', phone!);
  return {
    id: 'v',
    versionNo: 1,
    surveyTitle: 'Test',
    surveyCode: 'T',
    definition,
    personal: new Set(['source', 'source_other', 'phone']),
    questions,
  };
}

describe('labelling answers for a person export', () => {
  it('replaces choice codes by labels in the user language, and names the "other" text', () => {
    expect(labelAnswer(factsOf(), 'source', 'web', 'en')).toEqual({
      question: 'How did you hear of us?',
      label: 'Website',
    });
    expect(labelAnswer(factsOf(), 'source', 'web', 'zh-CN')).toEqual({
      question: '您从哪里知道我们？',
      label: '网站',
    });
    expect(labelAnswer(factsOf(), 'source_other', '朋友介绍', 'zh-CN')).toEqual({
      question: '您从哪里知道我们？ (其他)',
      label: '朋友介绍',
    });
  });

  it('labels a matrix item with its item text and its scale point', () => {
    expect(labelAnswer(factsOf(), 'grid_speed', 4, 'en')).toEqual({
      question: 'Please rate - Speed',
      label: '4 Good',
    });
  });

  it('falls back to the variable name for a variable the questionnaire does not know', () => {
    expect(labelAnswer(factsOf(), 'legacy_field', 'abc', 'en')).toEqual({
      question: 'legacy_field',
      label: 'abc',
    });
  });
});

describe('telling phone numbers from names and codes', () => {
  it('reads the digits of phone numbers however they are written', () => {
    expect(phoneDigits('138 0013 8000')).toBe('13800138000');
    expect(phoneDigits('+86 (138) 0013-8000')).toBe('13800138000');
    expect(phoneDigits('0086 138 0013 8000')).toBe('13800138000');
    expect(phoneDigits('0571-8888 1234')).toBe('057188881234');
  });

  it('does not treat names, codes, e-mails or short numbers as phone numbers', () => {
    expect(phoneDigits('张伟')).toBeNull();
    expect(phoneDigits('C2026-0001')).toBeNull();
    expect(phoneDigits('zhang@example.cn')).toBeNull();
    expect(phoneDigits('1234')).toBeNull();
  });
});
