import { toCsv } from '@school-diary/core';
import JSZip from 'jszip';
import type { Kysely, Selectable } from 'kysely';
import type { Database } from '../../db/schema';

type YearRow = Selectable<Database['school_years']>;
type PeriodRow = Selectable<Database['periods']>;

/** A period's session type: half-years are semesters, quarters and trimesters terms. */
const SESSION_TYPE: Readonly<Record<string, string>> = {
  half_year: 'semester',
  trimester: 'term',
  quarter: 'term',
  year: 'term',
};

/**
 * The academic sessions of the school's years: each year a `schoolYear` session with its periods
 * as its children, by their `sourcedId`s (the external id, else the diary's id); a year a class
 * names that the school never entered, 1 September to 31 August without periods.
 */
function sessions(
  years: readonly YearRow[],
  periods: readonly PeriodRow[],
  classYears: readonly string[],
): { rows: string[][]; idOf: (year: string) => string } {
  const idOf = (name: string) => {
    const year = years.find((y) => y.name === name);
    return year ? (year.external_id ?? year.id) : `as-${name.slice(0, 4)}`;
  };
  const rows = years.flatMap((y) => [
    [idOf(y.name), '', '', y.name, 'schoolYear', y.start_date, y.end_date, '', y.name.slice(5)],
    ...periods
      .filter((p) => p.school_year_id === y.id)
      .map((p) => [
        p.external_id ?? p.id,
        '',
        '',
        p.name,
        SESSION_TYPE[p.kind] ?? 'term',
        p.start_date,
        p.end_date,
        idOf(y.name),
        y.name.slice(5),
      ]),
  ]);
  for (const name of classYears)
    if (!years.some((y) => y.name === name)) {
      const start = name.slice(0, 4);
      const end = name.slice(5);
      rows.push([
        idOf(name),
        '',
        '',
        name,
        'schoolYear',
        `${start}-09-01`,
        `${end}-08-31`,
        '',
        end,
      ]);
    }
  return { rows, idOf };
}

/**
 * A school's roster as a OneRoster 1.2 CSV bundle (a ZIP): the school as the org, its school years
 * and their periods as academic sessions (see {@link sessions}), its classes as homeroom classes, its subjects as courses, its pupils still at school
 * as users with their birth dates and homeroom enrolments, its teachers and admins as users with
 * their phones and roles (`roles.csv`), each class's homeroom teacher as its `primary` teacher
 * enrolment, and each class's teaching assignments of a subject as a
 * section of that course holding its teachers and the class's pupils. A `sourcedId` is the
 * external id, or the roster entry's (or account's) id when there is none (an import of the
 * bundle then records a pupil's as their external id); `identifier` is a pupil's code for parents.
 */
