import type { ErrorCode } from '../messages/error-codes.js';

const SEPARATORS = /[\s-]/g;

/**
 * The first problem with a one-time code from an SMS, in priority order: `required` (blank),
 * `format` (not 6 digits; spaces and hyphens are ignored).
 *
 * @example
 * checkOneTimeCode('12345'); // 'format'
 */
export function checkOneTimeCode(input: string): ErrorCode | null {
  const digits = input.replace(SEPARATORS, '');
  if (digits === '') return 'required';
  return /^\d{6}$/.test(digits) ? null : 'format';
}

/**
 * The six digits of a one-time code without spaces and hyphens, or `null` when it is not one.
 *
 * @example
 * normalizeOneTimeCode('123 456'); // '123456'
 */
export function normalizeOneTimeCode(input: string): string | null {
  return checkOneTimeCode(input) === null ? input.replace(SEPARATORS, '') : null;
}
