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
export const applicationStatusSchema = /* @__PURE__ */ enumOf(APPLICATION_STATUSES);

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
export const applicationSchema = /* @__PURE__ */ object({
  id: idSchema,
  /** Human-facing unique number, e.g. `ЭД-2026-000042`. */
  number: /* @__PURE__ */ string(),
  childId: idSchema,
  schoolId: idSchema,
  schoolYear: schoolYearSchema,
  status: applicationStatusSchema,
  rejectionReason: /* @__PURE__ */ optional(/* @__PURE__ */ string()),
  history: /* @__PURE__ */ array(
    /* @__PURE__ */ object({
      status: applicationStatusSchema,
      at: timestampSchema,
      reason: /* @__PURE__ */ optional(/* @__PURE__ */ string()),
    }),
  ),
  createdAt: timestampSchema,
  updatedAt: timestampSchema,
});
/** An application. */
export type Application = z.infer<typeof applicationSchema>;

/** Applying for the diary service. */
export const applicationInputSchema = /* @__PURE__ */ object({
  childId: idSchema,
  schoolYear: schoolYearSchema,
});

/** The school moves an application on (checking, ready, rejected with a reason). */
export const applicationStatusInputSchema = /* @__PURE__ */ object({
  status: /* @__PURE__ */ enumOf(['checking', 'ready', 'rejected']),
  reason: /* @__PURE__ */ optional(
    /* @__PURE__ */ string().check(/* @__PURE__ */ minLength(1), /* @__PURE__ */ maxLength(500)),
  ),
});

/** Listing applications. */
export const applicationQuerySchema = /* @__PURE__ */ object({
  status: /* @__PURE__ */ optional(applicationStatusSchema),
  childId: /* @__PURE__ */ optional(idSchema),
});
