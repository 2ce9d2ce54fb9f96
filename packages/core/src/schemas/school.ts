import {
  type z,
  array,
  boolean,
  enum as enumOf,
  int,
  maximum,
  maxLength,
  minimum,
  number,
  object,
  optional,
  string,
} from 'zod/mini';
import { rosterIdSchema, schoolCodeSchema } from '../identifiers/school-code.js';
import { idSchema, pageQueryShape, schoolYearSchema, timestampSchema } from './common.js';

/** Levels of general education a school offers. */
export const SCHOOL_LEVELS = ['primary', 'basic', 'secondary'] as const;
/** Zod schema of a school level. */
export const schoolLevelSchema = /* @__PURE__ */ enumOf(SCHOOL_LEVELS);

/** An entry of the school registry. */
export const schoolSchema = /* @__PURE__ */ object({
  id: idSchema,
  code: /* @__PURE__ */ string(),
  name: /* @__PURE__ */ string(),
  shortName: /* @__PURE__ */ string(),
  region: /* @__PURE__ */ string(),
  address: /* @__PURE__ */ string(),
  levels: /* @__PURE__ */ array(schoolLevelSchema),
  profiles: /* @__PURE__ */ array(/* @__PURE__ */ string()),
  diaryConnected: /* @__PURE__ */ boolean(),
  /** IANA time zone of the school, e.g. `Europe/Moscow`. */
  timeZone: /* @__PURE__ */ string(),
  /** Whether a child's SNILS is required when linking to this school. */
  requiresSnils: /* @__PURE__ */ boolean(),
});
/** A school of the registry. */
export type School = z.infer<typeof schoolSchema>;

/** Registry search: by name, region, level and profile, paged. */
export const schoolSearchQuerySchema = /* @__PURE__ */ object({
  q: /* @__PURE__ */ optional(/* @__PURE__ */ string().check(/* @__PURE__ */ maxLength(100))),
  region: /* @__PURE__ */ optional(/* @__PURE__ */ string().check(/* @__PURE__ */ maxLength(100))),
  level: /* @__PURE__ */ optional(schoolLevelSchema),
  profile: /* @__PURE__ */ optional(/* @__PURE__ */ string().check(/* @__PURE__ */ maxLength(100))),
  ...pageQueryShape,
});

/** A class (form) of a school in a school year, e.g. `5А`. */
export const classSchema = /* @__PURE__ */ object({
  id: idSchema,
  schoolId: idSchema,
  name: /* @__PURE__ */ string(),
  grade: /* @__PURE__ */ number().check(
    /* @__PURE__ */ int(),
    /* @__PURE__ */ minimum(1),
    /* @__PURE__ */ maximum(11),
  ),
  schoolYear: schoolYearSchema,
  homeroomTeacherId: /* @__PURE__ */ optional(idSchema),
});
/** A class. */
export type SchoolClass = z.infer<typeof classSchema>;

/** A school subject. */
export const subjectSchema = /* @__PURE__ */ object({
  id: idSchema,
  name: /* @__PURE__ */ string(),
  shortName: /* @__PURE__ */ string(),
});
/** A subject. */
export type Subject = z.infer<typeof subjectSchema>;

/** A teacher as families see them. */
export const teacherSchema = /* @__PURE__ */ object({
  id: idSchema,
  lastName: /* @__PURE__ */ string(),
  firstName: /* @__PURE__ */ string(),
  middleName: /* @__PURE__ */ optional(/* @__PURE__ */ string()),
  subjects: /* @__PURE__ */ array(subjectSchema),
  /** When the teacher answers messages, e.g. `Пн–Пт 15:00–17:00`. */
  contactHours: /* @__PURE__ */ optional(/* @__PURE__ */ string()),
});
/** A teacher. */
export type Teacher = z.infer<typeof teacherSchema>;

/** The link of a child to a school by school code and the student's roster id. */
export const schoolLinkSchema = /* @__PURE__ */ object({
  id: idSchema,
  childId: idSchema,
  schoolId: idSchema,
  schoolName: /* @__PURE__ */ string(),
  classId: idSchema,
  className: /* @__PURE__ */ string(),
  rosterId: /* @__PURE__ */ string(),
  linkedAt: timestampSchema,
});
/** A child's link to a school. */
export type SchoolLink = z.infer<typeof schoolLinkSchema>;

/** Linking a child to a school. */
export const schoolLinkInputSchema = /* @__PURE__ */ object({
  schoolCode: schoolCodeSchema,
  rosterId: rosterIdSchema,
});
