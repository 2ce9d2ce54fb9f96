import type { Lang } from '@school-diary/core';
import { dateFormat, formatTime } from '../shared/dates';

/**
 * When a message was sent, for its header: the day and the time in the school's time zone.
 * The formatters are cached per language and zone, so a new message costs two `format` calls.
 *
 * @example
 * messageTime('ru', '2026-03-05T11:05:00Z', 'Europe/Moscow'); // '5 мар., 14:05'
 */
export function messageTime(lang: Lang, sentAt: string, timeZone: string): string {
  const at = new Date(sentAt);
  const day = dateFormat(lang, { day: 'numeric', month: 'short' }, timeZone).format(at);
  return `${day}, ${formatTime(lang, at, timeZone)}`;
}
