import {
  birthDateSchema,
  firstNameSchema,
  lastNameSchema,
  optionalMiddleNameSchema,
  validate,
  type Lang,
} from '@school-diary/core';
import {
  cellError,
  emptyRecords,
  type ClassRecord,
  type ImportRecords,
  type Origin,
  type Table,
} from './import-records';
import type { ImportWatch } from './import-watch';
import { readSessions } from './oneroster-sessions';
import { readStaff } from './oneroster-staff';

/**
 * The files of a OneRoster 1.2 CSV bundle the import reads; `demographics.csv` gives birth dates,
 * `roles.csv` staff roles.
 */
export const ONEROSTER_FILES = [
  'orgs.csv',
  'academicSessions.csv',
  'classes.csv',
  'courses.csv',
  'users.csv',
  'enrollments.csv',
  'demographics.csv',
  'roles.csv',
] as const;

/** A file of a OneRoster bundle the import reads. */
export type OneRosterFile = (typeof ONEROSTER_FILES)[number];

const REQUIRED = ['academicSessions.csv', 'classes.csv', 'users.csv', 'enrollments.csv'] as const;

/** One line of a OneRoster file by its header's names, with where it is. */
export interface OneRosterLine {
  readonly at: Origin;
  readonly get: (column: string) => string;
}

/** The lines of a OneRoster file by its header's names, as it streams; deleted lines skipped. */
async function* linesOf(table: Table | undefined): AsyncGenerator<OneRosterLine> {
  if (!table) return;
  let index: Map<string, number> | undefined;
  for await (const { line, cells } of table.lines) {
    if (!index) {
      index = new Map(cells.map((h, i) => [h.trim(), i]));
      continue;
    }
    const columns = index;
    const get = (column: string) => (cells[columns.get(column) ?? -1] ?? '').trim();
    if (cells.some((c) => c.trim() !== '') && get('status') !== 'tobedeleted')
      yield { at: { file: table.name, row: line }, get };
  }
}

/** `05` → 5, `5А` → 5; undefined for anything not a school grade 1–11. */
function gradeOf(...candidates: string[]): number | undefined {
  for (const value of candidates) {
    const n = Number(/^\d+/.exec(value.trim())?.[0]);
    if (Number.isInteger(n) && n >= 1 && n <= 11) return n;
  }
  return undefined;
}

/**
 * Reads a OneRoster 1.2 CSV bundle: `schoolYear` academic sessions become school years with their
 * periods (see {@link readSessions}), homeroom classes become classes (their school year from their
 * academic session, which every class must name), courses become subjects, users enrolled as students in a homeroom class
 * become pupils on the roster, and teachers and administrators become staff with their teaching
 * assignments (see {@link readStaff}), all matched by their `sourcedId`.
 */
