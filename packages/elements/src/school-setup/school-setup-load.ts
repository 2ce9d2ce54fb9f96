import type {
  Application,
  Bell,
  FinalMarkRounding,
  Holiday,
  RosterEntry,
  School,
  SchoolClass,
  SchoolYearRecord,
  StaffMember,
  Subject,
} from '@school-diary/core';
import type { SchoolSetupClient } from '../shared/diary-data-client';

/** Everything the widget shows of the admin's school, read in one go. */
export interface Loaded {
  readonly schoolId: string;
  /** The school's profile: its name, code and whether its diary is open to parents. */
  readonly school: School;
  /** The school year that holds today, else the latest one. */
  readonly year: SchoolYearRecord | undefined;
  readonly holidays: readonly Holiday[];
  readonly classes: readonly SchoolClass[];
  readonly subjects: readonly Subject[];
  readonly staff: readonly StaffMember[];
  /** The school's diary applications, newest first. */
  readonly applications: readonly Application[];
  /** The pupils on the roster, with the numbers parents link their children with. */
  readonly roster: readonly RosterEntry[];
  readonly bells: readonly Bell[];
  readonly rounding: FinalMarkRounding;
}

/** Reads the admin's school: its profile, applications, years, classes, subjects, staff, roster, bells and rounding. */
export async function loadSchool(
  client: SchoolSetupClient,
  schoolId: string,
  today: string,
  signal: AbortSignal,
): Promise<Loaded> {
  const [school, applications, years, classes, subjects, staff, roster, bells, rounding] =
    await Promise.all([
      client.schools.get({ schoolId }, { signal }),
      client.applications.list({}, { signal }),
      client.setup.schoolYears({ schoolId }, { signal }),
      client.classes.list(undefined, { signal }),
      client.setup.subjects({ schoolId }, { signal }),
      client.setup.staff({ schoolId }, { signal }),
      client.setup.roster({ schoolId }, { signal }),
      client.setup.bells({ schoolId }, { signal }),
      client.setup.rounding({ schoolId }, { signal }),
    ]);
  const year =
    years.items.find((y) => y.startDate <= today && today <= y.endDate) ?? years.items.at(-1);
  const holidays = year
    ? (await client.setup.holidays({ schoolYearId: year.id }, { signal })).items
    : [];
  return {
    schoolId,
    school,
    applications: applications.items,
    year,
    holidays,
    classes: classes.items,
    subjects: subjects.items,
    staff: staff.items,
    roster: roster.items,
    bells: bells.items,
    rounding,
  };
}