export async function rosterOneRoster(db: Kysely<Database>, schoolId: string): Promise<Uint8Array> {
  const [school, classes, subjects, pupils, staff, teaching, years, periods] = await Promise.all([
    db
      .selectFrom('schools')
      .select(['code', 'name'])
      .where('id', '=', schoolId)
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('classes')
      .selectAll()
      .where('school_id', '=', schoolId)
      .orderBy('name')
      .execute(),
    db
      .selectFrom('subjects')
      .selectAll()
      .where('school_id', '=', schoolId)
      .orderBy('name')
      .execute(),
    db
      .selectFrom('roster')
      .selectAll()
      .where('school_id', '=', schoolId)
      .where('left_at', 'is', null)
      .orderBy('last_name')
      .execute(),
    db
      .selectFrom('users')
      .select(['id', 'role', 'phone', 'last_name', 'first_name', 'middle_name', 'external_id'])
      .where('school_id', '=', schoolId)
      .where('role', 'in', ['teacher', 'school_admin'])
      .orderBy('last_name')
      .orderBy('id')
      .execute(),
    db
      .selectFrom('teaching')
      .innerJoin('classes', 'classes.id', 'teaching.class_id')
      .select(['teaching.teacher_id', 'teaching.class_id', 'teaching.subject_id'])
      .where('classes.school_id', '=', schoolId)
      .orderBy('teaching.class_id')
      .orderBy('teaching.subject_id')
      .execute(),
    db
      .selectFrom('school_years')
      .selectAll()
      .where('school_id', '=', schoolId)
      .orderBy('start_date')
      .execute(),
    db
      .selectFrom('periods')
      .innerJoin('school_years', 'school_years.id', 'periods.school_year_id')
      .selectAll('periods')
      .where('school_years.school_id', '=', schoolId)
      .orderBy('periods.start_date')
      .execute(),
  ]);
  const org = `org-${school.code}`;
  const calendar = sessions(years, periods, [...new Set(classes.map((c) => c.school_year))].sort());
  const userId = (p: { id: string; external_id: string | null }) => p.external_id ?? p.id;
  const staffId = new Map(staff.map((u) => [u.id, userId(u)]));
  // A teaching assignment is a section of the class's subject, holding its teacher and its pupils.
  const sectionId = (t: { class_id: string; subject_id: string }) =>
    `sec-${t.class_id}-${t.subject_id}`;
  const sections = [...new Map(teaching.map((t) => [sectionId(t), t] as const)).entries()].flatMap(
    ([id, t]) => {
      const cls = classes.find((c) => c.id === t.class_id);
      const subject = subjects.find((s) => s.id === t.subject_id);
      return cls && subject ? [{ id, cls, subject }] : [];
    },
  );
  const file = (rows: string[][]) => toCsv(rows, { bom: false });
  const zip = new JSZip();
  zip.file(
    'orgs.csv',
    file([
      ['sourcedId', 'status', 'dateLastModified', 'name', 'type', 'identifier', 'parentSourcedId'],
      [org, '', '', school.name, 'school', school.code, ''],
    ]),
  );
  zip.file(
    'academicSessions.csv',
    file([
      [
        'sourcedId',
        'status',
        'dateLastModified',
        'title',
        'type',
        'startDate',
        'endDate',
        'parentSourcedId',
        'schoolYear',
      ],
      ...calendar.rows,
    ]),
  );
  zip.file(
    'courses.csv',
    file([
      [
        'sourcedId',
        'status',
        'dateLastModified',
        'schoolYearSourcedId',
        'title',
        'courseCode',
        'grades',
        'orgSourcedId',
      ],
      ...subjects.map((s) => [s.id, '', '', '', s.name, s.short_name, '', org]),
    ]),
  );
  zip.file(
    'classes.csv',
    file([
      [
        'sourcedId',
        'status',
        'dateLastModified',
        'title',
        'grades',
        'courseSourcedId',
        'classCode',
        'classType',
        'location',
        'schoolSourcedId',
        'termSourcedIds',
      ],
      ...classes.map((c) => [
        c.id,
        '',
        '',
        c.name,
        String(c.grade).padStart(2, '0'),
        '',
        c.name,
        'homeroom',
        '',
        org,
        calendar.idOf(c.school_year),
      ]),
      ...sections.map(({ id, cls, subject }) => [
        id,
        '',
        '',
        `${subject.name} ${cls.name}`,
        String(cls.grade).padStart(2, '0'),
        subject.id,
        `${cls.name}-${subject.short_name}`,
        'scheduled',
        '',
        org,
        calendar.idOf(cls.school_year),
      ]),
    ]),
  );
  zip.file(
    'users.csv',
    file([
      [
        'sourcedId',
        'status',
        'dateLastModified',
        'enabledUser',
        'username',
        'userIds',
        'givenName',
        'familyName',
        'middleName',
        'identifier',
        'phone',
      ],
      ...pupils.map((p) => [
        userId(p),
        '',
        '',
        'true',
        '',
        '',
        p.first_name,
        p.last_name,
        p.middle_name ?? '',
        p.roster_id,
        '',
      ]),
      ...staff.map((u) => [
        userId(u),
        '',
        '',
        'true',
        '',
        '',
        u.first_name,
        u.last_name,
        u.middle_name ?? '',
        '',
        u.phone,
      ]),
    ]),
  );
  zip.file(
    'roles.csv',
    file([
      [
        'sourcedId',
        'status',
        'dateLastModified',
        'userSourcedId',
        'roleType',
        'role',
        'orgSourcedId',
      ],
      ...staff.map((u) => [
        `rol-${u.id}`,
        '',
        '',
        userId(u),
        'primary',
        u.role === 'teacher' ? 'teacher' : 'administrator',
        org,
      ]),
    ]),
  );
  zip.file(
    'demographics.csv',
    file([
      ['sourcedId', 'status', 'dateLastModified', 'birthDate'],
      ...pupils.map((p) => [userId(p), '', '', p.birth_date]),
    ]),
  );
  zip.file(
    'enrollments.csv',
    file([
      [
        'sourcedId',
        'status',
        'dateLastModified',
        'classSourcedId',
        'schoolSourcedId',
        'userSourcedId',
        'role',
        'primary',
        'beginDate',
        'endDate',
      ],
      ...pupils.map((p) => [
        `enr-${p.id}`,
        '',
        '',
        p.class_id,
        org,
        userId(p),
        'student',
        '',
        '',
        '',
      ]),
      ...sections.flatMap(({ id, cls }) =>
        pupils
          .filter((p) => p.class_id === cls.id)
          .map((p) => [`enr-${id}-${p.id}`, '', '', id, org, userId(p), 'student', '', '', '']),
      ),
      ...classes.flatMap((c) =>
        c.homeroom_teacher_id && staffId.has(c.homeroom_teacher_id)
          ? [
              [
                `enr-${c.id}-${c.homeroom_teacher_id}`,
                '',
                '',
                c.id,
                org,
                staffId.get(c.homeroom_teacher_id) ?? c.homeroom_teacher_id,
                'teacher',
                'true',
                '',
                '',
              ],
            ]
          : [],
      ),
      ...teaching.map((t) => [
        `enr-${sectionId(t)}-${t.teacher_id}`,
        '',
        '',
        sectionId(t),
        org,
        staffId.get(t.teacher_id) ?? t.teacher_id,
        'teacher',
        '',
        '',
        '',
      ]),
    ]),
  );
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}
