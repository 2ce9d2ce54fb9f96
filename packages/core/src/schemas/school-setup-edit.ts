import {
  type z,
  array,
  int,
  maximum,
  maxLength,
  minimum,
  nullable,
  number,
  object,
  optional,
  refine,
  string,
} from 'zod/mini';
import {
  idSchema,
  isoDateSchema,
  schoolYearSchema,
  textSchema,
  timeOfDaySchema,
} from './common.js';
import { periodInputSchema } from './school-setup.js';

/** Whether an update names at least one field. */
const someField = (v: object) => Object.values(v).some((x) => x !== undefined);

/** A change of a class: its name, grade or homeroom teacher (`null` removes the teacher). */
export const classUpdateInputSchema = object({
  name: optional(textSchema(10)),
  grade: optional(number().check(int(), minimum(1), maximum(11))),
  homeroomTeacherId: optional(nullable(idSchema)),
}).check(refine(someField, { path: [], params: { code: 'nothing_to_change' } }));
/** A change of a class. */
export type ClassUpdateInput = z.infer<typeof classUpdateInputSchema>;

/** A change of a subject's name or short name. */
export const subjectUpdateInputSchema = object({
  name: optional(textSchema(100)),
  shortName: optional(textSchema(30)),
}).check(refine(someField, { path: [], params: { code: 'nothing_to_change' } }));
/** A change of a subject. */
export type SubjectUpdateInput = z.infer<typeof subjectUpdateInputSchema>;

/**
 * A change of a school year: its name, dates and its periods' names and dates. The periods keep
 * their number and kind (marks and final marks stay attached to them), so their count is fixed.
 */
export const schoolYearUpdateInputSchema = object({
  name: schoolYearSchema,
  startDate: isoDateSchema,
  endDate: isoDateSchema,
  periods: array(periodInputSchema).check(maxLength(4)),
}).check(
  refine((y) => y.startDate < y.endDate, { path: ['endDate'], params: { code: 'date_order' } }),
  refine(
    (y) =>
      y.periods.every(
        (p, i) =>
          p.startDate >= y.startDate &&
          p.endDate <= y.endDate &&
          (i === 0 || (y.periods[i - 1]?.endDate ?? '') < p.startDate),
      ),
    { path: ['periods'], params: { code: 'date_order' } },
  ),
);
/** A change of a school year. */
export type SchoolYearUpdateInput = z.infer<typeof schoolYearUpdateInputSchema>;

/** A holiday (каникулы) of a school year: no lessons from its first to its last day. */
export const holidaySchema = object({
  name: textSchema(60),
  startDate: isoDateSchema,
  endDate: isoDateSchema,
}).check(
  refine((h) => h.startDate <= h.endDate, { path: ['endDate'], params: { code: 'date_order' } }),
);
/** A holiday. */
export type Holiday = z.infer<typeof holidaySchema>;

/** The holidays of a school year, replacing the set; inside the year, not overlapping. */
export const holidaysSchema = object({
  items: array(holidaySchema).check(maxLength(20)),
});
/** A school year's holidays. */
export type Holidays = z.infer<typeof holidaysSchema>;

/** One lesson of the bell schedule: its number and when it starts and ends. */
export const bellSchema = object({
  number: number().check(int(), minimum(0), maximum(12)),
  startTime: timeOfDaySchema,
  endTime: timeOfDaySchema,
}).check(
  refine((b) => b.startTime < b.endTime, { path: ['endTime'], params: { code: 'time_order' } }),
);
/** A bell. */
export type Bell = z.infer<typeof bellSchema>;

/** A school's bell schedule, in lesson order, each lesson after the previous one. */
export const bellScheduleSchema = object({
  items: array(bellSchema).check(maxLength(13)),
}).check(
  refine(
    (s) =>
      s.items.every(
        (b, i) =>
          i === 0 ||
          (b.number > (s.items[i - 1]?.number ?? -1) &&
            b.startTime >= (s.items[i - 1]?.endTime ?? '')),
      ),
    { path: ['items'], params: { code: 'time_order' } },
  ),
);
/** A bell schedule. */
export type BellSchedule = z.infer<typeof bellScheduleSchema>;

/**
 * The school's final-mark rounding: the lowest average that earns a 5, a 4 and a 3 (below the
 * `three` threshold the mark is 2). Core's `finalMark` and the teacher's journal use them.
 */
export const finalMarkRoundingSchema = object({
  five: number().check(minimum(1), maximum(5)),
  four: number().check(minimum(1), maximum(5)),
  three: number().check(minimum(1), maximum(5)),
}).check(
  refine((t) => t.five > t.four, { path: ['four'], params: { code: 'threshold_order' } }),
  refine((t) => t.four > t.three, { path: ['three'], params: { code: 'threshold_order' } }),
);
/** A school's final-mark rounding thresholds. */
export type FinalMarkRounding = z.infer<typeof finalMarkRoundingSchema>;

/** A member of a school's staff as its admin sees them. */
export const staffMemberSchema = object({
  id: idSchema,
  role: string(),
  lastName: string(),
  firstName: string(),
  middleName: optional(string()),
  /** The phone, masked. */
  phone: string(),
});
/** A member of staff. */
export type StaffMember = z.infer<typeof staffMemberSchema>;
