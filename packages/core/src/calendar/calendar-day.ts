/**
 * Calendar arithmetic on ISO `YYYY-MM-DD` dates, in UTC so that no local time zone or
 * daylight-saving change can shift a day.
 */

const DAY_MS = 86_400_000;

/** Milliseconds of the UTC midnight that starts an ISO date. */
export function dayStartUtc(date: string): number {
  return Date.parse(`${date}T00:00:00Z`);
}

function fromUtc(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/**
 * Whether a string is a real calendar day `YYYY-MM-DD` (not `2026-02-30`, not `24.11.2026`).
 *
 * @example
 * isCalendarDay('2026-02-30'); // false
 */
export function isCalendarDay(value: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(value) && fromUtc(dayStartUtc(value)) === value;
}

/**
 * The date `days` days after (or before, when negative) an ISO date.
 *
 * @example
 * addDays('2026-12-31', 1); // '2027-01-01'
 */
export function addDays(date: string, days: number): string {
  return fromUtc(dayStartUtc(date) + days * DAY_MS);
}

/**
 * The ISO day of the week: 1 for Monday … 7 for Sunday.
 *
 * @example
 * isoDayOfWeek('2026-11-24'); // 2 (a Tuesday)
 */
export function isoDayOfWeek(date: string): number {
  const day = new Date(dayStartUtc(date)).getUTCDay();
  return day === 0 ? 7 : day;
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

/**
 * `date_order` when a range of ISO dates ends before it starts, else `null`; an open end (empty or
 * undefined) is fine. The rule of every `from`/`to` query, without zod, for forms.
 *
 * @example
 * checkDateOrder('2026-12-07', '2026-12-01'); // 'date_order'
 */
export function checkDateOrder(
  from: string | undefined,
  to: string | undefined,
): 'date_order' | null {
  return from && to && from > to ? 'date_order' : null;
}
