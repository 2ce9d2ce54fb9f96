import {
  type z,
  array,
  _default,
  enum as enumOf,
  int,
  literal,
  maximum,
  maxLength,
  minimum,
  nonnegative,
  nullable,
  number,
  object,
  optional,
  refine,
  string,
  union,
} from 'zod/mini';
import { MARK_THRESHOLD_RANGE } from '../grades/mark-threshold.js';
import { WORK_KINDS } from '../grades/work-kinds.js';
import { LANGS } from '../messages/lang.js';
import { isoDateSchema } from './common.js';
import { dateOrderCheck, dateRangeShape, idSchema, timestampSchema } from './common.js';

/** A mark: 1–5 on the five-point scale, or a pass mark (зачёт / незачёт). */
export const markValueSchema = union([
  literal(1),
  literal(2),
  literal(3),
  literal(4),
  literal(5),
  literal('pass'),
  literal('fail'),
]);

/** Zod schema of a kind of work. */
export const workKindSchema = enumOf(WORK_KINDS);

/** The weight of a mark: 0.5 to 5 in steps of 0.5 (tests usually weigh 2–3). */
export const markWeightSchema = number().check(
  minimum(0.5),
  maximum(5),
  refine((v) => Number.isInteger(v * 2), { params: { code: 'format' } }),
);

/** A mark as parents, students and teachers see it. */
export const markSchema = object({
  id: idSchema,
  childId: idSchema,
  subjectId: idSchema,
  subjectName: string(),
  value: markValueSchema,
  weight: number(),
  kind: workKindSchema,
  date: isoDateSchema,
  lessonId: optional(idSchema),
  comment: optional(string()),
  teacherId: idSchema,
  teacherName: string(),
  periodId: optional(idSchema),
  createdAt: timestampSchema,
  updatedAt: timestampSchema,
});
/** A mark. */
export type Mark = z.infer<typeof markSchema>;

const commentSchema = optional(string().check(maxLength(500)));

/** A teacher enters a mark. */
export const markInputSchema = object({
  childId: idSchema,
  subjectId: idSchema,
  value: markValueSchema,
  weight: _default(markWeightSchema, 1),
  kind: workKindSchema,
  date: isoDateSchema,
  lessonId: optional(idSchema),
  comment: commentSchema,
});

/** A teacher corrects a mark (the change is kept in the audit log). */
export const markPatchSchema = object({
  value: optional(markValueSchema),
  weight: optional(markWeightSchema),
  kind: optional(workKindSchema),
  date: optional(isoDateSchema),
  comment: commentSchema,
});

/** Filters for reading marks. */
export const markQuerySchema = object({
  ...dateRangeShape,
  subjectId: optional(idSchema),
  kind: optional(workKindSchema),
  periodId: optional(idSchema),
}).check(dateOrderCheck);

/**
 * CSV export options: the same filters as the marks list (so the file holds what the table shows),
 * and `;` for spreadsheets in the Russian locale.
 */
export const markCsvQuerySchema = object({
  ...dateRangeShape,
  subjectId: optional(idSchema),
  kind: optional(workKindSchema),
  periodId: optional(idSchema),
  delimiter: _default(enumOf([',', ';']), ','),
}).check(dateOrderCheck);

/**
 * The query of a period's report card (табель) as PDF: the period, and the language of the
 * document when it should differ from the request's `Accept-Language`.
 */
export const reportCardQuerySchema = object({
  periodId: idSchema,
  lang: optional(enumOf(LANGS)),
});

/** One subject's summary for a period. */
export const subjectSummarySchema = object({
  subjectId: idSchema,
  subjectName: string(),
  count: number().check(int(), nonnegative()),
  arithmeticAverage: nullable(number()),
  weightedAverage: nullable(number()),
  finalMark: nullable(number()),
  /** The final mark the teacher has set, if any. */
  fixedFinalMark: optional(markValueSchema),
});

