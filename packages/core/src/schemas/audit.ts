import { type z, enum as enumOf, object, optional, string } from 'zod/mini';
import { auditActionSchema } from './audit-actions.js';
import {
  dateOrderCheck,
  dateRangeShape,
  idSchema,
  pageQueryShape,
  timestampSchema,
} from './common.js';
import { roleSchema } from './user.js';

/** Outcomes recorded in the audit log. */
export const AUDIT_OUTCOMES = ['success', 'failure', 'denied'] as const;

/** One audit log entry: who (id, name and role), action, target, when, IP, outcome. */
export const auditEntrySchema = object({
  id: idSchema,
  at: timestampSchema,
  actorId: optional(idSchema),
  /** The actor's surname and initials, `Кириллова Н. П.`, while their account exists. */
  actorName: optional(string()),
  actorRole: optional(roleSchema),
  action: auditActionSchema,
  target: optional(string()),
  ip: string(),
  outcome: enumOf(AUDIT_OUTCOMES),
  detail: optional(string()),
});
/** An audit entry. */
export type AuditEntry = z.infer<typeof auditEntrySchema>;

/** Reading the audit log. */
export const auditQuerySchema = object({
  ...dateRangeShape,
  action: optional(auditActionSchema),
  outcome: optional(enumOf(AUDIT_OUTCOMES)),
  ...pageQueryShape,
}).check(dateOrderCheck);
