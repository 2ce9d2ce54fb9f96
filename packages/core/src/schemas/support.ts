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
export const ticketSchema = /* @__PURE__ */ z.object({
  id: idSchema,
  /** Human-facing number, e.g. `ОБР-000017`. */
  number: /* @__PURE__ */ z.string(),
  authorId: idSchema,
  subject: /* @__PURE__ */ z.string(),
  status: /* @__PURE__ */ z.enum(TICKET_STATUSES),
  messages: /* @__PURE__ */ z.array(
    /* @__PURE__ */ z.object({
      id: idSchema,
      authorId: idSchema,
      authorRole: roleSchema,
      text: /* @__PURE__ */ z.string(),
      at: timestampSchema,
    }),
  ),
  createdAt: timestampSchema,
  updatedAt: timestampSchema,
});
/** A support ticket. */
export type Ticket = z.infer<typeof ticketSchema>;

/** Opening a ticket. */
export const ticketInputSchema = /* @__PURE__ */ z.object({
  subject: /* @__PURE__ */ textSchema(200),
  text: /* @__PURE__ */ textSchema(4000),
});
/** Replying to a ticket. */
export const ticketReplyInputSchema = /* @__PURE__ */ z.object({
  text: /* @__PURE__ */ textSchema(4000),
});
/** Changing a ticket's status (support staff). */
export const ticketStatusInputSchema = /* @__PURE__ */ z.object({
  status: /* @__PURE__ */ z.enum(TICKET_STATUSES),
});

/** Outcomes recorded in the audit log. */
export const AUDIT_OUTCOMES = ['success', 'failure', 'denied'] as const;

/** One audit log entry: who, role, action, target, when, IP, outcome. */
export const auditEntrySchema = /* @__PURE__ */ z.object({
  id: idSchema,
  at: timestampSchema,
  actorId: /* @__PURE__ */ z.optional(idSchema),
  actorRole: /* @__PURE__ */ z.optional(roleSchema),
  action: /* @__PURE__ */ z.string(),
  target: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.string()),
  ip: /* @__PURE__ */ z.string(),
  outcome: /* @__PURE__ */ z.enum(AUDIT_OUTCOMES),
  detail: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.string()),
});
/** An audit entry. */
export type AuditEntry = z.infer<typeof auditEntrySchema>;

/** Reading the audit log. */
export const auditQuerySchema = /* @__PURE__ */ z
  .object({
    ...dateRangeShape,
    action: /* @__PURE__ */ z.optional(
      /* @__PURE__ */ z.string().check(/* @__PURE__ */ z.maxLength(64)),
    ),
    outcome: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.enum(AUDIT_OUTCOMES)),
    ...pageQueryShape,
  })
  .check(dateOrderCheck);

/** A message the dev gateway kept instead of sending. */
export const outboxEntrySchema = /* @__PURE__ */ z.object({
  to: /* @__PURE__ */ z.string(),
  channel: /* @__PURE__ */ z.enum(['sms', 'email']),
  text: /* @__PURE__ */ z.string(),
  sentAt: timestampSchema,
});
