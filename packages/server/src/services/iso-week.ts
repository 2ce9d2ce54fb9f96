/**
 * Calendar arithmetic on ISO `YYYY-MM-DD` dates and ISO 8601 weeks (`2026-W48`), in UTC so that
 * no local time zone or daylight-saving change can shift a day.
 */

const DAY_MS = 86_400_000;
const WEEK = /^(\d{4})-W(\d{2})$/;

/** An ISO week: its week-numbering year and number (1–53). */
export interface IsoWeek {
  readonly year: number;
  readonly week: number;
}

function toUtc(date: string): number {
  return Date.parse(`${date}T00:00:00Z`);
}

function fromUtc(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/**
 * The date `days` days after (or before, when negative) an ISO date.
 *
 * @example
 * addDays('2026-12-31', 1); // '2027-01-01'
 */
export function addDays(date: string, days: number): string {
  return fromUtc(toUtc(date) + days * DAY_MS);
}

/**
 * The ISO day of the week: 1 for Monday … 7 for Sunday.
 *
 * @example
 * isoDayOfWeek('2026-11-24'); // 2 (a Tuesday)
 */
export function isoDayOfWeek(date: string): number {
  const day = new Date(toUtc(date)).getUTCDay();
  return day === 0 ? 7 : day;
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
  const days = (toUtc(firstMonday(year + 1)) - toUtc(firstMonday(year))) / DAY_MS;
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
 */
export function weekMonday({ year, week }: IsoWeek): string {
  return addDays(firstMonday(year), (week - 1) * 7);
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
  const week = 1 + Math.floor((toUtc(thursday) - toUtc(firstMonday(year))) / DAY_MS / 7);
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
 * The dates from `from` to `to`, both included.
 *
 * @example
 * datesBetween('2026-11-23', '2026-11-25'); // ['2026-11-23', '2026-11-24', '2026-11-25']
 */
export function datesBetween(from: string, to: string): string[] {
  const dates: string[] = [];
  for (let day = from; day <= to; day = addDays(day, 1)) dates.push(day);
  return dates;
}
