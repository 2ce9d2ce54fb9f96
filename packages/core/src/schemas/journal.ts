import {
  type z,
  array,
  enum as enumOf,
  literal,
  maxLength,
  nullable,
  number,
  object,
  optional,
  string,
  union,
} from 'zod/mini';
import { attachmentSchema } from './attachment.js';
import { dateRangeShape, dateOrderCheck, idSchema, isoDateSchema } from './common.js';
import { markValueSchema, markWeightSchema, workKindSchema } from './mark.js';
import type { FieldError } from '../messages/field-errors.js';

/**
 * The absences a teacher writes in the journal: Н (`absent_unexcused`), Б (`ill`), ОП (absent
 * for a good reason, `absent_excused`) and a lateness (`late`). Presence is no entry.
 */
export const JOURNAL_ABSENCES = ['absent_unexcused', 'ill', 'absent_excused', 'late'] as const;
/** An absence in a journal cell. */
export type JournalAbsence = (typeof JOURNAL_ABSENCES)[number];
/** Zod schema of a journal absence. */
export const journalAbsenceSchema = enumOf(JOURNAL_ABSENCES);

/** The version of a cell the client saw: its last change's timestamp, or `null` for an empty cell. */
const versionSchema = nullable(string().check(maxLength(100)));

/** One mark in a journal cell. */
export const journalMarkSchema = object({
  id: idSchema,
  value: markValueSchema,
  weight: number(),
  kind: workKindSchema,
});

/** One cell of the journal: a pupil at a lesson. */
export const journalCellSchema = object({
  childId: idSchema,
  lessonId: idSchema,
  marks: array(journalMarkSchema),
  absence: nullable(journalAbsenceSchema),
  /** The cell's version: send it back as `seen` when changing the cell. */
  version: versionSchema,
});
/** A journal cell. */
export type JournalCell = z.infer<typeof journalCellSchema>;

/** A lesson of the journal: a column. */
export const journalLessonSchema = object({
  id: idSchema,
  date: isoDateSchema,
  number: number(),
  topic: optional(string()),
  /** The homework set at the lesson, as its texts. */
  homework: array(string()),
  /** The ids of that homework, in the same order: to change it with the `homework` operations. */
  homeworkIds: optional(array(idSchema)),
  /** The files of that homework, in the same order: each homework's attachments. */
  homeworkFiles: optional(array(array(attachmentSchema))),
  /** The weight and kind new marks of the lesson get (a test lesson weighs more). */
  weight: number(),
  kind: workKindSchema,
});
/** A journal lesson. */
export type JournalLesson = z.infer<typeof journalLessonSchema>;

/** A pupil of the journal: a row, in roster order. */
export const journalStudentSchema = object({
  id: idSchema,
  lastName: string(),
  firstName: string(),
  middleName: optional(string()),
  /** The weighted average of the subject's marks in the journal's range; `null` without marks. */
  average: nullable(number()),
  /** The final mark core's rules suggest for that average; `null` without marks. */
  suggestedFinal: nullable(number()),
  /** The final mark the teacher confirmed for the period, if any. */
  final: optional(markValueSchema),
});
/** A journal pupil. */
export type JournalStudent = z.infer<typeof journalStudentSchema>;

/** One class × subject × period of the journal. */
export const journalSchema = object({
  classId: idSchema,
  className: string(),
  subjectId: idSchema,
  subjectName: string(),
  periodId: optional(idSchema),
  from: isoDateSchema,
  to: isoDateSchema,
  /** Whether the caller may write (the teacher of the class and subject). */
  writable: union([literal(true), literal(false)]),
  students: array(journalStudentSchema),
  lessons: array(journalLessonSchema),
  /** The cells that hold something, by pupil and lesson. */
  cells: array(journalCellSchema),
});
/** A class journal. */
export type Journal = z.infer<typeof journalSchema>;

/** Which journal to read: a subject, and a period (the current one by default) or dates. */
export const journalQuerySchema = object({
  subjectId: idSchema,
  ...dateRangeShape,
  periodId: optional(idSchema),
}).check(dateOrderCheck);

/** One pupil's cell as the teacher sets it: all its marks (none to clear) and its absence. */
export const journalRowInputSchema = object({
  childId: idSchema,
  marks: array(markValueSchema).check(maxLength(4)),
  absence: nullable(journalAbsenceSchema),
  /**
   * The cell's `version` the teacher saw, or `batch:<batchId>` for «as my earlier batch left it»
   * (edits of one cell queued one after another); a cell changed since is returned as a conflict.
   */
  seen: versionSchema,
});
/** A journal row input. */
export type JournalRowInput = z.infer<typeof journalRowInputSchema>;

/**
 * A lesson's marks and absences as one batch. `batchId` is chosen by the client: the server keeps
 * the answer, so sending the same batch again changes nothing and answers the same. `weight` and
 * `kind`, when given, apply to the whole lesson (its marks now and later).
 */
export const journalBatchSchema = object({
  batchId: idSchema,
  subjectId: idSchema,
  lessonId: idSchema,
  topic: optional(string().check(maxLength(300))),
  weight: optional(markWeightSchema),
  kind: optional(workKindSchema),
  rows: array(journalRowInputSchema).check(maxLength(60)),
});
/** A journal batch. */
export type JournalBatch = z.infer<typeof journalBatchSchema>;

/**
 * What became of one row: `saved`, `unchanged` (the cell already held it), `conflict` (changed
 * since `seen`: `cell` is the current one, nothing was written) or `invalid` (see `errors`).
 */
export const JOURNAL_ROW_STATUSES = ['saved', 'unchanged', 'conflict', 'invalid'] as const;
/** A row's outcome. */
export type JournalRowStatus = (typeof JOURNAL_ROW_STATUSES)[number];

const fieldErrorSchema = object({ path: string(), code: string(), message: string() });

/** One row's outcome with the cell as it now is. */
export const journalRowResultSchema = object({
  childId: idSchema,
  status: enumOf(JOURNAL_ROW_STATUSES),
  cell: optional(journalCellSchema),
  errors: optional(array(fieldErrorSchema)),
});
/** A row result. */
export type JournalRowResult = Omit<z.infer<typeof journalRowResultSchema>, 'errors'> & {
  errors?: FieldError[];
};

/** The answer to a batch: each row's outcome and the lesson as it now is. */
export const journalBatchResultSchema = object({
  batchId: string(),
  lesson: journalLessonSchema,
  rows: array(journalRowResultSchema),
  /** Each written pupil's average and suggested final after the batch. */
  students: array(journalStudentSchema),
});
/** A batch result. */
export type JournalBatchResult = z.infer<typeof journalBatchResultSchema>;
