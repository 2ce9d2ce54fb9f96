import { roundAverage, weightedAverage, type GradedMark } from './grade-average';
import { marksBySubject } from './period-summary';

/** One subject's weighted average this year and last, rounded to 2 digits as shown. */
export interface SubjectYearComparison {
  subject: string;
  current: number | null;
  previous: number | null;
  /** `current − previous`; `null` when either year has no average. */
  delta: number | null;
}

function roundedAverages(marks: readonly GradedMark[]): Map<string, number | null> {
  return new Map(
    marksBySubject(marks).map(([subject, list]) => {
      const average = weightedAverage(list);
      return [subject, average === null ? null : roundAverage(average)];
    }),
  );
}

/**
 * Each subject with marks in either year, sorted by name in Russian order, with both years'
 * weighted averages and the change. The averages are rounded to 2 digits and the delta is taken
 * between the rounded values, so the three numbers add up on screen (4.67 − 4.33 = 0.34).
 *
 * @example
 * compareWithPreviousYear(
 *   [{ subject: 'Алгебра', date: '2025-10-01', value: 5, weight: 1 }],
 *   [{ subject: 'Алгебра', date: '2024-10-01', value: 4, weight: 1 }],
 * );
 * // [{ subject: 'Алгебра', current: 5, previous: 4, delta: 1 }]
 */
export function compareWithPreviousYear(
  current: readonly GradedMark[],
  previous: readonly GradedMark[],
): SubjectYearComparison[] {
  const now = roundedAverages(current);
  const before = roundedAverages(previous);
  const subjects = marksBySubject([...current, ...previous]).map(([subject]) => subject);
  return subjects.map((subject) => {
    const currentAverage = now.get(subject) ?? null;
    const previousAverage = before.get(subject) ?? null;
    const delta =
      currentAverage === null || previousAverage === null
        ? null
        : roundAverage(currentAverage - previousAverage);
    return { subject, current: currentAverage, previous: previousAverage, delta };
  });
}
