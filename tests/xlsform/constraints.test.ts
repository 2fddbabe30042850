import { describe, expect, it } from 'vitest';
import { combineConstraint, splitConstraint, type Bounds } from '../../main/xlsform/constraints';

const age: Bounds = { kind: 'value', min: 18, max: 99 };

describe('bounds in the constraint column', () => {
  it('puts the bounds first and the question’s own rule in brackets after them', () => {
    expect(combineConstraint(age, '. != 50')).toBe('. >= 18 and . <= 99 and (. != 50)');
    expect(combineConstraint({ kind: 'count', min: 2, max: null }, '')).toBe(
      'count-selected(.) >= 2',
    );
    expect(combineConstraint({ kind: 'length', min: null, max: 40 }, '')).toBe(
      'string-length(.) <= 40',
    );
    expect(combineConstraint({ kind: 'value', min: null, max: null }, '. > 0')).toBe('. > 0');
  });

  it('gives back the question’s own rule', () => {
    expect(splitConstraint(age, '. >= 18 and . <= 99 and (. != 50)')).toBe('. != 50');
    expect(splitConstraint(age, '. >= 18 and . <= 99')).toBe('');
  });

  it('keeps a constraint someone edited in Excel whole rather than lose the edit', () => {
    expect(splitConstraint(age, '. >= 21 and . <= 99')).toBe('. >= 21 and . <= 99');
  });
});
