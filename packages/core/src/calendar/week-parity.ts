import type { WeekParity } from './timetable-week.js';
import { addDays, dayStartUtc, isoDayOfWeek } from './calendar-day.js';

const WEEK_MS = 7 * 86_400_000;

/**
 * Whether a date falls in an odd or an even week of the school year that starts on `yearStart`:
 * the week (Monday to Sunday) holding the first day of the school year is the first, odd, week
 * (нечётная, «числитель»), the next one even, and so on through the holidays — as Russian schools
 * count alternating weeks. Dates before `yearStart` continue the count backwards.
 *
 * @example
 * weekParityOn('2026-09-01', '2026-09-01'); // 'odd'  (a Tuesday: its week is the first)
 * weekParityOn('2026-09-07', '2026-09-01'); // 'even'
 */
export function weekParityOn(date: string, yearStart: string): WeekParity {
  const monday = (d: string) => dayStartUtc(addDays(d, 1 - isoDayOfWeek(d)));
  const weeks = Math.round((monday(date) - monday(yearStart)) / WEEK_MS);
  return Math.abs(weeks) % 2 === 0 ? 'odd' : 'even';
}
