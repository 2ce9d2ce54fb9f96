/** A final period mark. */
export type FinalMarkValue = 2 | 3 | 4 | 5;

/** The lowest average that still earns each final mark; below the `3` threshold the mark is 2. */
export interface FinalMarkThresholds {
  readonly 5: number;
  readonly 4: number;
  readonly 3: number;
}

/** The common school regulation: 4.5 → 5, 3.5 → 4, 2.5 → 3. */
export const DEFAULT_FINAL_MARK_THRESHOLDS: FinalMarkThresholds = Object.freeze({
  5: 4.5,
  4: 3.5,
  3: 2.5,
});

/** Stable codes of {@link FinalMarkError}. */
export type FinalMarkErrorCode = 'invalid_thresholds' | 'invalid_average';

/** Thresholds that are not strictly descending within 1–5, or an average that is not a number. */
export class FinalMarkError extends RangeError {
  override readonly name = 'FinalMarkError';

  constructor(
    readonly code: FinalMarkErrorCode,
    message: string,
  ) {
    super(message);
  }
}

/** Tolerates floating-point noise: an average computed as 4.4999999999999 still reaches 4.5. */
const EPSILON = 1e-9;

/**
 * Throws {@link FinalMarkError} (`invalid_thresholds`) unless 5 ≥ t5 > t4 > t3 ≥ 1, all finite.
 *
 * @example
 * assertFinalMarkThresholds({ 5: 4.6, 4: 3.6, 3: 2.6 }); // passes
 * assertFinalMarkThresholds({ 5: 3.5, 4: 4.5, 3: 2.5 }); // throws FinalMarkError
 */
export function assertFinalMarkThresholds(thresholds: FinalMarkThresholds): void {
  const { 5: five, 4: four, 3: three } = thresholds;
  const finite = [five, four, three].every(Number.isFinite);
  if (!finite || five > 5 || !(five > four) || !(four > three) || three < 1) {
    throw new FinalMarkError(
      'invalid_thresholds',
      `Final mark thresholds must descend within 1–5 (5 > 4 > 3), got 5: ${five}, 4: ${four}, 3: ${three}`,
    );
  }
}

/**
 * The final period mark an average earns under the school's thresholds; `null` for no average.
 * The average is compared as given: to grade by the average as displayed, pass it through
 * `roundAverage` first (4.495 → 4.5 → 5, whereas 4.495 itself gives 4).
 *
 * @example
 * finalMark(4.5); // 5
 * finalMark(4.49); // 4
 * finalMark(4.49, { 5: 4.4, 4: 3.5, 3: 2.5 }); // 5
 * finalMark(null); // null
 */
export function finalMark(
  average: number | null,
  thresholds: FinalMarkThresholds = DEFAULT_FINAL_MARK_THRESHOLDS,
): FinalMarkValue | null {
  assertFinalMarkThresholds(thresholds);
  if (average === null) return null;
  if (!Number.isFinite(average)) {
    throw new FinalMarkError(
      'invalid_average',
      `An average must be a finite number, got ${average}`,
    );
  }
  if (average >= thresholds[5] - EPSILON) return 5;
  if (average >= thresholds[4] - EPSILON) return 4;
  if (average >= thresholds[3] - EPSILON) return 3;
  return 2;
}
