import {
  clampToMarks,
  countsInAverage,
  type GradedMark,
  type NumericMarkValue,
} from './grade-average';
import { compareMarkDates, marksBySubject } from './period-summary';

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
export interface SubjectTrend {
  subject: string;
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
 * Running weight sums per mark value. Keeping one sum per value 1–5 (reset to exactly 0 when its
 * last mark leaves) stops floating-point drift from add/remove, and gives the window's range.
 */
class WindowSums {
  private readonly weight = [0, 0, 0, 0, 0, 0];
  private readonly count = [0, 0, 0, 0, 0, 0];

  add(value: NumericMarkValue, weight: number): void {
    this.weight[value] = (this.weight[value] ?? 0) + weight;
    this.count[value] = (this.count[value] ?? 0) + 1;
  }

  remove(value: NumericMarkValue, weight: number): void {
    const left = (this.count[value] ?? 0) - 1;
    this.count[value] = left;
    this.weight[value] = left === 0 ? 0 : (this.weight[value] ?? 0) - weight;
  }

  average(): number {
    let weighted = 0;
    let total = 0;
    let min: NumericMarkValue | null = null;
    let max: NumericMarkValue | null = null;
    for (const value of [1, 2, 3, 4, 5] as const) {
      if (this.count[value] === 0) continue;
      const weight = this.weight[value] ?? 0;
      weighted += value * weight;
      total += weight;
      min ??= value;
      max = value;
    }
    return clampToMarks(weighted / total, { min, max });
  }
}

function series<M extends GradedMark>(
  marks: readonly M[],
  weighted: boolean,
  window: number,
): TrendPoint[] {
  const counted = countedInDateOrder(marks);
  const sums = new WindowSums();
  const points: TrendPoint[] = [];
  counted.forEach((mark, i) => {
    sums.add(mark.value as NumericMarkValue, weighted ? mark.weight : 1);
    const leaving = i >= window ? counted[i - window] : undefined;
    if (leaving) sums.remove(leaving.value as NumericMarkValue, weighted ? leaving.weight : 1);
    if (counted[i + 1]?.date === mark.date) return;
    points.push({ date: mark.date, average: sums.average() });
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
 *     { subject: 'Алгебра', date: '2025-09-02', value: 3, weight: 1 },
 *     { subject: 'Алгебра', date: '2025-09-05', value: 5, weight: 1 },
 *     { subject: 'Алгебра', date: '2025-09-09', value: 5, weight: 2 },
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
 *   { subject: 'Физика', date: '2025-09-02', value: 3, weight: 1 },
 *   { subject: 'Физика', date: '2025-09-05', value: 5, weight: 3 },
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
 *   { subject: 'Химия', date: '2025-09-02', value: 3, weight: 1 },
 *   { subject: 'Химия', date: '2025-09-09', value: 4, weight: 1 },
 *   { subject: 'Химия', date: '2025-09-16', value: 5, weight: 1 },
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
  const delta = to - from;
  const direction = Math.abs(delta) < FLAT_BELOW - EPSILON ? 'flat' : delta > 0 ? 'up' : 'down';
  return { from, to, direction };
}

function plainOrWeighted(counted: readonly GradedMark[], weighted: boolean): number {
  const sums = new WindowSums();
  for (const mark of counted) sums.add(mark.value as NumericMarkValue, weighted ? mark.weight : 1);
  return sums.average();
}

/**
 * {@link movingAverage}, {@link cumulativeAverage} and {@link trend} for each subject, sorted by
 * subject name in Russian order.
 *
 * @example
 * trendsBySubject(marks, { window: 3 });
 * // [{ subject: 'Алгебра', moving: […], cumulative: […], trend: { from: 3.5, to: 4.1, direction: 'up' } }, …]
 */
export function trendsBySubject(
  marks: readonly GradedMark[],
  options: MovingAverageOptions = {},
): SubjectTrend[] {
  return marksBySubject(marks).map(([subject, list]) => ({
    subject,
    moving: movingAverage(list, options),
    cumulative: cumulativeAverage(list, options),
    trend: trend(list, options),
  }));
}
