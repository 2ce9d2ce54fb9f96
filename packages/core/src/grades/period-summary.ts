import { finalMark, type FinalMarkThresholds, type FinalMarkValue } from './final-mark.js';
import {
  arithmeticAverage,
  markTotals,
  weightedAverage,
  type GradedMark,
  type SubjectRef,
} from './grade-average.js';

/** An inclusive range of ISO `YYYY-MM-DD` dates; a missing end is open. */
export interface InclusiveDateRange {
  from?: string;
  to?: string;
}

/** A reporting period (a quarter, a half-year …) with inclusive ISO dates. */
export interface ReportingPeriodRange {
  id: string;
  from: string;
  to: string;
}

/** Which average the final mark is taken from. */
export type Averaging = 'weighted' | 'arithmetic';

/** Options of {@link summarizeBySubject}. */
export interface SummaryOptions extends InclusiveDateRange {
  /** Defaults to `DEFAULT_FINAL_MARK_THRESHOLDS`. */
  thresholds?: FinalMarkThresholds;
  /** Defaults to `'weighted'`. */
  averaging?: Averaging;
}

/** One subject's marks over a period. */
export interface SubjectSummary<M extends GradedMark = GradedMark> extends SubjectRef {
  /** Every mark, pass marks and weight-0 marks included. */
  count: number;
  /** The marks that count in the averages: numeric and of positive weight. */
  numericCount: number;
  /** The subject's marks in date order (marks of one date keep their input order). */
  marks: M[];
  arithmeticAverage: number | null;
  weightedAverage: number | null;
  finalMark: FinalMarkValue | null;
  firstDate: string;
  lastDate: string;
}

/** A period's per-subject summaries. */
export interface PeriodSummary<M extends GradedMark = GradedMark> extends ReportingPeriodRange {
  subjects: SubjectSummary<M>[];
}

/** A subject's average over the whole year. */
export interface YearSubjectAverage extends SubjectRef {
  count: number;
  numericCount: number;
  /** The weighted average of all the subject's marks in the year. */
  weightedAverage: number | null;
  /** The mark the year average earns under the thresholds. */
  finalMark: FinalMarkValue | null;
}

/** What {@link summarizeYear} returns. */
export interface YearSummary<M extends GradedMark = GradedMark> {
  periods: PeriodSummary<M>[];
  year: YearSubjectAverage[];
}

/** Stable codes of {@link PeriodError}. */
export type PeriodErrorCode = 'invalid_date' | 'date_order';

/** A period boundary that is not an ISO date, or a period that ends before it starts. */
export class PeriodError extends RangeError {
  override readonly name = 'PeriodError';

