import { type z, _default, array, enum as enumOf, meta, object, optional, string } from 'zod/mini';
import { ruleCheck } from './rule.js';
import { attachmentIdsSchema, attachmentSchema } from './attachment.js';
import { idSchema, textSchema, timestampSchema } from './common.js';
import { roleSchema } from './user.js';

/** Support ticket statuses. */
export const TICKET_STATUSES = ['open', 'in_progress', 'answered', 'closed'] as const;

/** A support ticket's status. */
export type TicketStatus = (typeof TICKET_STATUSES)[number];

/** The number of a diary application, `ЭД-2026-000042`. */
export const applicationNumberSchema = string().check(
  ruleCheck((v: string) => (/^ЭД-\d{4}-\d{6}$/.test(v.trim()) ? null : 'format'), {
    field: 'applicationNumber',
  }),
  meta({ pattern: '^ЭД-\\d{4}-\\d{6}$' }),
);

/** A support ticket with its conversation. */
export const ticketSchema = object({
  id: idSchema,
  /** Human-facing number, e.g. `ОБР-000017`. */
  number: string(),
  authorId: idSchema,
  subject: string(),
  status: enumOf(TICKET_STATUSES),
  /** The school whose admins answer it (absent only on tickets from before routing). */
  schoolId: optional(idSchema),
  /** The application the ticket is about, if the author named one. */
  applicationNumber: optional(string()),
  messages: array(
    object({
      id: idSchema,
      authorId: idSchema,
      authorRole: roleSchema,
      text: string(),
      at: timestampSchema,
      attachments: array(attachmentSchema),
    }),
  ),
  createdAt: timestampSchema,
  updatedAt: timestampSchema,
});
/** A support ticket. */
export type Ticket = z.infer<typeof ticketSchema>;

/**
 * Opening a ticket. It goes to the admins of the author's school; a parent whose children are
 * linked to no school names the school (`schoolId`) whose admins should answer.
 */
export const ticketInputSchema = object({
  subject: textSchema(200),
  text: textSchema(4000),
  applicationNumber: optional(applicationNumberSchema),
  schoolId: optional(idSchema),
  attachmentIds: _default(attachmentIdsSchema, []),
});
/** Replying to a ticket. */
export const ticketReplyInputSchema = object({
  text: textSchema(4000),
  attachmentIds: _default(attachmentIdsSchema, []),
});
/** Changing a ticket's status (support staff). */
export const ticketStatusInputSchema = object({
  status: enumOf(TICKET_STATUSES),
});

/** What a kept message is for: the purpose of the one-time code it carries, or a notification. */
export const OUTBOX_PURPOSES = [
  'login',
  'identity',
  'child',
  'recovery',
  'phone',
  'school',
  'notification',
] as const;
/** What a kept message is for. */
export type OutboxPurpose = (typeof OUTBOX_PURPOSES)[number];

/**
 * A message the dev gateway kept instead of sending. A one-time code's message carries the
 * `code` and its `challengeId` (the one `auth.login` and the like answered with).
 */
export const outboxEntrySchema = object({
  to: string(),
  channel: enumOf(['sms', 'email']),
  text: string(),
  sentAt: timestampSchema,
  purpose: enumOf(OUTBOX_PURPOSES),
  code: optional(string()),
  challengeId: optional(idSchema),
});
