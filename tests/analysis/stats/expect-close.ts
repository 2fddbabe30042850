/**
 * Relative comparison for reference values: `significantDigits` digits must agree, i.e.
 * |actual − expected| <= 10^-digits · |expected| (absolute when the expected value is 0).
 */
import { expect } from 'vitest';

export function expectClose(actual: number, expected: number, significantDigits = 12): void {
  const tolerance = 10 ** -significantDigits * (expected === 0 ? 1 : Math.abs(expected));
  const error = Math.abs(actual - expected);
  if (!(error <= tolerance)) {
    expect.fail(
      `expected ${actual} to equal ${expected} to ${significantDigits} significant digits (error ${error.toExponential(2)})`,
    );
  }
}

/** Narrows a `{ ok }` result to its success branch, failing the test otherwise. */
export function ok<T extends { readonly ok: boolean }>(result: T): Extract<T, { ok: true }> {
  if (!result.ok) expect.fail(`expected a result, got ${JSON.stringify(result)}`);
  return result as Extract<T, { ok: true }>;
}
