import type { ErrorCode } from '../messages/error-codes.js';

/** The series and number of a passport of the Russian Federation. */
export interface Passport {
  /** Four digits: the region code (ОКАТО) and, roughly, the year the blank was printed. */
  readonly series: string;
  /** Six digits. */
  readonly number: string;
}

/** `45 12 345678`, `4512 345678` or `4512345678`; there is no checksum. */
const PASSPORT = /^(\d{2})\s?(\d{2})\s?(\d{6})$/;

function partsOf(input: string): Passport | null {
  const match = PASSPORT.exec(input.trim());
  if (!match) return null;
  return { series: `${match[1] ?? ''}${match[2] ?? ''}`, number: match[3] ?? '' };
}

/**
 * The first problem with a passport's series and number as typed, in priority order:
 * `required` (blank), `format` (not 4 + 6 digits written `45 12 345678`, `4512 345678` or
 * `4512345678`, or the series is `0000`, which is never issued).
 *
 * @example
 * checkPassport('00 00 123456'); // 'format'
 */
export function checkPassport(input: string): ErrorCode | null {
  if (input.trim() === '') return 'required';
  const parts = partsOf(input);
  return parts === null || parts.series === '0000' ? 'format' : null;
}

/**
 * Whether the input is a passport series and number in an accepted style.
 *
 * @example
 * isValidPassport('45 12 345678'); // true
 */
export function isValidPassport(input: string): boolean {
  return checkPassport(input) === null;
}

/**
 * The series and number of a valid passport, or `null` when it is not valid.
 *
 * @example
 * normalizePassport('45 12 345678'); // { series: '4512', number: '345678' }
 */
export function normalizePassport(input: string): Passport | null {
  return isValidPassport(input) ? partsOf(input) : null;
}

/**
 * A passport for display, `45 12 345678`, from the typed string or its parts; `null` when it is
 * not valid.
 *
 * @example
 * formatPassport('4512345678'); // '45 12 345678'
 */
export function formatPassport(input: string | Passport): string | null {
  const typed = typeof input === 'string' ? input : `${input.series} ${input.number}`;
  const parts = normalizePassport(typed);
  if (parts === null) return null;
  return `${parts.series.slice(0, 2)} ${parts.series.slice(2)} ${parts.number}`;
}

/**
 * The canonical stored form `4512 345678` of a valid passport, or `null` when it is not valid.
 *
 * @example
 * canonicalPassport('45 12 345678'); // '4512 345678'
 */
export function canonicalPassport(input: string): string | null {
  const parts = normalizePassport(input);
  return parts === null ? null : `${parts.series} ${parts.number}`;
}
