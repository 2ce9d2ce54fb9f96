import {
  arithmeticAverage,
  finalMark,
  isNumericMark,
  roundAverage,
  weightedAverage,
  type Attendance,
  type FinalMarkValue,
  type Mark,
  type Threshold,
} from '@school-diary/core';

/** What the table shows of the marks: a date range, a subject, a kind of work (all optional). */
export interface MarkFilter {
  readonly from?: string | undefined;
  readonly to?: string | undefined;
  readonly subjectId?: string | undefined;
  readonly kind?: string | undefined;
}

/** One subject's line of the table. */
export interface SubjectRow {
  readonly subjectId: string;
  readonly subjectName: string;
  /** In date order, as the server sends them. */
  readonly marks: readonly Mark[];
  /** The weighted average rounded to 2 digits, as shown; `null` without counted marks. */
  readonly weighted: number | null;
  readonly arithmetic: number | null;
  /** The final mark the shown (rounded) weighted average earns. */
  readonly final: FinalMarkValue | null;
  /** Missed lessons in the range (absent, ill; lateness is not a miss). */
  readonly absences: number;
  /** The parent's threshold for this subject (or for all subjects), if any. */
  readonly threshold: number | undefined;
}

/** Sorting of the rows. */
export interface RowSort {
  readonly key: 'subject' | 'average';
  readonly direction: 'ascending' | 'descending';
}

/** Whether a mark passes the filter. */
export function markPasses(mark: Mark, filter: MarkFilter): boolean {
  return (
    (!filter.from || mark.date >= filter.from) &&
    (!filter.to || mark.date <= filter.to) &&
    (!filter.subjectId || mark.subjectId === filter.subjectId) &&
    (!filter.kind || mark.kind === filter.kind)
  );
}

/** The threshold that applies to a subject: its own, else the one for all subjects. */
export function thresholdFor(
  thresholds: readonly Threshold[],
  subjectId: string,
  override?: number,
): number | undefined {
  if (override !== undefined && Number.isFinite(override)) return override;
  return (
    thresholds.find((t) => t.subjectId === subjectId)?.threshold ??
    thresholds.find((t) => t.subjectId === undefined)?.threshold
  );
}

/** Whether a mark is below a threshold (pass marks never are). */
export function isBelow(mark: Pick<Mark, 'value'>, threshold: number | undefined): boolean {
  return threshold !== undefined && isNumericMark(mark.value) && mark.value < threshold;
}

const MISSED = new Set(['absent_excused', 'absent_unexcused', 'ill']);

/** Missed lessons per subject within a date range. */
export function absencesBySubject(
  attendance: readonly Attendance[],
  filter: Pick<MarkFilter, 'from' | 'to'>,
): Map<string, number> {
  const counts = new Map<string, number>();
  for (const entry of attendance) {
    if (!MISSED.has(entry.status)) continue;
    if ((filter.from && entry.date < filter.from) || (filter.to && entry.date > filter.to))
      continue;
    counts.set(entry.subjectId, (counts.get(entry.subjectId) ?? 0) + 1);
  }
  return counts;
}

/**
 * Whether two lists hold the same mark objects in the same order: a live change or a corrected
 * mark is a new object, so an unchanged subject is told by identity, without building strings.
 */
function sameMarks(a: readonly Mark[], b: readonly Mark[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i += 1) if (a[i] !== b[i]) return false;
  return true;
}

const rounded = (average: number | null) => (average === null ? null : roundAverage(average));

/** What a subject's row needs besides its marks: missed lessons and the parent's thresholds. */
export interface RowContext {
  readonly absences: ReadonlyMap<string, number>;
  readonly thresholds: readonly Threshold[];
  readonly thresholdOverride?: number | undefined;
}

/**
 * The table's rows: the filtered marks grouped by subject, with core's averages and final mark.
 * A subject whose marks (the same objects), absences and threshold did not change keeps its
 * previous row object, so its rendered row is kept as it is.
 */
