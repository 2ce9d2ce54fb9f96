import { toCsv } from '@school-diary/core';
import type { MemoryDiary } from './memory-diary';
import { setupState } from './memory-setup-state';
import { storedZip } from './stored-zip';

/** A period's session type: half-years are semesters, quarters and trimesters terms. */
const SESSION_TYPE: Readonly<Record<string, string>> = { half_year: 'semester' };

/** A file the memory client answers: its bytes, type and name. */
export interface MemoryFile {
  readonly bytes: Uint8Array;
  readonly type: string;
  readonly name: string;
}

const file = (name: string, rows: readonly (readonly string[])[]) => ({
  name,
  data: new TextEncoder().encode(
    toCsv(
      rows.map((r) => [...r]),
      { bom: false },
    ),
  ),
});

/**
 * A school's roster in the memory client as a OneRoster 1.2 bundle, in the server's shape: the
 * school as the org, its school years with their periods as academic sessions, its classes as
 * homeroom classes, its subjects as courses, its pupils at school with their birth dates and
 * homeroom enrolments, its teachers and admins with their phones and roles, and each class's
 * teaching assignments as a scheduled class holding its teacher and the class's pupils.
 */
export function memoryOneRoster(diary: MemoryDiary, schoolId: string): MemoryFile {
  const state = setupState(diary);
  const school = diary.data.schools.find((s) => s.id === schoolId);
  const org = `org-${school?.code ?? schoolId}`;
  const years = diary.data.schoolYears.filter((y) => y.schoolId === schoolId);
  const classes = state.classes.filter((c) => c.schoolId === schoolId);
  const subjects = state.subjects.filter((s) => s.schoolId === schoolId);
  const pupils = state.roster.filter((r) => r.schoolId === schoolId && !r.leftAt);
  const staff = diary.data.users.filter(
    (u) => u.schoolId === schoolId && (u.role === 'teacher' || u.role === 'school_admin'),
  );
  const teaching = state.teaching.filter((t) => classes.some((c) => c.id === t.classId));
  const yearId = (name: string) =>
    years.find((y) => y.name === name)?.id ?? `as-${name.slice(0, 4)}`;
  const pupilId = (p: { id: string; externalId?: string | undefined }) => p.externalId ?? p.id;
  const sectionId = (t: { classId: string; subjectId: string }) =>
    `sec-${t.classId}-${t.subjectId}`;
  const sections = [...new Map(teaching.map((t) => [sectionId(t), t])).values()];
  const grade = (n: number) => String(n).padStart(2, '0');
  const classYears = [...new Set(classes.map((c) => c.schoolYear))];
  return {
    name: 'oneroster.zip',
    type: 'application/zip',
    bytes: storedZip([
      file('orgs.csv', [
        ['sourcedId', 'status', 'dateLastModified', 'name', 'type', 'identifier'],
        [org, '', '', school?.name ?? '', 'school', school?.code ?? ''],
      ]),
      file('academicSessions.csv', [
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
        ...years.flatMap((y) => [
          [y.id, '', '', y.name, 'schoolYear', y.startDate, y.endDate, '', y.name.slice(5)],
          ...y.periods.map((p) => [
            p.id,
            '',
            '',
            p.name,
            SESSION_TYPE[p.kind] ?? 'term',
            p.startDate,
            p.endDate,
            y.id,
            y.name.slice(5),
          ]),
        ]),
        ...classYears
          .filter((name) => !years.some((y) => y.name === name))
          .map((name) => [
            yearId(name),
            '',
            '',
            name,
            'schoolYear',
            `${name.slice(0, 4)}-09-01`,
            `${name.slice(5)}-08-31`,
            '',
            name.slice(5),
          ]),
      ]),
      file('courses.csv', [
        ['sourcedId', 'status', 'dateLastModified', 'title', 'courseCode', 'orgSourcedId'],
        ...subjects.map((s) => [s.id, '', '', s.name, s.shortName, org]),
      ]),
      file('classes.csv', [
        [
          'sourcedId',
          'status',
          'dateLastModified',
          'title',
          'grades',
          'courseSourcedId',
          'classCode',
          'classType',
          'schoolSourcedId',
          'termSourcedIds',
        ],
        ...classes.map((c) => {
          const code = [c.name, 'homeroom', org, yearId(c.schoolYear)];
          return [c.id, '', '', c.name, grade(c.grade), '', ...code];
        }),
        ...sections.flatMap((t) => {
          const cls = classes.find((c) => c.id === t.classId);
          const subject = subjects.find((s) => s.id === t.subjectId);
          if (!cls || !subject) return [];
          const title = `${subject.name} ${cls.name}`;
          const code = `${cls.name}-${subject.shortName}`;
          const rest = [code, 'scheduled', org, yearId(cls.schoolYear)];
          return [[sectionId(t), '', '', title, grade(cls.grade), subject.id, ...rest]];
        }),
      ]),
      file('users.csv', [
        [
          'sourcedId',
          'status',
          'dateLastModified',
          'enabledUser',
          'givenName',
          'familyName',
          'middleName',
          'identifier',
          'phone',
        ],
        ...pupils.map((p) => {
          const name = [p.firstName, p.lastName, p.middleName ?? ''];
          return [pupilId(p), '', '', 'true', ...name, p.rosterId, ''];
        }),
        ...staff.map((u) => {
          const name = [u.firstName, u.lastName, u.middleName ?? ''];
          return [u.id, '', '', 'true', ...name, '', u.phone];
        }),
      ]),
      file('roles.csv', [
        [
          'sourcedId',
          'status',
          'dateLastModified',
          'userSourcedId',
          'roleType',
          'role',
          'orgSourcedId',
        ],
        ...staff.map((u) => {
          const role = u.role === 'teacher' ? 'teacher' : 'administrator';
          return [`rol-${u.id}`, '', '', u.id, 'primary', role, org];
        }),
      ]),
      file('demographics.csv', [
        ['sourcedId', 'status', 'dateLastModified', 'birthDate'],
        ...pupils.map((p) => [pupilId(p), '', '', p.birthDate]),
      ]),
      file('enrollments.csv', [
        [
          'sourcedId',
          'status',
          'dateLastModified',
          'classSourcedId',
          'schoolSourcedId',
          'userSourcedId',
          'role',
          'primary',
        ],
        ...pupils.map((p) => [`enr-${p.id}`, '', '', p.classId, org, pupilId(p), 'student', '']),
        ...sections.flatMap((t) =>
          pupils
            .filter((p) => p.classId === t.classId)
            .map((p) => {
              const id = `enr-${sectionId(t)}-${p.id}`;
              return [id, '', '', sectionId(t), org, pupilId(p), 'student', ''];
            }),
        ),
        ...classes.flatMap(({ id, homeroomTeacherId: teacher }) =>
          teacher ? [[`enr-${id}-${teacher}`, '', '', id, org, teacher, 'teacher', 'true']] : [],
        ),
        ...teaching.map((t) => {
          const id = `enr-${sectionId(t)}-${t.teacherId}`;
          return [id, '', '', sectionId(t), org, t.teacherId, 'teacher', ''];
        }),
      ]),
    ]),
  };
}
