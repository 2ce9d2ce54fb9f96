import { z } from 'zod/mini';
import { rosterIdSchema, schoolCodeSchema } from '../school-code';
import { idSchema, pageQueryShape, schoolYearSchema, timestampSchema } from './common';

/** Levels of general education a school offers. */
export const SCHOOL_LEVELS = ['primary', 'basic', 'secondary'] as const;
/** Zod schema of a school level. */
export const schoolLevelSchema = z.enum(SCHOOL_LEVELS);

/** An entry of the school registry. */
export const schoolSchema = z.object({
  id: idSchema,
  code: z.string(),
  name: z.string(),
  shortName: z.string(),
  region: z.string(),
  address: z.string(),
  levels: z.array(schoolLevelSchema),
  profiles: z.array(z.string()),
  diaryConnected: z.boolean(),
  /** IANA time zone of the school, e.g. `Europe/Moscow`. */
  timeZone: z.string(),
  /** Whether a child's SNILS is required when linking to this school. */
  requiresSnils: z.boolean(),
});
/** A school of the registry. */
export type School = z.infer<typeof schoolSchema>;

/** Registry search: by name, region, level and profile, paged. */
export const schoolSearchQuerySchema = z.object({
  q: z.optional(z.string().check(z.maxLength(100))),
  region: z.optional(z.string().check(z.maxLength(100))),
  level: z.optional(schoolLevelSchema),
  profile: z.optional(z.string().check(z.maxLength(100))),
  ...pageQueryShape,
});

/** A class (form) of a school in a school year, e.g. `5А`. */
export const classSchema = z.object({
  id: idSchema,
  schoolId: idSchema,
  name: z.string(),
  grade: z.number().check(z.int(), z.minimum(1), z.maximum(11)),
  schoolYear: schoolYearSchema,
  homeroomTeacherId: z.optional(idSchema),
});
/** A class. */
export type SchoolClass = z.infer<typeof classSchema>;

/** A school subject. */
export const subjectSchema = z.object({ id: idSchema, name: z.string(), shortName: z.string() });
/** A subject. */
export type Subject = z.infer<typeof subjectSchema>;

/** A teacher as families see them. */
export const teacherSchema = z.object({
  id: idSchema,
  lastName: z.string(),
  firstName: z.string(),
  middleName: z.optional(z.string()),
  subjects: z.array(subjectSchema),
  /** When the teacher answers messages, e.g. `Пн–Пт 15:00–17:00`. */
  contactHours: z.optional(z.string()),
});
/** A teacher. */
export type Teacher = z.infer<typeof teacherSchema>;

/** The link of a child to a school by school code and the student's roster id. */
export const schoolLinkSchema = z.object({
  id: idSchema,
  childId: idSchema,
  schoolId: idSchema,
  schoolName: z.string(),
  classId: idSchema,
  className: z.string(),
  rosterId: z.string(),
  linkedAt: timestampSchema,
});
/** A child's link to a school. */
export type SchoolLink = z.infer<typeof schoolLinkSchema>;

/** Linking a child to a school. */
export const schoolLinkInputSchema = z.object({
  schoolCode: schoolCodeSchema,
  rosterId: rosterIdSchema,
});
