import {
  type z,
  array,
  enum as enumOf,
  int,
  maximum,
  maxLength,
  minimum,
  minLength,
  number,
  object,
  optional,
  string,
} from 'zod/mini';
import { isoDateSchema } from './identifiers.js';
import { dateOrderCheck, dateRangeShape, idSchema } from './common.js';

/** Attendance marks per lesson. */
export const ATTENDANCE_STATUSES = [
  'present',
  'absent_excused',
  'absent_unexcused',
  'ill',
  'late',
] as const;
/** An attendance status. */
export type AttendanceStatus = (typeof ATTENDANCE_STATUSES)[number];
/** Zod schema of an attendance status. */
export const attendanceStatusSchema = enumOf(ATTENDANCE_STATUSES);

/** A child's attendance at one lesson. */
export const attendanceSchema = object({
  id: idSchema,
  childId: idSchema,
  lessonId: idSchema,
  date: isoDateSchema,
  lessonNumber: number(),
  subjectId: idSchema,
  subjectName: string(),
  status: attendanceStatusSchema,
  reason: optional(string()),
  minutesLate: optional(number()),
});
/** An attendance entry. */
export type Attendance = z.infer<typeof attendanceSchema>;

/** Totals per status. */
export const attendanceTotalsSchema = object({
  present: number(),
  absent_excused: number(),
  absent_unexcused: number(),
  ill: number(),
  late: number(),
});

/** A child's attendance over a range with its totals. */
export const attendanceListSchema = object({
  items: array(attendanceSchema),
  totals: attendanceTotalsSchema,
});

/** Filters for attendance. */
export const attendanceQuerySchema = object({
  ...dateRangeShape,
  periodId: optional(idSchema),
}).check(dateOrderCheck);

/** A teacher records attendance for a lesson. */
export const attendanceInputSchema = object({
  entries: array(
    object({
      childId: idSchema,
      status: attendanceStatusSchema,
      reason: optional(string().check(maxLength(200))),
      minutesLate: optional(number().check(int(), minimum(1), maximum(45))),
    }),
  ).check(minLength(1), maxLength(60)),
});
