import type { ErrorCode } from '../messages/error-codes.js';

/**
 * Shortest and longest roster id, in characters.
 *
 * @example
 * checkRosterId('A'.repeat(ROSTER_ID_LENGTH.maximum + 1)); // 'too_long'
 */
export const ROSTER_ID_LENGTH = { minimum: 4, maximum: 20 } as const;

/**
 * The first problem with a school code, in priority order: `required` (blank), `format` (not 6
 * to 12 digits; spaces are ignored). The school code is the kit's registry code of a school — an
 * ОКПО-like number the school gives families; it has no checksum.
 *
 * @example
 * checkSchoolCode('12345'); // 'format'
 */
export function checkSchoolCode(input: string): ErrorCode | null {
  const digits = input.replace(/\s/g, '');
  if (digits === '') return 'required';
  return /^\d{6,12}$/.test(digits) ? null : 'format';
}

/**
 * The digits of a valid school code without spaces, or `null` when it is not valid.
 *
 * @example
 * normalizeSchoolCode('770 123 45'); // '77012345'
 */
export function normalizeSchoolCode(input: string): string | null {
  return checkSchoolCode(input) === null ? input.replace(/\s/g, '') : null;
}

/**
 * The first problem with a student's roster id in their school, in priority order: `required`
 * (blank), `format` (anything but Latin letters, digits and hyphens), `too_short` / `too_long`
 * (outside {@link ROSTER_ID_LENGTH}). Outer spaces are ignored; case does not matter.
 *
 * @example
 * checkRosterId('5а-12'); // 'format' (Cyrillic а)
 */
export function checkRosterId(input: string): ErrorCode | null {
  const id = input.trim();
  if (id === '') return 'required';
  if (!/^[A-Za-z0-9-]+$/.test(id)) return 'format';
  if (id.length < ROSTER_ID_LENGTH.minimum) return 'too_short';
  return id.length > ROSTER_ID_LENGTH.maximum ? 'too_long' : null;
}

/**
 * A valid roster id trimmed and uppercased, or `null` when it is not valid.
 *
 * @example
 * normalizeRosterId(' 5a-0123 '); // '5A-0123'
 */
export function normalizeRosterId(input: string): string | null {
  return checkRosterId(input) === null ? input.trim().toUpperCase() : null;
}
