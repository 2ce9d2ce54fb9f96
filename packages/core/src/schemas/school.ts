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
import { rosterIdSchema, schoolCodeSchema } from './identifiers.js';
import { idSchema, pageQueryShape, schoolYearSchema, timestampSchema } from './common.js';

/** Levels of general education a school offers. */
export const SCHOOL_LEVELS = ['primary', 'basic', 'secondary'] as const;
/** Zod schema of a school level. */
export const schoolLevelSchema = enumOf(SCHOOL_LEVELS);

/** An entry of the school registry. */
export const schoolSchema = object({
  id: idSchema,
  code: string(),
  name: string(),
  shortName: string(),
  region: string(),
  address: string(),
  levels: array(schoolLevelSchema),
  profiles: array(string()),
  diaryConnected: boolean(),
  /** IANA time zone of the school, e.g. `Europe/Moscow`. */
  timeZone: string(),
  /** Whether a child's SNILS is required when linking to this school. */
  requiresSnils: boolean(),
});
/** A school of the registry. */
export type School = z.infer<typeof schoolSchema>;

/** Registry search: by name, region, level and profile, paged. */
export const schoolSearchQuerySchema = object({
  q: optional(string().check(maxLength(100))),
  region: optional(string().check(maxLength(100))),
  level: optional(schoolLevelSchema),
  profile: optional(string().check(maxLength(100))),
  ...pageQueryShape,
});

/** A class (form) of a school in a school year, e.g. `5А`. */
export const classSchema = object({
  id: idSchema,
  schoolId: idSchema,
  name: string(),
  grade: number().check(int(), minimum(1), maximum(11)),
  schoolYear: schoolYearSchema,
  homeroomTeacherId: optional(idSchema),
  /**
   * The subjects the signed-in teacher teaches in the class, by name: only in a teacher's own
   * list (`classes.list`), so a journal can offer the teacher each class and subject.
   */
  subjects: optional(array(object({ id: idSchema, name: string() }))),
});
/** A class. */
export type SchoolClass = z.infer<typeof classSchema>;

/** A school subject. */
export const subjectSchema = object({
  id: idSchema,
  name: string(),
  shortName: string(),
});
/** A subject. */
export type Subject = z.infer<typeof subjectSchema>;

/** A teacher as families see them. */
export const teacherSchema = object({
  id: idSchema,
  lastName: string(),
  firstName: string(),
  middleName: optional(string()),
  subjects: array(subjectSchema),
  /** When the teacher answers messages, e.g. `Пн–Пт 15:00–17:00`. */
  contactHours: optional(string()),
});
/** A teacher. */
export type Teacher = z.infer<typeof teacherSchema>;

/** The link of a child to a school by school code and the student's roster id. */
export const schoolLinkSchema = object({
  id: idSchema,
  childId: idSchema,
  schoolId: idSchema,
  schoolName: string(),
  classId: idSchema,
  className: string(),
  rosterId: string(),
  linkedAt: timestampSchema,
});
/** A child's link to a school. */
export type SchoolLink = z.infer<typeof schoolLinkSchema>;

/** Linking a child to a school. */
export const schoolLinkInputSchema = object({
  schoolCode: schoolCodeSchema,
  rosterId: rosterIdSchema,
});
