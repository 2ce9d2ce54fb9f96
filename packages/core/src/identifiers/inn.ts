import type { ErrorCode } from '../messages/error-codes.js';

const SEPARATORS = /[\s-]/g;
const ORGANISATION_WEIGHTS = [2, 4, 10, 3, 5, 9, 4, 6, 8] as const;
const PERSONAL_WEIGHTS_11 = [7, 2, 4, 10, 3, 5, 9, 4, 6, 8] as const;
const PERSONAL_WEIGHTS_12 = [3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8] as const;

function checkDigit(digits: string, weights: readonly number[]): string {
  let sum = 0;
  weights.forEach((weight, i) => {
    sum += weight * Number(digits[i]);
  });
  return String((sum % 11) % 10);
}

/**
 * The check digits of an INN from its body: one digit for the 9-digit body of an organisation's
 * INN, two digits for the 10-digit body of a person's INN (the 12th digit is computed over the
 * 11th). Each digit is the weighted sum mod 11 mod 10. Any other body length gives `''`.
 *
 * @example
 * innCheckDigits('770708389'); // '3'  → 7707083893
 * innCheckDigits('1234567890'); // '47' → 123456789047
 */
export function innCheckDigits(body: string): string {
  if (!/^\d+$/.test(body)) return '';
  switch (body.length) {
    case 9:
      return checkDigit(body, ORGANISATION_WEIGHTS);
    case 10: {
      const eleventh = checkDigit(body, PERSONAL_WEIGHTS_11);
      return eleventh + checkDigit(body + eleventh, PERSONAL_WEIGHTS_12);
    }
    default:
      return '';
  }
}

/**
 * The first problem with an INN as typed, in priority order: `required` (blank), `format` (not
 * 10 or 12 digits; spaces and hyphens are ignored), `checksum` (a check digit does not match).
 *
 * @example
 * checkInn('7707083894'); // 'checksum'
 */
export function checkInn(input: string): ErrorCode | null {
  const digits = input.replace(SEPARATORS, '');
  if (digits === '') return 'required';
  if (!/^(\d{10}|\d{12})$/.test(digits)) return 'format';
  const bodyLength = digits.length === 10 ? 9 : 10;
  return innCheckDigits(digits.slice(0, bodyLength)) === digits.slice(bodyLength)
    ? null
    : 'checksum';
}

/**
 * Whether an INN is valid: an organisation's 10 digits or a person's 12 digits with matching
 * check digits.
 *
 * @example
 * isValidInn('7707083893'); // true
 * isValidInn('123456789047'); // true
 */
export function isValidInn(input: string): boolean {
  return checkInn(input) === null;
}

/**
 * The digits of a valid INN without spaces or hyphens, or `null` when it is not valid.
 *
 * @example
 * normalizeInn(' 7707 083893 '); // '7707083893'
 */
export function normalizeInn(input: string): string | null {
  return isValidInn(input) ? input.replace(SEPARATORS, '') : null;
}
