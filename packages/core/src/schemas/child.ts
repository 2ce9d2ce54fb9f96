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
export const sexSchema = z.enum(SEXES);

/** A child card is confirmed by an SMS code before it can be linked to a school. */
export const CHILD_STATUSES = ['pending_confirmation', 'confirmed'] as const;

/** A child as the API shows it. */
export const childSchema = z.object({
  id: idSchema,
  lastName: z.string(),
  firstName: z.string(),
  middleName: z.optional(z.string()),
  birthDate: dateSchema,
  sex: sexSchema,
  snils: z.optional(z.string()),
  inn: z.optional(z.string()),
  birthCertificate: z.optional(z.string()),
  status: z.enum(CHILD_STATUSES),
  /** The class the child studies in, once linked to a school. */
  classId: z.optional(idSchema),
  schoolId: z.optional(idSchema),
  createdAt: timestampSchema,
});
/** A child. */
export type Child = z.infer<typeof childSchema>;

/**
 * A new child card. Names, birth date, SNILS, INN and birth certificate are checked by core's
 * validators; empty optional identifiers are dropped.
 */
export const childInputSchema = z.object({
  lastName: lastNameSchema,
  firstName: firstNameSchema,
  middleName: optionalMiddleNameSchema,
  birthDate: birthDateSchema(),
  sex: sexSchema,
  snils: z.optional(z.union([z.literal(''), snilsSchema])),
  inn: z.optional(z.union([z.literal(''), innSchema])),
  birthCertificate: z.optional(z.union([z.literal(''), birthCertificateSchema])),
});
/** Child input as typed. */
export type ChildInput = z.input<typeof childInputSchema>;

/** The created (unconfirmed) child and its SMS challenge. */
export const childCreatedSchema = z.object({ child: childSchema, challenge: challengeSchema });

/** Finding a child among the parent's records by surname, first name and date of birth. */
export const childSearchQuerySchema = z.object({
  lastName: lastNameSchema,
  firstName: firstNameSchema,
  birthDate: birthDateSchema(),
});
