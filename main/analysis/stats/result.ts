/**
 * Result values shared by every statistic: data conditions (too few respondents, no variance,
 * collinear predictors...) come back as typed values the report can explain, never as NaN.
 */

/** Why a statistic could not be computed from the data it was given. */
export type StatsFailureReason =
  /** Every value was missing (or had zero weight). */
  | 'no_data'
  /** Too few respondents for this statistic (e.g. one respondent for a standard deviation). */
  | 'not_enough_data'
  /** All values are equal, so a variance-based statistic is undefined. */
  | 'zero_variance'
  /** A group in a comparison has too few respondents. */
  | 'group_too_small'
  /** Fewer than two groups (or categories) to compare. */
  | 'not_enough_groups'
  /** A row or column of a contingency table sums to zero. */
  | 'empty_row_or_column'
  /** Predictors (or items) are linearly dependent, so coefficients are not identified. */
  | 'collinear'
  /** The correlation matrix is not positive definite, so factors cannot be extracted. */
  | 'not_positive_definite'
  /** An iterative procedure did not converge. */
  | 'not_converged'
  /** An answer is outside the scale (e.g. 11 on a 0-10 recommendation question). */
  | 'invalid_value'
  /** A weight is negative, NaN or infinite. */
  | 'invalid_weight'
  /** Arrays that must be parallel (values and weights, x and y) differ in length. */
  | 'length_mismatch';

/** A statistic that could not be computed, with a reason code and an English detail for logs. */
export interface StatsFailure {
  readonly ok: false;
  readonly reason: StatsFailureReason;
  readonly detail: string;
}

/** Either the statistic (with `ok: true`) or the reason it is unavailable. */
export type StatsResult<T> = ({ readonly ok: true } & T) | StatsFailure;

/** A condition worth showing next to a result that was still computed. */
export interface StatsWarning {
  readonly code:
    | 'small_group'
    | 'group_too_small'
    | 'low_expected_counts'
    | 'high_collinearity'
    | 'heywood_case'
    | 'not_converged'
    | 'empty_group'
    | 'zero_variance_group';
  readonly detail: string;
}

export function failure(reason: StatsFailureReason, detail: string): StatsFailure {
  return { ok: false, reason, detail };
}
