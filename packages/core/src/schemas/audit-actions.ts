import { enum as enumOf } from 'zod/mini';

/**
 * Every action the server records in the audit log, by what an admin looks for: signing in and
 * the account, children and families, the journal, the school's setup and timetable, imports,
 * and messages. A code is `group.operation`; the server cannot record a code missing here.
 *
 * @example
 * AUDIT_ACTION_GROUPS.families.includes('applications.set_status'); // true
 */
export const AUDIT_ACTION_GROUPS = {
  signIn: [
    'auth.login',
    'auth.verify',
    'auth.wrong_code',
    'auth.lockout',
    'auth.logout',
    'auth.register',
    'auth.identity_confirmed',
    'auth.password_change',
    'auth.password_reset',
    'auth.recovery_start',
    'auth.phone_change_start',
    'auth.phone_change',
    'auth.profile_update',
    'auth.session_revoked',
    'auth.other_sessions_revoked',
    'auth.refresh_reuse',
    'auth.handoff_start',
    'auth.handoff_claim',
    'auth.handoff_confirm',
    'auth.handoff_decline',
    'auth.handoff_redeem',
    'auth.oidc_callback',
    'auth.oidc_signin',
    'auth.oidc_link',
    'auth.oidc_unlink',
    'security.new_device',
    'security.ip_blocked',
  ],
  families: [
    'children.create',
    'children.update',
    'children.confirm',
    'children.link_school',
    'children.unlink_school',
    'children.school_change_start',
    'children.guardian_claim',
    'children.merge',
    'admin.guardian_approved',
    'admin.find_user',
    'admin.identity_confirmed_in_person',
    'applications.create',
    'applications.withdraw',
    'applications.set_status',
    'applications.activate',
  ],
  journal: [
    'marks.create',
    'marks.update',
    'marks.delete',
    'final_marks.set',
    'attendance.record',
    'absences.report',
    'absences.acknowledge',
    'assessment.create',
    'assessment.update',
    'assessment.cancel',
    'homework.create',
    'homework.update',
    'homework.remove',
    'attachments.upload',
    'portfolio.create',
    'portfolio.update',
    'portfolio.remove',
    'portfolio.comment',
    'notes.create',
    'notes.update',
    'notes.remove',
    'thresholds.set',
    'thresholds.remove',
  ],
  schoolSetup: [
    'setup.school_created',
    'setup.profile',
    'setup.school_year',
    'setup.school_year_update',
    'setup.school_year_remove',
    'setup.holidays',
    'setup.class',
    'setup.class_update',
    'setup.class_remove',
    'setup.subject',
    'setup.subject_update',
    'setup.subject_remove',
    'setup.teaching',
    'setup.staff_invite',
    'setup.roster_add',
    'setup.roster_move',
    'setup.roster_leave',
    'setup.bells',
    'setup.rounding',
    'setup.timetable_template',
    'setup.timetable_generate',
    'schedule.set_week',
    'schedule.substitute',
    'schedule.cancel_substitution',
  ],
  imports: ['import.apply'],
  messages: [
    'news.publish',
    'news.remove',
    'threads.create',
    'threads.send',
    'threads.read',
    'notifications.read',
    'notifications.read_all',
    'notifications.settings',
    'support.create',
    'support.reply',
    'support.set_status',
  ],
} as const;

/** A group of audit actions, as the audit log's filter offers them. */
export type AuditActionGroup = keyof typeof AUDIT_ACTION_GROUPS;

/** An action code the audit log records, e.g. `auth.login` or `applications.set_status`. */
export type AuditAction = (typeof AUDIT_ACTION_GROUPS)[AuditActionGroup][number];

/** Every audit action code, group by group in {@link AUDIT_ACTION_GROUPS}'s order. */
export const AUDIT_ACTIONS: readonly AuditAction[] = Object.values(AUDIT_ACTION_GROUPS).flat();

/** An audit action code: one of {@link AUDIT_ACTIONS}. */
export const auditActionSchema = enumOf(AUDIT_ACTIONS as [AuditAction, ...AuditAction[]]);

/**
 * Whether a string is an audit action code.
 *
 * @example
 * isAuditAction('auth.login'); // true
 */
export function isAuditAction(value: unknown): value is AuditAction {
  return (AUDIT_ACTIONS as readonly unknown[]).includes(value);
}
