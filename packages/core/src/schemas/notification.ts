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
export const notificationKindSchema = /* @__PURE__ */ enumOf(NOTIFICATION_KINDS);

/** Channels a notification can go through. */
export const CHANNELS = ['inApp', 'sms', 'email'] as const;

/** An in-app notification. */
export const notificationSchema = /* @__PURE__ */ object({
  id: idSchema,
  kind: notificationKindSchema,
  title: /* @__PURE__ */ string(),
  body: /* @__PURE__ */ string(),
  childId: /* @__PURE__ */ optional(idSchema),
  /** What the notification is about, e.g. a mark's or thread's id. */
  targetId: /* @__PURE__ */ optional(idSchema),
  createdAt: timestampSchema,
  readAt: /* @__PURE__ */ optional(timestampSchema),
});
/** A notification. */
export type Notification = z.infer<typeof notificationSchema>;

/** The feed query. */
export const notificationQuerySchema = /* @__PURE__ */ object({
  unread: /* @__PURE__ */ optional(queryFlagSchema),
  ...pageQueryShape,
});

const channelFlags = /* @__PURE__ */ object({
  inApp: /* @__PURE__ */ boolean(),
  sms: /* @__PURE__ */ boolean(),
  email: /* @__PURE__ */ boolean(),
});

/** Per kind and channel settings, and the digest frequency. */
export const notificationSettingsSchema = /* @__PURE__ */ object({
  kinds: /* @__PURE__ */ record(notificationKindSchema, channelFlags),
  digest: /* @__PURE__ */ enumOf(['none', 'weekly', 'monthly']),
});
/** Notification settings. */
export type NotificationSettings = z.infer<typeof notificationSettingsSchema>;

/** Changing settings: only what is given changes. */
export const notificationSettingsPatchSchema = /* @__PURE__ */ object({
  kinds: /* @__PURE__ */ optional(
    /* @__PURE__ */ partialRecord(notificationKindSchema, /* @__PURE__ */ partial(channelFlags)),
  ),
  digest: /* @__PURE__ */ optional(/* @__PURE__ */ enumOf(['none', 'weekly', 'monthly'])),
});
