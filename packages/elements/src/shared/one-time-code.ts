import type { Challenge, Lang } from '@school-diary/core';
import { plural } from './plural';

const SECONDS = {
  ru: { one: '{n} секунду', few: '{n} секунды', many: '{n} секунд', other: '{n} секунды' },
  en: { one: '{n} second', other: '{n} seconds' },
} as const;
const MINUTES = {
  ru: { one: '{n} минуту', few: '{n} минуты', many: '{n} минут', other: '{n} минуты' },
  en: { one: '{n} minute', other: '{n} minutes' },
} as const;

/**
 * A wait in words with the right plural form: «45 секунд», «1 минуту», «2 minutes».
 *
 * @example
 * waitText('ru', 21); // '21 секунду'
 */
export function waitText(lang: Lang, seconds: number): string {
  return seconds < 60
    ? plural(lang, seconds, SECONDS[lang])
    : plural(lang, Math.ceil(seconds / 60), MINUTES[lang]);
}

/** Whole seconds until a new code may be requested for a challenge (0 when it may be now). */
export function cooldownSeconds(challenge: Challenge | undefined, now: Date): number {
  if (!challenge) return 0;
  const ms = new Date(challenge.resendAfter).getTime() - now.getTime();
  return Math.max(0, Math.ceil(ms / 1000));
}

/** Whether a challenge's code has expired. */
export function isExpired(challenge: Challenge, now: Date): boolean {
  return new Date(challenge.expiresAt).getTime() <= now.getTime();
}
