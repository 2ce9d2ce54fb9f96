import type { ErrorCode } from '../messages/error-codes.js';

const SEPARATORS = /[\s-]/g;
/** The highest number issued before control numbers were introduced: 001-001-998. */
const LAST_UNCHECKED = 1_001_998;

/**
 * The two-digit control number of a SNILS from its first nine digits: the sum of the digits
 * weighted 9..1; below 100 the sum itself, 100 and 101 give 00, above that the sum mod 101
 * (where 100 again gives 00).
 *
 * @example
 * snilsControlNumber('112233445'); // '95'
 */
export function snilsControlNumber(nineDigits: string): string {
  let sum = 0;
  for (let i = 0; i < 9; i += 1) sum += Number(nineDigits[i]) * (9 - i);
  const control = sum % 101 === 100 ? 0 : sum % 101;
  return String(control).padStart(2, '0');
}

/** The first problem with a SNILS as typed (`required`, `format`, `checksum`), or `null`. */
export function checkSnils(input: string): ErrorCode | null {
  const digits = input.replace(SEPARATORS, '');
  if (digits === '') return 'required';
  if (!/^\d{11}$/.test(digits)) return 'format';
  const body = digits.slice(0, 9);
  if (Number(body) <= LAST_UNCHECKED) return null;
  return snilsControlNumber(body) === digits.slice(9) ? null : 'checksum';
}

/**
 * Whether a SNILS is valid: 11 digits (spaces and hyphens allowed) with a matching control number.
 * Numbers up to 001-001-998 were issued without a control number and are accepted as they are.
 *
 * @example
 * isValidSnils('112-233-445 95'); // true
 */
export function isValidSnils(input: string): boolean {
  return checkSnils(input) === null;
}

/**
 * The canonical `XXX-XXX-XXX YY` form of a valid SNILS, or `null` when it is not valid.
 *
 * @example
 * normalizeSnils('11223344595'); // '112-233-445 95'
 */
export function normalizeSnils(input: string): string | null {
  if (!isValidSnils(input)) return null;
  const d = input.replace(SEPARATORS, '');
  return `${d.slice(0, 3)}-${d.slice(3, 6)}-${d.slice(6, 9)} ${d.slice(9)}`;
}
