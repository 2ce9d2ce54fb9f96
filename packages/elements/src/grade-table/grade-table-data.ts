import type { Attendance, Role, SchoolYearInfo, Threshold } from '@school-diary/core';
import { optionalRead, type GradesClient } from '../shared/grades-client';

/** Last year's average of a subject and the change since. */
export interface Previous {
  readonly previous: number | null;
  readonly delta: number | null;
}

/** What the grade table loads besides the year and its marks. */
export interface Extras {
  readonly attendance: readonly Attendance[];
  /** The parent's thresholds (none when the server does not offer them). */
  readonly thresholds: readonly Threshold[];
  /** Last year's averages by subject name, when the server has them. */
  readonly previousYear: ReadonlyMap<string, Previous> | undefined;
}

/**
 * Attendance, last year's averages and the parent's thresholds, loaded with the year's marks.
 * Thresholds are a parent's own: another role (the student) is not asked for them, so its page
 * makes no request the server must refuse.
 */
export async function loadExtras(
  client: GradesClient,
  childId: string,
  year: SchoolYearInfo | undefined,
  signal: AbortSignal,
  role?: Role,
): Promise<Extras> {
  const range = year ? { from: year.startDate, to: year.endDate } : {};
  const [attendance, comparison, thresholds] = await Promise.all([
    client.attendance.list({ childId, ...range }, { signal }),
    optionalRead(client.grades.comparison({ childId }, { signal })),
    role === 'parent'
      ? optionalRead(client.thresholds.list({ childId }, { signal }))
      : Promise.resolve(undefined),
  ]);
  return {
    attendance: attendance.items,
    thresholds: thresholds?.items ?? [],
    previousYear: comparison
      ? new Map(comparison.subjects.map((s) => [s.subjectName, s]))
      : undefined,
  };
}