export function subjectRows(
  marks: readonly Mark[],
  filter: MarkFilter,
  context: RowContext & { readonly previous?: ReadonlyMap<string, SubjectRow> },
): SubjectRow[] {
  const groups = new Map<string, Mark[]>();
  for (const mark of marks) {
    if (!markPasses(mark, filter)) continue;
    const list = groups.get(mark.subjectId);
    if (list) list.push(mark);
    else groups.set(mark.subjectId, [mark]);
  }
  const rows: SubjectRow[] = [];
  for (const [subjectId, list] of groups) {
    const absences = context.absences.get(subjectId) ?? 0;
    const threshold = thresholdFor(context.thresholds, subjectId, context.thresholdOverride);
    const old = context.previous?.get(subjectId);
    if (
      old &&
      old.absences === absences &&
      old.threshold === threshold &&
      sameMarks(old.marks, list)
    ) {
      rows.push(old);
      continue;
    }
    rows.push(subjectRow(subjectId, list, absences, threshold));
  }
  return rows;
}

function subjectRow(
  subjectId: string,
  list: readonly Mark[],
  absences: number,
  threshold: number | undefined,
): SubjectRow {
  const weighted = rounded(weightedAverage(list));
  return {
    subjectId,
    subjectName: (list[0] as Mark).subjectName,
    marks: list,
    weighted,
    arithmetic: rounded(arithmeticAverage(list)),
    final: finalMark(weighted),
    absences,
    threshold,
  };
}

/**
 * How many marks `after` adds at the end of `before`: `after.length - before.length` when `after`
 * starts with the same mark objects as `before` (a new mark arrived), else `-1`.
 */
export function appendedCount(before: readonly Mark[], after: readonly Mark[]): number {
  if (after.length < before.length) return -1;
  for (let i = before.length - 1; i >= 0; i -= 1) if (before[i] !== after[i]) return -1;
  return after.length - before.length;
}

/**
 * The rows {@link subjectRows} gives for `rows`' marks followed by `added`, made from `rows` (the
 * previous result for the same filter and context) by touching only the subjects of the added
 * marks: every other row is kept as the same object.
 */
export function appendToRows(
  rows: readonly SubjectRow[],
  added: readonly Mark[],
  filter: MarkFilter,
  context: RowContext,
): readonly SubjectRow[] {
  const groups = new Map<string, Mark[]>();
  for (const mark of added) {
    if (!markPasses(mark, filter)) continue;
    const list = groups.get(mark.subjectId);
    if (list) list.push(mark);
    else groups.set(mark.subjectId, [mark]);
  }
  if (groups.size === 0) return rows;
  const build = (subjectId: string, list: readonly Mark[]) =>
    subjectRow(
      subjectId,
      list,
      context.absences.get(subjectId) ?? 0,
      thresholdFor(context.thresholds, subjectId, context.thresholdOverride),
    );
  const next = rows.map((row) => {
    const more = groups.get(row.subjectId);
    if (!more) return row;
    groups.delete(row.subjectId);
    return build(row.subjectId, [...row.marks, ...more]);
  });
  // Subjects first seen among the added marks come last, as grouping all the marks puts them.
  for (const [subjectId, list] of groups) next.push(build(subjectId, list));
  return next;
}

const collator = new Intl.Collator('ru');

/** Rows sorted by subject name (Russian order) or by average; rows without an average go last. */
export function sortRows(rows: readonly SubjectRow[], sort: RowSort): SubjectRow[] {
  const sign = sort.direction === 'ascending' ? 1 : -1;
  const byName = (a: SubjectRow, b: SubjectRow) => collator.compare(a.subjectName, b.subjectName);
  return [...rows].sort((a, b) => {
    if (sort.key === 'subject') return sign * byName(a, b);
    if (a.weighted === null || b.weighted === null) {
      return a.weighted === b.weighted ? byName(a, b) : a.weighted === null ? 1 : -1;
    }
    return sign * (a.weighted - b.weighted) || byName(a, b);
  });
}
