import type { ErrorCode } from '../messages/error-codes.js';
import { ruledString } from '../messages/rule.js';

/**
 * Shortest and longest password, in characters.
 *
 * @example
 * checkPassword('abc1'); // 'too_short' (under PASSWORD_LENGTH.minimum)
 */
export const PASSWORD_LENGTH = { minimum: 8, maximum: 128 } as const;

/**
 * The first problem with a new password, in priority order: `required` (empty or only
 * whitespace), `too_short` (under 8 characters), `too_long` (over 128), `weak_password` (no
 * letter or no digit). Characters are counted as code points, so an emoji counts once.
 *
 * @example
 * checkPassword('password'); // 'weak_password'
 */
export function checkPassword(input: string): ErrorCode | null {
  if (input.trim() === '') return 'required';
  const length = [...input].length;
  if (length < PASSWORD_LENGTH.minimum) return 'too_short';
  if (length > PASSWORD_LENGTH.maximum) return 'too_long';
  return /\p{L}/u.test(input) && /\d/.test(input) ? null : 'weak_password';
}

/**
 * Whether a new password is acceptable.
 *
 * @example
 * isValidPassword('Парол1234'); // true
 */
export function isValidPassword(input: string): boolean {
  return checkPassword(input) === null;
}

/**
 * Zod schema (field `password`) of a new password. It outputs the value exactly as typed: a
 * password is never trimmed or otherwise changed.
 *
 * @example
 * validate(passwordSchema, ' secret12 '); // { ok: true, value: ' secret12 ' }
 */
export const passwordSchema = /* @__PURE__ */ ruledString(checkPassword, (value) => value, {
  field: 'password',
  ...PASSWORD_LENGTH,
});
