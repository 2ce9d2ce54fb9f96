import { checkIsoDate, type Lang } from '@school-diary/core';
import { formatDate } from './dates';
import { parseMonth } from './date-of-birth';

const pad = (n: string): string => n.padStart(2, '0');

/** The ISO date of a year, month and day as typed, when that day exists. */
function iso(year: string, month: number, day: string): string | null {
  const date = `${year}-${pad(String(month))}-${pad(day)}`;
  return checkIsoDate(date) === null ? date : null;
}

/**
 * A date as a parent types it, day first whatever the browser's locale: `24.11.2026`,
 * `24/11/2026`, `24 11 2026`, `24 ноября 2026`, `24 Nov 2026`, or ISO `2026-11-24`. Returns the
 * ISO date, `''` for an empty box, and `null` for text that is not a real date.
 *
 * @example
 * parseTypedDate('3.9.2026'); // '2026-09-03'
 * parseTypedDate('31.02.2026'); // null
 */
export function parseTypedDate(text: string): string | null {
  const typed = text.trim();
  if (!typed) return '';
  const isoMatch = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(typed);
  if (isoMatch) return iso(isoMatch[1] ?? '', Number(isoMatch[2]), isoMatch[3] ?? '');
  const numeric = /^(\d{1,2})[./\-\s]+(\d{1,2})[./\-\s]+(\d{4})$/.exec(typed);
  if (numeric) return iso(numeric[3] ?? '', Number(numeric[2]), numeric[1] ?? '');
  const named = /^(\d{1,2})\s+([\p{L}.]+)\s+(\d{4})(?:\s*г\.?)?$/u.exec(typed);
  if (!named) return null;
  const month = parseMonth(named[2] ?? '');
  return month === null ? null : iso(named[3] ?? '', month, named[1] ?? '');
}

/**
 * An ISO date as the widget shows it in a date box: `24.11.2026` in Russian, `24 Nov 2026` in
 * English (day first and unambiguous); `''` for no date.
 */
export function formatTypedDate(lang: Lang, isoDate: string): string {
  if (!isoDate) return '';
  return lang === 'ru'
    ? formatDate(lang, isoDate, { day: '2-digit', month: '2-digit', year: 'numeric' })
    : formatDate(lang, isoDate, { day: 'numeric', month: 'short', year: 'numeric' });
}
