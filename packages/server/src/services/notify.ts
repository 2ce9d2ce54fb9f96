import type { NotificationKind } from '@school-diary/core';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import type { Services } from './context';

/** What to tell a user. */
export interface NotifyInput {
  readonly userId: string;
  readonly kind: NotificationKind;
  readonly title: string;
  readonly body: string;
  readonly childId?: string | null;
  /** What the notification is about (an application, a ticket …). */
  readonly targetId?: string | null;
  /** Also send the body by SMS to the user's phone. */
  readonly sms?: boolean;
}

/**
 * Tells a user about something: always an in-app notification row, and an SMS when asked.
 * With `sms` call it after the write's transaction has committed: the gateway writes through
 * its own connection, and SQLite has only one, so sending inside a transaction would wait forever.
 *
 * @example
 * await notify(s, s.db, { userId, kind: 'support', title: 'Ответ на обращение', body: text });
 */
export async function notify(
  s: Services,
  db: Kysely<Database>,
  input: NotifyInput,
): Promise<string> {
  if (input.sms && db.isTransaction) {
    throw new Error('notify: send SMS after the transaction has committed');
  }
  const id = s.ids('ntf');
  await db
    .insertInto('notifications')
    .values({
      id,
      user_id: input.userId,
      kind: input.kind,
      title: input.title,
      body: input.body,
      child_id: input.childId ?? null,
      target_id: input.targetId ?? null,
      created_at: s.clock.now().toISOString(),
      read_at: null,
    })
    .execute();
  if (input.sms) await sendSms(s, db, input.userId, `${input.title}. ${input.body}`);
  return id;
}

async function sendSms(
  s: Services,
  db: Kysely<Database>,
  userId: string,
  text: string,
): Promise<void> {
  const user = await db
    .selectFrom('users')
    .select('phone')
    .where('id', '=', userId)
    .executeTakeFirst();
  if (user) await s.gateway.send({ to: user.phone, channel: 'sms', text });
}
