import {
  isNumericMark,
  markTotals,
  type NumericMarkValue,
  type WeightedMark,
} from './grade-average.js';

/** Options of {@link marksNeeded}. */
export interface MarksNeededOptions {
  /** The weighted average to reach, 2–5. */
  target: number;
  /** The mark to get. */
  value: NumericMarkValue;
  /** The weight of each such mark, > 0; default 1. */
  weight?: number;
}

/** Options of {@link marksNeededOptions}. */
export interface MarksNeededPathsOptions {
  /** The weighted average to reach, 2–5. */
  target: number;
  /** The marks to consider; default `[5, 4]`. */
  values?: readonly NumericMarkValue[];
  /** The weights to consider; default `[1, 2, 3]`. */
  weights?: readonly number[];
}

/** One way to reach the target: `count` marks of `value` at `weight`. */
export interface MarksNeededPath {
  value: NumericMarkValue;
  weight: number;
  count: number;
}

/** Stable codes of {@link MarksNeededError}. */
export type MarksNeededErrorCode = 'target_out_of_range' | 'invalid_value' | 'invalid_weight';

/** A target outside 2–5, a value that is not a mark 1–5, or a weight that is not positive. */
export class MarksNeededError extends RangeError {
  override readonly name = 'MarksNeededError';

  constructor(
    readonly code: MarksNeededErrorCode,
    message: string,
  ) {
    super(message);
  }
}

/** More marks than this is no plan: {@link marksNeeded} reports such a target as unreachable. */
export const MAX_MARKS_NEEDED = 1_000_000;

/** Averages within this of the target count as reaching it (4.4999999999 reaches 4.5). */
const EPSILON = 1e-9;

/**
 * Whether an average reaches a target, allowing for floating-point noise.
 *
 * @example
 * reachesTarget(4.5, 4.5); // true
 * reachesTarget(4.49, 4.5); // false
 * reachesTarget(null, 4.5); // false
 */
export function reachesTarget(average: number | null, target: number): boolean {
  return average !== null && average >= target - EPSILON;
}

function assertInputs(target: number, value: number, weight: number): void {
  if (!(target >= 2 && target <= 5)) {
    throw new MarksNeededError(
      'target_out_of_range',
      `The target must be within 2–5, got ${target}`,
    );
  }
  if (!isNumericMark(value)) {
    throw new MarksNeededError('invalid_value', `The mark must be an integer 1–5, got ${value}`);
  }
  if (!Number.isFinite(weight) || weight <= 0) {
    throw new MarksNeededError(
      'invalid_weight',
      `The weight must be a positive number, got ${weight}`,
    );
  }
}

/**
 * The fewest marks of `value` at `weight` that lift the weighted average to at least `target`:
 * `0` when it is already there, `null` when no number of such marks gets there (the average only
 * approaches `value`, so a value at or below the target never lifts it there; with no counted
 * marks yet, one mark equal to the target does) or it would take more than {@link MAX_MARKS_NEEDED}. Pass one subject's marks; their weights are checked as
 * the averages check them. Solved in closed form: n ≥ (t·W − S) / (w·(v − t)).
 *
 * @example
 * const marks = [{ value: 3, weight: 1 }, { value: 3, weight: 1 }];
 * marksNeeded(marks, { target: 4.5, value: 5 }); // 6: (6 + 5·6) / (2 + 6) = 4.5
 * marksNeeded(marks, { target: 4.5, value: 5, weight: 2 }); // 3
 * marksNeeded(marks, { target: 4.5, value: 4 }); // null
 */
export function marksNeeded(
  marks: readonly WeightedMark[],
  { target, value, weight = 1 }: MarksNeededOptions,
): number | null {
  assertInputs(target, value, weight);
  const totals = markTotals(marks);
  const averageWith = (n: number): number | null => {
    const weightSum = totals.weightSum + n * weight;
    return weightSum === 0 ? null : (totals.weightedSum + n * value * weight) / weightSum;
  };
  if (reachesTarget(averageWith(0), target)) return 0;
  // With no average yet, the first mark becomes the average.
  if (totals.weightSum === 0) return reachesTarget(value, target) ? 1 : null;
  if (value - target <= EPSILON) return null;
  const exact = (target * totals.weightSum - totals.weightedSum) / (weight * (value - target));
  let n = Math.max(1, Math.ceil(exact - EPSILON));
  if (n > MAX_MARKS_NEEDED) return null;
  // The closed form and the epsilon comparison can disagree by one at an exact boundary.
  while (n > 1 && reachesTarget(averageWith(n - 1), target)) n -= 1;
  while (!reachesTarget(averageWith(n), target)) n += 1;
  return n;
}

/**
 * Every combination of mark and weight that reaches the target, with how many such marks it
 * takes, fewest first (then higher mark, then lower weight) — the «как исправить» paths of МЭШ.
 * Unreachable combinations are left out; when the target is already reached each count is 0.
 *
 * @example
 * marksNeededOptions([{ value: 3, weight: 1 }, { value: 4, weight: 1 }], { target: 4.5 });
 * // [{ value: 5, weight: 2, count: 2 }, { value: 5, weight: 3, count: 2 }, { value: 5, weight: 1, count: 4 }]
 */
export function marksNeededOptions(
  marks: readonly WeightedMark[],
  { target, values = [5, 4], weights = [1, 2, 3] }: MarksNeededPathsOptions,
): MarksNeededPath[] {
  const paths: MarksNeededPath[] = [];
  for (const value of new Set(values)) {
    for (const weight of new Set(weights)) {
      const count = marksNeeded(marks, { target, value, weight });
      if (count !== null) paths.push({ value, weight, count });
    }
  }
  return paths.sort((a, b) => a.count - b.count || b.value - a.value || a.weight - b.weight);
}
