import type { ErrorCode } from '../messages/error-codes.js';

/**
 * The age window of a school student, in whole years, used when none is given.
 *
 * @example
 * birthDateSchema({ minAge: DEFAULT_SCHOOL_AGE.minAge - 1 }); // accept five-year-old applicants
 */
export const DEFAULT_SCHOOL_AGE = { minAge: 6, maxAge: 18 } as const;

/** Today's date for rules that depend on it, injected so results do not drift with the clock. */
export interface TodayOptions {
  /** Today as an ISO date `YYYY-MM-DD`. */
  readonly today: string;
}

/** Options of {@link checkBirthDate}: today, and an optional age window in whole years. */
export interface BirthDateOptions extends TodayOptions {
  /** The youngest acceptable age; not checked when absent. */
  readonly minAge?: number;
  /** The oldest acceptable age; not checked when absent. */
  readonly maxAge?: number;
}

/** Options of {@link checkSchoolAge}; the window defaults to {@link DEFAULT_SCHOOL_AGE}. */
export type SchoolAgeOptions = BirthDateOptions;

interface DateParts {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const RU_DATE = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/;

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function isRealDate({ year, month, day }: DateParts): boolean {
  return year >= 1 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

function toIso({ year, month, day }: DateParts): string {
  const pad = (n: number, width: number) => String(n).padStart(width, '0');
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

/** Year, month and day of a date written ISO (`YYYY-MM-DD`) or, when `ru` is set, `D.M.YYYY`. */
function partsOf(input: string, ru: boolean): DateParts | null {
  const iso = ISO_DATE.exec(input);
  if (iso) return { year: Number(iso[1]), month: Number(iso[2]), day: Number(iso[3]) };
  const dotted = ru ? RU_DATE.exec(input) : null;
  if (dotted) return { year: Number(dotted[3]), month: Number(dotted[2]), day: Number(dotted[1]) };
  return null;
}

/** `required`, `format` or `impossible_date` for a date as typed, or its parts when it is real. */
function readDate(input: string, ru: boolean): ErrorCode | DateParts {
  const text = ru ? input.trim() : input;
  if (text.trim() === '') return 'required';
  const parts = partsOf(text, ru);
  if (parts === null) return 'format';
  return isRealDate(parts) ? parts : 'impossible_date';
}

function requireIsoDate(value: string, name: string): DateParts {
  const parts = readDate(value, false);
  if (typeof parts === 'string') throw new RangeError(`${name} must be an ISO date YYYY-MM-DD`);
  return parts;
}

/**
 * The ISO form `YYYY-MM-DD` of a real calendar date written `DD.MM.YYYY`, `D.M.YYYY` or
 * `YYYY-MM-DD` (outer spaces ignored), or `null` for any other shape or a date that does not
 * exist.
 *
 * @example
 * parseRuDate('1.9.2019'); // '2019-09-01'
 * parseRuDate('31.02.2020'); // null
 */
export function parseRuDate(input: string): string | null {
  const parts = readDate(input, true);
  return typeof parts === 'string' ? null : toIso(parts);
}

/**
 * A real ISO date for display in Russian, `DD.MM.YYYY`, or `null` when it is not one.
 *
 * @example
 * formatRuDate('2019-09-01'); // '01.09.2019'
 */
export function formatRuDate(iso: string): string | null {
  const parts = readDate(iso, false);
  if (typeof parts === 'string') return null;
  return toIso(parts).split('-').reverse().join('.');
}

/**
 * The first problem with a strict ISO date `YYYY-MM-DD`: `required` (blank), `format` (any other
 * shape, including `D.M.YYYY` and surrounding spaces), `impossible_date` (e.g. `2023-02-29`).
 *
 * @example
 * checkIsoDate('2023-02-29'); // 'impossible_date'
 */
export function checkIsoDate(input: string): ErrorCode | null {
  const parts = readDate(input, false);
  return typeof parts === 'string' ? parts : null;
}

/**
 * Whole years between a birth date and another date, both ISO. Someone born on 29 February
 * turns a year older on 1 March in common years. Throws `RangeError` for a malformed date.
 *
 * @example
 * ageOn('2016-02-29', '2023-02-28'); // 6
 * ageOn('2016-02-29', '2023-03-01'); // 7
 */
export function ageOn(birthIso: string, onIso: string): number {
  const birth = requireIsoDate(birthIso, 'birthIso');
  const on = requireIsoDate(onIso, 'onIso');
  const beforeBirthday = on.month < birth.month || (on.month === birth.month && on.day < birth.day);
  return on.year - birth.year - (beforeBirthday ? 1 : 0);
}

/**
 * Whether a child's age today falls in the school window: `too_young` below `minAge`, `too_old`
 * above `maxAge` (both in whole years, both inclusive, {@link DEFAULT_SCHOOL_AGE} by default),
 * otherwise `null`.
 *
 * @example
 * checkSchoolAge('2020-09-02', { today: '2026-09-01' }); // 'too_young'
 */
export function checkSchoolAge(
  birthIso: string,
  {
    today,
    minAge = DEFAULT_SCHOOL_AGE.minAge,
    maxAge = DEFAULT_SCHOOL_AGE.maxAge,
  }: SchoolAgeOptions,
): 'too_young' | 'too_old' | null {
  const age = ageOn(birthIso, today);
  if (age < minAge) return 'too_young';
  return age > maxAge ? 'too_old' : null;
}

/**
 * The first problem with a date of birth as typed (`DD.MM.YYYY`, `D.M.YYYY` or `YYYY-MM-DD`), in
 * priority order: `required`, `format`, `impossible_date`, `future_date` (after `today`), then
 * `too_young` / `too_old` when `minAge` / `maxAge` are given. Throws `RangeError` when `today`
 * is not an ISO date.
 *
 * @example
 * checkBirthDate('29.02.2023', { today: '2026-09-01' }); // 'impossible_date'
 * checkBirthDate('01.09.2021', { today: '2026-09-01', minAge: 6 }); // 'too_young'
 */
export function checkBirthDate(input: string, options: BirthDateOptions): ErrorCode | null {
  requireIsoDate(options.today, 'today');
  const parts = readDate(input, true);
  if (typeof parts === 'string') return parts;
  const birth = toIso(parts);
  if (birth > options.today) return 'future_date';
  return checkSchoolAge(birth, {
    today: options.today,
    minAge: options.minAge ?? -Infinity,
    maxAge: options.maxAge ?? Infinity,
  });
}
