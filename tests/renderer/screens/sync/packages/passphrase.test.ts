/**
 * The passphrase strength hint of the key and package forms. Each expectation follows from the
 * rules in passphrase.ts, worked out by hand in the comments.
 */
import { describe, expect, it } from 'vitest';
import {
  passphraseStrength,
  MIN_PASSPHRASE,
} from '../../../../../renderer/src/screens/sync/packages/passphrase';

describe('passphraseStrength', () => {
  it('calls anything shorter than the minimum weak', () => {
    expect(MIN_PASSPHRASE).toBe(8);
    // 7 characters, four classes: still too short.
    expect(passphraseStrength('Ab1!xyz')).toBe('weak');
  });

  it('calls runs and repeats weak whatever their length', () => {
    expect(passphraseStrength('aaaaaaaaaaaaaaaaaaaaaa')).toBe('weak');
    expect(passphraseStrength('abcdefghijkl')).toBe('weak');
    expect(passphraseStrength('98765432')).toBe('weak');
  });

  it('calls digits only weak below 16 digits (phone numbers, dates)', () => {
    // 12 digits, 10 distinct, no single run (the 0 -> 1 step breaks it): weak as digits only.
    expect(passphraseStrength('123456789012')).toBe('weak');
    expect(passphraseStrength('13812345678')).toBe('weak');
    // 16 digits, one class: 16 >= 12 -> good.
    expect(passphraseStrength('4930582716403958')).toBe('good');
  });

  it('rates 8 to 11 characters of two classes fair and of one class weak', () => {
    // 8 chars, lower + digits = 2 classes -> fair.
    expect(passphraseStrength('abc12345')).toBe('fair');
    // 10 chars, lower only -> weak.
    expect(passphraseStrength('monkeyhats')).toBe('weak');
  });

  it('rates 12 characters, or 10 of three classes, good', () => {
    expect(passphraseStrength('monkeyhatsxy')).toBe('good'); // 12 chars
    expect(passphraseStrength('Monkey7hat')).toBe('good'); // 10 chars, 3 classes
  });

  it('rates a sentence of several words strong', () => {
    // 25 characters (>= 20).
    expect(passphraseStrength('blue lantern orchard 2026')).toBe('strong');
    // 14 characters, lower + upper + digit = 3 classes.
    expect(passphraseStrength('Orchard7Lantrn')).toBe('strong');
  });

  it('counts Chinese characters one each and as a class of their own', () => {
    // 8 characters of one class (non-ASCII) -> weak; with digits (2 classes) -> fair.
    expect(passphraseStrength('春眠不觉晓处处闻')).toBe('weak');
    expect(passphraseStrength('春眠不觉晓2026')).toBe('fair');
    // 10 characters: 汉字 + lower + digits = 3 classes -> good.
    expect(passphraseStrength('春眠不觉晓ab123')).toBe('good');
  });
});
