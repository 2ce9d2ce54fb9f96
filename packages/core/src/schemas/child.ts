import {
  type z,
  array,
  enum as enumOf,
  literal,
  object,
  optional,
  partial,
  refine,
  string,
  union,
} from 'zod/mini';
import {
  birthCertificateSchema,
  birthDateSchema,
  firstNameSchema,
  innSchema,
  lastNameSchema,
  optionalMiddleNameSchema,
  rosterIdSchema,
  schoolCodeSchema,
  snilsSchema,
} from './identifiers.js';
import { idSchema, isoDateSchema, timestampSchema } from './common.js';
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
  /** Left out on a pupil's record the school made from its roster, until a family's card joins it. */
  sex: optional(sexSchema),
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

/**
 * A change to a child card: any of the card's fields, checked exactly as on a new card. An empty
 * middle name or identifier removes it; a field left out stays as it is.
 */
export const childUpdateSchema = partial(childInputSchema);
/** A change to a child card as typed. */
export type ChildUpdate = z.input<typeof childUpdateSchema>;

/** What a change of the child's schools does. */
export const SCHOOL_CHANGE_KINDS = ['link', 'unlink', 'change'] as const;

type SchoolChangeFields = { kind: string; linkId?: string; schoolCode?: string; rosterId?: string };

/** `required` on `field` when the change's kind needs it. */
const needs = (kinds: readonly string[], field: 'linkId' | 'schoolCode' | 'rosterId') =>
  refine<SchoolChangeFields>((v) => !kinds.includes(v.kind) || v[field] !== undefined, {
    path: [field],
    params: { code: 'required' },
  });

/**
 * A change of the child's schools, confirmed by an SMS code to the parent's phone before it is
 * made: `link` to a school (school code and the student's roster id), `unlink` from one (the
 * link's id), or `change`: leave one link for a new school in one step.
 */
export const schoolChangeInputSchema = object({
  kind: enumOf(SCHOOL_CHANGE_KINDS),
  linkId: optional(idSchema),
  schoolCode: optional(schoolCodeSchema),
  rosterId: optional(rosterIdSchema),
}).check(
  needs(['unlink', 'change'], 'linkId'),
  needs(['link', 'change'], 'schoolCode'),
  needs(['link', 'change'], 'rosterId'),
);
/** A change of schools as typed. */
export type SchoolChangeInput = z.input<typeof schoolChangeInputSchema>;

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
