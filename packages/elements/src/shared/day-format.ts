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

/** Russian weekday names and abbreviations, by the day of the week (Monday = 1). */
const RU_WEEKDAYS: readonly (readonly [RegExp, number])[] = [
  [/понедельник|пн/, 1],
  [/вторник|вт/, 2],
  [/среда|ср/, 3],
  [/четверг|чт/, 4],
  [/пятница|пт/, 5],
  [/суббота|сб/, 6],
  [/воскресенье|вс/, 0],
];
const RU_WEEKDAY =
  /(?<!\p{L})(понедельник|вторник|среда|четверг|пятница|суббота|воскресенье|пн|вт|ср|чт|пт|сб|вс)\.?(?!\p{L})/giu;

/**
 * A school's text about days of the week (a teacher's contact hours, `Вт, Чт 14:30–16:00`) with
 * the weekday names the widget knows in the widget's language; everything else stays as the
 * school wrote it.
 *
 * @example
 * localizeWeekdays('en', 'Пн–Пт 15:00–17:00'); // 'Mon–Fri 15:00–17:00'
 */
export function localizeWeekdays(lang: Lang, text: string): string {
  if (lang === 'ru') return text;
  const format = dateFormat(lang, { weekday: 'short' }, 'UTC');
  return text.replace(RU_WEEKDAY, (word: string) => {
    const lower = word.toLowerCase().replace(/\.$/, '');
    const day = RU_WEEKDAYS.find(([pattern]) => pattern.test(lower))?.[1];
    if (day === undefined) return word;
    // 2026-11-22 was a Sunday: day 0.
    return format.format(new Date(Date.UTC(2026, 10, 22 + day, 12)));
  });
}
