import { roundAverage, weightedAverage, type GradedMark } from './grade-average.js';
import { marksBySubject } from './period-summary.js';

/** One subject's weighted average this year and last, rounded to 2 digits as shown. */
export interface SubjectYearComparison {
  /** The subject's id this year (last year's when it has no marks this year). */
  subjectId: string;
  subjectName: string;
  current: number | null;
  previous: number | null;
  /** `current − previous`; `null` when either year has no average. */
  delta: number | null;
}

/** Each year's marks are re-keyed by subject name: ids may differ between years and schools. */
function byName(marks: readonly GradedMark[]): GradedMark[] {
  return marks.map((mark) => ({ ...mark, subjectId: mark.subjectName }));
}

function roundedAverages(marks: readonly GradedMark[]): Map<string, number | null> {
  return new Map(
    marksBySubject(byName(marks)).map(([{ subjectName }, list]) => {
      const average = weightedAverage(list);
      return [subjectName, average === null ? null : roundAverage(average)];
    }),
  );
}

/** The subject id each name has this year, else last year. */
function idsByName(current: readonly GradedMark[], previous: readonly GradedMark[]) {
  const ids = new Map<string, string>();
  for (const mark of [...current, ...previous])
    if (!ids.has(mark.subjectName)) ids.set(mark.subjectName, mark.subjectId);
  return ids;
}

/**
 * Each subject with marks in either year, sorted by name in Russian order, with both years'
 * weighted averages and the change. Takes the API's `Mark` as it comes. Subjects are matched by
 * name, since a subject's id may change with the school. The averages are rounded to 2 digits
 * and the delta is taken between the rounded values, so the three numbers add up on screen
 * (4.67 − 4.33 = 0.34).
 *
 * @example
 * const algebra = { subjectId: 'sub_alg', subjectName: 'Алгебра', weight: 1 };
 * compareWithPreviousYear(
 *   [{ ...algebra, date: '2025-10-01', value: 5 }],
 *   [{ ...algebra, date: '2024-10-01', value: 4 }],
 * );
 * // [{ subjectId: 'sub_alg', subjectName: 'Алгебра', current: 5, previous: 4, delta: 1 }]
 */
export function compareWithPreviousYear(
  current: readonly GradedMark[],
  previous: readonly GradedMark[],
): SubjectYearComparison[] {
  const now = roundedAverages(current);
  const before = roundedAverages(previous);
  const ids = idsByName(current, previous);
  const subjects = marksBySubject(byName([...current, ...previous]));
  return subjects.map(([{ subjectName }]) => {
    const currentAverage = now.get(subjectName) ?? null;
    const previousAverage = before.get(subjectName) ?? null;
    const delta =
      currentAverage === null || previousAverage === null
        ? null
        : roundAverage(currentAverage - previousAverage);
    return {
      subjectId: ids.get(subjectName) ?? subjectName,
      subjectName,
      current: currentAverage,
      previous: previousAverage,
      delta,
    };
  });
}
