import {
  checkRuPhone,
  firstNameSchema,
  lastNameSchema,
  normalizeRuPhone,
  optionalMiddleNameSchema,
  validate,
  type Lang,
} from '@school-diary/core';
import {
  cellError,
  type ClassRecord,
  type ImportRecords,
  type StaffRecord,
} from './import-records';
import type { OneRosterLine } from './oneroster';

/** What a OneRoster bundle says about its staff, gathered while its files stream. */
export interface StaffSources {
  /** `users.csv` by `sourcedId`. */
  readonly users: ReadonlyMap<string, OneRosterLine>;
  /** The roles of `roles.csv` (OneRoster 1.2) by user, lower case. */
  readonly roles: ReadonlyMap<string, readonly string[]>;
  /** Every class of `classes.csv` by `sourcedId`: homerooms and sections alike. */
  readonly classes: ReadonlyMap<string, OneRosterLine>;
  /** Homeroom classes as read, by `sourcedId`. */
  readonly homerooms: ReadonlyMap<string, ClassRecord>;
  /** Course titles by `sourcedId`. */
  readonly courses: ReadonlyMap<string, string>;
  /** Each pupil's homeroom, by user. */
  readonly homeroomOf: ReadonlyMap<string, ClassRecord>;
  /** The pupils of each class, by class. */
  readonly pupilsOf: ReadonlyMap<string, readonly string[]>;
  /** The `enrollments.csv` lines with the role `teacher`. */
  readonly teacherEnrolments: readonly OneRosterLine[];
}

const STAFF_ROLES: Readonly<Record<string, StaffRecord['role']>> = {
  teacher: 'teacher',
  administrator: 'school_admin',
};

/** The first of a comma-separated OneRoster list (`subjects`, `subjectCodes`). */
const firstOf = (list: string) => list.split(',')[0]?.trim() ?? '';

/**
 * Reads the staff of a OneRoster bundle into `records`: users whose role (the `role` column of
 * `users.csv` in OneRoster 1.1, `roles.csv` in 1.2) is `teacher` or `administrator`, or who are
 * enrolled as a teacher, become teachers (administrators who teach no class, admins), each with a
 * mobile phone (`phone`, else `sms`) for the invitation's SMS. A teacher's enrolment in a class
 * becomes a teaching assignment of the class's subject (its course's title, else its first
 * `subjects`) in each homeroom class whose pupils the class holds (see `homeroomsOf`), or in the
 * homeroom itself. A teacher enrolled in a homeroom class that has no subject is its homeroom
 * teacher (классный руководитель); of several such teachers, the one whose enrolment is `primary`
 * (several without one `primary` are an error).
 */
export function readStaff(sources: StaffSources, records: ImportRecords, lang: Lang): void {
  const teaching = new Set(sources.teacherEnrolments.map((e) => e.get('userSourcedId')));
  const valid = new Set<string>();
  for (const [id, user] of sources.users) {
    const roles = [user.get('role'), ...(sources.roles.get(id) ?? [])].map((r) => r.toLowerCase());
    const staff = roles.map((r) => STAFF_ROLES[r]).filter((r) => r !== undefined);
    if (staff.length === 0 && !teaching.has(id)) continue;
    const role = teaching.has(id) || staff.includes('teacher') ? 'teacher' : 'school_admin';
    const record = staffOf(id, user, role, records, lang);
    if (record) {
      records.staff.push(record);
      valid.add(id);
    }
  }
  const subjects = new Set(records.subjects.map((s) => s.name.toLowerCase()));
  const noSubject = new Set<string>();
  const homeroomTeachers = new Map<string, Map<string, OneRosterLine>>();
  for (const enrolment of sources.teacherEnrolments) {
    const teacher = enrolment.get('userSourcedId');
    const classId = enrolment.get('classSourcedId');
    const cls = sources.classes.get(classId);
    const fail = (column: string, code: 'unknown_reference', field?: string) =>
      records.errors.push(
        cellError(lang, { ...enrolment.at, column }, code, field ? { field } : {}),
      );
    if (!sources.users.has(teacher)) fail('userSourcedId', 'unknown_reference');
    if (!cls) fail('classSourcedId', 'unknown_reference');
    if (!cls || !valid.has(teacher)) continue;
    const subject = sources.courses.get(cls.get('courseSourcedId')) || firstOf(cls.get('subjects'));
    const homeroom = sources.homerooms.get(classId);
    if (!subject && homeroom) {
      const teachers = homeroomTeachers.get(classId) ?? new Map<string, OneRosterLine>();
      homeroomTeachers.set(classId, teachers);
      if (!teachers.has(teacher)) teachers.set(teacher, enrolment);
      continue;
    }
    if (!subject) {
      if (noSubject.has(classId)) continue;
      noSubject.add(classId);
      records.errors.push(
        cellError(lang, { ...cls.at, column: 'courseSourcedId' }, 'required', {
          field: 'teachingSubject',
        }),
      );
      continue;
    }
    if (!subjects.has(subject.toLowerCase())) {
      subjects.add(subject.toLowerCase());
      const code = firstOf(cls.get('subjectCodes'));
      records.subjects.push({
        ...cls.at,
        name: subject,
        shortName: (code || subject).slice(0, 30),
      });
    }
    const homerooms = homeroom ? [homeroom] : homeroomsOf(sources, cls);
    if (homerooms.length === 0) fail('classSourcedId', 'unknown_reference', 'teachingClass');
    for (const c of homerooms)
      records.teaching.push({
        ...enrolment.at,
        teacher,
        className: c.name,
        schoolYear: c.schoolYear,
        subject,
      });
  }
  for (const [classId, teachers] of homeroomTeachers)
    readHomeroomTeacher(sources.homerooms.get(classId), [...teachers.values()], records, lang);
}

