import { z } from 'zod/mini';
import { rosterIdSchema, schoolCodeSchema } from '../school-code';
import { idSchema, pageQueryShape, schoolYearSchema, timestampSchema } from './common';

/** Levels of general education a school offers. */
export const SCHOOL_LEVELS = ['primary', 'basic', 'secondary'] as const;
/** Zod schema of a school level. */
export const schoolLevelSchema = /* @__PURE__ */ z.enum(SCHOOL_LEVELS);

/** An entry of the school registry. */
export const schoolSchema = /* @__PURE__ */ z.object({
  id: idSchema,
  code: /* @__PURE__ */ z.string(),
  name: /* @__PURE__ */ z.string(),
  shortName: /* @__PURE__ */ z.string(),
  region: /* @__PURE__ */ z.string(),
  address: /* @__PURE__ */ z.string(),
  levels: /* @__PURE__ */ z.array(schoolLevelSchema),
  profiles: /* @__PURE__ */ z.array(/* @__PURE__ */ z.string()),
  diaryConnected: /* @__PURE__ */ z.boolean(),
  /** IANA time zone of the school, e.g. `Europe/Moscow`. */
  timeZone: /* @__PURE__ */ z.string(),
  /** Whether a child's SNILS is required when linking to this school. */
  requiresSnils: /* @__PURE__ */ z.boolean(),
});
/** A school of the registry. */
export type School = z.infer<typeof schoolSchema>;

/** Registry search: by name, region, level and profile, paged. */
export const schoolSearchQuerySchema = /* @__PURE__ */ z.object({
  q: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.string().check(/* @__PURE__ */ z.maxLength(100))),
  region: /* @__PURE__ */ z.optional(
    /* @__PURE__ */ z.string().check(/* @__PURE__ */ z.maxLength(100)),
  ),
  level: /* @__PURE__ */ z.optional(schoolLevelSchema),
  profile: /* @__PURE__ */ z.optional(
    /* @__PURE__ */ z.string().check(/* @__PURE__ */ z.maxLength(100)),
  ),
  ...pageQueryShape,
});

/** A class (form) of a school in a school year, e.g. `5А`. */
export const classSchema = /* @__PURE__ */ z.object({
  id: idSchema,
  schoolId: idSchema,
  name: /* @__PURE__ */ z.string(),
  grade: /* @__PURE__ */ z
    .number()
    .check(/* @__PURE__ */ z.int(), /* @__PURE__ */ z.minimum(1), /* @__PURE__ */ z.maximum(11)),
  schoolYear: schoolYearSchema,
  homeroomTeacherId: /* @__PURE__ */ z.optional(idSchema),
});
/** A class. */
export type SchoolClass = z.infer<typeof classSchema>;

/** A school subject. */
export const subjectSchema = /* @__PURE__ */ z.object({
  id: idSchema,
  name: /* @__PURE__ */ z.string(),
  shortName: /* @__PURE__ */ z.string(),
});
/** A subject. */
export type Subject = z.infer<typeof subjectSchema>;

/** A teacher as families see them. */
export const teacherSchema = /* @__PURE__ */ z.object({
  id: idSchema,
  lastName: /* @__PURE__ */ z.string(),
  firstName: /* @__PURE__ */ z.string(),
  middleName: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.string()),
  subjects: /* @__PURE__ */ z.array(subjectSchema),
  /** When the teacher answers messages, e.g. `Пн–Пт 15:00–17:00`. */
  contactHours: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.string()),
});
/** A teacher. */
export type Teacher = z.infer<typeof teacherSchema>;

/** The link of a child to a school by school code and the student's roster id. */
export const schoolLinkSchema = /* @__PURE__ */ z.object({
  id: idSchema,
  childId: idSchema,
  schoolId: idSchema,
  schoolName: /* @__PURE__ */ z.string(),
  classId: idSchema,
  className: /* @__PURE__ */ z.string(),
  rosterId: /* @__PURE__ */ z.string(),
  linkedAt: timestampSchema,
});
/** A child's link to a school. */
export type SchoolLink = z.infer<typeof schoolLinkSchema>;

/** Linking a child to a school. */
export const schoolLinkInputSchema = /* @__PURE__ */ z.object({
  schoolCode: schoolCodeSchema,
  rosterId: rosterIdSchema,
});
