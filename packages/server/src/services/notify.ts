import type { Notification, NotificationKind } from '@school-diary/core';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import type { Services } from './context';
import { channelsFor } from './notification-settings';
import { quietUntil, readQuietHours } from './quiet-hours';

/** What to tell a user. */
export interface NotifyInput {
  readonly userId: string;
  readonly kind: NotificationKind;
  readonly title: string;
  readonly body: string;
  readonly childId?: string | null;
  /** What the notification is about (an application, a ticket …). */
  readonly targetId?: string | null;
  /** The title and body in English, for SMS and e-mail to a user whose language is English. */
  readonly en?: { readonly title: string; readonly body: string };
}

/** Thrown when SMS or e-mail would be lost: a gateway that is not transactional, inside a write. */
export class DeliveryOutsideCommitError extends Error {
  readonly code = 'delivery_outside_commit';
  constructor() {
    super('notify: this gateway sends SMS and e-mail only after the transaction has committed');
  }
}

/**
 * Tells a user about something, through exactly the channels their settings (or the defaults,
 * see `defaultChannels`) turn on for the kind: an in-app notification with a
 * `notification.created` live event, an SMS to their phone, an e-mail to their address. Callers
 * never choose channels; the user does. During the user's quiet hours SMS and e-mail are queued
 * to go out when the hours end (the in-app notification arrives at once). With the outbox gateway (a transactional one) SMS and
 * e-mail are queued in `db`'s transaction, so they go out if and only if the write commits.
 * Another gateway cannot do that: inside a transaction it throws rather than drop the message,
 * so with it call `notify` after the commit.
 * Returns the in-app notification's id, or null when the user turned in-app off for the kind.
 *
 * @example
 * await notify(s, trx, { userId, kind: 'support', title: 'Ответ на обращение', body: text });
 */
export async function notify(
  s: Services,
  db: Kysely<Database>,
  input: NotifyInput,
): Promise<string | null> {
  const channels = await channelsFor(db, input.userId, input.kind);
  if ((channels.sms || channels.email) && db.isTransaction && !s.gateway.transactional) {
    throw new DeliveryOutsideCommitError();
  }
  const id = channels.inApp ? await addInAppNotification(s, db, input) : null;
  const text = `${input.title}. ${input.body}`;
  const en = input.en ? `${input.en.title}. ${input.en.body}` : undefined;
  const texts = { text, ...(en ? { en } : {}) };
  if (channels.sms) await sendToUser(s, db, input.userId, { channel: 'sms', ...texts });
  if (channels.email) await sendToUser(s, db, input.userId, { channel: 'email', ...texts });
  return id;
}

/**
 * Writes an in-app notification row and publishes it live to the user; settings are not
 * consulted (callers do). Works inside the write's transaction.
 */
export async function addInAppNotification(
  s: Services,
  db: Kysely<Database>,
  input: NotifyInput,
): Promise<string> {
  const notification: Notification = {
    id: s.ids('ntf'),
    kind: input.kind,
    title: input.title,
    body: input.body,
    ...(input.childId ? { childId: input.childId } : {}),
    ...(input.targetId ? { targetId: input.targetId } : {}),
    createdAt: s.clock.now().toISOString(),
  };
  await db
    .insertInto('notifications')
    .values({
      id: notification.id,
      user_id: input.userId,
      kind: input.kind,
      title: input.title,
      body: input.body,
      child_id: input.childId ?? null,
      target_id: input.targetId ?? null,
      created_at: notification.createdAt,
      read_at: null,
    })
    .execute();
  await s.live.publish(db, {
    recipients: [input.userId],
    type: 'notification.created',
    childId: input.childId ?? null,
    data: notification,
  });
  return notification.id;
}

/**
 * Sends a text to a user's phone (SMS) or e-mail address through the gateway, in the user's
 * language (the `en` text to a user whose language is English, when there is one); false when
 * the user has no address for the channel. Inside a transaction only with a transactional
 * gateway (see {@link notify}). During the user's quiet hours the message is queued to go out
 * when they end.
 */
export async function sendToUser(
  s: Services,
  db: Kysely<Database>,
  userId: string,
  message: { readonly channel: 'sms' | 'email'; readonly text: string; readonly en?: string },
): Promise<boolean> {
  const user = await db
    .selectFrom('users')
    .select(['phone', 'email', 'lang'])
    .where('id', '=', userId)
    .executeTakeFirst();
  const to = message.channel === 'sms' ? user?.phone : user?.email;
  if (!to) return false;
  const lang = user?.lang === 'en' ? 'en' : 'ru';
  const text = lang === 'en' && message.en ? message.en : message.text;
  const quiet = await readQuietHours(db, userId);
  const until = quiet ? quietUntil(quiet, s.clock.now()) : null;
  const when = until ? { notBefore: until.toISOString() } : {};
  await s.gateway.send({ to, channel: message.channel, text, lang, ...when }, db);
  return true;
}
