import { todayIn, type Period, type PeriodKind, type SchoolYearInfo } from '@school-diary/core';
import type { Kysely, Selectable } from 'kysely';
import type { Database } from '../db/schema';
import { fieldError } from './domain-error';
import type { Services } from './context';

/** A row of `school_years`. */
export type SchoolYearRow = Selectable<Database['school_years']>;
/** A row of `periods`. */
export type PeriodRow = Selectable<Database['periods']>;

/** A school year with its periods (by start date) and the school's today. */
export interface SchoolCalendar {
  readonly schoolId: string;
  readonly year: SchoolYearRow;
  readonly periods: readonly PeriodRow[];
  /** Today in the school's time zone, `YYYY-MM-DD`. */
  readonly today: string;
}

/** An inclusive date range. */
export interface DateRange {
  readonly from: string;
  readonly to: string;
}

/**
 * Today's date in a school's time zone (Moscow by default).
 *
 * @example
 * await schoolToday(s, s.db, 'sch_42'); // '2026-11-24'
 */
export async function schoolToday(
  s: Services,
  db: Kysely<Database>,
  schoolId: string,
): Promise<string> {
  const school = await db
    .selectFrom('schools')
    .select('time_zone')
    .where('id', '=', schoolId)
    .executeTakeFirst();
  return todayIn(s.clock.now(), school?.time_zone ?? 'Europe/Moscow');
}

/**
 * A school's calendar for a named school year (`2026/2027`), or `null` when the school has not
 * entered that year.
 *
 * @example
 * const calendar = await schoolCalendar(s, s.db, 'sch_42', '2026/2027');
 */
export async function schoolCalendar(
  s: Services,
  db: Kysely<Database>,
  schoolId: string,
  yearName: string,
): Promise<SchoolCalendar | null> {
  const year = await db
    .selectFrom('school_years')
    .selectAll()
    .where('school_id', '=', schoolId)
    .where('name', '=', yearName)
    .executeTakeFirst();
  if (!year) return null;
  const periods = await db
    .selectFrom('periods')
    .selectAll()
    .where('school_year_id', '=', year.id)
    .orderBy('start_date')
    .execute();
  return { schoolId, year, periods, today: await schoolToday(s, db, schoolId) };
}

/**
 * The calendar of a class's school year, or `null` for a class without one.
 *
 * @example
 * const calendar = await classCalendar(s, s.db, child.class_id);
 */
export async function classCalendar(
  s: Services,
  db: Kysely<Database>,
  classId: string | null,
): Promise<SchoolCalendar | null> {
  if (!classId) return null;
  const cls = await db
    .selectFrom('classes')
    .select(['school_id', 'school_year'])
    .where('id', '=', classId)
    .executeTakeFirst();
  return cls ? schoolCalendar(s, db, cls.school_id, cls.school_year) : null;
}

/**
 * The period a date falls in, if any (holidays fall in none).
 *
 * @example
 * periodOn(calendar.periods, '2026-11-24')?.name; // 'II четверть'
 */
export function periodOn(periods: readonly PeriodRow[], date: string): PeriodRow | undefined {
  return periods.find((p) => p.start_date <= date && date <= p.end_date);
}

/**
 * The period running today; in the holidays the one that ended last, before the year the first.
 *
 * @example
 * currentPeriod(calendar)?.number; // 2
 */
export function currentPeriod(calendar: SchoolCalendar): PeriodRow | undefined {
  const { periods, today } = calendar;
  const started = periods.filter((p) => p.start_date <= today);
  return started[started.length - 1] ?? periods[0];
}

/**
 * The period with this id in the calendar; 400 on `periodId` for a period of another year or school.
 *
 * @example
 * const period = periodById(calendar, query.periodId);
 */
export function periodById(calendar: SchoolCalendar | null, periodId: string): PeriodRow {
  const period = calendar?.periods.find((p) => p.id === periodId);
  if (!period) throw fieldError('periodId', 'invalid_option');
  return period;
}

/**
 * The date range a read covers: the period (if given) narrowed by `from`/`to`, or `from`/`to`
 * filled in from the fallback range. Throws 400 on `periodId` for an unknown period.
 *
 * @example
 * readRange(calendar, query, yearRange(calendar)); // { from: '2026-09-01', to: '2027-05-31' }
 */
export function readRange(
  calendar: SchoolCalendar | null,
  query: { from?: string | undefined; to?: string | undefined; periodId?: string | undefined },
  fallback: DateRange,
): DateRange {
  if (!query.periodId) return { from: query.from ?? fallback.from, to: query.to ?? fallback.to };
  const period = periodById(calendar, query.periodId);
  return {
    from: query.from && query.from > period.start_date ? query.from : period.start_date,
    to: query.to && query.to < period.end_date ? query.to : period.end_date,
  };
}

/**
 * The range a read of the school year's data covers: {@link readRange} with the whole year as the
 * fallback; without a school year only what the query says (and 400 for any `periodId`).
 *
 * @example
 * queryRange(calendar, { periodId }); // { from: '2026-09-01', to: '2026-10-26' }
 */
export function queryRange(
  calendar: SchoolCalendar | null,
  query: { from?: string | undefined; to?: string | undefined; periodId?: string | undefined },
): { from?: string | undefined; to?: string | undefined } {
  if (calendar) return readRange(calendar, query, yearRange(calendar));
  if (query.periodId) periodById(null, query.periodId);
  return { from: query.from, to: query.to };
}

/** A period's dates as a range. */
export function periodRange(period: PeriodRow): DateRange {
  return { from: period.start_date, to: period.end_date };
}

/**
 * The whole school year as a range.
 *
 * @example
 * yearRange(calendar); // { from: '2026-09-01', to: '2027-05-31' }
 */
export function yearRange(calendar: SchoolCalendar): DateRange {
  return { from: calendar.year.start_date, to: calendar.year.end_date };
}

/**
 * The school year before a named one.
 *
 * @example
 * previousSchoolYear('2026/2027'); // '2025/2026'
 */
export function previousSchoolYear(name: string): string {
  const start = Number(name.slice(0, 4));
  return `${start - 1}/${start}`;
}

/** The API view of a period. */
export function periodView(row: PeriodRow): Period {
  return {
    id: row.id,
    kind: row.kind as PeriodKind,
    number: row.number,
    name: row.name,
    startDate: row.start_date,
    endDate: row.end_date,
  };
}

/** The API view of a school year with its periods. */
export function schoolYearView(calendar: SchoolCalendar): SchoolYearInfo {
  const { year, periods } = calendar;
  return {
    id: year.id,
    schoolId: year.school_id,
    name: year.name,
    startDate: year.start_date,
    endDate: year.end_date,
    periodKind: year.period_kind as PeriodKind,
    periods: periods.map(periodView),
  };
}
