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
export const substitutionSchema = /* @__PURE__ */ z.object({
  id: idSchema,
  lessonId: idSchema,
  classId: idSchema,
  date: dateSchema,
  lessonNumber: /* @__PURE__ */ z
    .number()
    .check(/* @__PURE__ */ z.int(), /* @__PURE__ */ z.minimum(0), /* @__PURE__ */ z.maximum(12)),
  originalTeacherId: idSchema,
  originalTeacherName: /* @__PURE__ */ z.string(),
  substituteTeacherId: idSchema,
  substituteTeacherName: /* @__PURE__ */ z.string(),
  originalSubjectName: /* @__PURE__ */ z.string(),
  subjectId: idSchema,
  subjectName: /* @__PURE__ */ z.string(),
  reason: /* @__PURE__ */ z.string(),
  room: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.string()),
  createdAt: timestampSchema,
});
/** A substitution. */
export type Substitution = z.infer<typeof substitutionSchema>;

/** Homework set for a lesson. */
export const homeworkSchema = /* @__PURE__ */ z.object({
  id: idSchema,
  lessonId: /* @__PURE__ */ z.optional(idSchema),
  classId: idSchema,
  subjectId: idSchema,
  subjectName: /* @__PURE__ */ z.string(),
  teacherId: idSchema,
  text: /* @__PURE__ */ z.string(),
  assignedDate: dateSchema,
  dueDate: dateSchema,
  attachments: /* @__PURE__ */ z.array(attachmentSchema),
});
/** Homework. */
export type Homework = z.infer<typeof homeworkSchema>;

/** One lesson in the timetable, with its substitution and homework if any. */
export const lessonSchema = /* @__PURE__ */ z.object({
  id: idSchema,
  classId: idSchema,
  date: dateSchema,
  number: /* @__PURE__ */ z
    .number()
    .check(/* @__PURE__ */ z.int(), /* @__PURE__ */ z.minimum(0), /* @__PURE__ */ z.maximum(12)),
  startTime: timeOfDaySchema,
  endTime: timeOfDaySchema,
  subjectId: idSchema,
  subjectName: /* @__PURE__ */ z.string(),
  teacherId: idSchema,
  teacherName: /* @__PURE__ */ z.string(),
  room: /* @__PURE__ */ z.string(),
  substitution: /* @__PURE__ */ z.optional(substitutionSchema),
  homework: /* @__PURE__ */ z.array(homeworkSchema),
});
/** A lesson. */
export type Lesson = z.infer<typeof lessonSchema>;

/** A class's timetable for one ISO week. */
export const weekTimetableSchema = /* @__PURE__ */ z.object({
  classId: idSchema,
  week: isoWeekSchema,
  days: /* @__PURE__ */ z.array(
    /* @__PURE__ */ z.object({ date: dateSchema, lessons: /* @__PURE__ */ z.array(lessonSchema) }),
  ),
});
/** A week's timetable. */
export type WeekTimetable = z.infer<typeof weekTimetableSchema>;

/** Query selecting a week. */
export const weekQuerySchema = /* @__PURE__ */ z.object({ week: isoWeekSchema });

/** One lesson as a school admin enters it. */
export const lessonInputSchema = /* @__PURE__ */ z.object({
  date: dateSchema,
  number: /* @__PURE__ */ z
    .number()
    .check(/* @__PURE__ */ z.int(), /* @__PURE__ */ z.minimum(0), /* @__PURE__ */ z.maximum(12)),
  startTime: timeOfDaySchema,
  endTime: timeOfDaySchema,
  subjectId: idSchema,
  teacherId: idSchema,
  room: /* @__PURE__ */ z
    .string()
    .check(/* @__PURE__ */ z.minLength(1), /* @__PURE__ */ z.maxLength(20)),
});

/** A week's lessons, replacing what the week had. */
export const weekTimetableInputSchema = /* @__PURE__ */ z.object({
  lessons: /* @__PURE__ */ z.array(lessonInputSchema).check(/* @__PURE__ */ z.maxLength(120)),
});

/** Substituting a lesson. */
export const substitutionInputSchema = /* @__PURE__ */ z.object({
  substituteTeacherId: idSchema,
  subjectId: /* @__PURE__ */ z.optional(idSchema),
  reason: /* @__PURE__ */ textSchema(200),
  room: /* @__PURE__ */ z.optional(
    /* @__PURE__ */ z
      .string()
      .check(/* @__PURE__ */ z.minLength(1), /* @__PURE__ */ z.maxLength(20)),
  ),
});

/** Filtering substitution history. */
export const substitutionQuerySchema = /* @__PURE__ */ z
  .object({ ...dateRangeShape })
  .check(dateOrderCheck);

/** Setting homework. */
export const homeworkInputSchema = /* @__PURE__ */ z
  .object({
    lessonId: /* @__PURE__ */ z.optional(idSchema),
    classId: idSchema,
    subjectId: idSchema,
    text: /* @__PURE__ */ textSchema(4000),
    assignedDate: dateSchema,
    dueDate: dateSchema,
    attachmentIds: /* @__PURE__ */ z._default(attachmentIdsSchema, []),
  })
  .check(
    /* @__PURE__ */ z.refine((v) => v.dueDate >= v.assignedDate, {
      path: ['dueDate'],
      params: { code: 'date_order' },
    }),
  );

/** Changing homework. */
export const homeworkPatchSchema = /* @__PURE__ */ z.object({
  text: /* @__PURE__ */ z.optional(/* @__PURE__ */ textSchema(4000)),
  dueDate: /* @__PURE__ */ z.optional(dateSchema),
  attachmentIds: /* @__PURE__ */ z.optional(attachmentIdsSchema),
});

/** Filtering homework by due date. */
export const homeworkQuerySchema = /* @__PURE__ */ z
  .object({ ...dateRangeShape })
  .check(dateOrderCheck);
