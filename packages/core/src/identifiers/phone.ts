import type { ErrorCode } from '../messages/error-codes.js';

/** Spaces, brackets and hyphens people put into phone numbers. */
const SEPARATORS = /[\s()-]/g;

/** The 10-digit national number of a Russian phone as typed, or `null` when the shape is wrong. */
function nationalNumber(input: string): string | null {
  const compact = input.replace(SEPARATORS, '');
  const match = /^(\+7|7|8)?(\d{10})$/.exec(compact);
  return match?.[2] ?? null;
}

/**
 * The first problem with a Russian mobile number as typed, in priority order: `required`
 * (blank), `format` (not `+7`, `7` or `8` followed by 10 digits, or 10 digits alone; spaces,
 * brackets and hyphens are ignored), `not_mobile` (a landline, `8 800` toll-free or a
 * Kazakhstan `+7 7xx` number — Russian mobile numbers start with 9).
 *
 * @example
 * checkRuPhone('8 (495) 123-45-67'); // 'not_mobile'
 */
export function checkRuPhone(input: string): ErrorCode | null {
  if (input.trim() === '') return 'required';
  const national = nationalNumber(input);
  if (national === null) return 'format';
  return national.startsWith('9') ? null : 'not_mobile';
}

/**
 * Whether the input is a Russian mobile phone number in any of the accepted styles.
 *
 * @example
 * isValidRuPhone('8 (916) 123-45-67'); // true
 */
export function isValidRuPhone(input: string): boolean {
  return checkRuPhone(input) === null;
}

/**
 * The E.164 form `+7XXXXXXXXXX` of a Russian mobile number written with `+7`, `7` or `8` or as
 * 10 digits, with any spaces, brackets or hyphens; `null` for anything else (landlines, `8 800`,
 * Kazakhstan `+7 7xx`, wrong length, letters).
 *
 * @example
 * normalizeRuPhone('8 (916) 123-45-67'); // '+79161234567'
 * normalizeRuPhone('+7 701 123 45 67'); // null (Kazakhstan)
 */
export function normalizeRuPhone(input: string): string | null {
  if (!isValidRuPhone(input)) return null;
  return `+7${nationalNumber(input) ?? ''}`;
}

/**
 * A Russian mobile number for display, `+7 999 123-45-67`, or `null` when it is not one.
 *
 * @example
 * formatRuPhone('+79991234567'); // '+7 999 123-45-67'
 */
export function formatRuPhone(input: string): string | null {
  const e164 = normalizeRuPhone(input);
  if (e164 === null) return null;
  const d = e164.slice(2);
  return `+7 ${d.slice(0, 3)} ${d.slice(3, 6)}-${d.slice(6, 8)}-${d.slice(8)}`;
}
