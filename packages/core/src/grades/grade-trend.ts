import {
  clampToMarks,
  countsInAverage,
  type GradedMark,
  type NumericMarkValue,
  type SubjectRef,
} from './grade-average.js';
import { compareMarkDates, marksBySubject } from './period-summary.js';

/** The average as it stood at the end of a date. */
export interface TrendPoint {
  date: string;
  average: number;
}

/** Options of {@link movingAverage}. */
export interface MovingAverageOptions {
  /** How many of the latest counted marks each point averages; a positive integer, default 5. */
  window?: number;
  /** Weigh the marks (default) or take the plain mean. */
  weighted?: boolean;
}

/** Whether the marks are getting better. */
export type TrendDirection = 'up' | 'down' | 'flat';

/** The average of the first third of the marks against the average of them all. */
export interface Trend {
  from: number;
  to: number;
  direction: TrendDirection;
}

/** Options of {@link trend}. */
export interface TrendOptions {
  /** Weigh the marks (default) or take the plain mean. */
  weighted?: boolean;
}

/** A subject's series, as {@link trendsBySubject} returns them. */
export interface SubjectTrend extends SubjectRef {
  moving: TrendPoint[];
  cumulative: TrendPoint[];
  trend: Trend | null;
}

/** Stable codes of {@link GradeTrendError}. */
export type GradeTrendErrorCode = 'invalid_window';

/** A moving-average window that is not a positive integer. */
export class GradeTrendError extends RangeError {
  override readonly name = 'GradeTrendError';

  constructor(
    readonly code: GradeTrendErrorCode,
    message: string,
  ) {
    super(message);
  }
}

/** A change under this is `flat`; the epsilon lets 4.55 − 4.5 (0.0499… in binary) count as 0.05. */
const FLAT_BELOW = 0.05;
const EPSILON = 1e-9;

/** The marks that count, in date order (a stable sort keeps one date's marks in input order). */
function countedInDateOrder<M extends GradedMark>(marks: readonly M[]): M[] {
  return marks.filter(countsInAverage).sort(compareMarkDates);
}

/**
 * Running sums of marks 1–5 for an average kept mark by mark, as {@link movingAverage} and
 * {@link trend} keep theirs: a mark can be added and taken away again (a moving window), and the
 * average is the same number, bit for bit, as those functions give for the same marks. One sum
 * per value (reset to exactly 0 when its last mark leaves) stops floating-point drift from adding
 * and taking away, and gives the range the average is kept within (see {@link clampToMarks}).
 *
 * @example
 * const sums = new MarkSums();
 * sums.add(5, 1);
 * sums.add(3, 2);
 * sums.average(); // 3.666…  ((5·1 + 3·2) / 3)
 * sums.remove(5, 1);
 * sums.average(); // 3
 */
export class MarkSums {
  /** The weight of each value, at its index 1–5. */
  private readonly weights = [0, 0, 0, 0, 0, 0];
  /** How many marks of each value, at its index 1–5. */
  private readonly counts = [0, 0, 0, 0, 0, 0];

  /** Adds a mark of `value` with `weight` (a finite number > 0; weight 0 does not count). */
  add(value: NumericMarkValue, weight: number): void {
    this.weights[value] = (this.weights[value] as number) + weight;
    this.counts[value] = (this.counts[value] as number) + 1;
  }

  /** Takes away a mark added before, with the same value and weight. */
  remove(value: NumericMarkValue, weight: number): void {
    const left = (this.counts[value] as number) - 1;
    this.counts[value] = left;
    this.weights[value] = left === 0 ? 0 : (this.weights[value] as number) - weight;
  }

  /** The average of the marks held (weighted by what was added), or `null` when none is. */
  average(): number | null {
    let weighted = 0;
    let total = 0;
    let min = 0;
    let max = 0;
    for (let value = 1; value <= 5; value += 1) {
      if (this.counts[value] === 0) continue;
      const weight = this.weights[value] as number;
      weighted += value * weight;
      total += weight;
      if (min === 0) min = value;
      max = value;
    }
    if (min === 0) return null;
    const range = { min: min as NumericMarkValue, max: max as NumericMarkValue };
    return clampToMarks(weighted / total, range);
  }
}

/**
 * The direction from one average to another, as {@link trend} words it: `flat` when they differ
 * by less than 0.05, else `up` or `down`.
 *
 * @example
 * trendDirection(3.8, 4.4); // 'up'
 * trendDirection(4.5, 4.55); // 'up' (0.05 exactly, despite 4.55 − 4.5 being 0.0499… in binary)
 * trendDirection(4.5, 4.54); // 'flat'
 */
export function trendDirection(from: number, to: number): TrendDirection {
  const delta = to - from;
  return Math.abs(delta) < FLAT_BELOW - EPSILON ? 'flat' : delta > 0 ? 'up' : 'down';
}

