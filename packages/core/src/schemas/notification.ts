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
export const notificationKindSchema = z.enum(NOTIFICATION_KINDS);

/** Channels a notification can go through. */
export const CHANNELS = ['inApp', 'sms', 'email'] as const;

/** An in-app notification. */
export const notificationSchema = z.object({
  id: idSchema,
  kind: notificationKindSchema,
  title: z.string(),
  body: z.string(),
  childId: z.optional(idSchema),
  /** What the notification is about, e.g. a mark's or thread's id. */
  targetId: z.optional(idSchema),
  createdAt: timestampSchema,
  readAt: z.optional(timestampSchema),
});
/** A notification. */
export type Notification = z.infer<typeof notificationSchema>;

/** The feed query. */
export const notificationQuerySchema = z.object({
  unread: z.optional(queryFlagSchema),
  ...pageQueryShape,
});

const channelFlags = z.object({ inApp: z.boolean(), sms: z.boolean(), email: z.boolean() });

/** Per kind and channel settings, and the digest frequency. */
export const notificationSettingsSchema = z.object({
  kinds: z.record(notificationKindSchema, channelFlags),
  digest: z.enum(['none', 'weekly', 'monthly']),
});
/** Notification settings. */
export type NotificationSettings = z.infer<typeof notificationSettingsSchema>;

/** Changing settings: only what is given changes. */
export const notificationSettingsPatchSchema = z.object({
  kinds: z.optional(z.partialRecord(notificationKindSchema, z.partial(channelFlags))),
  digest: z.optional(z.enum(['none', 'weekly', 'monthly'])),
});
