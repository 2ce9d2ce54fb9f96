// The lists of notification kinds, channels and digest periods: plain data without zod, so that a
// settings form can list them without loading the schemas (notification.ts builds those on them).

/** What a notification is about. */
export const NOTIFICATION_KINDS = [
  'mark',
  'homework',
  'homework_overdue',
  'assessment',
  'substitution',
  'message',
  'application_status',
  'threshold',
  'news',
  'portfolio',
  'support',
  'digest',
] as const;
/** A notification kind. */
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];
/** Channels a notification can go through. */
export const CHANNELS = ['inApp', 'sms', 'email'] as const;

/** How often a parent gets a digest of their children's marks. */
export const DIGEST_PERIODS = ['none', 'daily', 'weekly', 'monthly'] as const;

/**
 * How many days before a planned test its reminder comes: from 1 (the day before, the default)
 * to 7 (a week ahead).
 */
export const ASSESSMENT_REMINDER_DAYS = { min: 1, max: 7, default: 1 } as const;
