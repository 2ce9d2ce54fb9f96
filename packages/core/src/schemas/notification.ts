import {
  type z,
  boolean,
  enum as enumOf,
  int,
  maximum,
  minimum,
  nullable,
  number,
  object,
  optional,
  partial,
  partialRecord,
  record,
  refine,
  string,
} from 'zod/mini';
import {
  idSchema,
  pageQueryShape,
  queryFlagSchema,
  timeOfDaySchema,
  timestampSchema,
} from './common.js';
import { timeZoneSchema } from './school-setup.js';
import {
  ASSESSMENT_REMINDER_DAYS,
  DIGEST_PERIODS,
  NOTIFICATION_KINDS,
} from './notification-kinds.js';

export * from './notification-kinds.js';

/** Zod schema of a notification kind. */
export const notificationKindSchema = enumOf(NOTIFICATION_KINDS);

/** An in-app notification. */
export const notificationSchema = object({
  id: idSchema,
  kind: notificationKindSchema,
  title: string(),
  body: string(),
  childId: optional(idSchema),
  /** What the notification is about, e.g. a mark's or thread's id. */
  targetId: optional(idSchema),
  createdAt: timestampSchema,
  readAt: optional(timestampSchema),
});
/** A notification. */
export type Notification = z.infer<typeof notificationSchema>;

/** The feed query. */
export const notificationQuerySchema = object({
  unread: optional(queryFlagSchema),
  ...pageQueryShape,
});

const channelFlags = object({
  inApp: boolean(),
  sms: boolean(),
  email: boolean(),
});

const digestPeriodSchema = enumOf(DIGEST_PERIODS);

/**
 * Quiet hours: from `start` to `end` (`HH:MM` in `timeZone`, across midnight when `end` comes
 * first) SMS and e-mail wait and go out when they end; in-app notifications still arrive.
 *
 * @example
 * validate(quietHoursSchema, { start: '22:00', end: '07:00', timeZone: 'Europe/Moscow' });
 */
export const quietHoursSchema = object({
  start: timeOfDaySchema,
  end: timeOfDaySchema,
  timeZone: timeZoneSchema,
}).check(
  refine((q) => q.start !== q.end, {
    path: ['end'],
    params: { code: 'date_order', field: 'quietHours' },
  }),
);
/** Quiet hours of a user's SMS and e-mail. */
export type QuietHours = z.infer<typeof quietHoursSchema>;

/**
 * How many days before a planned test (контрольная, ВПР …) its reminder comes: a whole number
 * from 1 to 7.
 *
 * @example
 * validate(assessmentReminderDaysSchema, 3); // a reminder three days ahead
 */
export const assessmentReminderDaysSchema = number().check(
  int(),
  minimum(ASSESSMENT_REMINDER_DAYS.min),
  maximum(ASSESSMENT_REMINDER_DAYS.max),
);

/**
 * Per kind and channel settings, the digest frequency, the quiet hours (absent: none) and how many
 * days before a planned test its reminder comes.
 */
export const notificationSettingsSchema = object({
  kinds: record(notificationKindSchema, channelFlags),
  digest: digestPeriodSchema,
  quietHours: optional(quietHoursSchema),
  assessmentReminderDays: assessmentReminderDaysSchema,
});
/** Notification settings. */
export type NotificationSettings = z.infer<typeof notificationSettingsSchema>;

/** Changing settings: only what is given changes. */
export const notificationSettingsPatchSchema = object({
  kinds: optional(partialRecord(notificationKindSchema, partial(channelFlags))),
  digest: optional(digestPeriodSchema),
  /** New quiet hours, or `null` to turn them off. */
  quietHours: optional(nullable(quietHoursSchema)),
  /** Days before a planned test its reminder comes (1–7). */
  assessmentReminderDays: optional(assessmentReminderDaysSchema),
});