function series<M extends GradedMark>(
  marks: readonly M[],
  weighted: boolean,
  window: number,
): TrendPoint[] {
  const counted = countedInDateOrder(marks);
  const sums = new MarkSums();
  const points: TrendPoint[] = [];
  counted.forEach((mark, i) => {
    sums.add(mark.value as NumericMarkValue, weighted ? mark.weight : 1);
    const leaving = i >= window ? counted[i - window] : undefined;
    if (leaving) sums.remove(leaving.value as NumericMarkValue, weighted ? leaving.weight : 1);
    if (counted[i + 1]?.date === mark.date) return;
    points.push({ date: mark.date, average: sums.average() as number });
  });
  return points;
}

/**
 * The moving average of the marks given, taken as one series (pass one subject's marks, or use
 * {@link trendsBySubject}): one point per date with a counted mark, averaging the last `window`
 * counted marks as of the end of that date. Linear in the number of marks after the date sort.
 *
 * @example
 * movingAverage(
 *   [
 *     { subjectId: 'sub_1', subjectName: 'Алгебра', date: '2025-09-02', value: 3, weight: 1 },
 *     { subjectId: 'sub_1', subjectName: 'Алгебра', date: '2025-09-05', value: 5, weight: 1 },
 *     { subjectId: 'sub_1', subjectName: 'Алгебра', date: '2025-09-09', value: 5, weight: 2 },
 *   ],
 *   { window: 2 },
 * );
 * // [{ date: '2025-09-02', average: 3 }, { date: '2025-09-05', average: 4 }, { date: '2025-09-09', average: 5 }]
 */
export function movingAverage(
  marks: readonly GradedMark[],
  { window = 5, weighted = true }: MovingAverageOptions = {},
): TrendPoint[] {
  if (!Number.isInteger(window) || window < 1) {
    throw new GradeTrendError('invalid_window', `window must be a positive integer, got ${window}`);
  }
  return series(marks, weighted, window);
}

/**
 * The average of all the marks so far, one point per date with a counted mark.
 *
 * @example
 * cumulativeAverage([
 *   { subjectId: 'sub_1', subjectName: 'Физика', date: '2025-09-02', value: 3, weight: 1 },
 *   { subjectId: 'sub_1', subjectName: 'Физика', date: '2025-09-05', value: 5, weight: 3 },
 * ]);
 * // [{ date: '2025-09-02', average: 3 }, { date: '2025-09-05', average: 4.5 }]
 */
export function cumulativeAverage(
  marks: readonly GradedMark[],
  { weighted = true }: TrendOptions = {},
): TrendPoint[] {
  return series(marks, weighted, Infinity);
}

/**
 * Compares the average of the first third of the counted marks (in date order, rounded up, so at
 * least one mark) with the average of all of them: `up` or `down` when they differ by 0.05 or
 * more, else `flat`; `null` when no mark counts.
 *
 * @example
 * trend([
 *   { subjectId: 'sub_1', subjectName: 'Химия', date: '2025-09-02', value: 3, weight: 1 },
 *   { subjectId: 'sub_1', subjectName: 'Химия', date: '2025-09-09', value: 4, weight: 1 },
 *   { subjectId: 'sub_1', subjectName: 'Химия', date: '2025-09-16', value: 5, weight: 1 },
 * ]);
 * // { from: 3, to: 4, direction: 'up' }
 */
export function trend(
  marks: readonly GradedMark[],
  { weighted = true }: TrendOptions = {},
): Trend | null {
  const counted = countedInDateOrder(marks);
  if (counted.length === 0) return null;
  const third = Math.ceil(counted.length / 3);
  const from = plainOrWeighted(counted.slice(0, third), weighted);
  const to = plainOrWeighted(counted, weighted);
  return { from, to, direction: trendDirection(from, to) };
}

function plainOrWeighted(counted: readonly GradedMark[], weighted: boolean): number {
  const sums = new MarkSums();
  for (const mark of counted) sums.add(mark.value as NumericMarkValue, weighted ? mark.weight : 1);
  return sums.average() as number;
}

/**
 * {@link movingAverage}, {@link cumulativeAverage} and {@link trend} for each subject, sorted by
 * subject name in Russian order.
 *
 * @example
 * trendsBySubject(marks, { window: 3 });
 * // [{ subjectId: 'sub_alg', subjectName: 'Алгебра', moving: […], cumulative: […], trend: { from: 3.5, to: 4.1, direction: 'up' } }, …]
 */
export function trendsBySubject(
  marks: readonly GradedMark[],
  options: MovingAverageOptions = {},
): SubjectTrend[] {
  return marksBySubject(marks).map(([{ subjectId, subjectName }, list]) => ({
    subjectId,
    subjectName,
    moving: movingAverage(list, options),
    cumulative: cumulativeAverage(list, options),
    trend: trend(list, options),
  }));
}
