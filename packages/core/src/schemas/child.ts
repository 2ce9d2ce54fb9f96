import { type z, array, enum as enumOf, literal, object, optional, string, union } from 'zod/mini';
import { birthCertificateSchema } from '../identifiers/birth-certificate.js';
import { birthDateSchema, isoDateSchema } from '../identifiers/birth-date.js';
import { innSchema } from '../identifiers/inn.js';
import {
  firstNameSchema,
  lastNameSchema,
  optionalMiddleNameSchema,
} from '../identifiers/person-name.js';
import { snilsSchema } from '../identifiers/snils.js';
import { idSchema, timestampSchema } from './common.js';
import { challengeSchema } from './user.js';

/** Sex as recorded in civil documents. */
export const SEXES = ['male', 'female'] as const;
/** Zod schema of sex. */
export const sexSchema = /* @__PURE__ */ enumOf(SEXES);

/** A child card is confirmed by an SMS code before it can be linked to a school. */
export const CHILD_STATUSES = ['pending_confirmation', 'confirmed'] as const;

/** A parent of a child as the school's staff see them: a name and a phone to call. */
export const guardianSchema = /* @__PURE__ */ object({
  lastName: /* @__PURE__ */ string(),
  firstName: /* @__PURE__ */ string(),
  middleName: /* @__PURE__ */ optional(/* @__PURE__ */ string()),
  phone: /* @__PURE__ */ string(),
});
/** A guardian's contact. */
export type Guardian = z.infer<typeof guardianSchema>;

/**
 * A child as the API shows it. Each role gets only what it needs: the family and the school's
 * admin see the documents (SNILS, INN, birth certificate); a teacher never does, and sees the
 * guardians' contacts instead (as does the admin).
 */
export const childSchema = /* @__PURE__ */ object({
  id: idSchema,
  lastName: /* @__PURE__ */ string(),
  firstName: /* @__PURE__ */ string(),
  middleName: /* @__PURE__ */ optional(/* @__PURE__ */ string()),
  birthDate: isoDateSchema,
  sex: sexSchema,
  snils: /* @__PURE__ */ optional(/* @__PURE__ */ string()),
  inn: /* @__PURE__ */ optional(/* @__PURE__ */ string()),
  birthCertificate: /* @__PURE__ */ optional(/* @__PURE__ */ string()),
  status: /* @__PURE__ */ enumOf(CHILD_STATUSES),
  /** The class the child studies in, once linked to a school. */
  classId: /* @__PURE__ */ optional(idSchema),
  schoolId: /* @__PURE__ */ optional(idSchema),
  /** The parents' names and phones, for the school's staff only. */
  guardians: /* @__PURE__ */ optional(/* @__PURE__ */ array(guardianSchema)),
  createdAt: timestampSchema,
});
/** A child. */
export type Child = z.infer<typeof childSchema>;

/**
 * A new child card. Names, birth date, SNILS, INN and birth certificate are checked by core's
 * validators; empty optional identifiers are dropped.
 */
export const childInputSchema = /* @__PURE__ */ object({
  lastName: lastNameSchema,
  firstName: firstNameSchema,
  middleName: optionalMiddleNameSchema,
  birthDate: birthDateSchema(),
  sex: sexSchema,
  snils: /* @__PURE__ */ optional(
    /* @__PURE__ */ union([/* @__PURE__ */ literal(''), snilsSchema]),
  ),
  inn: /* @__PURE__ */ optional(/* @__PURE__ */ union([/* @__PURE__ */ literal(''), innSchema])),
  birthCertificate: /* @__PURE__ */ optional(
    /* @__PURE__ */ union([/* @__PURE__ */ literal(''), birthCertificateSchema]),
  ),
});
/** Child input as typed. */
export type ChildInput = z.input<typeof childInputSchema>;

/** The created (unconfirmed) child and its SMS challenge. */
export const childCreatedSchema = /* @__PURE__ */ object({
  child: childSchema,
  challenge: challengeSchema,
});

/** Finding a child among the parent's records by surname, first name and date of birth. */
export const childSearchQuerySchema = /* @__PURE__ */ object({
  lastName: lastNameSchema,
  firstName: firstNameSchema,
  birthDate: birthDateSchema(),
});

/**
 * A second parent's claim to a child already registered by another (the same SNILS on a new
 * card): the school confirms it before the claimant sees anything of the child.
 */
export const guardianClaimSchema = /* @__PURE__ */ object({
  id: idSchema,
  childId: idSchema,
  childName: /* @__PURE__ */ string(),
  parentId: idSchema,
  parentName: /* @__PURE__ */ string(),
  parentPhone: /* @__PURE__ */ string(),
  status: /* @__PURE__ */ enumOf(['pending', 'approved']),
  createdAt: timestampSchema,
});
/** A claim to be a child's second guardian. */
export type GuardianClaim = z.infer<typeof guardianClaimSchema>;
