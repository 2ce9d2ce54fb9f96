import { z } from 'zod/mini';
import { dateOrderCheck, dateRangeShape, dateSchema, idSchema, timestampSchema } from './common';

/** A mark: 1–5 on the five-point scale, or a pass mark (зачёт / незачёт). */
export const markValueSchema = /* @__PURE__ */ z.union([
  /* @__PURE__ */ z.literal(1),
  /* @__PURE__ */ z.literal(2),
  /* @__PURE__ */ z.literal(3),
  /* @__PURE__ */ z.literal(4),
  /* @__PURE__ */ z.literal(5),
  /* @__PURE__ */ z.literal('pass'),
  /* @__PURE__ */ z.literal('fail'),
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
export const workKindSchema = /* @__PURE__ */ z.enum(WORK_KINDS);

/** The weight of a mark: 0.5 to 5 in steps of 0.5 (tests usually weigh 2–3). */
export const markWeightSchema = /* @__PURE__ */ z.number().check(
  /* @__PURE__ */ z.minimum(0.5),
  /* @__PURE__ */ z.maximum(5),
  /* @__PURE__ */ z.refine((v) => Number.isInteger(v * 2), { params: { code: 'format' } }),
);

/** A mark as parents, students and teachers see it. */
export const markSchema = /* @__PURE__ */ z.object({
  id: idSchema,
  childId: idSchema,
  subjectId: idSchema,
  subjectName: /* @__PURE__ */ z.string(),
  value: markValueSchema,
  weight: /* @__PURE__ */ z.number(),
  kind: workKindSchema,
  date: dateSchema,
  lessonId: /* @__PURE__ */ z.optional(idSchema),
  comment: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.string()),
  teacherId: idSchema,
  teacherName: /* @__PURE__ */ z.string(),
  periodId: /* @__PURE__ */ z.optional(idSchema),
  createdAt: timestampSchema,
  updatedAt: timestampSchema,
});
/** A mark. */
export type Mark = z.infer<typeof markSchema>;

const commentSchema = /* @__PURE__ */ z.optional(
  /* @__PURE__ */ z.string().check(/* @__PURE__ */ z.maxLength(500)),
);

/** A teacher enters a mark. */
export const markInputSchema = /* @__PURE__ */ z.object({
  childId: idSchema,
  subjectId: idSchema,
  value: markValueSchema,
  weight: /* @__PURE__ */ z._default(markWeightSchema, 1),
  kind: workKindSchema,
  date: dateSchema,
  lessonId: /* @__PURE__ */ z.optional(idSchema),
  comment: commentSchema,
});

/** A teacher corrects a mark (the change is kept in the audit log). */
export const markPatchSchema = /* @__PURE__ */ z.object({
  value: /* @__PURE__ */ z.optional(markValueSchema),
  weight: /* @__PURE__ */ z.optional(markWeightSchema),
  kind: /* @__PURE__ */ z.optional(workKindSchema),
  date: /* @__PURE__ */ z.optional(dateSchema),
  comment: commentSchema,
});

/** Filters for reading marks. */
export const markQuerySchema = /* @__PURE__ */ z
  .object({
    ...dateRangeShape,
    subjectId: /* @__PURE__ */ z.optional(idSchema),
    kind: /* @__PURE__ */ z.optional(workKindSchema),
    periodId: /* @__PURE__ */ z.optional(idSchema),
  })
  .check(dateOrderCheck);

/**
 * CSV export options: the same filters as the marks list (so the file holds what the table shows),
 * and `;` for spreadsheets in the Russian locale.
 */
export const markCsvQuerySchema = /* @__PURE__ */ z
  .object({
    ...dateRangeShape,
    subjectId: /* @__PURE__ */ z.optional(idSchema),
    kind: /* @__PURE__ */ z.optional(workKindSchema),
    periodId: /* @__PURE__ */ z.optional(idSchema),
    delimiter: /* @__PURE__ */ z._default(/* @__PURE__ */ z.enum([',', ';']), ','),
  })
  .check(dateOrderCheck);

/** One subject's summary for a period. */
export const subjectSummarySchema = /* @__PURE__ */ z.object({
  subjectId: idSchema,
  subjectName: /* @__PURE__ */ z.string(),
  count: /* @__PURE__ */ z.number().check(/* @__PURE__ */ z.int(), /* @__PURE__ */ z.nonnegative()),
  arithmeticAverage: /* @__PURE__ */ z.nullable(/* @__PURE__ */ z.number()),
  weightedAverage: /* @__PURE__ */ z.nullable(/* @__PURE__ */ z.number()),
  finalMark: /* @__PURE__ */ z.nullable(/* @__PURE__ */ z.number()),
  /** The final mark the teacher has set, if any. */
  fixedFinalMark: /* @__PURE__ */ z.optional(markValueSchema),
});

/** Per-subject summaries for a period (or date range). */
export const gradeSummarySchema = /* @__PURE__ */ z.object({
  childId: idSchema,
  periodId: /* @__PURE__ */ z.optional(idSchema),
  from: dateSchema,
  to: dateSchema,
  subjects: /* @__PURE__ */ z.array(subjectSummarySchema),
});
/** Grade summary. */
export type GradeSummary = z.infer<typeof gradeSummarySchema>;

/** Summary query: a period or a date range. */
export const gradeSummaryQuerySchema = /* @__PURE__ */ z
  .object({ ...dateRangeShape, periodId: /* @__PURE__ */ z.optional(idSchema) })
  .check(dateOrderCheck);

/** Comparison of this school year with the previous one, per subject. */
export const yearComparisonSchema = /* @__PURE__ */ z.object({
  childId: idSchema,
  currentYear: /* @__PURE__ */ z.string(),
  previousYear: /* @__PURE__ */ z.string(),
  subjects: /* @__PURE__ */ z.array(
    /* @__PURE__ */ z.object({
      subjectName: /* @__PURE__ */ z.string(),
      current: /* @__PURE__ */ z.nullable(/* @__PURE__ */ z.number()),
      previous: /* @__PURE__ */ z.nullable(/* @__PURE__ */ z.number()),
      delta: /* @__PURE__ */ z.nullable(/* @__PURE__ */ z.number()),
    }),
  ),
});

/** A final mark for a period set by the teacher. */
export const finalMarkSchema = /* @__PURE__ */ z.object({
  id: idSchema,
  childId: idSchema,
  subjectId: idSchema,
  subjectName: /* @__PURE__ */ z.string(),
  periodId: idSchema,
  value: markValueSchema,
  teacherId: idSchema,
  updatedAt: timestampSchema,
});
/** A final mark. */
export type FinalMark = z.infer<typeof finalMarkSchema>;

/** Setting a final period mark. */
export const finalMarkInputSchema = /* @__PURE__ */ z.object({
  childId: idSchema,
  subjectId: idSchema,
  periodId: idSchema,
  value: markValueSchema,
});

/** A parent's alert threshold: notify when the average falls below it. */
export const thresholdSchema = /* @__PURE__ */ z.object({
  id: idSchema,
  childId: idSchema,
  /** Absent for "all subjects". */
  subjectId: /* @__PURE__ */ z.optional(idSchema),
  threshold: /* @__PURE__ */ z.number(),
});
/** A threshold. */
export type Threshold = z.infer<typeof thresholdSchema>;

/** Setting a threshold (per subject, or for all subjects without `subjectId`). */
export const thresholdInputSchema = /* @__PURE__ */ z.object({
  subjectId: /* @__PURE__ */ z.optional(idSchema),
  threshold: /* @__PURE__ */ z
    .number()
    .check(/* @__PURE__ */ z.minimum(2), /* @__PURE__ */ z.maximum(5)),
});

/** A teacher's journal query for one class and subject. */
export const classMarksQuerySchema = /* @__PURE__ */ z
  .object({ subjectId: idSchema, ...dateRangeShape })
  .check(dateOrderCheck);
