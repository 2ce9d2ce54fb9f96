import type { ErrorCode } from '../messages/error-codes.js';

/**
 * The shortest surname, first name or patronymic accepted, in characters.
 *
 * @example
 * checkPersonName('Я'); // null
 */
export const PERSON_NAME_MIN_LENGTH = 1;
/**
 * The longest surname, first name or patronymic accepted, in characters (after normalisation).
 *
 * @example
 * checkPersonName('а'.repeat(PERSON_NAME_MAX_LENGTH + 1)); // 'too_long'
 */
export const PERSON_NAME_MAX_LENGTH = 60;

const LATIN = /[A-Za-z]/;
const NOT_ALLOWED = /[^А-Яа-яЁё' -]/;
/** Cyrillic words joined by single hyphens, spaces or apostrophes. */
const WELL_FORMED = /^[А-Яа-яЁё]+(?:[-' ][А-Яа-яЁё]+)*$/;

/** Typographic hyphens and apostrophes people paste from documents, mapped to the plain ones. */
function canonicalPunctuation(text: string): string {
  return text.replace(/[\u2010\u2011]/g, '-').replace(/[\u2019\u02BC]/g, "'");
}

/** The name with outer whitespace trimmed, inner runs collapsed and spaces around hyphens removed. */
function tidy(input: string): string {
  return canonicalPunctuation(input.trim().replace(/\s+/g, ' ')).replace(/ ?- ?/g, '-');
}

/**
 * The first problem with a surname, first name or patronymic, in priority order: `required`
 * (blank), `too_long` (over {@link PERSON_NAME_MAX_LENGTH}), `latin_letters` (typed in the Latin
 * layout), `invalid_characters` (digits or symbols), `format` (a hyphen, space or apostrophe at
 * the start or end, or two in a row). Whitespace is tidied before checking.
 *
 * @example
 * checkPersonName('Ivanov'); // 'latin_letters'
 * checkPersonName('Римский--Корсаков'); // 'format'
 */
export function checkPersonName(input: string): ErrorCode | null {
  const name = tidy(input);
  if (name === '') return 'required';
  if (name.length > PERSON_NAME_MAX_LENGTH) return 'too_long';
  if (LATIN.test(name)) return 'latin_letters';
  if (NOT_ALLOWED.test(name)) return 'invalid_characters';
  return WELL_FORMED.test(name) ? null : 'format';
}

/**
 * Whether the input is an acceptable surname, first name or patronymic.
 *
 * @example
 * isValidPersonName('Анна-Мария'); // true
 */
export function isValidPersonName(input: string): boolean {
  return checkPersonName(input) === null;
}

/**
 * A valid name trimmed, with inner whitespace collapsed and no spaces around hyphens; `null` when
 * it is not valid. Letter case is kept as typed.
 *
 * @example
 * normalizePersonName('  Римский - Корсаков '); // 'Римский-Корсаков'
 */
export function normalizePersonName(input: string): string | null {
  return isValidPersonName(input) ? tidy(input) : null;
}
