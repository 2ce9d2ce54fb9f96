import { addDays, formatIsoWeek, isoWeekOf, shiftWeek, weekMonday } from '@school-diary/core';

/** What the list shows: the next school day's homework, or one week's. */
export type HomeworkPeriod = 'tomorrow' | 'week';

/** How far back the «Просрочено» list looks. */
export const OVERDUE_DAYS = 28;

/** A range of due dates, both ends included. */
export interface DueRange {
  readonly from: string;
  readonly to: string;
}

/** The next school day after `today`: Monday after a Friday, Saturday or Sunday. */
export function nextSchoolDay(today: string): string {
  let day = addDays(today, 1);
  while ([0, 6].includes(new Date(`${day}T12:00:00Z`).getUTCDay())) day = addDays(day, 1);
  return day;
}

/**
 * The due dates the list shows: the next school day, or Monday to Sunday of the ISO week `week`
 * (`YYYY-Www`; this week when it is empty or not a week).
 *
 * @example
 * dueRange('tomorrow', '2026-11-27', undefined); // { from: '2026-11-30', to: '2026-11-30' }
 */
export function dueRange(
  period: HomeworkPeriod,
  today: string,
  week: string | undefined,
): DueRange {
  if (period === 'tomorrow') {
    const day = nextSchoolDay(today);
    return { from: day, to: day };
  }
  const monday = (week && weekMonday(week)) || weekMonday(formatIsoWeek(isoWeekOf(today)));
  return { from: monday ?? today, to: addDays(monday ?? today, 6) };
}

/** The ISO week `steps` weeks from `week` (or from the week of `today`). */
export function movedWeek(week: string | undefined, today: string, steps: number): string {
  const from = week && weekMonday(week) ? week : formatIsoWeek(isoWeekOf(today));
  return shiftWeek(from, steps) ?? from;
}

/** The due dates the «Просрочено» list looks at: the last four weeks up to yesterday. */
export function overdueRange(today: string): DueRange {
  return { from: addDays(today, -OVERDUE_DAYS), to: addDays(today, -1) };
}
