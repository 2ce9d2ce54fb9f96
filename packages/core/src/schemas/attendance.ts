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
import { isoDateSchema } from '../identifiers/birth-date.js';
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
export const attendanceStatusSchema = /* @__PURE__ */ enumOf(ATTENDANCE_STATUSES);

/** A child's attendance at one lesson. */
export const attendanceSchema = /* @__PURE__ */ object({
  id: idSchema,
  childId: idSchema,
  lessonId: idSchema,
  date: isoDateSchema,
  lessonNumber: /* @__PURE__ */ number(),
  subjectId: idSchema,
  subjectName: /* @__PURE__ */ string(),
  status: attendanceStatusSchema,
  reason: /* @__PURE__ */ optional(/* @__PURE__ */ string()),
  minutesLate: /* @__PURE__ */ optional(/* @__PURE__ */ number()),
});
/** An attendance entry. */
export type Attendance = z.infer<typeof attendanceSchema>;

/** Totals per status. */
export const attendanceTotalsSchema = /* @__PURE__ */ object({
  present: /* @__PURE__ */ number(),
  absent_excused: /* @__PURE__ */ number(),
  absent_unexcused: /* @__PURE__ */ number(),
  ill: /* @__PURE__ */ number(),
  late: /* @__PURE__ */ number(),
});

/** A child's attendance over a range with its totals. */
export const attendanceListSchema = /* @__PURE__ */ object({
  items: /* @__PURE__ */ array(attendanceSchema),
  totals: attendanceTotalsSchema,
});

/** Filters for attendance. */
export const attendanceQuerySchema = /* @__PURE__ */ object({
  ...dateRangeShape,
  periodId: /* @__PURE__ */ optional(idSchema),
}).check(dateOrderCheck);

/** A teacher records attendance for a lesson. */
export const attendanceInputSchema = /* @__PURE__ */ object({
  entries: array(
    /* @__PURE__ */ object({
      childId: idSchema,
      status: attendanceStatusSchema,
      reason: /* @__PURE__ */ optional(
        /* @__PURE__ */ string().check(/* @__PURE__ */ maxLength(200)),
      ),
      minutesLate: /* @__PURE__ */ optional(
        /* @__PURE__ */ number().check(
          /* @__PURE__ */ int(),
          /* @__PURE__ */ minimum(1),
          /* @__PURE__ */ maximum(45),
        ),
      ),
    }),
  ).check(/* @__PURE__ */ minLength(1), /* @__PURE__ */ maxLength(60)),
});
