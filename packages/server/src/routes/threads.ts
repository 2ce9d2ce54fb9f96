import type { Routes } from '@school-diary/core';
import { sql } from 'kysely';
import { DomainError, fieldError, notFound } from '../services/domain-error';
import type { Handlers, RequestContext } from '../http/register-routes';
import { claimAttachments } from '../services/attachments';
import {
  messageViews,
  preview,
  threadViews,
  unreadCountSql,
  type MessageRow,
  type ThreadRow,
} from '../services/chat-views';
import type { AuthUser, Services } from '../services/context';
import { notify } from '../services/notify';
import { auditAs } from '../services/policy';
import { openThread } from '../services/thread-open';

type Caller = { readonly user: AuthUser; readonly ip: string };
type MessageInput = RequestContext<Routes['threads']['send']>['body'];

/** The thread if the caller is its teacher or its family member; 404 for anyone else. */
async function memberThread(s: Services, user: AuthUser, threadId: string): Promise<ThreadRow> {
  const row = await s.db
    .selectFrom('threads')
    .selectAll()
    .where('id', '=', threadId)
    .where((eb) => eb.or([eb('teacher_id', '=', user.id), eb('participant_id', '=', user.id)]))
    .executeTakeFirst();
  if (!row) throw notFound();
  return row;
}

/** The position of a message in a thread by its id, or a 400 on `path`. */
async function messageSeq(
  s: Services,
  threadId: string,
  id: string,
  path: string,
): Promise<number> {
  const row = await s.db
    .selectFrom('messages')
    .select('seq')
    .where('thread_id', '=', threadId)
    .where('id', '=', id)
    .orderBy('seq')
    .executeTakeFirst();
  if (!row) throw fieldError(path, 'invalid_option');
  return row.seq;
}

