import type { Notification, NotificationKind } from '@school-diary/core';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import type { Services } from './context';
import { channelsFor } from './notification-settings';

/** What to tell a user. */
export interface NotifyInput {
  readonly userId: string;
  readonly kind: NotificationKind;
  readonly title: string;
  readonly body: string;
  readonly childId?: string | null;
  /** What the notification is about (an application, a ticket …). */
  readonly targetId?: string | null;
  /** This kind may go by SMS: it is sent when the user's settings for the kind also allow it. */
  readonly sms?: boolean;
  /** The title and body in English, for SMS and e-mail to a user whose language is English. */
  readonly en?: { readonly title: string; readonly body: string };
}

/**
 * Tells a user about something, through the channels their settings allow for the kind: an
 * in-app notification (with a `notification.created` live event) when in-app is on; outside a
 * transaction also an SMS (when the caller marks the kind as SMS-worthy and the user wants SMS)
 * and an e-mail (when the user wants e-mail and has an address). With the outbox gateway (a
 * transactional one) SMS and e-mail are queued in the caller's transaction, so they go out if
 * and only if the write commits; with another gateway only the in-app part happens inside a
 * transaction, and a call with `sms` must come after the commit.
 * Returns the in-app notification's id, or null when the user turned in-app off for the kind.
 *
 * @example
 * await notify(s, s.db, { userId, kind: 'support', title: 'Ответ на обращение', body: text });
 */
export async function notify(
  s: Services,
  db: Kysely<Database>,
  input: NotifyInput,
): Promise<string | null> {
  // A transactional gateway (the outbox) queues with the write; any other sends after the commit.
  const inTransaction = db.isTransaction && !s.gateway.transactional;
  if (input.sms && inTransaction) {
    throw new Error('notify: send SMS after the transaction has committed');
  }
  const channels = await channelsFor(db, input.userId, input.kind);
  const id = channels.inApp ? await addInAppNotification(s, db, input) : null;
  if (inTransaction) return id;
  const text = `${input.title}. ${input.body}`;
  const en = input.en ? `${input.en.title}. ${input.en.body}` : undefined;
  const texts = { text, ...(en ? { en } : {}) };
  if (input.sms && channels.sms)
    await sendToUser(s, db, input.userId, { channel: 'sms', ...texts });
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
  input: Omit<NotifyInput, 'sms'>,
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
 * the user has no address for the channel. Never inside a transaction (see {@link notify}).
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
  await s.gateway.send({ to, channel: message.channel, text, lang }, db);
  return true;
}
