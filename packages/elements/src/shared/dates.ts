import type { Lang } from '@school-diary/core';
import { LOCALES } from './plural';

/** The time zone widgets use when the school's is not known. */
export const DEFAULT_TIME_ZONE = 'Europe/Moscow';

const formats = new Map<string, Intl.DateTimeFormat>();

/**
 * One cached `Intl.DateTimeFormat` per language, options and time zone: widgets that name
 * hundreds of marks or messages must not build a formatter for each.
 *
 * @example
 * dateFormat('ru', { day: 'numeric', month: 'long' }, 'UTC').format(new Date('2026-03-05T12:00Z')); // '5 марта'
 */
export function dateFormat(
  lang: Lang,
  options: Intl.DateTimeFormatOptions,
  timeZone: string,
): Intl.DateTimeFormat {
  const key = `${lang}|${timeZone}|${JSON.stringify(options)}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(LOCALES[lang], { ...options, timeZone });
    formats.set(key, format);
  }
  return format;
}

/**
 * A date or instant formatted for the language in a time zone (the school's: Russia spans eleven).
 * A bare ISO date `YYYY-MM-DD` is a calendar day and is shown as that day in any zone.
 *
 * @example
 * formatDate('ru', '2024-03-05', { dateStyle: 'long' }); // '5 марта 2024 г.'
 */
export function formatDate(
  lang: Lang,
  value: string | Date,
  options: Intl.DateTimeFormatOptions = { dateStyle: 'long' },
  timeZone: string = DEFAULT_TIME_ZONE,
): string {
  const calendarDay = typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value);
  const instant = calendarDay ? new Date(`${value}T12:00:00Z`) : new Date(value);
  return dateFormat(lang, options, calendarDay ? 'UTC' : timeZone).format(instant);
}

/**
 * The time of an instant, `14:05`, in a time zone.
 *
 * @example
 * formatTime('ru', new Date('2026-11-24T11:05:00Z'), 'Europe/Moscow'); // '14:05'
 */
export function formatTime(lang: Lang, value: Date | string, timeZone = DEFAULT_TIME_ZONE): string {
  return dateFormat(lang, { hour: '2-digit', minute: '2-digit' }, timeZone).format(new Date(value));
}
