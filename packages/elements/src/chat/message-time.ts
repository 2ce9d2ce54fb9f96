import type { Lang } from '@school-diary/core';
import { LOCALES } from '../shared/plural';

/** Day and time formatters per language and time zone: building one costs more than using it. */
const formatters = new Map<string, readonly [Intl.DateTimeFormat, Intl.DateTimeFormat]>();

function formattersFor(
  lang: Lang,
  timeZone: string,
): readonly [Intl.DateTimeFormat, Intl.DateTimeFormat] {
  const key = `${lang}|${timeZone}`;
  let pair = formatters.get(key);
  if (!pair) {
    const locale = LOCALES[lang];
    pair = [
      new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', timeZone }),
      new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit', timeZone }),
    ];
    formatters.set(key, pair);
  }
  return pair;
}

/**
 * When a message was sent, for its header: the day and the time in the school's time zone.
 * The formatters are made once per language and zone, so a new message costs two `format` calls.
 *
 * @example
 * messageTime('ru', '2026-03-05T11:05:00Z', 'Europe/Moscow'); // '5 мар., 14:05'
 */
export function messageTime(lang: Lang, sentAt: string, timeZone: string): string {
  const [day, time] = formattersFor(lang, timeZone);
  const at = new Date(sentAt);
  return `${day.format(at)}, ${time.format(at)}`;
}
