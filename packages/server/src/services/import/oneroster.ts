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
  type Sheet,
} from './import-records';

/** The files of a OneRoster 1.2 CSV bundle the import reads; `demographics.csv` gives birth dates. */
export const ONEROSTER_FILES = [
  'orgs.csv',
  'academicSessions.csv',
  'classes.csv',
  'courses.csv',
  'users.csv',
  'enrollments.csv',
  'demographics.csv',
] as const;

const REQUIRED = ['academicSessions.csv', 'classes.csv', 'users.csv', 'enrollments.csv'] as const;

/** One line of a OneRoster file by its header's names, with where it is. */
interface Line {
  readonly at: Origin;
  readonly get: (column: string) => string;
}

function linesOf(sheet: Sheet | undefined): Line[] {
  if (!sheet) return [];
  const [header = [], ...rows] = sheet.rows;
  const index = new Map(header.map((h, i) => [h.trim(), i]));
  return rows
    .map((cells, i) => ({
      at: { file: sheet.name, row: i + 2 },
      get: (column: string) => (cells[index.get(column) ?? -1] ?? '').trim(),
    }))
    .filter(
      (line, i) =>
        (rows[i] ?? []).some((c) => c.trim() !== '') && line.get('status') !== 'tobedeleted',
    );
}

/** The school year (`2026/2027`) a session starting on an ISO date belongs to (it turns in July). */
function yearOfDate(date: string): string | undefined {
  const match = /^(\d{4})-(\d{2})/.exec(date);
  if (!match) return undefined;
  const year = Number(match[1]) - (Number(match[2]) < 7 ? 1 : 0);
  return `${year}/${year + 1}`;
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
 * Reads a OneRoster 1.2 CSV bundle: homeroom classes become classes (their school year from their
 * academic session), courses become subjects, and users enrolled as students in a homeroom class
 * become pupils on the roster, matched by their `sourcedId`.
 */
export function readOneRoster(
  tables: ReadonlyMap<string, Sheet>,
  lang: Lang,
  today: string,
): ImportRecords {
  const records = emptyRecords();
  for (const file of REQUIRED)
    if (!tables.has(file))
      records.errors.push(
        cellError(lang, { file, row: 0, column: '' }, 'missing_file', { params: { file } }),
      );
  if (records.errors.length > 0) return records;
  const read = (file: string) => {
    const lines = linesOf(tables.get(file));
    records.rowsRead += lines.length;
    return lines;
  };
  read('orgs.csv');
  const years = new Map(
    read('academicSessions.csv').map((s) => [s.get('sourcedId'), yearOfDate(s.get('startDate'))]),
  );
  const homerooms = new Map<string, ClassRecord>();
  for (const line of read('classes.csv')) {
    if (line.get('classType') !== 'homeroom') continue;
    const name = (line.get('classCode') || line.get('title')).toUpperCase().replace(/\s+/g, '');
    const grade = gradeOf(...line.get('grades').split(','), name);
    const year = years.get(line.get('termSourcedIds').split(',')[0]?.trim() ?? '');
    const fail = (column: string, code: 'required' | 'format' | 'unknown_reference') =>
      records.errors.push(cellError(lang, { ...line.at, column }, code));
    if (!name || name.length > 10) fail('classCode', name ? 'format' : 'required');
    else if (grade === undefined) fail('grades', 'format');
    else if (year === undefined) fail('termSourcedIds', 'unknown_reference');
    else {
      const record = { ...line.at, name, grade, schoolYear: year };
      homerooms.set(line.get('sourcedId'), record);
      records.classes.push(record);
    }
  }
  for (const line of read('courses.csv')) {
    const name = line.get('title');
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
  const births = new Map(read('demographics.csv').map((d) => [d.get('sourcedId'), d]));
  const users = new Map(read('users.csv').map((u) => [u.get('sourcedId'), u]));
  const birthDate = birthDateSchema({ today });
  const placed = new Map<string, Origin>();
  for (const enrolment of read('enrollments.csv')) {
    if (enrolment.get('role') !== 'student') continue;
    const cls = homerooms.get(enrolment.get('classSourcedId'));
    if (!cls) continue;
    const userId = enrolment.get('userSourcedId');
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
    let failed = false;
    const check = <T>(line: Line, column: string, schema: Parameters<typeof validate>[0]) => {
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
  return records;
}
