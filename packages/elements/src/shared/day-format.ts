import type { Lang } from '@school-diary/core';
import { dateFormat } from './dates';

/**
 * A calendar day `YYYY-MM-DD` in the language, through one cached `Intl.DateTimeFormat` per
 * language and style: widgets that name hundreds of marks must not build a formatter per mark. A
 * calendar day is the same day in every time zone, so it is formatted at noon UTC.
 *
 * @example
 * formatDay('ru', '2026-03-05'); // '5 марта'
 * formatDay('en', '2026-03-05', { day: 'numeric', month: 'short', year: 'numeric' }); // '5 Mar 2026'
 */
export function formatDay(
  lang: Lang,
  isoDate: string,
  options: Intl.DateTimeFormatOptions = { day: 'numeric', month: 'long' },
): string {
  return dateFormat(lang, options, 'UTC').format(new Date(`${isoDate}T12:00:00Z`));
}

/** Milliseconds since the epoch of a calendar day `YYYY-MM-DD` at midnight UTC. */
export function dayMs(isoDate: string): number {
  return Date.parse(`${isoDate}T00:00:00Z`);
}

/** The calendar day `YYYY-MM-DD` of milliseconds since the epoch (UTC). */
export function isoDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}
