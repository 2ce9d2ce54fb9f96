import {
  errorMessage,
  type ErrorCode,
  type ImportError,
  type Lang,
  type PeriodKind,
  type MessageParams,
  type RosterTemplatePupil,
} from '@school-diary/core';

/** One line of a table as it is read: its number in the file (the header is 1) and its cells. */
export interface TableLine {
  readonly line: number;
  readonly cells: readonly string[];
}

/**
 * A table of an imported file (a CSV file, a sheet, a file of a bundle): its name and its lines,
 * the header first, read one by one as the file streams (cells as text; dates typed in a
 * spreadsheet already `YYYY-MM-DD`).
 */
export interface Table {
  readonly name: string;
  readonly lines: AsyncIterable<TableLine>;
}

/** Where a record came from: the file (or sheet) and its line, the header being line 1. */
export interface Origin {
  readonly file: string;
  readonly row: number;
}

/** A period of a school year the file gives (a OneRoster term, semester or grading period). */
export interface PeriodRecord extends Origin {
  /** Its `sourcedId`, which a later import matches it on. */
  readonly externalId: string;
  readonly name: string;
  readonly startDate: string;
  readonly endDate: string;
}

/**
 * A school year the file gives (a OneRoster `schoolYear` session) with its periods in order,
 * matched by its `sourcedId`, else by its name (`2026/2027`).
 */
export interface SchoolYearRecord extends Origin {
  readonly externalId: string;
  readonly name: string;
  readonly startDate: string;
  readonly endDate: string;
  readonly periodKind: PeriodKind;
  readonly periods: readonly PeriodRecord[];
}

/** A class the file names, matched by name and school year. */
export interface ClassRecord extends Origin {
  readonly name: string;
  readonly grade: number;
  readonly schoolYear: string;
}

/** A subject the file names, matched by name. */
export interface SubjectRecord extends Origin {
  readonly name: string;
  readonly shortName: string;
}

/** A pupil the file puts on the roster, matched by external id (else by name and birth date). */
export interface PupilRecord extends Origin, RosterTemplatePupil {}

/** A teacher or an admin the file names, matched by external id (else by phone). */
export interface StaffRecord extends Origin {
  readonly externalId: string;
  readonly lastName: string;
  readonly firstName: string;
  readonly middleName: string | undefined;
  /** E.164 `+79991234567`: the invitation's SMS goes there. */
  readonly phone: string;
  readonly role: 'teacher' | 'school_admin';
}

/** A teacher teaching a subject in a class: a teaching assignment. */
export interface TeachingRecord extends Origin {
  /** The teacher's external id (a {@link StaffRecord}'s). */
  readonly teacher: string;
  readonly className: string;
  readonly schoolYear: string;
  /** The subject's name, as a {@link SubjectRecord} of the same file names it. */
  readonly subject: string;
}

/** A teacher as a class's homeroom teacher (классный руководитель). */
export interface HomeroomRecord extends Origin {
  /** The teacher's external id (a {@link StaffRecord}'s). */
  readonly teacher: string;
  readonly className: string;
  readonly schoolYear: string;
}

/** What a reader made of a file: the records it understood and the mistakes it found. */
export interface ImportRecords {
  readonly rowsRead: number;
  readonly schoolYears: SchoolYearRecord[];
  readonly classes: ClassRecord[];
  readonly subjects: SubjectRecord[];
  readonly pupils: PupilRecord[];
  readonly staff: StaffRecord[];
  readonly teaching: TeachingRecord[];
  readonly homerooms: HomeroomRecord[];
  readonly errors: ImportError[];
}

/** An empty set of records to fill. */
export function emptyRecords(): ImportRecords & { rowsRead: number } {
  return {
    rowsRead: 0,
    schoolYears: [],
    classes: [],
    subjects: [],
    pupils: [],
    staff: [],
    teaching: [],
    homerooms: [],
    errors: [],
  };
}

/**
 * A mistake at a cell, worded in the admin's language by core's catalogue (`field` picks the
 * field-specific wording: `birthDate`, `className` …).
 */
export function cellError(
  lang: Lang,
  at: Origin & { column: string },
  code: ErrorCode,
  options: { field?: string; params?: MessageParams } = {},
): ImportError {
  const message = errorMessage(code, {
    lang,
    ...(options.field ? { field: options.field } : {}),
    ...(options.params ? { params: options.params } : {}),
  });
  return { file: at.file, row: at.row, column: at.column, code, message };
}