  constructor(
    readonly code: PeriodErrorCode,
    message: string,
  ) {
    super(message);
  }
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const byRussianName = new Intl.Collator('ru').compare;

function assertDateRange({ from, to }: InclusiveDateRange): void {
  for (const date of [from, to]) {
    if (date !== undefined && !ISO_DATE.test(date)) {
      throw new PeriodError('invalid_date', `A period boundary must be YYYY-MM-DD, got "${date}"`);
    }
  }
  if (from !== undefined && to !== undefined && from > to) {
    throw new PeriodError('date_order', `A period must not end (${to}) before it starts (${from})`);
  }
}

/**
 * Orders marks by ISO date, for a stable `sort` that keeps one date's marks in input order.
 *
 * @example
 * [...marks].sort(compareMarkDates);
 */
export function compareMarkDates(a: Pick<GradedMark, 'date'>, b: Pick<GradedMark, 'date'>): number {
  return a.date < b.date ? -1 : a.date > b.date ? 1 : 0;
}

/**
 * The marks dated within an inclusive range (ISO dates compare as strings). Throws
 * {@link PeriodError} for a boundary that is not `YYYY-MM-DD` or a range that ends before it starts.
 *
 * @example
 * filterMarksByPeriod(marks, { from: '2025-09-01', to: '2025-10-26' });
 */
export function filterMarksByPeriod<M extends GradedMark>(
  marks: readonly M[],
  range: InclusiveDateRange,
): M[] {
  assertDateRange(range);
  const { from, to } = range;
  return marks.filter(
    (mark) => (from === undefined || mark.date >= from) && (to === undefined || mark.date <= to),
  );
}

function summarizeSubject<M extends GradedMark>(
  subject: SubjectRef,
  marks: M[],
  options: SummaryOptions,
): SubjectSummary<M> {
  const sorted = marks.sort(compareMarkDates);
  const weighted = weightedAverage(sorted);
  const arithmetic = arithmeticAverage(sorted);
  const chosen = options.averaging === 'arithmetic' ? arithmetic : weighted;
  return {
    subjectId: subject.subjectId,
    subjectName: subject.subjectName,
    count: sorted.length,
    numericCount: markTotals(sorted).count,
    marks: sorted,
    arithmeticAverage: arithmetic,
    weightedAverage: weighted,
    finalMark: finalMark(chosen, options.thresholds),
    firstDate: (sorted[0] as M).date,
    lastDate: (sorted[sorted.length - 1] as M).date,
  };
}

/**
 * The marks grouped by `subjectId`, subjects sorted by name in Russian order (then by id), each
 * group in input order and named by its first mark.
 *
 * @example
 * marksBySubject(marks);
 * // [[{ subjectId: 'sub_alg', subjectName: 'Алгебра' }, [...]], [{ subjectId: 'sub_phy', … }, [...]]]
 */
export function marksBySubject<M extends GradedMark>(marks: readonly M[]): [SubjectRef, M[]][] {
  const bySubject = new Map<string, [SubjectRef, M[]]>();
  for (const mark of marks) {
    const group = bySubject.get(mark.subjectId);
    if (group) group[1].push(mark);
    else bySubject.set(mark.subjectId, [subjectOf(mark), [mark]]);
  }
  return [...bySubject.values()].sort(([a], [b]) => compareSubjects(a, b));
}

/** Just the subject of a mark. */
function subjectOf({ subjectId, subjectName }: SubjectRef): SubjectRef {
  return { subjectId, subjectName };
}

/** Russian order of subject names, ties by id, so the order never depends on the input's. */
function compareSubjects(a: SubjectRef, b: SubjectRef): number {
  const byName = byRussianName(a.subjectName, b.subjectName);
  if (byName !== 0) return byName;
  return a.subjectId < b.subjectId ? -1 : a.subjectId > b.subjectId ? 1 : 0;
}

/**
 * One summary per subject with marks in the range, sorted by subject name in Russian order:
 * the marks in date order, both averages and the final mark from the chosen averaging
 * (weighted by default).
 *
 * @example
 * summarizeBySubject(marks, { from: '2025-09-01', to: '2025-10-26' });
 * // [{ subjectId: 'sub_alg', subjectName: 'Алгебра', count: 3, numericCount: 3, weightedAverage: 3.666…, finalMark: 4, … }, …]
 */
export function summarizeBySubject<M extends GradedMark>(
  marks: readonly M[],
  options: SummaryOptions = {},
): SubjectSummary<M>[] {
  return marksBySubject(filterMarksByPeriod(marks, options)).map(([subject, list]) =>
    summarizeSubject(subject, list, options),
  );
}

/**
 * Per period, per subject summaries, and each subject's year average: the weighted average of
 * all its marks from the first period's start to the last period's end (holidays included).
 * Periods keep their given order; the year's final mark always comes from the weighted average.
 *
 * @example
 * summarizeYear(marks, [
 *   { id: 'h1', from: '2025-09-01', to: '2025-12-28' },
 *   { id: 'h2', from: '2026-01-09', to: '2026-05-26' },
 * ]);
 * // { periods: [{ id: 'h1', …, subjects: […] }, …], year: [{ subjectName: 'Алгебра', weightedAverage: 4.2, … }] }
 */
export function summarizeYear<M extends GradedMark>(
  marks: readonly M[],
  periods: readonly ReportingPeriodRange[],
  options: Omit<SummaryOptions, 'from' | 'to'> = {},
): YearSummary<M> {
  periods.forEach(assertDateRange);
  const summaries = periods.map((period) => ({
    ...period,
    subjects: summarizeBySubject(marks, { ...options, from: period.from, to: period.to }),
  }));
  if (periods.length === 0) return { periods: summaries, year: [] };
  const from = periods.reduce((min, p) => (p.from < min ? p.from : min), periods[0]?.from ?? '');
  const to = periods.reduce((max, p) => (p.to > max ? p.to : max), periods[0]?.to ?? '');
  const year = summarizeBySubject(marks, { ...options, from, to, averaging: 'weighted' });
  return {
    periods: summaries,
    year: year.map(
      ({ subjectId, subjectName, count, numericCount, weightedAverage, finalMark }) => ({
        subjectId,
        subjectName,
        count,
        numericCount,
        weightedAverage,
        finalMark,
      }),
    ),
  };
}
