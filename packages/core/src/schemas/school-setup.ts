import {
  type z,
  array,
  boolean,
  enum as enumOf,
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
import {
  birthDateSchema,
  firstNameSchema,
  lastNameSchema,
  optionalMiddleNameSchema,
  phoneSchema,
} from './identifiers.js';
import {
  idSchema,
  isoDateSchema,
  schoolYearSchema,
  textSchema,
  timestampSchema,
} from './common.js';
import { periodKindSchema, periodSchema } from './calendar.js';
import { schoolLevelSchema } from './school.js';
import { ruleCheck } from './rule.js';
import { knownTimeZone } from '../calendar/quiet-hours.js';

/** An IANA time zone, e.g. `Europe/Moscow`. */
export const timeZoneSchema = string().check(
  ruleCheck((v: string) => (knownTimeZone(v) ? null : 'invalid_option'), { field: 'timeZone' }),
);

/** A school's admin changes its profile: any of these fields, at least one. */
export const schoolProfileInputSchema = object({
  name: optional(textSchema(300)),
  shortName: optional(textSchema(100)),
  address: optional(textSchema(300)),
  levels: optional(array(schoolLevelSchema).check(minLength(1), maxLength(3))),
  profiles: optional(array(textSchema(100)).check(maxLength(20))),
  timeZone: optional(timeZoneSchema),
  /** Whether the diary is open to the school's families. */
  diaryConnected: optional(boolean()),
  requiresSnils: optional(boolean()),
});
/** A change of a school's profile. */
export type SchoolProfileInput = z.infer<typeof schoolProfileInputSchema>;

/** A period of a new school year, in order. */
export const periodInputSchema = object({
  name: textSchema(60),
  startDate: isoDateSchema,
  endDate: isoDateSchema,
}).check(
  refine((p) => p.startDate <= p.endDate, { path: ['endDate'], params: { code: 'date_order' } }),
);

/** How many periods each kind divides a school year into. */
export const PERIOD_COUNTS = { quarter: 4, trimester: 3, half_year: 2, year: 1 } as const;

/**
 * A new school year of a school with its periods: as many as its kind has (4 quarters, 3
 * trimesters, 2 half-years), in order, inside the year and not overlapping.
 */
export const schoolYearInputSchema = object({
  name: schoolYearSchema,
  startDate: isoDateSchema,
  endDate: isoDateSchema,
  periodKind: periodKindSchema,
  periods: array(periodInputSchema).check(minLength(1), maxLength(4)),
}).check(
  refine((y) => y.startDate < y.endDate, { path: ['endDate'], params: { code: 'date_order' } }),
  refine((y) => y.periods.length === PERIOD_COUNTS[y.periodKind], {
    path: ['periods'],
    params: { code: 'invalid_option' },
  }),
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
/** A new school year. */
export type SchoolYearInput = z.infer<typeof schoolYearInputSchema>;

/** A school year as its school's admin sees it. */
export const schoolYearSchemaFull = object({
  id: idSchema,
  schoolId: idSchema,
  name: schoolYearSchema,
  startDate: isoDateSchema,
  endDate: isoDateSchema,
  periodKind: periodKindSchema,
  periods: array(periodSchema),
});
/** A school year with its periods. */
export type SchoolYearRecord = z.infer<typeof schoolYearSchemaFull>;

/** A new class (form): `5А` in grade 5 of 2026/2027, with its homeroom teacher if known. */
export const classInputSchema = object({
  name: textSchema(10),
  grade: number().check(int(), minimum(1), maximum(11)),
  schoolYear: schoolYearSchema,
  homeroomTeacherId: optional(idSchema),
});
/** A new class. */
export type ClassInput = z.infer<typeof classInputSchema>;

/** A new subject of a school. */
export const subjectInputSchema = object({
  name: textSchema(100),
  shortName: textSchema(30),
});
/** A new subject. */
export type SubjectInput = z.infer<typeof subjectInputSchema>;

/** The teaching assignments of a class: who teaches which subject there (replaces the set). */
export const teachingInputSchema = object({
  items: array(object({ teacherId: idSchema, subjectId: idSchema })).check(maxLength(60)),
});
/** A class's teaching assignments. */
export type TeachingInput = z.infer<typeof teachingInputSchema>;

/** A teaching assignment: teacher × class × subject. */
export const teachingSchema = object({
  teacherId: idSchema,
  classId: idSchema,
  subjectId: idSchema,
});
/** A teaching assignment. */
export type TeachingAssignment = z.infer<typeof teachingSchema>;

/** A pupil put on a school's roster. `externalId` is the id in the school's own records. */
export const rosterEntryInputSchema = object({
  classId: idSchema,
  lastName: lastNameSchema,
  firstName: firstNameSchema,
  middleName: optionalMiddleNameSchema,
  birthDate: birthDateSchema(),
  listNumber: optional(number().check(int(), minimum(1), maximum(99))),
  externalId: optional(textSchema(64)),
});
/** A pupil to put on the roster. */
export type RosterEntryInput = z.infer<typeof rosterEntryInputSchema>;

/** A pupil on a school's roster, as its admin sees them. */
export const rosterEntrySchema = object({
  id: idSchema,
  schoolId: idSchema,
  classId: idSchema,
  /** The id a parent links the child with: random, not guessable from the class or the list. */
  rosterId: string(),
  lastName: string(),
  firstName: string(),
  birthDate: isoDateSchema,
  listNumber: optional(number()),
  externalId: optional(string()),
  /** When the pupil left the school; their diary stays readable, no longer writable. */
  leftAt: optional(timestampSchema),
});
/** A roster entry. */
export type RosterEntry = z.infer<typeof rosterEntrySchema>;

/** A pupil moves to another class of the same school. */
export const rosterMoveInputSchema = object({ classId: idSchema });

/** A pupil leaves the school, on a date (today if not given). */
export const rosterLeaveInputSchema = object({ date: optional(isoDateSchema) });

/** The roles a school invites staff to. */
export const STAFF_ROLES = ['teacher', 'school_admin'] as const;

/** A teacher or an admin invited by phone: an SMS brings a one-time code to set a password. */
export const staffInviteInputSchema = object({
  phone: phoneSchema,
  lastName: lastNameSchema,
  firstName: firstNameSchema,
  middleName: optionalMiddleNameSchema,
  role: enumOf(STAFF_ROLES),
});
/** A staff invitation. */
export type StaffInviteInput = z.infer<typeof staffInviteInputSchema>;

/** An invitation as the admin sees it: the account made, and where the SMS went. */
export const staffInvitationSchema = object({
  userId: idSchema,
  role: string(),
  /** The phone, masked. */
  sentTo: string(),
});
/** A staff invitation. */
export type StaffInvitation = z.infer<typeof staffInvitationSchema>;
