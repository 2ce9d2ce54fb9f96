/** A mark on the five-point scale. */
export type NumericMarkValue = 1 | 2 | 3 | 4 | 5;

/** A mark: 1–5, or a pass mark (зачёт / незачёт) that never counts in an average. */
export type MarkValue = NumericMarkValue | 'pass' | 'fail';

/** The part of a mark the averages read. */
export interface WeightedMark {
  value: MarkValue;
  /** A finite number ≥ 0; a mark of weight 0 does not count. */
  weight: number;
}

/** The subject a mark or a summary belongs to, named as the API names it. */
export interface SubjectRef {
  subjectId: string;
  subjectName: string;
}

/**
 * A mark as the grade maths sees it: the API's `Mark` as it comes, or any object of this shape.
 * Marks are grouped by `subjectId`; subjects are sorted by `subjectName`.
 */
export interface GradedMark extends WeightedMark, SubjectRef {
  /** ISO `YYYY-MM-DD`. */
  date: string;
  kind?: string;
}

/** Stable codes of {@link GradeAverageError}. */
export type GradeAverageErrorCode = 'invalid_weight' | 'invalid_digits';

/** A weight or a rounding precision the grade maths cannot work with. */
export class GradeAverageError extends RangeError {
  override readonly name = 'GradeAverageError';

  constructor(
    readonly code: GradeAverageErrorCode,
    message: string,
  ) {
    super(message);
  }
}

/** Sums over the marks that count in an average (numeric, weight > 0). */
export interface MarkTotals {
  /** How many marks count. */
  count: number;
  /** Σ value. */
  valueSum: number;
  /** Σ weight. */
  weightSum: number;
  /** Σ value·weight. */
  weightedSum: number;
  /** The lowest and highest counted value, `null` when nothing counts. */
  min: NumericMarkValue | null;
  max: NumericMarkValue | null;
}

/**
 * Whether a value is a mark on the five-point scale (an integer 1–5), as opposed to a pass mark.
 *
 * @example
 * isNumericMark(4); // true
 * isNumericMark('pass'); // false
 */
export function isNumericMark(value: unknown): value is NumericMarkValue {
  return typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 5;
}

/**
 * Throws {@link GradeAverageError} (`invalid_weight`) unless the weight is a finite number ≥ 0.
 * A NaN, infinite or negative weight is a data error, so it is rejected rather than skipped.
 *
 * @example
 * assertMarkWeight(1.5); // passes
 * assertMarkWeight(-1); // throws GradeAverageError
 */
export function assertMarkWeight(weight: number): void {
  if (!Number.isFinite(weight) || weight < 0) {
    throw new GradeAverageError(
      'invalid_weight',
      `A mark weight must be a finite number ≥ 0, got ${weight}`,
    );
  }
}

/**
 * Whether a mark counts in an average: numeric and of positive weight.
 *
 * @example
 * countsInAverage({ value: 5, weight: 0 }); // false
 */
export function countsInAverage(mark: WeightedMark): boolean {
  assertMarkWeight(mark.weight);
  return isNumericMark(mark.value) && mark.weight > 0;
}

/**
 * The sums behind both averages, over the marks that count. Every mark's weight is checked.
 *
 * @example
 * markTotals([{ value: 5, weight: 1 }, { value: 'pass', weight: 1 }, { value: 3, weight: 2 }]);
 * // { count: 2, valueSum: 8, weightSum: 3, weightedSum: 11, min: 3, max: 5 }
 */
export function markTotals(marks: readonly WeightedMark[]): MarkTotals {
  const totals: MarkTotals = {
    count: 0,
    valueSum: 0,
    weightSum: 0,
    weightedSum: 0,
    min: null,
    max: null,
  };
  for (const mark of marks) {
    if (!countsInAverage(mark)) continue;
    const value = mark.value as NumericMarkValue;
    totals.count += 1;
    totals.valueSum += value;
    totals.weightSum += mark.weight;
    totals.weightedSum += value * mark.weight;
    if (totals.min === null || value < totals.min) totals.min = value;
    if (totals.max === null || value > totals.max) totals.max = value;
  }
  return totals;
}

/**
 * The plain mean of the counted marks, `null` when none count.
 *
 * @example
 * arithmeticAverage([{ value: 5, weight: 1 }, { value: 4, weight: 2 }, { value: 3, weight: 3 }]); // 4
 */
export function arithmeticAverage(marks: readonly WeightedMark[]): number | null {
  const totals = markTotals(marks);
  if (totals.count === 0) return null;
  return clampToMarks(totals.valueSum / totals.count, totals);
}

/**
 * The weighted mean `Σ(v·w) / Σw` of the counted marks, as Russian e-diaries compute it; `null`
 * when none count.
 *
 * @example
 * weightedAverage([{ value: 5, weight: 1 }, { value: 4, weight: 2 }, { value: 3, weight: 3 }]);
 * // 3.666…  (22 / 6)
 */
export function weightedAverage(marks: readonly WeightedMark[]): number | null {
  const totals = markTotals(marks);
  if (totals.count === 0) return null;
  return clampToMarks(totals.weightedSum / totals.weightSum, totals);
}

/**
 * Keeps an average within the range of the marks it came from. A mean is a convex combination of
 * the marks, so it lies within their range; floating-point sums can miss that by an ulp
 * (5·w / w ≠ 5 for some w), which would show as 5.000000000000001.
 *
 * @example
 * clampToMarks(5.000000000000001, { min: 5, max: 5 }); // 5
 */
export function clampToMarks(average: number, range: Pick<MarkTotals, 'min' | 'max'>): number {
  if (range.min === null || range.max === null) return average;
  return Math.min(range.max, Math.max(range.min, average));
}

const MAX_DIGITS = 10;

/**
 * Rounds half up (away from zero for negatives) to `digits` decimals, by the decimal the number
 * was meant to be: 4.445 is stored as 4.44499…, yet rounds to 4.45. The scaled value is read to
 * 15 significant digits, which drops the binary representation error before rounding.
 * NaN and ±Infinity are returned as they are.
 *
 * @example
 * roundAverage(4.445); // 4.45
 * roundAverage(22 / 6); // 3.67
 * roundAverage(4.45, 1); // 4.5
 */
export function roundAverage(x: number, digits = 2): number {
  if (!Number.isInteger(digits) || digits < 0 || digits > MAX_DIGITS) {
    throw new GradeAverageError(
      'invalid_digits',
      `digits must be an integer 0–${MAX_DIGITS}, got ${digits}`,
    );
  }
  if (!Number.isFinite(x)) return x;
  const factor = 10 ** digits;
  const scaled = Number((Math.abs(x) * factor).toPrecision(15));
  const rounded = Math.round(scaled) / factor;
  return x < 0 && rounded !== 0 ? -rounded : rounded;
}
