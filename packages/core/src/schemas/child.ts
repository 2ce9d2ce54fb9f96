import { z } from 'zod/mini';
import { birthCertificateSchema } from '../birth-certificate';
import { birthDateSchema } from '../birth-date';
import { innSchema } from '../inn';
import { firstNameSchema, lastNameSchema, optionalMiddleNameSchema } from '../person-name';
import { snilsSchema } from '../snils';
import { dateSchema, idSchema, timestampSchema } from './common';
import { challengeSchema } from './user';

/** Sex as recorded in civil documents. */
export const SEXES = ['male', 'female'] as const;
/** Zod schema of sex. */
export const sexSchema = /* @__PURE__ */ z.enum(SEXES);

/** A child card is confirmed by an SMS code before it can be linked to a school. */
export const CHILD_STATUSES = ['pending_confirmation', 'confirmed'] as const;

/** A child as the API shows it. */
export const childSchema = /* @__PURE__ */ z.object({
  id: idSchema,
  lastName: /* @__PURE__ */ z.string(),
  firstName: /* @__PURE__ */ z.string(),
  middleName: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.string()),
  birthDate: dateSchema,
  sex: sexSchema,
  snils: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.string()),
  inn: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.string()),
  birthCertificate: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.string()),
  status: /* @__PURE__ */ z.enum(CHILD_STATUSES),
  /** The class the child studies in, once linked to a school. */
  classId: /* @__PURE__ */ z.optional(idSchema),
  schoolId: /* @__PURE__ */ z.optional(idSchema),
  createdAt: timestampSchema,
});
/** A child. */
export type Child = z.infer<typeof childSchema>;

/**
 * A new child card. Names, birth date, SNILS, INN and birth certificate are checked by core's
 * validators; empty optional identifiers are dropped.
 */
export const childInputSchema = /* @__PURE__ */ z.object({
  lastName: lastNameSchema,
  firstName: firstNameSchema,
  middleName: optionalMiddleNameSchema,
  birthDate: birthDateSchema(),
  sex: sexSchema,
  snils: /* @__PURE__ */ z.optional(
    /* @__PURE__ */ z.union([/* @__PURE__ */ z.literal(''), snilsSchema]),
  ),
  inn: /* @__PURE__ */ z.optional(
    /* @__PURE__ */ z.union([/* @__PURE__ */ z.literal(''), innSchema]),
  ),
  birthCertificate: /* @__PURE__ */ z.optional(
    /* @__PURE__ */ z.union([/* @__PURE__ */ z.literal(''), birthCertificateSchema]),
  ),
});
/** Child input as typed. */
export type ChildInput = z.input<typeof childInputSchema>;

/** The created (unconfirmed) child and its SMS challenge. */
export const childCreatedSchema = /* @__PURE__ */ z.object({
  child: childSchema,
  challenge: challengeSchema,
});

/** Finding a child among the parent's records by surname, first name and date of birth. */
export const childSearchQuerySchema = /* @__PURE__ */ z.object({
  lastName: lastNameSchema,
  firstName: firstNameSchema,
  birthDate: birthDateSchema(),
});
