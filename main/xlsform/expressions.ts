/**
 * relevant / constraint / calculation cells read into our expression language. Our language is
 * the ODK XPath subset, so what parses is kept as written; what does not is retried after fixing
 * what spreadsheets and Chinese input methods do to formulas (curly quotes, full-width
 * punctuation, `==`, `&&`). An expression that still does not parse stops the import with the
 * parser's own message, which names the character position.
 */
import {
  expressionErrorMessage,
  parseExpression,
  referencedVariables,
} from '../../shared/questionnaire/expression';
import type { IssueLog, IssuePlace } from './errors';

/** An expression kept by import, with where it came from for later reference checks. */
export interface ExpressionUse {
  place: IssuePlace & { column: string };
  variables: string[];
}

/** Replacements applied outside string literals, longest first. */
const OUTSIDE_STRINGS: readonly (readonly [RegExp, string])[] = [
  [/==/g, '='],
  [/<>/g, '!='],
  [/&&/g, ' and '],
  [/\|\|/g, ' or '],
  [/\bTRUE\(\)/g, 'true()'],
  [/\bFALSE\(\)/g, 'false()'],
  [/[（]/g, '('],
  [/[）]/g, ')'],
  [/[，]/g, ','],
  [/[＝]/g, '='],
  [/[＜]/g, '<'],
  [/[＞]/g, '>'],
  [/[＋]/g, '+'],
  [/[－]/g, '-'],
  [/[＊]/g, '*'],
  [/[＄]/g, '$'],
  [/[｛]/g, '{'],
  [/[｝]/g, '}'],
  [/[\u00a0\u3000]/g, ' '],
];

/** The source with the usual spreadsheet slips fixed; string literals are left alone. */
export function repairExpression(source: string): string {
  const quoted = source.replace(/[‘’]/g, "'").replace(/[“”]/g, '"');
  return quoted
    .split(/('[^']*'|"[^"]*")/)
    .map((part, index) => (index % 2 === 1 ? part : repairOutsideStrings(part)))
    .join('')
    .trim();
}

function repairOutsideStrings(part: string): string {
  const fixed = OUTSIDE_STRINGS.reduce((text, [from, to]) => text.replace(from, to), part);
  return fixed.replace(/ {2,}/g, ' ');
}

/**
 * The expression to store, or '' for an empty cell. Logs an error when it does not parse and a
 * warning when it had to be repaired; records its variables in `uses`.
 */
export function importExpression(
  source: string,
  place: IssuePlace & { column: string },
  log: IssueLog,
  uses: ExpressionUse[],
): string {
  const written = source.trim();
  if (!written) return '';
  const parsed = parseExpression(written);
  if (parsed.ok) {
    uses.push({ place, variables: referencedVariables(parsed.ast) });
    return written;
  }
  const repaired = repairExpression(written);
  const retried = repaired === written ? parsed : parseExpression(repaired);
  if (retried.ok) {
    log.warn('expression_rewritten', place, { column: place.column, from: written, to: repaired });
    uses.push({ place, variables: referencedVariables(retried.ast) });
    return repaired;
  }
  log.error('invalid_expression', place, {
    column: place.column,
    expression: written,
    position: parsed.error.position + 1,
    detailZh: expressionErrorMessage(parsed.error, 'zh-CN'),
    detailEn: expressionErrorMessage(parsed.error, 'en'),
  });
  return '';
}

/** Both expressions must hold: how a nested group's condition reaches its questions. */
export function bothConditions(outer: string, inner: string): string {
  if (!outer) return inner;
  if (!inner) return outer;
  return `(${outer}) and (${inner})`;
}

/** Warns about `${name}` references to questions the form does not have. */
export function checkReferences(
  uses: ExpressionUse[],
  known: ReadonlySet<string>,
  log: IssueLog,
): void {
  for (const use of uses) {
    for (const name of use.variables) {
      if (!known.has(name))
        log.warn('unknown_variable', use.place, { column: use.place.column, name });
    }
  }
}
