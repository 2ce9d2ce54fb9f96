/** "Today" and the start of a day in a school's time zone, through `Intl` (IANA zone names). */
import { dayStartUtc } from './calendar-day.js';

const DAY_MS = 86_400_000;
const formats = new Map<string, Intl.DateTimeFormat>();

function format(timeZone: string | undefined, options: Intl.DateTimeFormatOptions) {
  const key = `${timeZone ?? ''}|${options.timeZoneName ?? 'date'}`;
  let found = formats.get(key);
  if (!found) {
    found = new Intl.DateTimeFormat('en-US', { ...options, timeZone });
    formats.set(key, found);
  }
  return found;
}

/**
 * The calendar date `YYYY-MM-DD` of an instant in a time zone (the school's); the runtime's own
 * zone when none is given.
 *
 * @example
 * todayIn(new Date('2026-11-24T22:30:00Z'), 'Asia/Vladivostok'); // '2026-11-25'
 * todayIn(new Date('2026-11-24T20:30:00Z'), 'Europe/Moscow'); // '2026-11-24'
 */
export function todayIn(now: Date, timeZone?: string): string {
  const parts = format(timeZone, { year: 'numeric', month: '2-digit', day: '2-digit' })
    .formatToParts(now)
    .reduce<Record<string, string>>((all, part) => ({ ...all, [part.type]: part.value }), {});
  return `${(parts.year ?? '').padStart(4, '0')}-${parts.month}-${parts.day}`;
}

/**
 * Milliseconds a time zone is ahead of UTC at an instant (`Europe/Moscow`: 10 800 000).
 *
 * @example
 * zoneOffsetMs(new Date('2026-11-24T00:00:00Z'), 'Asia/Yekaterinburg'); // 18 000 000
 */
export function zoneOffsetMs(at: Date, timeZone: string): number {
  const name = format(timeZone, { timeZoneName: 'longOffset' })
    .formatToParts(at)
    .find((p) => p.type === 'timeZoneName')?.value;
  const match = /GMT([+-])(\d{2}):(\d{2})/.exec(name ?? '');
  if (!match) return 0;
  return (match[1] === '-' ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3])) * 60_000;
}

/**
 * The instant (ISO timestamp) a calendar day begins in a time zone, `plusDays` days later when
 * given: so "today" in a query means the school's today.
 *
 * @example
 * startOfDayIn('2026-11-24', 'Europe/Moscow'); // '2026-11-23T21:00:00.000Z'
 */
export function startOfDayIn(date: string, timeZone: string, plusDays = 0): string {
  const midnightUtc = new Date(dayStartUtc(date) + plusDays * DAY_MS);
  return new Date(midnightUtc.getTime() - zoneOffsetMs(midnightUtc, timeZone)).toISOString();
}