export async function readOneRoster(
  open: (file: OneRosterFile) => Promise<Table | undefined>,
  has: (file: OneRosterFile) => boolean,
  lang: Lang,
  today: string,
  watch: ImportWatch,
): Promise<ImportRecords> {
  const records = emptyRecords();
  for (const file of REQUIRED)
    if (!has(file))
      records.errors.push(
        cellError(lang, { file, row: 0, column: '' }, 'missing_file', { params: { file } }),
      );
  if (records.errors.length > 0) return records;
  async function* read(file: OneRosterFile): AsyncGenerator<OneRosterLine> {
    for await (const line of linesOf(await open(file))) {
      records.rowsRead += 1;
      yield line;
      watch.read(records.errors.length);
    }
  }
  const all = async (file: OneRosterFile) => {
    const lines: OneRosterLine[] = [];
    for await (const line of read(file)) lines.push(line);
    return lines;
  };
  for await (const _ of read('orgs.csv'));
  const sessions = readSessions(await all('academicSessions.csv'), lang, records.errors);
  records.schoolYears.push(...sessions.years);
  const homerooms = new Map<string, ClassRecord>();
  const classes = new Map<string, OneRosterLine>();
  for await (const line of read('classes.csv')) {
    classes.set(line.get('sourcedId'), line);
    const session = line.get('termSourcedIds').split(',')[0]?.trim() ?? '';
    const year = sessions.yearOf.get(session);
    if (year === undefined) {
      records.errors.push(
        cellError(lang, { ...line.at, column: 'termSourcedIds' }, 'unknown_reference', {
          field: 'academicSession',
          params: { value: session },
        }),
      );
      continue;
    }
    if (line.get('classType') !== 'homeroom') continue;
    const name = (line.get('classCode') || line.get('title')).toUpperCase().replace(/\s+/g, '');
    const grade = gradeOf(...line.get('grades').split(','), name);
    const fail = (column: string, code: 'required' | 'format') =>
      records.errors.push(cellError(lang, { ...line.at, column }, code));
    if (!name || name.length > 10) fail('classCode', name ? 'format' : 'required');
    else if (grade === undefined) fail('grades', 'format');
    else {
      const record = { ...line.at, name, grade, schoolYear: year };
      homerooms.set(line.get('sourcedId'), record);
      records.classes.push(record);
    }
  }
  const courses = new Map<string, string>();
  for await (const line of read('courses.csv')) {
    const name = line.get('title');
    courses.set(line.get('sourcedId'), name);
    if (!name || name.length > 100) {
      records.errors.push(cellError(lang, { ...line.at, column: 'title' }, 'required'));
      continue;
    }
    records.subjects.push({
      ...line.at,
      name,
      shortName: (line.get('courseCode') || name).slice(0, 30),
    });
  }
  const births = new Map((await all('demographics.csv')).map((d) => [d.get('sourcedId'), d]));
  const users = new Map((await all('users.csv')).map((u) => [u.get('sourcedId'), u]));
  const birthDate = birthDateSchema({ today });
  const roles = new Map<string, string[]>();
  for await (const line of read('roles.csv')) {
    const userId = line.get('userSourcedId');
    roles.set(userId, [...(roles.get(userId) ?? []), line.get('role')]);
  }
  const placed = new Map<string, Origin>();
  const homeroomOf = new Map<string, ClassRecord>();
  const pupilsOf = new Map<string, string[]>();
  const teacherEnrolments: OneRosterLine[] = [];
  for await (const enrolment of read('enrollments.csv')) {
    const role = enrolment.get('role');
    if (role === 'teacher') teacherEnrolments.push(enrolment);
    if (role !== 'student') continue;
    const userId = enrolment.get('userSourcedId');
    const classId = enrolment.get('classSourcedId');
    pupilsOf.set(classId, [...(pupilsOf.get(classId) ?? []), userId]);
    const cls = homerooms.get(classId);
    if (!cls) continue;
    const user = users.get(userId);
    if (!user) {
      records.errors.push(
        cellError(lang, { ...enrolment.at, column: 'userSourcedId' }, 'unknown_reference'),
      );
      continue;
    }
    const earlier = placed.get(userId);
    if (earlier) {
      records.errors.push(
        cellError(lang, { ...enrolment.at, column: 'userSourcedId' }, 'duplicate', {
          params: { row: earlier.row },
        }),
      );
      continue;
    }
    placed.set(userId, enrolment.at);
    homeroomOf.set(userId, cls);
    let failed = false;
    const check = <T>(
      line: OneRosterLine,
      column: string,
      schema: Parameters<typeof validate>[0],
    ) => {
      const result = validate(schema, line.get(column), lang);
      if (result.ok) return result.value as T;
      failed = true;
      const [error] = result.errors;
      records.errors.push({
        ...line.at,
        column,
        code: error?.code ?? 'format',
        message: error?.message ?? '',
      });
      return undefined;
    };
    const lastName = check<string>(user, 'familyName', lastNameSchema);
    const firstName = check<string>(user, 'givenName', firstNameSchema);
    const middleName = check<string | undefined>(user, 'middleName', optionalMiddleNameSchema);
    const demographics = births.get(userId);
    const born = demographics ? check<string>(demographics, 'birthDate', birthDate) : undefined;
    if (!demographics) {
      failed = true;
      records.errors.push(
        cellError(lang, { ...user.at, column: 'birthDate' }, 'required', { field: 'birthDate' }),
      );
    }
    if (failed || !lastName || !firstName || !born) continue;
    records.pupils.push({
      ...user.at,
      externalId: userId,
      lastName,
      firstName,
      middleName,
      birthDate: born,
      className: cls.name,
      schoolYear: cls.schoolYear,
      listNumber: undefined,
      columns: {
        externalId: 'sourcedId',
        name: 'familyName',
        className: 'classSourcedId',
        listNumber: '',
      },
    });
  }
  const sources = { users, roles, classes, homerooms, courses, homeroomOf, pupilsOf };
  readStaff({ ...sources, teacherEnrolments }, records, lang);
  return records;
}
