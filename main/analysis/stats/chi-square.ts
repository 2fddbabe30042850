/**
 * Association between two categorical answers (e.g. customer type × "would recommend"):
 * Pearson's chi-square test of independence on a contingency table, with Cramér's V.
 */
import { chiSquareUpperP } from './distributions';
import { failure, type StatsResult, type StatsWarning } from './result';
import {
  checkWeights,
  inferenceScale,
  isMissing,
  type Observations,
  type Weighting,
} from './sample';

export interface ChiSquareOptions {
  /** Yates' continuity correction; applied to 2×2 tables only. Off by default. */
  readonly yates?: boolean;
}

export interface ChiSquareTest {
  readonly chiSquare: number;
  readonly df: number;
  readonly p: number;
  /** sqrt(χ² / (N·(min(r, c) − 1))), between 0 and 1. */
  readonly cramersV: number;
  /** Table total N. */
  readonly n: number;
  /** Row total × column total / N for every cell (0 in a left-out empty row or column). */
  readonly expected: readonly (readonly number[])[];
  /** Pearson residuals (O − E)/sqrt(E): which cells drive the association. */
  readonly residuals: readonly (readonly number[])[];
  /** Cells with an expected count below 5, their share, and the smallest expected count. */
  readonly lowExpected: {
    readonly cells: number;
    readonly share: number;
    readonly minimum: number;
  };
  readonly yatesApplied: boolean;
  readonly warnings: readonly StatsWarning[];
}

/**
 * χ² = Σ (O − E)² / E over the table, df = (r − 1)(c − 1). Rows or columns whose total is zero
 * are left out (and reported in `warnings`), as if the category had not been offered. Counts
 * may be weighted (non-integer). A warning is raised when more than 20% of expected counts are
 * below 5 or any is below 1 (Cochran's rule), as the χ² approximation is then unreliable.
 */
export function chiSquareTest(
  table: readonly (readonly number[])[],
  options: ChiSquareOptions = {},
): StatsResult<ChiSquareTest> {
  const rows = table.length;
  const columns = table[0]?.length ?? 0;
  for (const [r, row] of table.entries()) {
    if (row.length !== columns) {
      return failure(
        'length_mismatch',
        `row ${r + 1} has ${row.length} cells, expected ${columns}`,
      );
    }
    for (const [c, count] of row.entries()) {
      if (!(count >= 0) || count === Infinity) {
        return failure('invalid_value', `count ${count} in row ${r + 1}, column ${c + 1}`);
      }
    }
  }
  const rowTotals = table.map((row) => row.reduce((sum, count) => sum + count, 0));
  const columnTotals = Array.from({ length: columns }, (_, c) =>
    table.reduce((sum, row) => sum + (row[c] ?? 0), 0),
  );
  const n = rowTotals.reduce((sum, total) => sum + total, 0);
  const warnings: StatsWarning[] = [];
  const keptRows = rowTotals.filter((total) => total > 0).length;
  const keptColumns = columnTotals.filter((total) => total > 0).length;
  if (keptRows < rows || keptColumns < columns) {
    warnings.push({
      code: 'empty_group',
      detail: `${rows - keptRows} empty row(s) and ${columns - keptColumns} empty column(s) left out`,
    });
  }
  if (keptRows < 2 || keptColumns < 2) {
    return failure(
      keptRows === rows && keptColumns === columns ? 'not_enough_groups' : 'empty_row_or_column',
      `${keptRows} non-empty row(s) × ${keptColumns} non-empty column(s); need 2 × 2`,
    );
  }
  const yatesApplied = options.yates === true && keptRows === 2 && keptColumns === 2;
  const expected: number[][] = [];
  const residuals: number[][] = [];
  let chiSquare = 0;
  let lowCells = 0;
  let minimum = Infinity;
  for (let r = 0; r < rows; r++) {
    const expectedRow: number[] = [];
    const residualRow: number[] = [];
    for (let c = 0; c < columns; c++) {
      const e = ((rowTotals[r] ?? 0) * (columnTotals[c] ?? 0)) / n;
      expectedRow.push(e);
      if (e === 0) {
        residualRow.push(0);
        continue;
      }
      const observed = table[r]?.[c] ?? 0;
      const deviation = yatesApplied
        ? Math.max(0, Math.abs(observed - e) - 0.5)
        : Math.abs(observed - e);
      chiSquare += (deviation * deviation) / e;
      residualRow.push((observed - e) / Math.sqrt(e));
      if (e < 5) lowCells++;
      minimum = Math.min(minimum, e);
    }
    expected.push(expectedRow);
    residuals.push(residualRow);
  }
  const cells = keptRows * keptColumns;
  if (lowCells / cells > 0.2 || minimum < 1) {
    warnings.push({
      code: 'low_expected_counts',
      detail: `${lowCells} of ${cells} expected counts below 5 (smallest ${minimum.toPrecision(3)})`,
    });
  }
  const df = (keptRows - 1) * (keptColumns - 1);
  return {
    ok: true,
    chiSquare,
    df,
    p: chiSquareUpperP(chiSquare, df),
    cramersV: Math.sqrt(chiSquare / (n * (Math.min(keptRows, keptColumns) - 1))),
    n,
    expected,
    residuals,
    lowExpected: { cells: lowCells, share: lowCells / cells, minimum },
    yatesApplied,
    warnings,
  };
}

