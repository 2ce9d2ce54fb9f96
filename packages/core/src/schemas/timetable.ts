import { z } from 'zod/mini';
import { attachmentIdsSchema, attachmentSchema } from './attachment';
import {
  dateOrderCheck,
  dateRangeShape,
  dateSchema,
  idSchema,
  isoWeekSchema,
  textSchema,
  timeOfDaySchema,
  timestampSchema,
} from './common';

/** A lesson replaced or changed: who teaches instead, what, why, and where. */
export const substitutionSchema = z.object({
  id: idSchema,
  lessonId: idSchema,
  classId: idSchema,
  date: dateSchema,
  lessonNumber: z.number().check(z.int(), z.minimum(0), z.maximum(12)),
  originalTeacherId: idSchema,
  originalTeacherName: z.string(),
  substituteTeacherId: idSchema,
  substituteTeacherName: z.string(),
  originalSubjectName: z.string(),
  subjectId: idSchema,
  subjectName: z.string(),
  reason: z.string(),
  room: z.optional(z.string()),
  createdAt: timestampSchema,
});
/** A substitution. */
export type Substitution = z.infer<typeof substitutionSchema>;

/** Homework set for a lesson. */
export const homeworkSchema = z.object({
  id: idSchema,
  lessonId: z.optional(idSchema),
  classId: idSchema,
  subjectId: idSchema,
  subjectName: z.string(),
  teacherId: idSchema,
  text: z.string(),
  assignedDate: dateSchema,
  dueDate: dateSchema,
  attachments: z.array(attachmentSchema),
});
/** Homework. */
export type Homework = z.infer<typeof homeworkSchema>;

/** One lesson in the timetable, with its substitution and homework if any. */
export const lessonSchema = z.object({
  id: idSchema,
  classId: idSchema,
  date: dateSchema,
  number: z.number().check(z.int(), z.minimum(0), z.maximum(12)),
  startTime: timeOfDaySchema,
  endTime: timeOfDaySchema,
  subjectId: idSchema,
  subjectName: z.string(),
  teacherId: idSchema,
  teacherName: z.string(),
  room: z.string(),
  substitution: z.optional(substitutionSchema),
  homework: z.array(homeworkSchema),
});
/** A lesson. */
export type Lesson = z.infer<typeof lessonSchema>;

/** A class's timetable for one ISO week. */
export const weekTimetableSchema = z.object({
  classId: idSchema,
  week: isoWeekSchema,
  days: z.array(z.object({ date: dateSchema, lessons: z.array(lessonSchema) })),
});
/** A week's timetable. */
export type WeekTimetable = z.infer<typeof weekTimetableSchema>;

/** Query selecting a week. */
export const weekQuerySchema = z.object({ week: isoWeekSchema });

/** One lesson as a school admin enters it. */
export const lessonInputSchema = z.object({
  date: dateSchema,
  number: z.number().check(z.int(), z.minimum(0), z.maximum(12)),
  startTime: timeOfDaySchema,
  endTime: timeOfDaySchema,
  subjectId: idSchema,
  teacherId: idSchema,
  room: z.string().check(z.minLength(1), z.maxLength(20)),
});

/** A week's lessons, replacing what the week had. */
export const weekTimetableInputSchema = z.object({
  lessons: z.array(lessonInputSchema).check(z.maxLength(120)),
});

/** Substituting a lesson. */
export const substitutionInputSchema = z.object({
  substituteTeacherId: idSchema,
  subjectId: z.optional(idSchema),
  reason: textSchema(200),
  room: z.optional(z.string().check(z.minLength(1), z.maxLength(20))),
});

/** Filtering substitution history. */
export const substitutionQuerySchema = z.object({ ...dateRangeShape }).check(dateOrderCheck);

/** Setting homework. */
export const homeworkInputSchema = z
  .object({
    lessonId: z.optional(idSchema),
    classId: idSchema,
    subjectId: idSchema,
    text: textSchema(4000),
    assignedDate: dateSchema,
    dueDate: dateSchema,
    attachmentIds: z._default(attachmentIdsSchema, []),
  })
  .check(
    z.refine((v) => v.dueDate >= v.assignedDate, {
      path: ['dueDate'],
      params: { code: 'date_order' },
    }),
  );

/** Changing homework. */
export const homeworkPatchSchema = z.object({
  text: z.optional(textSchema(4000)),
  dueDate: z.optional(dateSchema),
  attachmentIds: z.optional(attachmentIdsSchema),
});

/** Filtering homework by due date. */
export const homeworkQuerySchema = z.object({ ...dateRangeShape }).check(dateOrderCheck);
