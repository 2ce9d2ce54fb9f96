import type { ErrorCode } from '../messages/error-codes.js';

/** Roman part, optional hyphen, two letters, six digits; spaces anywhere between the parts. */
const SHAPE = /^(\S+?)\s*-?\s*(\p{L}{2})\s*(\d{6})$/u;
const ROMAN_NUMERAL = /^(?=[IVXLCDM])M{0,3}(CM|CD|D?C{0,3})(XC|XL|L?X{0,3})(IX|IV|V?I{0,3})$/;
/** Cyrillic capitals of the series; Ъ, Ь and Ы are never used. */
const SERIES_LETTERS = /^[А-ЩЭЮЯЁ]{2}$/;

/** Cyrillic letters that look like Roman digits, typed by mistake in the Roman part. */
const CYRILLIC_TO_ROMAN: Readonly<Record<string, string>> = { Х: 'X', І: 'I', С: 'C', М: 'M' };
/** Latin letters that look like Cyrillic capitals, typed by mistake in the letter part. */
const LATIN_TO_CYRILLIC: Readonly<Record<string, string>> = {
  A: 'А',
  B: 'В',
  C: 'С',
  E: 'Е',
  H: 'Н',
  K: 'К',
  M: 'М',
  O: 'О',
  P: 'Р',
  T: 'Т',
  X: 'Х',
  Y: 'У',
};

function swap(text: string, table: Readonly<Record<string, string>>): string {
  return [...text].map((char) => table[char] ?? char).join('');
}

interface Parts {
  readonly roman: string;
  readonly letters: string;
  readonly number: string;
}

function partsOf(input: string): Parts | null {
  const match = SHAPE.exec(input.trim().toUpperCase());
  if (!match) return null;
  return {
    roman: swap(match[1] ?? '', CYRILLIC_TO_ROMAN),
    letters: swap(match[2] ?? '', LATIN_TO_CYRILLIC),
    number: match[3] ?? '',
  };
}

/**
 * The first problem with a birth certificate's series and number as typed, in priority order:
 * `required` (blank), `format` (not a series, two Cyrillic letters other than Ъ Ь Ы and six
 * digits), `roman_numeral` (the series does not start with a valid Roman numeral, e.g. `IIII`).
 * Case, a missing hyphen or space, and look-alike letters typed in the wrong alphabet are
 * forgiven.
 *
 * @example
 * checkBirthCertificate('IIII-АБ 123456'); // 'roman_numeral'
 */
export function checkBirthCertificate(input: string): ErrorCode | null {
  if (input.trim() === '') return 'required';
  const parts = partsOf(input);
  if (parts === null || !SERIES_LETTERS.test(parts.letters)) return 'format';
  return ROMAN_NUMERAL.test(parts.roman) ? null : 'roman_numeral';
}

/**
 * Whether the input is a birth certificate series and number.
 *
 * @example
 * isValidBirthCertificate('iv-аб123456'); // true
 */
export function isValidBirthCertificate(input: string): boolean {
  return checkBirthCertificate(input) === null;
}

/**
 * The canonical form `IV-АБ 123456` of a valid birth certificate, or `null` when it is not valid.
 *
 * @example
 * normalizeBirthCertificate('iv-аб123456'); // 'IV-АБ 123456'
 * normalizeBirthCertificate('ХІ АБ 123456'); // 'XI-АБ 123456' (Cyrillic Х and І swapped)
 */
export function normalizeBirthCertificate(input: string): string | null {
  const parts = isValidBirthCertificate(input) ? partsOf(input) : null;
  return parts === null ? null : `${parts.roman}-${parts.letters} ${parts.number}`;
}
