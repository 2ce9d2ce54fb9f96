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
import type { MessageTexts } from '../messages/messages.js';
import { idSchema, schoolYearSchema, timestampSchema } from './common.js';

/**
 * Application lifecycle: submitted → checking → ready → active, or rejected with a reason by the
 * school, or withdrawn when the parent unlinks the child from the school (or changes school) —
 * an open application and an active one alike.
 */
export const APPLICATION_STATUSES = [
  'submitted',
  'checking',
  'ready',
  'active',
  'rejected',
  'withdrawn',
] as const;
/** An application status. */
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];
/** Zod schema of an application status. */
export const applicationStatusSchema = enumOf(APPLICATION_STATUSES);

/**
 * Which status may follow which. The school moves an application to checking, ready or rejected,
 * the parent activates a ready one; only the end of the child's link to the school withdraws one.
 * Rejected and withdrawn are final.
 */
export const APPLICATION_TRANSITIONS: Readonly<
  Record<ApplicationStatus, readonly ApplicationStatus[]>
> = {
  submitted: ['checking', 'rejected', 'withdrawn'],
  checking: ['ready', 'rejected', 'withdrawn'],
  ready: ['active', 'rejected', 'withdrawn'],
  active: ['withdrawn'],
  rejected: [],
  withdrawn: [],
};

/** Whether an application may move from one status to another. */
export function canTransition(from: ApplicationStatus, to: ApplicationStatus): boolean {
  return APPLICATION_TRANSITIONS[from].includes(to);
}

/** Why an application was withdrawn: the parent unlinked the child from the school. */
export const APPLICATION_WITHDRAWAL_REASONS = ['child_unlinked'] as const;
/** A reason of a withdrawal. */
export type ApplicationWithdrawalReason = (typeof APPLICATION_WITHDRAWAL_REASONS)[number];

/**
 * The words of each withdrawal reason, for the timeline and the notifications.
 *
 * @example
 * APPLICATION_WITHDRAWAL_TEXTS.child_unlinked.en; // 'parent unlinked the child'
 */
export const APPLICATION_WITHDRAWAL_TEXTS: Readonly<
  Record<ApplicationWithdrawalReason, MessageTexts>
> = {
  child_unlinked: { ru: 'родитель отвязал ребёнка от школы', en: 'parent unlinked the child' },
};

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
