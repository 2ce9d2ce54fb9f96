/** A calendar day `YYYY-MM-DD` moved by whole days (no time zone involved). */
export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Whether a string is a real calendar day `YYYY-MM-DD` (not `2026-02-30`). */
export function isCalendarDay(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

/**
 * The ISO 8601 week `YYYY-Www` a calendar day belongs to (weeks start on Monday; week 1 holds
 * the year's first Thursday, so 2027-01-01 is in `2026-W53`).
 *
 * @example
 * isoWeekOf('2026-11-24'); // '2026-W48'
 */
export function isoWeekOf(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  const weekday = (d.getUTCDay() + 6) % 7; // Monday 0 … Sunday 6
  d.setUTCDate(d.getUTCDate() - weekday + 3); // the Thursday of this week
  const year = d.getUTCFullYear();
  const firstThursday = new Date(Date.UTC(year, 0, 4));
  const week =
    1 +
    Math.round(
      ((d.getTime() - firstThursday.getTime()) / 86_400_000 -
        3 +
        ((firstThursday.getUTCDay() + 6) % 7)) /
        7,
    );
  return `${year}-W${String(week).padStart(2, '0')}`;
}

/**
 * The Monday `YYYY-MM-DD` of an ISO week, or `undefined` for a malformed week or one the year
 * does not have (`2025-W53`).
 *
 * @example
 * weekMonday('2026-W48'); // '2026-11-23'
 */
export function weekMonday(week: string): string | undefined {
  const match = /^(\d{4})-W(\d{2})$/.exec(week);
  if (!match) return undefined;
  const year = Number(match[1]);
  const n = Number(match[2]);
  const jan4 = new Date(Date.UTC(year, 0, 4));
  const mondayOfWeek1 = addDays(jan4.toISOString().slice(0, 10), -((jan4.getUTCDay() + 6) % 7));
  const monday = addDays(mondayOfWeek1, (n - 1) * 7);
  return n >= 1 && isoWeekOf(monday) === week ? monday : undefined;
}

/** The week before or after (`step` −1 or 1, or any whole number of weeks). */
export function shiftWeek(week: string, step: number): string | undefined {
  const monday = weekMonday(week);
  return monday === undefined ? undefined : isoWeekOf(addDays(monday, step * 7));
}