/** A contingency table with the category values that label its rows and columns. */
export interface CrossTable {
  readonly rowValues: readonly number[];
  readonly columnValues: readonly number[];
  /**
   * Weighted counts: table[r][c] = Σw of respondents with rowValues[r] and columnValues[c]
   * (sampling weights scaled to sum to the Kish effective sample size).
   */
  readonly table: readonly (readonly number[])[];
}

/** Cross-tabulates two categorical answers (respondents missing either are left out). */
export function crossTabulate(
  rowAnswers: Observations,
  columnAnswers: Observations,
  weighting: Weighting = {},
): StatsResult<CrossTable> {
  if (rowAnswers.length !== columnAnswers.length) {
    return failure(
      'length_mismatch',
      `${rowAnswers.length} row answers for ${columnAnswers.length} column answers`,
    );
  }
  const invalid = checkWeights(rowAnswers.length, weighting);
  if (invalid) return invalid;
  const rowSet = new Set<number>();
  const columnSet = new Set<number>();
  for (let i = 0; i < rowAnswers.length; i++) {
    const r = rowAnswers[i];
    const c = columnAnswers[i];
    if (isMissing(r) || isMissing(c)) continue;
    rowSet.add(r);
    columnSet.add(c);
  }
  const rowValues = [...rowSet].sort((x, y) => x - y);
  const columnValues = [...columnSet].sort((x, y) => x - y);
  if (rowValues.length === 0) return failure('no_data', 'no respondent answered both questions');
  const rowIndex = new Map(rowValues.map((value, i) => [value, i]));
  const columnIndex = new Map(columnValues.map((value, i) => [value, i]));
  const weightOf = (i: number): number => (weighting.weights ? (weighting.weights[i] ?? 0) : 1);
  let sumWeights = 0;
  let sumSquaredWeights = 0;
  for (let i = 0; i < rowAnswers.length; i++) {
    if (isMissing(rowAnswers[i]) || isMissing(columnAnswers[i])) continue;
    sumWeights += weightOf(i);
    sumSquaredWeights += weightOf(i) ** 2;
  }
  // Sampling weights are scaled so the table total is the effective sample size (see sample.ts).
  const scale = inferenceScale(sumWeights, sumSquaredWeights, weighting);
  const table = rowValues.map(() => new Array<number>(columnValues.length).fill(0));
  for (let i = 0; i < rowAnswers.length; i++) {
    const r = rowAnswers[i];
    const c = columnAnswers[i];
    if (isMissing(r) || isMissing(c)) continue;
    const row = table[rowIndex.get(r) ?? 0];
    const column = columnIndex.get(c) ?? 0;
    if (row) row[column] = (row[column] ?? 0) + scale * weightOf(i);
  }
  return { ok: true, rowValues, columnValues, table };
}
