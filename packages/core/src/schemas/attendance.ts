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
export const attendanceStatusSchema = /* @__PURE__ */ z.enum(ATTENDANCE_STATUSES);

/** A child's attendance at one lesson. */
export const attendanceSchema = /* @__PURE__ */ z.object({
  id: idSchema,
  childId: idSchema,
  lessonId: idSchema,
  date: dateSchema,
  lessonNumber: /* @__PURE__ */ z.number(),
  subjectId: idSchema,
  subjectName: /* @__PURE__ */ z.string(),
  status: attendanceStatusSchema,
  reason: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.string()),
  minutesLate: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.number()),
});
/** An attendance entry. */
export type Attendance = z.infer<typeof attendanceSchema>;

/** Totals per status. */
export const attendanceTotalsSchema = /* @__PURE__ */ z.object({
  present: /* @__PURE__ */ z.number(),
  absent_excused: /* @__PURE__ */ z.number(),
  absent_unexcused: /* @__PURE__ */ z.number(),
  ill: /* @__PURE__ */ z.number(),
  late: /* @__PURE__ */ z.number(),
});

/** A child's attendance over a range with its totals. */
export const attendanceListSchema = /* @__PURE__ */ z.object({
  items: /* @__PURE__ */ z.array(attendanceSchema),
  totals: attendanceTotalsSchema,
});

/** Filters for attendance. */
export const attendanceQuerySchema = /* @__PURE__ */ z
  .object({ ...dateRangeShape, periodId: /* @__PURE__ */ z.optional(idSchema) })
  .check(dateOrderCheck);

/** A teacher records attendance for a lesson. */
export const attendanceInputSchema = /* @__PURE__ */ z.object({
  entries: z
    .array(
      /* @__PURE__ */ z.object({
        childId: idSchema,
        status: attendanceStatusSchema,
        reason: /* @__PURE__ */ z.optional(
          /* @__PURE__ */ z.string().check(/* @__PURE__ */ z.maxLength(200)),
        ),
        minutesLate: /* @__PURE__ */ z.optional(
          /* @__PURE__ */ z
            .number()
            .check(
              /* @__PURE__ */ z.int(),
              /* @__PURE__ */ z.minimum(1),
              /* @__PURE__ */ z.maximum(45),
            ),
        ),
      }),
    )
    .check(/* @__PURE__ */ z.minLength(1), /* @__PURE__ */ z.maxLength(60)),
});
