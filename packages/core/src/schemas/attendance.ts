import { z } from 'zod/mini';
import { dateOrderCheck, dateRangeShape, dateSchema, idSchema } from './common';

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
export const attendanceStatusSchema = z.enum(ATTENDANCE_STATUSES);

/** A child's attendance at one lesson. */
export const attendanceSchema = z.object({
  id: idSchema,
  childId: idSchema,
  lessonId: idSchema,
  date: dateSchema,
  lessonNumber: z.number(),
  subjectId: idSchema,
  subjectName: z.string(),
  status: attendanceStatusSchema,
  reason: z.optional(z.string()),
  minutesLate: z.optional(z.number()),
});
/** An attendance entry. */
export type Attendance = z.infer<typeof attendanceSchema>;

/** Totals per status. */
export const attendanceTotalsSchema = z.object({
  present: z.number(),
  absent_excused: z.number(),
  absent_unexcused: z.number(),
  ill: z.number(),
  late: z.number(),
});

/** A child's attendance over a range with its totals. */
export const attendanceListSchema = z.object({
  items: z.array(attendanceSchema),
  totals: attendanceTotalsSchema,
});

/** Filters for attendance. */
export const attendanceQuerySchema = z
  .object({ ...dateRangeShape, periodId: z.optional(idSchema) })
  .check(dateOrderCheck);

/** A teacher records attendance for a lesson. */
export const attendanceInputSchema = z.object({
  entries: z
    .array(
      z.object({
        childId: idSchema,
        status: attendanceStatusSchema,
        reason: z.optional(z.string().check(z.maxLength(200))),
        minutesLate: z.optional(z.number().check(z.int(), z.minimum(1), z.maximum(45))),
      }),
    )
    .check(z.minLength(1), z.maxLength(60)),
});