/** Per-subject summaries for a period (or date range). */
export const gradeSummarySchema = object({
  childId: idSchema,
  periodId: optional(idSchema),
  from: isoDateSchema,
  to: isoDateSchema,
  subjects: array(subjectSummarySchema),
});
/** Grade summary. */
export type GradeSummary = z.infer<typeof gradeSummarySchema>;

/** Summary query: a period or a date range. */
export const gradeSummaryQuerySchema = object({
  ...dateRangeShape,
  periodId: optional(idSchema),
}).check(dateOrderCheck);

/** Comparison of this school year with the previous one, per subject. */
export const yearComparisonSchema = object({
  childId: idSchema,
  currentYear: string(),
  previousYear: string(),
  subjects: array(
    object({
      subjectName: string(),
      current: nullable(number()),
      previous: nullable(number()),
      delta: nullable(number()),
    }),
  ),
});

/** A final mark for a period set by the teacher. */
export const finalMarkSchema = object({
  id: idSchema,
  childId: idSchema,
  subjectId: idSchema,
  subjectName: string(),
  periodId: idSchema,
  value: markValueSchema,
  teacherId: idSchema,
  updatedAt: timestampSchema,
});
/** A final mark. */
export type FinalMark = z.infer<typeof finalMarkSchema>;

/** Setting a final period mark. */
export const finalMarkInputSchema = object({
  childId: idSchema,
  subjectId: idSchema,
  periodId: idSchema,
  value: markValueSchema,
});

/** A parent's alert threshold: notify when the average falls below it. */
export const thresholdSchema = object({
  id: idSchema,
  childId: idSchema,
  /** Absent for "all subjects". */
  subjectId: optional(idSchema),
  threshold: number(),
});
/** A threshold. */
export type Threshold = z.infer<typeof thresholdSchema>;

/** Setting a threshold (per subject, or for all subjects without `subjectId`). */
export const thresholdInputSchema = object({
  subjectId: optional(idSchema),
  threshold: number().check(
    minimum(MARK_THRESHOLD_RANGE.minimum),
    maximum(MARK_THRESHOLD_RANGE.maximum),
  ),
});

/** A teacher's journal query for one class and subject. */
export const classMarksQuerySchema = object({
  subjectId: idSchema,
  ...dateRangeShape,
}).check(dateOrderCheck);

/**
 * How the class did on one lesson's work: anonymous counts of each mark, given only when at
 * least 5 pupils were marked (the server answers `too_few_marked` otherwise).
 */
export const markDistributionSchema = object({
  lessonId: idSchema,
  kind: workKindSchema,
  /** Pupils marked on the five-point scale for the work. */
  marked: number(),
  counts: object({ 5: number(), 4: number(), 3: number(), 2: number() }),
});
/** A class's distribution of marks for one lesson's work. */
export type MarkDistribution = z.infer<typeof markDistributionSchema>;

/** What happened to a mark: given, corrected or removed. */
export const MARK_CHANGE_ACTIONS = ['created', 'updated', 'deleted'] as const;

/** One recorded change of a mark: when, by whom, and its value before and after. */
export const markChangeSchema = object({
  action: enumOf(MARK_CHANGE_ACTIONS),
  at: timestampSchema,
  /** The teacher who made the change, as the family reads the name. */
  by: string(),
  /** The value before the change (absent for a new mark). */
  from: optional(markValueSchema),
  /** The value after the change (absent once removed). */
  to: optional(markValueSchema),
});
/** A change of a mark. */
export type MarkChange = z.infer<typeof markChangeSchema>;

/**
 * The history of one mark, oldest change first: what it was, what it became, when and by whom.
 * Kept for removed marks too, so a family can see what was taken away.
 */
export const markHistorySchema = object({
  markId: idSchema,
  childId: idSchema,
  subjectId: idSchema,
  changes: array(markChangeSchema),
});
/** The history of a mark. */
export type MarkHistory = z.infer<typeof markHistorySchema>;
