import {
  type z,
  array,
  enum as enumOf,
  maxLength,
  minLength,
  object,
  optional,
  string,
} from 'zod/mini';
import { APPLICATION_STATUSES, APPLICATION_WITHDRAWAL_REASONS } from './application-lifecycle.js';
import { idSchema, schoolYearSchema, timestampSchema } from './common.js';

export * from './application-lifecycle.js';

/** Zod schema of an application status. */
export const applicationStatusSchema = enumOf(APPLICATION_STATUSES);

/** An application for the diary service for a school year. */
export const applicationSchema = object({
  id: idSchema,
  /** Human-facing unique number, e.g. `ЭД-2026-000042`. */
  number: string(),
  childId: idSchema,
  schoolId: idSchema,
  schoolYear: schoolYearSchema,
  /**
   * The pupil's number on the school's roster that the parent linked the child with: how the
   * school's queue finds the pupil the application is for. Absent when the link has ended.
   */
  rosterId: optional(string()),
  status: applicationStatusSchema,
  rejectionReason: optional(string()),
  history: array(
    object({
      status: applicationStatusSchema,
      at: timestampSchema,
      reason: optional(string()),
      /** Why a withdrawn step was taken (its words: `APPLICATION_WITHDRAWAL_TEXTS`). */
      reasonCode: optional(enumOf(APPLICATION_WITHDRAWAL_REASONS)),
    }),
  ),
  createdAt: timestampSchema,
  updatedAt: timestampSchema,
});
/** An application. */
export type Application = z.infer<typeof applicationSchema>;

/** Applying for the diary service. */
export const applicationInputSchema = object({
  childId: idSchema,
  schoolYear: schoolYearSchema,
});

/** The school moves an application on (checking, ready, rejected with a reason). */
export const applicationStatusInputSchema = object({
  status: enumOf(['checking', 'ready', 'rejected']),
  reason: optional(string().check(minLength(1), maxLength(500))),
});

/** Listing applications. */
export const applicationQuerySchema = object({
  status: optional(applicationStatusSchema),
  childId: optional(idSchema),
});
