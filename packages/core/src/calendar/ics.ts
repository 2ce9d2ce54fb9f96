import { addDays } from './calendar-day.js';
import { zoneOffsetMs } from './time-zone.js';

/** An event to put in a calendar file. */
export interface IcsEvent {
  /** A stable id of the event (the news item's): the UID, so a second download updates it. */
  readonly id: string;
  readonly title: string;
  readonly description?: string | undefined;
  readonly location?: string | undefined;
  /** The day, `YYYY-MM-DD`. */
  readonly date: string;
  /** `HH:MM` in `timeZone`; without it the event lasts the whole day. */
  readonly startTime?: string | undefined;
  /** `HH:MM` in `timeZone`; one hour after the start when absent. */
  readonly endTime?: string | undefined;
}

/** Where the file is made. */
export interface IcsOptions {
  /** The school's time zone, which `startTime` and `endTime` are in. */
  readonly timeZone: string;
  /** The DTSTAMP: when the file was made. */
  readonly now: Date;
  /** The domain of the UID (`school-diary.example`). */
  readonly domain?: string;
}

/** TEXT value escaping of RFC 5545 §3.3.11: backslash, semicolon, comma and newlines. */
function escapeText(text: string): string {
  return text
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n');
}

/** Octets of one code point in UTF-8. */
function utf8Length(codePoint: number): number {
  if (codePoint < 0x80) return 1;
  if (codePoint < 0x800) return 2;
  return codePoint < 0x10000 ? 3 : 4;
}

/** Folds a content line to at most 75 octets (RFC 5545 §3.1), never inside a UTF-8 character. */
function fold(line: string): string {
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  for (const char of line) {
    const size = utf8Length(char.codePointAt(0) ?? 0);
    const limit = parts.length === 0 ? 75 : 74;
    if (octets + size > limit) {
      parts.push(current);
      current = '';
      octets = 0;
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

/** `20261201T150000Z`: an instant in UTC, the form every calendar reads. */
function utcStamp(instant: Date): string {
  return instant
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
}

/** The UTC instant of a wall-clock time on a day in a time zone. */
function instantOf(date: string, time: string, timeZone: string): Date {
  const naive = new Date(`${date}T${time}:00Z`);
  const guess = new Date(naive.getTime() - zoneOffsetMs(naive, timeZone));
  return new Date(naive.getTime() - zoneOffsetMs(guess, timeZone));
}

/**
 * An iCalendar file (RFC 5545) with one event: CRLF line ends, folded lines, escaped text, a UID
 * and a DTSTAMP. A timed event's start and end are written in UTC, converted from the school's
 * time zone, so every calendar shows it at the right hour wherever the reader is; an event
 * without a time is an all-day event (`VALUE=DATE`, the end being the next day).
 *
 * @example
 * eventToIcs({ id: 'nws_1', title: 'Концерт', date: '2026-12-20', startTime: '18:00' },
 *   { timeZone: 'Europe/Moscow', now: new Date() });
 * // 'BEGIN:VCALENDAR\r\n…DTSTART:20261220T150000Z\r\n…'
 */
export function eventToIcs(event: IcsEvent, options: IcsOptions): string {
  const { timeZone } = options;
  const compact = (date: string) => date.replace(/-/g, '');
  const when = event.startTime
    ? (() => {
        const start = instantOf(event.date, event.startTime, timeZone);
        const end = event.endTime
          ? instantOf(event.date, event.endTime, timeZone)
          : new Date(start.getTime() + 3_600_000);
        return [`DTSTART:${utcStamp(start)}`, `DTEND:${utcStamp(end)}`];
      })()
    : [
        `DTSTART;VALUE=DATE:${compact(event.date)}`,
        `DTEND;VALUE=DATE:${compact(addDays(event.date, 1))}`,
      ];
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//School Diary Kit//Events//RU',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    'BEGIN:VEVENT',
    `UID:${event.id}@${options.domain ?? 'school-diary.example'}`,
    `DTSTAMP:${utcStamp(options.now)}`,
    ...when,
    `SUMMARY:${escapeText(event.title)}`,
    ...(event.location ? [`LOCATION:${escapeText(event.location)}`] : []),
    ...(event.description ? [`DESCRIPTION:${escapeText(event.description)}`] : []),
    'END:VEVENT',
    'END:VCALENDAR',
  ];
  return `${lines.map(fold).join('\r\n')}\r\n`;
}
