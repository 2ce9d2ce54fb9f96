import {
  ATTENDANCE_STATUSES,
  markValueText,
  periodName,
  type AttendanceStatus,
  type Lang,
  type MarkValue,
} from '@school-diary/core';
import { notFound } from './domain-error';
import type { Services } from './context';
import { gradeSummary } from './grade-reports';
import { attendanceRows, markRows } from './journal-queries';
import { markValue } from './journal-views';
import type { ChildRow } from './policy';
import { classCalendar, periodById } from './school-calendar';

/** One subject's line of a report card: its marks, weighted average and final mark. */
export interface ReportCardSubject {
  readonly name: string;
  /** The marks in date order as the card prints them: `5`, `4×2`, `зачёт`. */
  readonly marks: readonly string[];
  /** The weighted average rounded as the API shows it, or null without numeric marks. */
  readonly weightedAverage: number | null;
  /** The teacher's fixed final mark, else core's final mark of the average; null for neither. */
  readonly finalMark: string | null;
}

/** What a period's report card (табель) says, in one language. */
export interface ReportCard {
  readonly lang: Lang;
  readonly schoolName: string;
  readonly childName: string;
  readonly className: string;
  readonly schoolYear: string;
  readonly periodName: string;
  readonly from: string;
  readonly to: string;
  /** The school's today, the date the card is issued. */
  readonly issued: string;
  readonly subjects: readonly ReportCardSubject[];
  readonly attendance: Readonly<Record<AttendanceStatus, number>>;
}

/**
 * The report card of a child for one period of the class's school year: the marks of each subject
 * with their weights, the weighted averages and final marks of `gradeSummary` (the same numbers
 * the API's summary answers), and the attendance totals of the period. 400 on `periodId` for a
 * period of another year, 404 for a child without a class.
 *
 * @example
 * const card = await reportCard(s, child, { periodId: 'per_42_2026_q1', lang: 'ru' });
 */
export async function reportCard(
  s: Services,
  child: ChildRow,
  input: { periodId: string; lang: Lang },
): Promise<ReportCard> {
  const { lang } = input;
  const calendar = await classCalendar(s, s.db, child.class_id);
  const period = periodById(calendar, input.periodId);
  const range = { from: period.start_date, to: period.end_date };
  const [names, summary, rows, visits] = await Promise.all([
    s.db
      .selectFrom('classes')
      .innerJoin('schools', 'schools.id', 'classes.school_id')
      .select(['classes.name as class_name', 'schools.name as school_name'])
      .where('classes.id', '=', child.class_id ?? '')
      .executeTakeFirst(),
    gradeSummary(s, child, { periodId: period.id }),
    markRows(s.db, { childIds: [child.id], ...range }),
    attendanceRows(s.db, child.id, range),
  ]);
  if (!names || !calendar) throw notFound();
  const attendance = Object.fromEntries(ATTENDANCE_STATUSES.map((k) => [k, 0])) as Record<
    AttendanceStatus,
    number
  >;
  for (const visit of visits) attendance[visit.status as AttendanceStatus] += 1;
  const subjects = summary.subjects.map((sum) => {
    const marks = rows
      .filter((r) => r.subject_id === sum.subjectId)
      .map((r) => {
        const text = markValueText(lang, markValue(r.value));
        return r.weight === 1 ? text : `${text}×${String(r.weight)}`;
      });
    const final = sum.fixedFinalMark ?? sum.finalMark;
    return {
      name: sum.subjectName,
      marks,
      weightedAverage: sum.weightedAverage,
      finalMark:
        final === null || final === undefined ? null : markValueText(lang, final as MarkValue),
    };
  });
  return {
    lang,
    schoolName: names.school_name,
    childName: [child.last_name, child.first_name, child.middle_name].filter(Boolean).join(' '),
    className: names.class_name,
    schoolYear: calendar.year.name,
    periodName: periodName(lang, period.name),
    ...range,
    issued: calendar.today,
    subjects,
    attendance,
  };
}
