import { z } from 'zod/mini';
import { idSchema, pageQueryShape, queryFlagSchema, timestampSchema } from './common';

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
export const notificationKindSchema = /* @__PURE__ */ z.enum(NOTIFICATION_KINDS);

/** Channels a notification can go through. */
export const CHANNELS = ['inApp', 'sms', 'email'] as const;

/** An in-app notification. */
export const notificationSchema = /* @__PURE__ */ z.object({
  id: idSchema,
  kind: notificationKindSchema,
  title: /* @__PURE__ */ z.string(),
  body: /* @__PURE__ */ z.string(),
  childId: /* @__PURE__ */ z.optional(idSchema),
  /** What the notification is about, e.g. a mark's or thread's id. */
  targetId: /* @__PURE__ */ z.optional(idSchema),
  createdAt: timestampSchema,
  readAt: /* @__PURE__ */ z.optional(timestampSchema),
});
/** A notification. */
export type Notification = z.infer<typeof notificationSchema>;

/** The feed query. */
export const notificationQuerySchema = /* @__PURE__ */ z.object({
  unread: /* @__PURE__ */ z.optional(queryFlagSchema),
  ...pageQueryShape,
});

const channelFlags = /* @__PURE__ */ z.object({
  inApp: /* @__PURE__ */ z.boolean(),
  sms: /* @__PURE__ */ z.boolean(),
  email: /* @__PURE__ */ z.boolean(),
});

/** Per kind and channel settings, and the digest frequency. */
export const notificationSettingsSchema = /* @__PURE__ */ z.object({
  kinds: /* @__PURE__ */ z.record(notificationKindSchema, channelFlags),
  digest: /* @__PURE__ */ z.enum(['none', 'weekly', 'monthly']),
});
/** Notification settings. */
export type NotificationSettings = z.infer<typeof notificationSettingsSchema>;

/** Changing settings: only what is given changes. */
export const notificationSettingsPatchSchema = /* @__PURE__ */ z.object({
  kinds: /* @__PURE__ */ z.optional(
    /* @__PURE__ */ z.partialRecord(
      notificationKindSchema,
      /* @__PURE__ */ z.partial(channelFlags),
    ),
  ),
  digest: /* @__PURE__ */ z.optional(/* @__PURE__ */ z.enum(['none', 'weekly', 'monthly'])),
});
