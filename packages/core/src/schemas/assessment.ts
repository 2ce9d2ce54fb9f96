import {
  type z,
  _default,
  enum as enumOf,
  nullable,
  number,
  object,
  optional,
  string,
} from 'zod/mini';
import { ASSESSMENT_KINDS } from './assessment-kinds.js';
import {
  dateOrderCheck,
  dateRangeShape,
  idSchema,
  isoDateSchema,
  textSchema,
  timestampSchema,
} from './common.js';
import { markWeightSchema } from './mark.js';

/** Zod schema of a kind of planned assessment. */
export const assessmentKindSchema = enumOf(ASSESSMENT_KINDS);

/**
 * A planned assessment (a контрольная, проверочная, зачёт …) of a class in a subject on a date,
 * at one of its lessons when the teacher chose one: what families see ahead of it.
 */
export const plannedAssessmentSchema = object({
  id: idSchema,
  classId: idSchema,
  subjectId: idSchema,
  subjectName: string(),
  /** The teacher who planned it. */
  teacherId: idSchema,
  teacherName: string(),
  date: isoDateSchema,
  /** The lesson it is written at; its marks get the assessment's weight. */
  lessonId: optional(idSchema),
  /** The lesson's number in the day, when it has a lesson. */
  lessonNumber: optional(number()),
  kind: assessmentKindSchema,
  topic: string(),
  /** The weight its marks get (0.5 to 5). */
  weight: number(),
  createdAt: timestampSchema,
  updatedAt: timestampSchema,
});
/** A planned assessment. */
export type PlannedAssessment = z.infer<typeof plannedAssessmentSchema>;

/**
 * A teacher plans an assessment of their class in their subject. With `lessonId` (a lesson of the
 * class in the subject on `date`) the lesson's marks get the assessment's weight and kind.
 */
export const plannedAssessmentInputSchema = object({
  subjectId: idSchema,
  date: isoDateSchema,
  lessonId: optional(idSchema),
  kind: assessmentKindSchema,
  topic: textSchema(300),
  weight: _default(markWeightSchema, 2),
});
/** A planned assessment input. */
export type PlannedAssessmentInput = z.input<typeof plannedAssessmentInputSchema>;

/** A teacher changes a planned assessment: a new date (and lesson, `null` for none), kind, topic or weight. */
export const plannedAssessmentPatchSchema = object({
  date: optional(isoDateSchema),
  lessonId: optional(nullable(idSchema)),
  kind: optional(assessmentKindSchema),
  topic: optional(textSchema(300)),
  weight: optional(markWeightSchema),
});

/** Which assessments to read: by date (`from` is today by default: the upcoming ones). */
export const plannedAssessmentQuerySchema = object({ ...dateRangeShape }).check(dateOrderCheck);

/** Which of a class's assessments a teacher reads: one subject, by date. */
export const classAssessmentQuerySchema = object({
  subjectId: optional(idSchema),
  ...dateRangeShape,
}).check(dateOrderCheck);
