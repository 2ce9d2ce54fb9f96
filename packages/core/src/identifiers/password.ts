import type { ErrorCode } from '../messages/error-codes.js';

/**
 * Shortest and longest password, in characters.
 *
 * @example
 * checkPassword('abc1'); // 'too_short' (under PASSWORD_LENGTH.minimum)
 */
export const PASSWORD_LENGTH = { minimum: 12, maximum: 128 } as const;

/**
 * The first problem with a new password, in priority order: `required` (empty or only
 * whitespace), `too_short` (under 12 characters), `too_long` (over 128). There are no rules on
 * the kinds of characters (OWASP ASVS 2.1.9): a long passphrase of words is a good password. The
 * server also refuses common and breached passwords (`weak_password`), from a list it ships.
 * Characters are counted as code points, so an emoji counts once.
 *
 * @example
 * checkPassword('password'); // 'too_short'
 */
export function checkPassword(input: string): ErrorCode | null {
  if (input.trim() === '') return 'required';
  const length = [...input].length;
  if (length < PASSWORD_LENGTH.minimum) return 'too_short';
  if (length > PASSWORD_LENGTH.maximum) return 'too_long';
  return null;
}

/**
 * Whether a new password is acceptable.
 *
 * @example
 * isValidPassword('тихий вечер у реки'); // true
 */
export function isValidPassword(input: string): boolean {
  return checkPassword(input) === null;
}
