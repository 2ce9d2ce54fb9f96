import type { NotificationKind, NotificationSettings } from './notification.js';
import { ASSESSMENT_REMINDER_DAYS, NOTIFICATION_KINDS } from './notification-kinds.js';

/** The channels of one kind of notification. */
export type ChannelFlags = NotificationSettings['kinds'][NotificationKind];

/** Kinds worth an SMS to a parent unless they say otherwise: they need action or change today's plans. */
const SMS_BY_DEFAULT: ReadonlySet<NotificationKind> = new Set([
  'application_status',
  'substitution',
  'threshold',
]);

/** Kinds nobody gets until they turn them on: a reminder some families want and others do not. */
const OFF_BY_DEFAULT: ReadonlySet<NotificationKind> = new Set(['homework_overdue']);

/**
 * What a user gets for a kind they never changed: nothing for the reminders they turn on
 * themselves (overdue homework); otherwise in-app always; SMS for urgent kinds to parents
 * (a child's or a teacher's phone is not pinged unasked); e-mail only for the digest, whose long
 * text is written for it (sent when the user has an address).
 *
 * @example
 * defaultChannels('substitution', 'parent'); // { inApp: true, sms: true, email: false }
 */
export function defaultChannels(kind: NotificationKind, role: string): ChannelFlags {
  if (OFF_BY_DEFAULT.has(kind)) return { inApp: false, sms: false, email: false };
  const sms = role === 'parent' && SMS_BY_DEFAULT.has(kind);
  return { inApp: true, sms, email: kind === 'digest' };
}

/**
 * The digest a user gets until they choose: weekly for parents (it is about their children).
 *
 * @example
 * defaultDigest('teacher'); // 'none'
 */
export function defaultDigest(role: string): NotificationSettings['digest'] {
  return role === 'parent' ? 'weekly' : 'none';
}

/**
 * A user's settings before they change anything.
 *
 * @example
 * defaultNotificationSettings('parent').kinds.threshold; // { inApp: true, sms: true, email: false }
 */
export function defaultNotificationSettings(role: string): NotificationSettings {
  const kinds = Object.fromEntries(
    NOTIFICATION_KINDS.map((kind) => [kind, defaultChannels(kind, role)]),
  ) as NotificationSettings['kinds'];
  return {
    kinds,
    digest: defaultDigest(role),
    assessmentReminderDays: ASSESSMENT_REMINDER_DAYS.default,
  };
}
