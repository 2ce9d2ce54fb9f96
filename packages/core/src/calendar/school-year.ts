/** School years as the diary names them (`2026/2027`): from 1 September to 31 August. */

/** The month (1–12) a school year starts in. */
const FIRST_MONTH = 9;

/**
 * The school year a calendar date `YYYY-MM-DD` belongs to.
 *
 * @example
 * schoolYearOn('2026-11-24'); // '2026/2027'
 * schoolYearOn('2027-06-15'); // '2026/2027'
 */
export function schoolYearOn(date: string): string {
  const year = Number(date.slice(0, 4));
  const start = Number(date.slice(5, 7)) >= FIRST_MONTH ? year : year - 1;
  return `${start}/${start + 1}`;
}

/**
 * The school years a parent may apply for on a date: the current one and the next.
 *
 * @example
 * openSchoolYears('2026-11-24'); // ['2026/2027', '2027/2028']
 */
export function openSchoolYears(date: string): readonly [current: string, next: string] {
  const current = schoolYearOn(date);
  const start = Number(current.slice(0, 4)) + 1;
  return [current, `${start}/${start + 1}`];
}

/**
 * The first day of a school year named `2026/2027` when the school has not set its own dates:
 * 1 September.
 *
 * @example
 * schoolYearStart('2026/2027'); // '2026-09-01'
 */
export function schoolYearStart(name: string): string {
  return `${name.slice(0, 4)}-${String(FIRST_MONTH).padStart(2, '0')}-01`;
}
