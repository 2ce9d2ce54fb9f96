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
import { DIGEST_PERIODS, NOTIFICATION_KINDS } from './notification-kinds.js';

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
