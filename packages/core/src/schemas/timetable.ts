import {
  type z,
  array,
  boolean,
  _default,
  int,
  maximum,
  maxLength,
  minimum,
  minLength,
  number,
  object,
  optional,
  refine,
  string,
} from 'zod/mini';
import { attachmentIdsSchema, attachmentSchema } from './attachment.js';
import { isoDateSchema } from './common.js';
import {
  dateOrderCheck,
  dateRangeShape,
  idSchema,
  isoWeekSchema,
  textSchema,
  timeOfDaySchema,
  timestampSchema,
} from './common.js';

/** A lesson replaced or changed: who teaches instead, what, why, and where. */
export const substitutionSchema = object({
  id: idSchema,
  lessonId: idSchema,
  classId: idSchema,
  date: isoDateSchema,
  lessonNumber: number().check(int(), minimum(0), maximum(12)),
  originalTeacherId: idSchema,
  originalTeacherName: string(),
  substituteTeacherId: idSchema,
  substituteTeacherName: string(),
  originalSubjectName: string(),
  subjectId: idSchema,
  subjectName: string(),
  reason: string(),
  room: optional(string()),
  createdAt: timestampSchema,
});
/** A substitution. */
export type Substitution = z.infer<typeof substitutionSchema>;

/** Homework set for a lesson. */
export const homeworkSchema = object({
  id: idSchema,
  lessonId: optional(idSchema),
  classId: idSchema,
  subjectId: idSchema,
  subjectName: string(),
  teacherId: idSchema,
  text: string(),
  assignedDate: isoDateSchema,
  dueDate: isoDateSchema,
  attachments: array(attachmentSchema),
  /**
   * Whether the child's family ticked it «сделано» (in a child's homework list only; kept per
   * child, ticked by a parent or the pupil).
   */
  done: optional(boolean()),
});
/** Homework. */
export type Homework = z.infer<typeof homeworkSchema>;

/** One lesson in the timetable, with its substitution and homework if any. */
export const lessonSchema = object({
  id: idSchema,
  classId: idSchema,
  date: isoDateSchema,
  number: number().check(int(), minimum(0), maximum(12)),
  startTime: timeOfDaySchema,
  endTime: timeOfDaySchema,
  subjectId: idSchema,
  subjectName: string(),
  teacherId: idSchema,
  teacherName: string(),
  room: string(),
  substitution: optional(substitutionSchema),
  homework: array(homeworkSchema),
});
/** A lesson. */
export type Lesson = z.infer<typeof lessonSchema>;

/** A class's timetable for one ISO week. */
export const weekTimetableSchema = object({
  classId: idSchema,
  week: isoWeekSchema,
  days: array(object({ date: isoDateSchema, lessons: array(lessonSchema) })),
});
/** A week's timetable. */
export type WeekTimetable = z.infer<typeof weekTimetableSchema>;

/** Query selecting a week. */
export const weekQuerySchema = object({ week: isoWeekSchema });

/** One lesson as a school admin enters it. */
export const lessonInputSchema = object({
  date: isoDateSchema,
  number: number().check(int(), minimum(0), maximum(12)),
  startTime: timeOfDaySchema,
  endTime: timeOfDaySchema,
  subjectId: idSchema,
  teacherId: idSchema,
  room: string().check(minLength(1), maxLength(20)),
});

/** A week's lessons, replacing what the week had. */
export const weekTimetableInputSchema = object({
  lessons: array(lessonInputSchema).check(maxLength(120)),
});

/** Substituting a lesson. */
export const substitutionInputSchema = object({
  substituteTeacherId: idSchema,
  subjectId: optional(idSchema),
  reason: textSchema(200),
  room: optional(string().check(minLength(1), maxLength(20))),
});

/** Filtering substitution history. */
export const substitutionQuerySchema = object({ ...dateRangeShape }).check(dateOrderCheck);

/** Setting homework. */
export const homeworkInputSchema = object({
  lessonId: optional(idSchema),
  classId: idSchema,
  subjectId: idSchema,
  text: textSchema(4000),
  assignedDate: isoDateSchema,
  dueDate: isoDateSchema,
  attachmentIds: _default(attachmentIdsSchema, []),
}).check(
  refine((v) => v.dueDate >= v.assignedDate, {
    path: ['dueDate'],
    params: { code: 'date_order' },
  }),
);

/** Changing homework. */
export const homeworkPatchSchema = object({
  text: optional(textSchema(4000)),
  dueDate: optional(isoDateSchema),
  attachmentIds: optional(attachmentIdsSchema),
});

/** Ticking homework «сделано» for one child, or taking the tick back. */
export const homeworkDoneInputSchema = object({ done: boolean() });

/** Filtering homework by due date. */
export const homeworkQuerySchema = object({ ...dateRangeShape }).check(dateOrderCheck);
