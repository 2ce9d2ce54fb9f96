import {
  addDays,
  compareWithPreviousYear,
  finalMark,
  marksToCsv,
  roundAverage,
  summarizeBySubject,
  todayIn,
  type GradeSummary,
  type Lang,
  type OutputOf,
  type Routes,
  type yearComparisonSchema,
} from '@school-diary/core';
import { notFound } from './domain-error';
import { schoolRounding } from './final-mark-rounding';
import type { Services } from './context';
import { finalMarkRows, markRows } from './journal-queries';
import { finalMarkView, markView, shortName, workKindLabel, type MarkRow } from './journal-views';
import type { ChildRow } from './policy';
import {
  classCalendar,
  currentPeriod,
  periodById,
  periodOn,
  previousSchoolYear,
  queryRange,
  schoolCalendar,
  yearRange,
} from './school-calendar';

type RangeQuery = { from?: string; to?: string; periodId?: string };
type CsvQuery = OutputOf<Routes['grades']['csv']['query']>;
type YearComparison = OutputOf<typeof yearComparisonSchema>;

/**
 * Marks as core's grade maths reads them (the fields of the API's `Mark` it needs).
 *
 * @example
 * summarizeBySubject(graded(rows));
 */
export function graded(rows: readonly MarkRow[]) {
  return rows.map((r) => ({
    subjectId: r.subject_id,
    subjectName: r.subject_name,
    date: r.date,
    value: markView(r).value,
    weight: r.weight,
  }));
}

/**
 * Per-subject averages and final marks of a child over a period (the current one by default) or a
 * date range: core's `summarizeBySubject`, the averages rounded as shown, the final mark from the
 * rounded weighted average (`finalMark`), and the teacher's fixed final mark when there is one.
 *
 * @example
 * await gradeSummary(s, child, { periodId: 'per_42_2026_q1' });
 */
export async function gradeSummary(
  s: Services,
  child: ChildRow,
  query: RangeQuery,
): Promise<GradeSummary> {
  const calendar = await classCalendar(s, s.db, child.class_id);
  const today = calendar?.today ?? todayIn(s.clock.now(), 'Europe/Moscow');
  // A period when asked for one; the current period unless a date range is asked for instead.
  const period = query.periodId
    ? periodById(calendar, query.periodId)
    : calendar && !query.from && !query.to
      ? currentPeriod(calendar)
      : undefined;
  const partial = queryRange(calendar, { ...query, periodId: period?.id });
  const range = { from: partial.from ?? today, to: partial.to ?? today };
  const rows = await markRows(s.db, { childIds: [child.id], ...range });
  const fixed = period ? await finalMarkRows(s.db, { childId: child.id, periodId: period.id }) : [];
  const thresholds = await schoolRounding(s.db, child.school_id);
  const subjects = summarizeBySubject(graded(rows), range).map((sum) => {
    const { subjectId, subjectName } = sum;
    const weighted = sum.weightedAverage === null ? null : roundAverage(sum.weightedAverage);
    const arithmetic = sum.arithmeticAverage === null ? null : roundAverage(sum.arithmeticAverage);
    const fixedMark = fixed.find((f) => f.subject_id === subjectId);
    return {
      subjectId,
      subjectName,
      count: sum.count,
      arithmeticAverage: arithmetic,
      weightedAverage: weighted,
      // Graded by the average as shown, so 4.495 → 4.50 → 5 on screen and in the mark alike.
      finalMark: finalMark(weighted, thresholds),
      fixedFinalMark: fixedMark ? finalMarkView(fixedMark).value : undefined,
    };
  });
  return { childId: child.id, periodId: period?.id, ...range, subjects };
}

/**
 * Each subject's weighted average this school year and last (core's `compareWithPreviousYear`);
 * 404 for a child without a school year.
 *
 * @example
 * await yearComparison(s, child); // { currentYear: '2026/2027', previousYear: '2025/2026', subjects: [...] }
 */
export async function yearComparison(s: Services, child: ChildRow): Promise<YearComparison> {
  const calendar = await classCalendar(s, s.db, child.class_id);
  if (!calendar) throw notFound();
  const previousName = previousSchoolYear(calendar.year.name);
  const previous = await schoolCalendar(s, s.db, calendar.schoolId, previousName);
  const start = calendar.year.start_date;
  const previousRange = previous
    ? yearRange(previous)
    : { from: `${Number(start.slice(0, 4)) - 1}${start.slice(4)}`, to: addDays(start, -1) };
  const [now, before] = await Promise.all([
    markRows(s.db, { childIds: [child.id], ...yearRange(calendar) }),
    markRows(s.db, { childIds: [child.id], from: previousRange.from, to: previousRange.to }),
  ]);
  const subjects = compareWithPreviousYear(graded(now), graded(before));
  return {
    childId: child.id,
    currentYear: calendar.year.name,
    previousYear: previousName,
    subjects: subjects.map((c) => ({
      subjectName: c.subjectName,
      current: c.current,
      previous: c.previous,
      delta: c.delta,
    })),
  };
}

/**
 * A child's marks as CSV (core's `marksToCsv`: BOM, localised header, `;` with decimal commas on
 * request) and the file name `grades-<child>-<from>-<to>.csv` of the range it covers.
 *
 * @example
 * const { filename, text } = await gradesCsv(s, child, { query, lang });
 */
export async function gradesCsv(
  s: Services,
  child: ChildRow,
  input: { query: CsvQuery; lang: Lang },
): Promise<{ filename: string; text: string }> {
  const { query, lang } = input;
  const calendar = await classCalendar(s, s.db, child.class_id);
  const range = queryRange(calendar, query);
  const filter = { childIds: [child.id], subjectId: query.subjectId, kind: query.kind };
  const rows = await markRows(s.db, { ...filter, ...range });
  const periods = calendar?.periods ?? [];
  const text = marksToCsv(
    rows.map((r) => ({
      date: r.date,
      subject: r.subject_name,
      value: markView(r).value,
      weight: r.weight,
      kind: workKindLabel(r.kind, lang),
      comment: r.comment ?? undefined,
      teacher: shortName({
        last_name: r.teacher_last_name,
        first_name: r.teacher_first_name,
        middle_name: r.teacher_middle_name,
      }),
      period: periodOn(periods, r.date)?.name,
    })),
    { delimiter: query.delimiter, lang },
  );
  return { filename: `grades-${child.id}-${range.from ?? 'start'}-${range.to ?? 'end'}.csv`, text };
}
