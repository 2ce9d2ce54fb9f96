import { toCsv } from '@school-diary/core';
import JSZip from 'jszip';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';

/** `2026/2027` → its session's sourcedId and dates (1 September to 31 August). */
function session(year: string): string[] {
  const start = year.slice(0, 4);
  const end = year.slice(5);
  return [`as-${start}`, '', '', year, 'schoolYear', `${start}-09-01`, `${end}-08-31`, '', end];
}

/**
 * A school's roster as a OneRoster 1.2 CSV bundle (a ZIP): the school as the org, its school years
 * as sessions, its classes as homeroom classes, its subjects as courses, its pupils still at school
 * as users with their birth dates and homeroom enrolments. A pupil's `sourcedId` is their external
 * id, or their roster entry's id when they have none (an import of the bundle then records it as
 * their external id); `identifier` is their code for parents.
 */
export async function rosterOneRoster(db: Kysely<Database>, schoolId: string): Promise<Uint8Array> {
  const [school, classes, subjects, pupils] = await Promise.all([
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
  ]);
  const org = `org-${school.code}`;
  const years = [...new Set(classes.map((c) => c.school_year))].sort();
  const userId = (p: (typeof pupils)[number]) => p.external_id ?? p.id;
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
      ...years.map(session),
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
        `as-${c.school_year.slice(0, 4)}`,
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
    ]),
  );
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}
