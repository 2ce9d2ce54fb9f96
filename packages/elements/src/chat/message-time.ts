import type { Lang } from '@school-diary/core';
import { dateFormat } from '../shared/dates';

/** The day and time formatters of a language and zone, made once: a message costs two calls. */
const formats = new Map<string, { day: Intl.DateTimeFormat; time: Intl.DateTimeFormat }>();

/**
 * When a message was sent, for its header: the day and the time in the school's time zone.
 *
 * @example
 * messageTime('ru', '2026-03-05T11:05:00Z', 'Europe/Moscow'); // '5 мар., 14:05'
 */
export function messageTime(lang: Lang, sentAt: string, timeZone: string): string {
  const key = `${lang}|${timeZone}`;
  let format = formats.get(key);
  if (!format) {
    format = {
      day: dateFormat(lang, { day: 'numeric', month: 'short' }, timeZone),
      time: dateFormat(lang, { hour: '2-digit', minute: '2-digit' }, timeZone),
    };
    formats.set(key, format);
  }
  const at = new Date(sentAt);
  return `${format.day.format(at)}, ${format.time.format(at)}`;
}
