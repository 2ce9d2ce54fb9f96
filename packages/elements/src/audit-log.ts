export { DiaryAuditLog, type AuditOutcome } from './audit-log/diary-audit-log';
export { AUDIT_ACTION_WORDS, type AuditActionCode } from './audit-log/audit-log-text';
