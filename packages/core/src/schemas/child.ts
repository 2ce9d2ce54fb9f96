import { type z, array, enum as enumOf, literal, object, optional, string, union } from 'zod/mini';
import {
  birthCertificateSchema,
  birthDateSchema,
  firstNameSchema,
  innSchema,
  isoDateSchema,
  lastNameSchema,
  optionalMiddleNameSchema,
  snilsSchema,
} from './identifiers.js';
import { idSchema, timestampSchema } from './common.js';
import { challengeSchema } from './user.js';

/** Sex as recorded in civil documents. */
export const SEXES = ['male', 'female'] as const;
/** Zod schema of sex. */
export const sexSchema = enumOf(SEXES);

/** A child card is confirmed by an SMS code before it can be linked to a school. */
export const CHILD_STATUSES = ['pending_confirmation', 'confirmed'] as const;

/** A parent of a child as the school's staff see them: a name and a phone to call. */
export const guardianSchema = object({
  lastName: string(),
  firstName: string(),
  middleName: optional(string()),
  phone: string(),
});
/** A guardian's contact. */
export type Guardian = z.infer<typeof guardianSchema>;

/**
 * A child as the API shows it. Each role gets only what it needs: the family and the school's
 * admin see the documents (SNILS, INN, birth certificate); a teacher never does, and sees the
 * guardians' contacts instead (as does the admin).
 */
export const childSchema = object({
  id: idSchema,
  lastName: string(),
  firstName: string(),
  middleName: optional(string()),
  birthDate: isoDateSchema,
  sex: sexSchema,
  snils: optional(string()),
  inn: optional(string()),
  birthCertificate: optional(string()),
  status: enumOf(CHILD_STATUSES),
  /** The class the child studies in, once linked to a school. */
  classId: optional(idSchema),
  schoolId: optional(idSchema),
  /** The parents' names and phones, for the school's staff only. */
  guardians: optional(array(guardianSchema)),
  createdAt: timestampSchema,
});
/** A child. */
export type Child = z.infer<typeof childSchema>;

/**
 * A new child card. Names, birth date, SNILS, INN and birth certificate are checked by core's
 * validators; empty optional identifiers are dropped.
 */
export const childInputSchema = object({
  lastName: lastNameSchema,
  firstName: firstNameSchema,
  middleName: optionalMiddleNameSchema,
  birthDate: birthDateSchema(),
  sex: sexSchema,
  snils: optional(union([literal(''), snilsSchema])),
  inn: optional(union([literal(''), innSchema])),
  birthCertificate: optional(union([literal(''), birthCertificateSchema])),
});
/** Child input as typed. */
export type ChildInput = z.input<typeof childInputSchema>;

/** The created (unconfirmed) child and its SMS challenge. */
export const childCreatedSchema = object({
  child: childSchema,
  challenge: challengeSchema,
});

/** Finding a child among the parent's records by surname, first name and date of birth. */
export const childSearchQuerySchema = object({
  lastName: lastNameSchema,
  firstName: firstNameSchema,
  birthDate: birthDateSchema(),
});

/**
 * A second parent's claim to a child already registered by another (the same SNILS on a new
 * card): the school confirms it before the claimant sees anything of the child.
 */
export const guardianClaimSchema = object({
  id: idSchema,
  childId: idSchema,
  childName: string(),
  parentId: idSchema,
  parentName: string(),
  parentPhone: string(),
  status: enumOf(['pending', 'approved']),
  createdAt: timestampSchema,
});
/** A claim to be a child's second guardian. */
export type GuardianClaim = z.infer<typeof guardianClaimSchema>;
