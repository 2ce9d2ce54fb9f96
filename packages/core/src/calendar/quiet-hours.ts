import type { ErrorCode } from '../messages/error-codes.js';

/** A time of day `HH:MM`, 00:00 to 23:59. */
export const TIME_OF_DAY_PATTERN = /^([01]\d|2[0-3]):[0-5]\d$/;

/** Whether `value` names a time zone this runtime knows (`Europe/Moscow`, `Asia/Yekaterinburg`). */
export function knownTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: value });
    return /\//.test(value) || value === 'UTC';
  } catch {
    return false;
  }
}

/** A problem with quiet hours: the field it belongs to, its code, and the catalogue's wording. */
export interface QuietHoursProblem {
  readonly path: 'start' | 'end' | 'timeZone';
  readonly code: ErrorCode;
  /** The field whose wording `errorMessage` uses. */
  readonly field: 'time' | 'quietHours' | 'timeZone';
}

/**
 * The first problem with quiet hours, or `null`: a start or end that is not `HH:MM` (`format`),
 * an unknown time zone (`invalid_option`), an end equal to the start (`date_order`; an end
 * before the start runs across midnight). The same rules as `quietHoursSchema`, without zod, for
 * forms.
 *
 * @example
 * checkQuietHours({ start: '22:00', end: '07:00', timeZone: 'Europe/Moscow' }); // null
 * checkQuietHours({ start: '22:00', end: '22:00', timeZone: 'Europe/Moscow' }); // { path: 'end', code: 'date_order', … }
 */
export function checkQuietHours(hours: {
  readonly start: string;
  readonly end: string;
  readonly timeZone: string;
}): QuietHoursProblem | null {
  if (!TIME_OF_DAY_PATTERN.test(hours.start))
    return { path: 'start', code: 'format', field: 'time' };
  if (!TIME_OF_DAY_PATTERN.test(hours.end)) return { path: 'end', code: 'format', field: 'time' };
  if (!knownTimeZone(hours.timeZone))
    return { path: 'timeZone', code: 'invalid_option', field: 'timeZone' };
  if (hours.start === hours.end) return { path: 'end', code: 'date_order', field: 'quietHours' };
  return null;
}
