import {
  type z,
  boolean,
  enum as enumOf,
  object,
  optional,
  partial,
  partialRecord,
  record,
  string,
} from 'zod/mini';
import { idSchema, pageQueryShape, queryFlagSchema, timestampSchema } from './common.js';

/** What a notification is about. */
export const NOTIFICATION_KINDS = [
  'mark',
  'homework',
  'homework_overdue',
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
/** Zod schema of a notification kind. */
export const notificationKindSchema = enumOf(NOTIFICATION_KINDS);

/** Channels a notification can go through. */
export const CHANNELS = ['inApp', 'sms', 'email'] as const;

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

/** How often a parent gets a digest of their children's marks. */
export const DIGEST_PERIODS = ['none', 'daily', 'weekly', 'monthly'] as const;
const digestPeriodSchema = enumOf(DIGEST_PERIODS);

/** Per kind and channel settings, and the digest frequency. */
export const notificationSettingsSchema = object({
  kinds: record(notificationKindSchema, channelFlags),
  digest: digestPeriodSchema,
});
/** Notification settings. */
export type NotificationSettings = z.infer<typeof notificationSettingsSchema>;

/** Changing settings: only what is given changes. */
export const notificationSettingsPatchSchema = object({
  kinds: optional(partialRecord(notificationKindSchema, partial(channelFlags))),
  digest: optional(digestPeriodSchema),
});