/** Stores a message (or finds the one this id already made) inside one transaction. */
async function storeMessage(
  s: Services,
  caller: Caller,
  thread: ThreadRow,
  body: MessageInput,
): Promise<{ row: MessageRow; created: boolean }> {
  const { user } = caller;
  return s.db.transaction().execute(async (trx) => {
    const mine = await trx
      .selectFrom('messages')
      .selectAll()
      .where('author_id', '=', user.id)
      .where('id', '=', body.id)
      .executeTakeFirst();
    if (mine) {
      // The same id for another thread is a client bug, not a retry.
      if (mine.thread_id !== thread.id) throw new DomainError('conflict');
      return { row: mine, created: false };
    }
    const taken = await trx
      .selectFrom('messages')
      .select('seq')
      .where('thread_id', '=', thread.id)
      .where('id', '=', body.id)
      // Another author's: a copy of this very message committed since the look above (possible on
      // PostgreSQL) fails the insert below instead, and the retried transaction returns it.
      .where('author_id', '!=', user.id)
      .executeTakeFirst();
    if (taken) throw new DomainError('conflict');
    const now = s.clock.now().toISOString();
    const inserted = await trx
      .insertInto('messages')
      .values({
        id: body.id,
        thread_id: thread.id,
        author_id: user.id,
        author_role: user.role,
        text: body.text.trim(),
        sent_at: now,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    const ids = [...new Set(body.attachmentIds)];
    await claimAttachments(trx, {
      ids,
      ownerId: user.id,
      target: 'message',
      path: 'attachmentIds',
    });
    if (ids.length > 0) {
      await trx
        .insertInto('message_attachments')
        .values(
          ids.map((id, position) => ({ message_seq: inserted.seq, attachment_id: id, position })),
        )
        .execute();
    }
    await trx
      .updateTable('threads')
      .set({ last_message_at: now })
      .where('id', '=', thread.id)
      .execute();
    await auditAs(s, trx, caller, { action: 'threads.send', target: thread.id, detail: body.id });
    const [message] = await messageViews(trx, [inserted]);
    if (message) {
      await s.live.publish(trx, {
        recipients: [thread.teacher_id, thread.participant_id],
        type: 'message.created',
        childId: thread.child_id,
        data: message,
      });
    }
    return { row: inserted, created: true };
  });
}

/** A user's unread messages: the total and each thread that has any. */
async function unreadOf(s: Services, userId: string) {
  const rows = await s.db
    .selectFrom('threads')
    .select('id')
    .select(unreadCountSql(userId).as('unread'))
    .where((eb) => eb.or([eb('teacher_id', '=', userId), eb('participant_id', '=', userId)]))
    .orderBy('id')
    .execute();
  const threads = rows
    .filter((r) => Number(r.unread) > 0)
    .map((r) => ({ threadId: r.id, unreadCount: Number(r.unread) }));
  return { total: threads.reduce((sum, t) => sum + t.unreadCount, 0), threads };
}

/** Chat between a family member and a teacher about a child. */
export function threadsHandlers(s: Services): Handlers['threads'] {
  return {
    async list({ query, user }) {
      let q = s.db
        .selectFrom('threads')
        .selectAll()
        .where(user.role === 'teacher' ? 'teacher_id' : 'participant_id', '=', user.id);
      if (query.childId) q = q.where('child_id', '=', query.childId);
      const rows = await q
        .orderBy(sql`coalesce(last_message_at, created_at)`, 'desc')
        .orderBy('id')
        .execute();
      return { items: await threadViews(s.db, user.id, rows) };
    },

    async create({ body, user, ip }) {
      const row = await openThread(s, { user, ip }, body);
      const [thread] = await threadViews(s.db, user.id, [row]);
      if (!thread) throw notFound();
      return thread;
    },

    async messages({ params, query, user }) {
      const thread = await memberThread(s, user, params.threadId);
      let q = s.db.selectFrom('messages').selectAll().where('thread_id', '=', thread.id);
      if (query.before)
        q = q.where('seq', '<', await messageSeq(s, thread.id, query.before, 'before'));
      const rows = await q
        .orderBy('seq', 'desc')
        .limit(query.limit + 1)
        .execute();
      const page = rows.slice(0, query.limit).reverse();
      return { items: await messageViews(s.db, page), hasMore: rows.length > query.limit };
    },

    async send({ params, body, user, ip }) {
      const thread = await memberThread(s, user, params.threadId);
      const { row, created } = await storeMessage(s, { user, ip }, thread, body);
      const [message] = await messageViews(s.db, [row]);
      if (!message) throw notFound();
      if (created) {
        const to = user.id === thread.teacher_id ? thread.participant_id : thread.teacher_id;
        const text = preview(message.text, message.attachments[0]?.name);
        await notify(s, s.db, {
          userId: to,
          kind: 'message',
          title: `Новое сообщение — ${message.authorName}`,
          body: text,
          en: { title: `New message — ${message.authorName}`, body: text },
          childId: thread.child_id,
          targetId: thread.id,
        });
      }
      return message;
    },

    async read({ params, body, user, ip }) {
      const thread = await memberThread(s, user, params.threadId);
      const upTo = await messageSeq(s, thread.id, body.upToMessageId, 'upToMessageId');
      const now = s.clock.now().toISOString();
      await s.db.transaction().execute(async (trx) => {
        const result = await trx
          .insertInto('message_reads')
          .columns(['message_seq', 'user_id', 'read_at'])
          .expression((eb) =>
            eb
              .selectFrom('messages')
              .select((e) => ['seq', e.val(user.id).as('user_id'), e.val(now).as('read_at')])
              .where('thread_id', '=', thread.id)
              .where('seq', '<=', upTo)
              .where('author_id', '!=', user.id),
          )
          .onConflict((oc) => oc.doNothing())
          .executeTakeFirst();
        if (Number(result.numInsertedOrUpdatedRows ?? 0) === 0) return;
        await auditAs(s, trx, { user, ip }, { action: 'threads.read', target: thread.id });
        const data = { threadId: thread.id, userId: user.id, upToMessageId: body.upToMessageId };
        await s.live.publish(trx, {
          recipients: [thread.teacher_id, thread.participant_id],
          type: 'message.read',
          childId: thread.child_id,
          data,
        });
      });
      return unreadOf(s, user.id);
    },

    async unread({ user }) {
      return unreadOf(s, user.id);
    },
  };
}
