import { z } from 'zod/mini';
import { dateOrderCheck, dateRangeShape, dateSchema, idSchema, timestampSchema } from './common';

/** A mark: 1–5 on the five-point scale, or a pass mark (зачёт / незачёт). */
export const markValueSchema = z.union([
  z.literal(1),
  z.literal(2),
  z.literal(3),
  z.literal(4),
  z.literal(5),
  z.literal('pass'),
  z.literal('fail'),
]);

/** Kinds of work a mark is given for. */
export const WORK_KINDS = [
  'test',
  'quiz',
  'project',
  'oral',
  'homework',
  'lab',
  'dictation',
  'essay',
  'classwork',
  'exam',
] as const;
/** A kind of work. */
export type WorkKind = (typeof WORK_KINDS)[number];
/** Zod schema of a kind of work. */
export const workKindSchema = z.enum(WORK_KINDS);

/** The weight of a mark: 0.5 to 5 in steps of 0.5 (tests usually weigh 2–3). */
export const markWeightSchema = z.number().check(
  z.minimum(0.5),
  z.maximum(5),
  z.refine((v) => Number.isInteger(v * 2), { params: { code: 'format' } }),
);

/** A mark as parents, students and teachers see it. */
export const markSchema = z.object({
  id: idSchema,
  childId: idSchema,
  subjectId: idSchema,
  subjectName: z.string(),
  value: markValueSchema,
  weight: z.number(),
  kind: workKindSchema,
  date: dateSchema,
  lessonId: z.optional(idSchema),
  comment: z.optional(z.string()),
  teacherId: idSchema,
  teacherName: z.string(),
  periodId: z.optional(idSchema),
  createdAt: timestampSchema,
  updatedAt: timestampSchema,
});
/** A mark. */
export type Mark = z.infer<typeof markSchema>;

const commentSchema = z.optional(z.string().check(z.maxLength(500)));

/** A teacher enters a mark. */
export const markInputSchema = z.object({
  childId: idSchema,
  subjectId: idSchema,
  value: markValueSchema,
  weight: z._default(markWeightSchema, 1),
  kind: workKindSchema,
  date: dateSchema,
  lessonId: z.optional(idSchema),
  comment: commentSchema,
});

/** A teacher corrects a mark (the change is kept in the audit log). */
export const markPatchSchema = z.object({
  value: z.optional(markValueSchema),
  weight: z.optional(markWeightSchema),
  kind: z.optional(workKindSchema),
  date: z.optional(dateSchema),
  comment: commentSchema,
});

/** Filters for reading marks. */
export const markQuerySchema = z
  .object({
    ...dateRangeShape,
    subjectId: z.optional(idSchema),
    kind: z.optional(workKindSchema),
    periodId: z.optional(idSchema),
  })
  .check(dateOrderCheck);

/** CSV export options: `;` for spreadsheets in the Russian locale. */
export const markCsvQuerySchema = z
  .object({
    ...dateRangeShape,
    subjectId: z.optional(idSchema),
    periodId: z.optional(idSchema),
    delimiter: z._default(z.enum([',', ';']), ','),
  })
  .check(dateOrderCheck);

/** One subject's summary for a period. */
export const subjectSummarySchema = z.object({
  subjectId: idSchema,
  subjectName: z.string(),
  count: z.number().check(z.int(), z.nonnegative()),
  arithmeticAverage: z.nullable(z.number()),
  weightedAverage: z.nullable(z.number()),
  finalMark: z.nullable(z.number()),
  /** The final mark the teacher has set, if any. */
  fixedFinalMark: z.optional(markValueSchema),
});

/** Per-subject summaries for a period (or date range). */
export const gradeSummarySchema = z.object({
  childId: idSchema,
  periodId: z.optional(idSchema),
  from: dateSchema,
  to: dateSchema,
  subjects: z.array(subjectSummarySchema),
});
/** Grade summary. */
export type GradeSummary = z.infer<typeof gradeSummarySchema>;

/** Summary query: a period or a date range. */
export const gradeSummaryQuerySchema = z
  .object({ ...dateRangeShape, periodId: z.optional(idSchema) })
  .check(dateOrderCheck);

/** Comparison of this school year with the previous one, per subject. */
export const yearComparisonSchema = z.object({
  childId: idSchema,
  currentYear: z.string(),
  previousYear: z.string(),
  subjects: z.array(
    z.object({
      subjectName: z.string(),
      current: z.nullable(z.number()),
      previous: z.nullable(z.number()),
      delta: z.nullable(z.number()),
    }),
  ),
});

/** A final mark for a period set by the teacher. */
export const finalMarkSchema = z.object({
  id: idSchema,
  childId: idSchema,
  subjectId: idSchema,
  subjectName: z.string(),
  periodId: idSchema,
  value: markValueSchema,
  teacherId: idSchema,
  updatedAt: timestampSchema,
});
/** A final mark. */
export type FinalMark = z.infer<typeof finalMarkSchema>;

/** Setting a final period mark. */
export const finalMarkInputSchema = z.object({
  childId: idSchema,
  subjectId: idSchema,
  periodId: idSchema,
  value: markValueSchema,
});

/** A parent's alert threshold: notify when the average falls below it. */
export const thresholdSchema = z.object({
  id: idSchema,
  childId: idSchema,
  /** Absent for "all subjects". */
  subjectId: z.optional(idSchema),
  threshold: z.number(),
});
/** A threshold. */
export type Threshold = z.infer<typeof thresholdSchema>;

/** Setting a threshold (per subject, or for all subjects without `subjectId`). */
export const thresholdInputSchema = z.object({
  subjectId: z.optional(idSchema),
  threshold: z.number().check(z.minimum(2), z.maximum(5)),
});

/** A teacher's journal query for one class and subject. */
export const classMarksQuerySchema = z
  .object({ subjectId: idSchema, ...dateRangeShape })
  .check(dateOrderCheck);