/**
 * The homeroom teacher of a class among the teachers enrolled in it without a subject: the only
 * one, or the one `primary` enrolment of several; else an error at the first one's `primary`.
 */
function readHomeroomTeacher(
  cls: ClassRecord | undefined,
  enrolments: readonly OneRosterLine[],
  records: ImportRecords,
  lang: Lang,
): void {
  const [first] = enrolments;
  if (!cls || !first) return;
  const primary = enrolments.filter((e) => e.get('primary').trim().toLowerCase() === 'true');
  const chosen = enrolments.length === 1 ? first : primary.length === 1 ? primary[0] : undefined;
  if (!chosen) {
    records.errors.push(
      cellError(lang, { ...first.at, column: 'primary' }, 'duplicate', {
        field: 'homeroomTeacher',
        params: { value: cls.name },
      }),
    );
    return;
  }
  records.homerooms.push({
    ...chosen.at,
    teacher: chosen.get('userSourcedId'),
    className: cls.name,
    schoolYear: cls.schoolYear,
  });
}

/**
 * The homeroom classes of a section's pupils, each once, in the order first met; for a section
 * without pupils, the one homeroom its `classCode` starts with (`9Д-ЧЕР` → `9Д`).
 */
function homeroomsOf(sources: StaffSources, section: OneRosterLine): ClassRecord[] {
  const found = new Set<ClassRecord>();
  for (const pupil of sources.pupilsOf.get(section.get('sourcedId')) ?? []) {
    const homeroom = sources.homeroomOf.get(pupil);
    if (homeroom) found.add(homeroom);
  }
  if (found.size > 0) return [...found];
  const prefix = section.get('classCode').split('-')[0]?.toUpperCase().replace(/\s+/g, '');
  const named = [...sources.homerooms.values()].filter((c) => c.name === prefix);
  return named.length === 1 ? named : [];
}

/** One staff member of `users.csv`, each field checked, or undefined after noting the errors. */
function staffOf(
  id: string,
  user: OneRosterLine,
  role: StaffRecord['role'],
  records: ImportRecords,
  lang: Lang,
): StaffRecord | undefined {
  let failed = false;
  const check = <T>(column: string, schema: Parameters<typeof validate>[0]) => {
    const result = validate(schema, user.get(column), lang);
    if (result.ok) return result.value as T;
    failed = true;
    const [error] = result.errors;
    records.errors.push({
      ...user.at,
      column,
      code: error?.code ?? 'format',
      message: error?.message ?? '',
    });
    return undefined;
  };
  const lastName = check<string>('familyName', lastNameSchema);
  const firstName = check<string>('givenName', firstNameSchema);
  const middleName = check<string | undefined>('middleName', optionalMiddleNameSchema);
  const column = user.get('phone') || !user.get('sms') ? 'phone' : 'sms';
  const problem = checkRuPhone(user.get(column));
  if (problem) {
    failed = true;
    records.errors.push(cellError(lang, { ...user.at, column }, problem, { field: 'staffPhone' }));
  }
  if (id.length > 64) {
    failed = true;
    records.errors.push(
      cellError(lang, { ...user.at, column: 'sourcedId' }, 'too_long', { params: { maximum: 64 } }),
    );
  }
  const phone = normalizeRuPhone(user.get(column));
  if (failed || !lastName || !firstName || !phone) return undefined;
  return { ...user.at, externalId: id, lastName, firstName, middleName, phone, role };
}
