/** ISO 8601 weeks (`2026-W48`): weeks start on Monday; week 1 holds the year's first Thursday. */
import { addDays, dayStartUtc, isoDayOfWeek } from './calendar-day.js';

const DAY_MS = 86_400_000;
const WEEK = /^(\d{4})-W(\d{2})$/;

/** An ISO week: its week-numbering year and number (1–53). */
export interface IsoWeek {
  readonly year: number;
  readonly week: number;
}

/**
 * The Monday of week 1 of an ISO week-numbering year: week 1 is the week holding 4 January.
 *
 * @example
 * firstMonday(2027); // '2027-01-04'
 */
export function firstMonday(year: number): string {
  const jan4 = `${String(year).padStart(4, '0')}-01-04`;
  return addDays(jan4, 1 - isoDayOfWeek(jan4));
}

/**
 * How many ISO weeks a year has: 53 when it starts on a Thursday, or is a leap year starting on
 * a Wednesday; 52 otherwise.
 *
 * @example
 * weeksInYear(2026); // 53
 * weeksInYear(2027); // 52
 */
export function weeksInYear(year: number): number {
  const days = (dayStartUtc(firstMonday(year + 1)) - dayStartUtc(firstMonday(year))) / DAY_MS;
  return days / 7;
}

/**
 * Parses `YYYY-Www`; `null` for a malformed string or a week the year does not have (2025-W53).
 *
 * @example
 * parseIsoWeek('2026-W53'); // { year: 2026, week: 53 }
 * parseIsoWeek('2025-W53'); // null
 */
export function parseIsoWeek(text: string): IsoWeek | null {
  const match = WEEK.exec(text);
  if (!match) return null;
  const year = Number(match[1]);
  const week = Number(match[2]);
  if (week < 1 || week > weeksInYear(year)) return null;
  return { year, week };
}

/**
 * The Monday a week starts on.
 *
 * @example
 * weekMonday({ year: 2026, week: 48 }); // '2026-11-23'
 * weekMonday('2025-W53'); // undefined (2025 has 52 weeks)
 */
export function weekMonday(week: IsoWeek): string;
/** The Monday of a week written `YYYY-Www`, or `undefined` for a week that does not exist. */
export function weekMonday(week: string): string | undefined;
export function weekMonday(week: IsoWeek | string): string | undefined {
  const parsed = typeof week === 'string' ? parseIsoWeek(week) : week;
  return parsed ? addDays(firstMonday(parsed.year), (parsed.week - 1) * 7) : undefined;
}

/**
 * The ISO week a date falls in; early January may belong to the previous year's last week and
 * late December to the next year's first.
 *
 * @example
 * isoWeekOf('2027-01-01'); // { year: 2026, week: 53 }
 */
export function isoWeekOf(date: string): IsoWeek {
  const thursday = addDays(date, 4 - isoDayOfWeek(date));
  const year = Number(thursday.slice(0, 4));
  const week =
    1 + Math.floor((dayStartUtc(thursday) - dayStartUtc(firstMonday(year))) / DAY_MS / 7);
  return { year, week };
}

/**
 * Formats a week as `YYYY-Www`.
 *
 * @example
 * formatIsoWeek({ year: 2026, week: 5 }); // '2026-W05'
 */
export function formatIsoWeek({ year, week }: IsoWeek): string {
  return `${String(year).padStart(4, '0')}-W${String(week).padStart(2, '0')}`;
}

/**
 * The week `weeks` weeks after (or before, when negative) a week written `YYYY-Www`, in the same
 * form; `undefined` for a week that does not exist.
 *
 * @example
 * shiftWeek('2026-W53', 1); // '2027-W01'
 */
export function shiftWeek(week: string, weeks: number): string | undefined {
  const monday = weekMonday(week);
  return monday === undefined ? undefined : formatIsoWeek(isoWeekOf(addDays(monday, weeks * 7)));
}
