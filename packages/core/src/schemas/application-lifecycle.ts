// The application lifecycle as plain data without zod, so that a widget can name statuses and
// reasons without loading the schemas (application.ts builds those on them).
import type { MessageTexts } from '../messages/messages.js';

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
