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
import { idSchema, schoolYearSchema, timestampSchema } from './common.js';

/** Application lifecycle: submitted → checking → ready → active, or rejected with a reason. */
export const APPLICATION_STATUSES = [
  'submitted',
  'checking',
  'ready',
  'active',
  'rejected',
] as const;
/** An application status. */
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];
/** Zod schema of an application status. */
export const applicationStatusSchema = enumOf(APPLICATION_STATUSES);

/** Which status may follow which, and who moves it there. */
export const APPLICATION_TRANSITIONS: Readonly<
  Record<ApplicationStatus, readonly ApplicationStatus[]>
> = {
  submitted: ['checking', 'rejected'],
  checking: ['ready', 'rejected'],
  ready: ['active', 'rejected'],
  active: [],
  rejected: [],
};

/** Whether an application may move from one status to another. */
export function canTransition(from: ApplicationStatus, to: ApplicationStatus): boolean {
  return APPLICATION_TRANSITIONS[from].includes(to);
}

/** An application for the diary service for a school year. */
export const applicationSchema = object({
  id: idSchema,
  /** Human-facing unique number, e.g. `ЭД-2026-000042`. */
  number: string(),
  childId: idSchema,
  schoolId: idSchema,
  schoolYear: schoolYearSchema,
  status: applicationStatusSchema,
  rejectionReason: optional(string()),
  history: array(
    object({
      status: applicationStatusSchema,
      at: timestampSchema,
      reason: optional(string()),
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
