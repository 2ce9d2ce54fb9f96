import {
  type z,
  array,
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
import { isoDateSchema } from '../identifiers/birth-date.js';
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
export const substitutionSchema = /* @__PURE__ */ object({
  id: idSchema,
  lessonId: idSchema,
  classId: idSchema,
  date: isoDateSchema,
  lessonNumber: /* @__PURE__ */ number().check(
    /* @__PURE__ */ int(),
    /* @__PURE__ */ minimum(0),
    /* @__PURE__ */ maximum(12),
  ),
  originalTeacherId: idSchema,
  originalTeacherName: /* @__PURE__ */ string(),
  substituteTeacherId: idSchema,
  substituteTeacherName: /* @__PURE__ */ string(),
  originalSubjectName: /* @__PURE__ */ string(),
  subjectId: idSchema,
  subjectName: /* @__PURE__ */ string(),
  reason: /* @__PURE__ */ string(),
  room: /* @__PURE__ */ optional(/* @__PURE__ */ string()),
  createdAt: timestampSchema,
});
/** A substitution. */
export type Substitution = z.infer<typeof substitutionSchema>;

/** Homework set for a lesson. */
export const homeworkSchema = /* @__PURE__ */ object({
  id: idSchema,
  lessonId: /* @__PURE__ */ optional(idSchema),
  classId: idSchema,
  subjectId: idSchema,
  subjectName: /* @__PURE__ */ string(),
  teacherId: idSchema,
  text: /* @__PURE__ */ string(),
  assignedDate: isoDateSchema,
  dueDate: isoDateSchema,
  attachments: /* @__PURE__ */ array(attachmentSchema),
});
/** Homework. */
export type Homework = z.infer<typeof homeworkSchema>;

/** One lesson in the timetable, with its substitution and homework if any. */
export const lessonSchema = /* @__PURE__ */ object({
  id: idSchema,
  classId: idSchema,
  date: isoDateSchema,
  number: /* @__PURE__ */ number().check(
    /* @__PURE__ */ int(),
    /* @__PURE__ */ minimum(0),
    /* @__PURE__ */ maximum(12),
  ),
  startTime: timeOfDaySchema,
  endTime: timeOfDaySchema,
  subjectId: idSchema,
  subjectName: /* @__PURE__ */ string(),
  teacherId: idSchema,
  teacherName: /* @__PURE__ */ string(),
  room: /* @__PURE__ */ string(),
  substitution: /* @__PURE__ */ optional(substitutionSchema),
  homework: /* @__PURE__ */ array(homeworkSchema),
});
/** A lesson. */
export type Lesson = z.infer<typeof lessonSchema>;

/** A class's timetable for one ISO week. */
export const weekTimetableSchema = /* @__PURE__ */ object({
  classId: idSchema,
  week: isoWeekSchema,
  days: /* @__PURE__ */ array(
    /* @__PURE__ */ object({ date: isoDateSchema, lessons: /* @__PURE__ */ array(lessonSchema) }),
  ),
});
/** A week's timetable. */
export type WeekTimetable = z.infer<typeof weekTimetableSchema>;

/** Query selecting a week. */
export const weekQuerySchema = /* @__PURE__ */ object({ week: isoWeekSchema });

/** One lesson as a school admin enters it. */
export const lessonInputSchema = /* @__PURE__ */ object({
  date: isoDateSchema,
  number: /* @__PURE__ */ number().check(
    /* @__PURE__ */ int(),
    /* @__PURE__ */ minimum(0),
    /* @__PURE__ */ maximum(12),
  ),
  startTime: timeOfDaySchema,
  endTime: timeOfDaySchema,
  subjectId: idSchema,
  teacherId: idSchema,
  room: /* @__PURE__ */ string().check(/* @__PURE__ */ minLength(1), /* @__PURE__ */ maxLength(20)),
});

/** A week's lessons, replacing what the week had. */
export const weekTimetableInputSchema = /* @__PURE__ */ object({
  lessons: /* @__PURE__ */ array(lessonInputSchema).check(/* @__PURE__ */ maxLength(120)),
});

/** Substituting a lesson. */
export const substitutionInputSchema = /* @__PURE__ */ object({
  substituteTeacherId: idSchema,
  subjectId: /* @__PURE__ */ optional(idSchema),
  reason: /* @__PURE__ */ textSchema(200),
  room: /* @__PURE__ */ optional(
    /* @__PURE__ */ string().check(/* @__PURE__ */ minLength(1), /* @__PURE__ */ maxLength(20)),
  ),
});

/** Filtering substitution history. */
export const substitutionQuerySchema = /* @__PURE__ */ object({ ...dateRangeShape }).check(
  dateOrderCheck,
);

/** Setting homework. */
export const homeworkInputSchema = /* @__PURE__ */ object({
  lessonId: /* @__PURE__ */ optional(idSchema),
  classId: idSchema,
  subjectId: idSchema,
  text: /* @__PURE__ */ textSchema(4000),
  assignedDate: isoDateSchema,
  dueDate: isoDateSchema,
  attachmentIds: /* @__PURE__ */ _default(attachmentIdsSchema, []),
}).check(
  /* @__PURE__ */ refine((v) => v.dueDate >= v.assignedDate, {
    path: ['dueDate'],
    params: { code: 'date_order' },
  }),
);

/** Changing homework. */
export const homeworkPatchSchema = /* @__PURE__ */ object({
  text: /* @__PURE__ */ optional(/* @__PURE__ */ textSchema(4000)),
  dueDate: /* @__PURE__ */ optional(isoDateSchema),
  attachmentIds: /* @__PURE__ */ optional(attachmentIdsSchema),
});

/** Filtering homework by due date. */
export const homeworkQuerySchema = /* @__PURE__ */ object({ ...dateRangeShape }).check(
  dateOrderCheck,
);
