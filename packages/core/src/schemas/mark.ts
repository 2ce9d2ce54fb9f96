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
import { isoDateSchema } from '../identifiers/birth-date.js';
import { dateOrderCheck, dateRangeShape, idSchema, timestampSchema } from './common.js';

/** A mark: 1–5 on the five-point scale, or a pass mark (зачёт / незачёт). */
export const markValueSchema = /* @__PURE__ */ union([
  /* @__PURE__ */ literal(1),
  /* @__PURE__ */ literal(2),
  /* @__PURE__ */ literal(3),
  /* @__PURE__ */ literal(4),
  /* @__PURE__ */ literal(5),
  /* @__PURE__ */ literal('pass'),
  /* @__PURE__ */ literal('fail'),
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
export const workKindSchema = /* @__PURE__ */ enumOf(WORK_KINDS);

/** The weight of a mark: 0.5 to 5 in steps of 0.5 (tests usually weigh 2–3). */
export const markWeightSchema = /* @__PURE__ */ number().check(
  /* @__PURE__ */ minimum(0.5),
  /* @__PURE__ */ maximum(5),
  /* @__PURE__ */ refine((v) => Number.isInteger(v * 2), { params: { code: 'format' } }),
);

/** A mark as parents, students and teachers see it. */
export const markSchema = /* @__PURE__ */ object({
  id: idSchema,
  childId: idSchema,
  subjectId: idSchema,
  subjectName: /* @__PURE__ */ string(),
  value: markValueSchema,
  weight: /* @__PURE__ */ number(),
  kind: workKindSchema,
  date: isoDateSchema,
  lessonId: /* @__PURE__ */ optional(idSchema),
  comment: /* @__PURE__ */ optional(/* @__PURE__ */ string()),
  teacherId: idSchema,
  teacherName: /* @__PURE__ */ string(),
  periodId: /* @__PURE__ */ optional(idSchema),
  createdAt: timestampSchema,
  updatedAt: timestampSchema,
});
/** A mark. */
export type Mark = z.infer<typeof markSchema>;

const commentSchema = /* @__PURE__ */ optional(
  /* @__PURE__ */ string().check(/* @__PURE__ */ maxLength(500)),
);

/** A teacher enters a mark. */
export const markInputSchema = /* @__PURE__ */ object({
  childId: idSchema,
  subjectId: idSchema,
  value: markValueSchema,
  weight: /* @__PURE__ */ _default(markWeightSchema, 1),
  kind: workKindSchema,
  date: isoDateSchema,
  lessonId: /* @__PURE__ */ optional(idSchema),
  comment: commentSchema,
});

/** A teacher corrects a mark (the change is kept in the audit log). */
export const markPatchSchema = /* @__PURE__ */ object({
  value: /* @__PURE__ */ optional(markValueSchema),
  weight: /* @__PURE__ */ optional(markWeightSchema),
  kind: /* @__PURE__ */ optional(workKindSchema),
  date: /* @__PURE__ */ optional(isoDateSchema),
  comment: commentSchema,
});

/** Filters for reading marks. */
export const markQuerySchema = /* @__PURE__ */ object({
  ...dateRangeShape,
  subjectId: /* @__PURE__ */ optional(idSchema),
  kind: /* @__PURE__ */ optional(workKindSchema),
  periodId: /* @__PURE__ */ optional(idSchema),
}).check(dateOrderCheck);

/**
 * CSV export options: the same filters as the marks list (so the file holds what the table shows),
 * and `;` for spreadsheets in the Russian locale.
 */
export const markCsvQuerySchema = /* @__PURE__ */ object({
  ...dateRangeShape,
  subjectId: /* @__PURE__ */ optional(idSchema),
  kind: /* @__PURE__ */ optional(workKindSchema),
  periodId: /* @__PURE__ */ optional(idSchema),
  delimiter: /* @__PURE__ */ _default(/* @__PURE__ */ enumOf([',', ';']), ','),
}).check(dateOrderCheck);

/** One subject's summary for a period. */
export const subjectSummarySchema = /* @__PURE__ */ object({
  subjectId: idSchema,
  subjectName: /* @__PURE__ */ string(),
  count: /* @__PURE__ */ number().check(/* @__PURE__ */ int(), /* @__PURE__ */ nonnegative()),
  arithmeticAverage: /* @__PURE__ */ nullable(/* @__PURE__ */ number()),
  weightedAverage: /* @__PURE__ */ nullable(/* @__PURE__ */ number()),
  finalMark: /* @__PURE__ */ nullable(/* @__PURE__ */ number()),
  /** The final mark the teacher has set, if any. */
  fixedFinalMark: /* @__PURE__ */ optional(markValueSchema),
});

/** Per-subject summaries for a period (or date range). */
export const gradeSummarySchema = /* @__PURE__ */ object({
  childId: idSchema,
  periodId: /* @__PURE__ */ optional(idSchema),
  from: isoDateSchema,
  to: isoDateSchema,
  subjects: /* @__PURE__ */ array(subjectSummarySchema),
});
/** Grade summary. */
export type GradeSummary = z.infer<typeof gradeSummarySchema>;

/** Summary query: a period or a date range. */
export const gradeSummaryQuerySchema = /* @__PURE__ */ object({
  ...dateRangeShape,
  periodId: /* @__PURE__ */ optional(idSchema),
}).check(dateOrderCheck);

/** Comparison of this school year with the previous one, per subject. */
export const yearComparisonSchema = /* @__PURE__ */ object({
  childId: idSchema,
  currentYear: /* @__PURE__ */ string(),
  previousYear: /* @__PURE__ */ string(),
  subjects: /* @__PURE__ */ array(
    /* @__PURE__ */ object({
      subjectName: /* @__PURE__ */ string(),
      current: /* @__PURE__ */ nullable(/* @__PURE__ */ number()),
      previous: /* @__PURE__ */ nullable(/* @__PURE__ */ number()),
      delta: /* @__PURE__ */ nullable(/* @__PURE__ */ number()),
    }),
  ),
});

/** A final mark for a period set by the teacher. */
export const finalMarkSchema = /* @__PURE__ */ object({
  id: idSchema,
  childId: idSchema,
  subjectId: idSchema,
  subjectName: /* @__PURE__ */ string(),
  periodId: idSchema,
  value: markValueSchema,
  teacherId: idSchema,
  updatedAt: timestampSchema,
});
/** A final mark. */
export type FinalMark = z.infer<typeof finalMarkSchema>;

/** Setting a final period mark. */
export const finalMarkInputSchema = /* @__PURE__ */ object({
  childId: idSchema,
  subjectId: idSchema,
  periodId: idSchema,
  value: markValueSchema,
});

/** A parent's alert threshold: notify when the average falls below it. */
export const thresholdSchema = /* @__PURE__ */ object({
  id: idSchema,
  childId: idSchema,
  /** Absent for "all subjects". */
  subjectId: /* @__PURE__ */ optional(idSchema),
  threshold: /* @__PURE__ */ number(),
});
/** A threshold. */
export type Threshold = z.infer<typeof thresholdSchema>;

/** Setting a threshold (per subject, or for all subjects without `subjectId`). */
export const thresholdInputSchema = /* @__PURE__ */ object({
  subjectId: /* @__PURE__ */ optional(idSchema),
  threshold: /* @__PURE__ */ number().check(/* @__PURE__ */ minimum(2), /* @__PURE__ */ maximum(5)),
});

/** A teacher's journal query for one class and subject. */
export const classMarksQuerySchema = /* @__PURE__ */ object({
  subjectId: idSchema,
  ...dateRangeShape,
}).check(dateOrderCheck);
