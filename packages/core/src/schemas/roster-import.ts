import { type z, array, boolean, enum as enumOf, number, object, optional, string } from 'zod/mini';
import { idSchema } from './common.js';

/**
 * The files an import reads: the diary's Russian roster template as CSV or XLSX, a OneRoster 1.2
 * CSV bundle (a ZIP of `orgs.csv`, `academicSessions.csv`, `classes.csv`, `courses.csv`,
 * `users.csv`, `enrollments.csv`, `demographics.csv` for birth dates, and `roles.csv` for staff
 * roles when `users.csv` has no `role` column), or the diary's Russian timetable template (a
 * class's repeating week) as CSV or XLSX.
 */
export const IMPORT_FORMATS = [
  'roster_csv',
  'roster_xlsx',
  'oneroster',
  'timetable_csv',
  'timetable_xlsx',
] as const;
/** The kind of file an import read. */
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

/**
 * The largest file an import takes: 64 MB, room for a OneRoster bundle or a year's timetable of a
 * large school. The file is read as a stream, so this bounds the upload, not the server's memory.
 */
export const MAX_IMPORT_BYTES = 64 * 1024 * 1024;

/** What an import does with one record: add it, change it, leave it alone, or refuse it. */
export const IMPORT_ACTIONS = ['create', 'update', 'unchanged', 'error'] as const;
/** What an import does with one record. */
export type ImportAction = (typeof IMPORT_ACTIONS)[number];

/**
 * The records an import writes: school years and their periods (from a OneRoster bundle's
 * academic sessions), classes, subjects, pupils on the roster, staff (teachers and
 * admins, invited by SMS), teaching assignments (a teacher, a class and a subject), homeroom
 * teachers (классный руководитель: a teacher enrolled in a homeroom class without a subject), and
 * lessons of a class's repeating week (a weekday and lesson number of its timetable template).
 */
export const IMPORT_KINDS = [
  'school_year',
  'period',
  'class',
  'subject',
  'pupil',
  'staff',
  'teaching',
  'homeroom',
  'lesson',
] as const;
/** The kind of an imported record. */
export type ImportKind = (typeof IMPORT_KINDS)[number];

/** One record of the file and what the import does (or would do) with it. */
export const importRowSchema = object({
  /** The file (or sheet) the record came from: `roster.csv`, `users.csv`. */
  file: string(),
  /** Its line in that file, the header being line 1. */
  row: number(),
  kind: enumOf(IMPORT_KINDS),
  action: enumOf(IMPORT_ACTIONS),
  /**
   * What the record is matched by: the external id (a school year's or period's `sourcedId`), a class's `5А 2026/2027`, a subject's name, a
   * teaching assignment's `teacher|5А 2026/2027|subject`, a homeroom teacher's `2026/2027|5А`.
   */
  key: string(),
  /** A human label: the pupil's or teacher's full name, the class, the subject, `5А · Физика`. */
  label: string(),
  /** For `update`: the fields that change (`classId`, `lastName`, `listNumber` …). */
  changes: optional(array(string())),
});
/** One record of an import and its action. */
export type ImportRow = z.infer<typeof importRowSchema>;

/** A mistake in the file: where it is (file, line, column as headed in the file) and how to fix it. */
export const importErrorSchema = object({
  file: string(),
  /** The line, the header being line 1; 0 for the file as a whole (a missing column). */
  row: number(),
  /** The column's header as the file spells it: `Дата рождения`, `familyName`. */
  column: string(),
  /** A stable code of core's error catalogue. */
  code: string(),
  /** In the admin's language, saying how to fix it. */
  message: string(),
});
/** A mistake in an imported file. */
export type ImportError = z.infer<typeof importErrorSchema>;

/** How many records each action got. */
export const importCountsSchema = object({
  create: number(),
  update: number(),
  unchanged: number(),
  error: number(),
});

/**
 * What an import would do (a preview) or did (an apply): record by record, with every error by
 * file, line and column. An apply with any error changes nothing (`applied: false`).
 */
export const importReportSchema = object({
  format: enumOf(IMPORT_FORMATS),
  /** Whether the changes were written (always `false` for a preview). */
  applied: boolean(),
  /** The data lines read, headers excluded. */
  rowsRead: number(),
  counts: importCountsSchema,
  rows: array(importRowSchema),
  errors: array(importErrorSchema),
});
/** A preview or the result of an import. */
export type ImportReport = z.infer<typeof importReportSchema>;

/**
 * The query of `imports.preview` and `imports.apply`: `job`, an id the caller picks (1–64 Latin
 * letters, digits, `_`, `-`) to follow the import with `imports.status` and stop it with
 * `imports.cancel` while it runs.
 */
export const importJobQuerySchema = object({ job: optional(idSchema) });

/** The steps of an import: reading the file, comparing it with the school, writing it. */
export const IMPORT_STAGES = ['read', 'planned', 'applying', 'applied'] as const;
/** Where an import is: running, done (its report was answered), cancelled, or failed. */
export const IMPORT_JOB_STATES = ['running', 'done', 'cancelled', 'failed'] as const;

/**
 * An import followed by its job id: which step it is (`preview` or `apply`), whether it still runs,
 * and how far it got — the data lines read, the errors found and the records written so far.
 */
export const importJobSchema = object({
  id: idSchema,
  step: enumOf(['preview', 'apply']),
  state: enumOf(IMPORT_JOB_STATES),
  stage: enumOf(IMPORT_STAGES),
  rowsRead: number(),
  errors: number(),
  applied: number(),
  /** The uploaded file's name. */
  fileName: string(),
  startedAt: string(),
  finishedAt: optional(string()),
});
/** An import followed by its job id. */
export type ImportJob = z.infer<typeof importJobSchema>;
