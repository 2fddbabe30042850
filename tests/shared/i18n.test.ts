import { describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../../shared/errors';
import { en } from '../../shared/i18n/en';
import { errorMessage, resources } from '../../shared/i18n';
import { LOCALES, localeFromSystem } from '../../shared/locale';

type Tree = { [key: string]: string | Tree };

/** Every leaf as [dotted key, text]. */
function leaves(tree: Tree, prefix = ''): [string, string][] {
  return Object.entries(tree).flatMap(([key, value]): [string, string][] =>
    typeof value === 'string' ? [[`${prefix}${key}`, value]] : leaves(value, `${prefix}${key}.`),
  );
}

const placeholders = (text: string) => [...new Set(text.match(/{{\s*[\w.]+\s*}}/g) ?? [])].sort();

// All texts, the common ones and every capability's bundle.
const english = new Map(leaves(resources.en.translation));
const chinese = new Map(leaves(resources['zh-CN'].translation));
const HAN = /[\u4e00-\u9fff]/;

describe('the texts in English and Chinese', () => {
  it('have exactly the same keys, recursively', () => {
    expect([...chinese.keys()].sort()).toEqual([...english.keys()].sort());
  });

  it('have no empty or blank strings', () => {
    const blank = [...english, ...chinese].filter(([, text]) => text.trim() === '');
    expect(blank).toEqual([]);
  });

  it('use the same placeholders for the same key in both languages', () => {
    const mismatched = [...english]
      .filter(([key, text]) => {
        const other = chinese.get(key);
        return other !== undefined && placeholders(other).join() !== placeholders(text).join();
      })
      .map(([key]) => key);
    expect(mismatched).toEqual([]);
  });

  it('give every error code a message in both languages', () => {
    for (const code of ERROR_CODES) {
      expect(english.get(`errors.${code}`), code).toBeTruthy();
      expect(chinese.get(`errors.${code}`), code).toBeTruthy();
    }
  });

  it('have no message for an error code that does not exist', () => {
    const codes = new Set<string>(ERROR_CODES);
    expect(Object.keys(en.errors).filter((code) => !codes.has(code))).toEqual([]);
  });

  it('offer a resource bundle for every supported locale', () => {
    expect(Object.keys(resources).sort()).toEqual([...LOCALES].sort());
  });

  it('fill an error message’s values in, in the chosen language', () => {
    expect(errorMessage('JOB_NOT_FOUND', { id: 'j-1' }, 'en')).toBe('There is no job j-1.');
    expect(errorMessage('JOB_NOT_FOUND', { id: 'j-1' }, 'zh-CN')).toBe('没有编号为 j-1 的任务。');
    const tooNew = errorMessage('DB_TOO_NEW', { path: '/d/a.sqlite', found: 9, known: 2 }, 'zh-CN');
    expect(tooNew).toContain('/d/a.sqlite');
    expect(tooNew).toContain('9');
    expect(HAN.test(tooNew)).toBe(true);
  });

  it('do not escape HTML in messages (the renderer escapes; paths keep their characters)', () => {
    expect(errorMessage('BACKUP_NOT_FOUND', { path: 'C:\\a&b<c>.sqlite' }, 'en')).toBe(
      'The backup C:\\a&b<c>.sqlite does not exist.',
    );
  });
});

describe('choosing the language from the system locale', () => {
  it.each([
    ['zh_CN', 'zh-CN'],
    ['zh-CN', 'zh-CN'],
    ['zh-TW', 'zh-CN'],
    ['zh-Hans-CN', 'zh-CN'],
    ['zh', 'zh-CN'],
    ['ZH_cn', 'zh-CN'],
    ['en-US', 'en'],
    ['en_GB', 'en'],
    ['de-DE', 'en'],
    ['zu-ZA', 'en'],
    ['', 'en'],
  ])('maps %j to %s', (system, expected) => {
    expect(localeFromSystem(system)).toBe(expected);
  });

  it('falls back to English when the system says nothing', () => {
    expect(localeFromSystem(undefined)).toBe('en');
    expect(localeFromSystem(null)).toBe('en');
  });
});
