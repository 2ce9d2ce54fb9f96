import { type z, array, enum as enumOf, maxLength, object, optional, string } from 'zod/mini';
import {
  dateOrderCheck,
  dateRangeShape,
  idSchema,
  pageQueryShape,
  textSchema,
  timestampSchema,
} from './common.js';
import { roleSchema } from './user.js';

/** Support ticket statuses. */
export const TICKET_STATUSES = ['open', 'in_progress', 'answered', 'closed'] as const;

/** A support ticket with its conversation. */
export const ticketSchema = /* @__PURE__ */ object({
  id: idSchema,
  /** Human-facing number, e.g. `ОБР-000017`. */
  number: /* @__PURE__ */ string(),
  authorId: idSchema,
  subject: /* @__PURE__ */ string(),
  status: /* @__PURE__ */ enumOf(TICKET_STATUSES),
  messages: /* @__PURE__ */ array(
    /* @__PURE__ */ object({
      id: idSchema,
      authorId: idSchema,
      authorRole: roleSchema,
      text: /* @__PURE__ */ string(),
      at: timestampSchema,
    }),
  ),
  createdAt: timestampSchema,
  updatedAt: timestampSchema,
});
/** A support ticket. */
export type Ticket = z.infer<typeof ticketSchema>;

/** Opening a ticket. */
export const ticketInputSchema = /* @__PURE__ */ object({
  subject: /* @__PURE__ */ textSchema(200),
  text: /* @__PURE__ */ textSchema(4000),
});
/** Replying to a ticket. */
export const ticketReplyInputSchema = /* @__PURE__ */ object({
  text: /* @__PURE__ */ textSchema(4000),
});
/** Changing a ticket's status (support staff). */
export const ticketStatusInputSchema = /* @__PURE__ */ object({
  status: /* @__PURE__ */ enumOf(TICKET_STATUSES),
});

/** Outcomes recorded in the audit log. */
export const AUDIT_OUTCOMES = ['success', 'failure', 'denied'] as const;

/** One audit log entry: who, role, action, target, when, IP, outcome. */
export const auditEntrySchema = /* @__PURE__ */ object({
  id: idSchema,
  at: timestampSchema,
  actorId: /* @__PURE__ */ optional(idSchema),
  actorRole: /* @__PURE__ */ optional(roleSchema),
  action: /* @__PURE__ */ string(),
  target: /* @__PURE__ */ optional(/* @__PURE__ */ string()),
  ip: /* @__PURE__ */ string(),
  outcome: /* @__PURE__ */ enumOf(AUDIT_OUTCOMES),
  detail: /* @__PURE__ */ optional(/* @__PURE__ */ string()),
});
/** An audit entry. */
export type AuditEntry = z.infer<typeof auditEntrySchema>;

/** Reading the audit log. */
export const auditQuerySchema = /* @__PURE__ */ object({
  ...dateRangeShape,
  action: /* @__PURE__ */ optional(/* @__PURE__ */ string().check(/* @__PURE__ */ maxLength(64))),
  outcome: /* @__PURE__ */ optional(/* @__PURE__ */ enumOf(AUDIT_OUTCOMES)),
  ...pageQueryShape,
}).check(dateOrderCheck);

/** What a kept message is for: the purpose of the one-time code it carries, or a notification. */
export const OUTBOX_PURPOSES = ['login', 'identity', 'child', 'recovery', 'notification'] as const;
/** What a kept message is for. */
export type OutboxPurpose = (typeof OUTBOX_PURPOSES)[number];

/**
 * A message the dev gateway kept instead of sending. A one-time code's message carries the
 * `code` and its `challengeId` (the one `auth.login` and the like answered with).
 */
export const outboxEntrySchema = /* @__PURE__ */ object({
  to: /* @__PURE__ */ string(),
  channel: /* @__PURE__ */ enumOf(['sms', 'email']),
  text: /* @__PURE__ */ string(),
  sentAt: timestampSchema,
  purpose: /* @__PURE__ */ enumOf(OUTBOX_PURPOSES),
  code: /* @__PURE__ */ optional(/* @__PURE__ */ string()),
  challengeId: /* @__PURE__ */ optional(idSchema),
});
