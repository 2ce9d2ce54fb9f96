import { z } from 'zod/mini';
import {
  dateOrderCheck,
  dateRangeShape,
  idSchema,
  pageQueryShape,
  textSchema,
  timestampSchema,
} from './common';
import { roleSchema } from './user';

/** Support ticket statuses. */
export const TICKET_STATUSES = ['open', 'in_progress', 'answered', 'closed'] as const;

/** A support ticket with its conversation. */
export const ticketSchema = z.object({
  id: idSchema,
  /** Human-facing number, e.g. `ОБР-000017`. */
  number: z.string(),
  authorId: idSchema,
  subject: z.string(),
  status: z.enum(TICKET_STATUSES),
  messages: z.array(
    z.object({
      id: idSchema,
      authorId: idSchema,
      authorRole: roleSchema,
      text: z.string(),
      at: timestampSchema,
    }),
  ),
  createdAt: timestampSchema,
  updatedAt: timestampSchema,
});
/** A support ticket. */
export type Ticket = z.infer<typeof ticketSchema>;

/** Opening a ticket. */
export const ticketInputSchema = z.object({ subject: textSchema(200), text: textSchema(4000) });
/** Replying to a ticket. */
export const ticketReplyInputSchema = z.object({ text: textSchema(4000) });
/** Changing a ticket's status (support staff). */
export const ticketStatusInputSchema = z.object({ status: z.enum(TICKET_STATUSES) });

/** Outcomes recorded in the audit log. */
export const AUDIT_OUTCOMES = ['success', 'failure', 'denied'] as const;

/** One audit log entry: who, role, action, target, when, IP, outcome. */
export const auditEntrySchema = z.object({
  id: idSchema,
  at: timestampSchema,
  actorId: z.optional(idSchema),
  actorRole: z.optional(roleSchema),
  action: z.string(),
  target: z.optional(z.string()),
  ip: z.string(),
  outcome: z.enum(AUDIT_OUTCOMES),
  detail: z.optional(z.string()),
});
/** An audit entry. */
export type AuditEntry = z.infer<typeof auditEntrySchema>;

/** Reading the audit log. */
export const auditQuerySchema = z
  .object({
    ...dateRangeShape,
    action: z.optional(z.string().check(z.maxLength(64))),
    outcome: z.optional(z.enum(AUDIT_OUTCOMES)),
    ...pageQueryShape,
  })
  .check(dateOrderCheck);

/** A message the dev gateway kept instead of sending. */
export const outboxEntrySchema = z.object({
  to: z.string(),
  channel: z.enum(['sms', 'email']),
  text: z.string(),
  sentAt: timestampSchema,
});
