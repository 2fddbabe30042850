/**
 * Bounds the model keeps as fields (a number's min/max, how many choices, a text's length) are
 * written into the XLSForm constraint so other tools enforce them, and also into sd_* columns.
 * Import rebuilds the same generated part from those columns and strips it off again, so the
 * question's own constraint comes back exactly as it was.
 */

/** What a bound counts: the answer itself, the choices ticked, or the characters typed. */
export type BoundKind = 'value' | 'count' | 'length';

export interface Bounds {
  kind: BoundKind;
  min: number | null;
  max: number | null;
}

const SUBJECT: Record<BoundKind, string> = {
  value: '.',
  count: 'count-selected(.)',
  length: 'string-length(.)',
};

/** The generated part, e.g. `. >= 1 and . <= 10`; '' when there are no bounds. */
export function boundsExpression({ kind, min, max }: Bounds): string {
  const parts: string[] = [];
  if (min !== null) parts.push(`${SUBJECT[kind]} >= ${formatNumber(min)}`);
  if (max !== null) parts.push(`${SUBJECT[kind]} <= ${formatNumber(max)}`);
  return parts.join(' and ');
}

/** What goes into the constraint column: the bounds, then the question's own rule. */
export function combineConstraint(bounds: Bounds, own: string): string {
  const generated = boundsExpression(bounds);
  if (!generated) return own;
  if (!own.trim()) return generated;
  return `${generated} and (${own})`;
}

/**
 * The question's own rule back from a constraint cell. When someone edited the cell so the
 * generated part no longer matches, the whole cell is kept: the bounds are then checked twice,
 * which is harmless, rather than losing their edit.
 */
export function splitConstraint(bounds: Bounds, cell: string): string {
  const generated = boundsExpression(bounds);
  if (!generated) return cell;
  if (cell === generated) return '';
  const prefix = `${generated} and (`;
  if (cell.startsWith(prefix) && cell.endsWith(')')) return cell.slice(prefix.length, -1);
  return cell;
}

function formatNumber(value: number): string {
  return Number.isInteger(value) ? String(value) : String(Number(value.toPrecision(15)));
}
