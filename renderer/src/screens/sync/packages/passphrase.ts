/**
 * A rough strength estimate for passphrases (a private key's, a package's), shown as a hint while
 * typing. It only guides the user; main enforces the one hard rule (at least 8 characters).
 */
export type Strength = 'weak' | 'fair' | 'good' | 'strong';

export const MIN_PASSPHRASE = 8;

/** Character classes used: lower case, upper case, digits, other ASCII, anything else (e.g. 汉字). */
function classes(text: string): number {
  return [
    /[a-z]/,
    /[A-Z]/,
    /[0-9]/,
    /[\x21-\x2f\x3a-\x40\x5b-\x60\x7b-\x7e ]/,
    /[^\p{ASCII}]/u,
  ].filter((re) => re.test(text)).length;
}

/** Strings made of one repeated character or one run (abcdef, 123456, 987654) are guessed first. */
function isRunOrRepeat(text: string): boolean {
  if (text.length < 2) return true;
  const steps = new Set<number>();
  for (let i = 1; i < text.length; i += 1) steps.add(text.charCodeAt(i) - text.charCodeAt(i - 1));
  return steps.size === 1 && [...steps].every((step) => Math.abs(step) <= 1);
}

export function passphraseStrength(text: string): Strength {
  const length = [...text].length;
  if (length < MIN_PASSPHRASE || isRunOrRepeat(text) || new Set(text).size < 4) return 'weak';
  // Digits only (a phone number, a date) are guessed early unless very long.
  if (/^\d+$/.test(text) && length < 16) return 'weak';
  const kinds = classes(text);
  if (kinds === 1 && length < 12) return 'weak';
  // Several words separated by spaces count as their length suggests.
  if (length >= 20 || (length >= 14 && kinds >= 3)) return 'strong';
  if (length >= 12 || (length >= 10 && kinds >= 3)) return 'good';
  return 'fair';
}
