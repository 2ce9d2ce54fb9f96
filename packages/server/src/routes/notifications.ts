import type { Notification, NotificationKind } from '@school-diary/core';
import type { Selectable } from 'kysely';
import { insertionOrder } from '../db/dialect';
import type { Database } from '../db/schema';
import { notFound } from '../services/domain-error';
import type { Handlers } from '../http/register-routes';
import type { Services } from '../services/context';
import { auditAs } from '../services/policy';

type NotificationRow = Selectable<Database['notifications']>;

function view(row: NotificationRow): Notification {
  return {
    id: row.id,
    kind: row.kind as NotificationKind,
    title: row.title,
    body: row.body,
    childId: row.child_id ?? undefined,
    targetId: row.target_id ?? undefined,
    createdAt: row.created_at,
    readAt: row.read_at ?? undefined,
  };
}

/** The in-app notification feed of the signed-in user. */
export function notificationsHandlers(s: Services): Handlers['notifications'] {
  return {
    // `unread=true` narrows to unread ones; without it (or `false`) the whole feed.
    async list({ query, user }) {
      let q = s.db.selectFrom('notifications').where('user_id', '=', user.id);
      if (query.unread) q = q.where('read_at', 'is', null);
      const { total } = await q
        .select((eb) => eb.fn.countAll<number>().as('total'))
        .executeTakeFirstOrThrow();
      const rows = await q
        .selectAll()
        .orderBy('created_at', 'desc')
        .orderBy(insertionOrder(s.db), 'desc')
        .limit(query.pageSize)
        .offset((query.page - 1) * query.pageSize)
        .execute();
      return {
        items: rows.map(view),
        total: Number(total),
        page: query.page,
        pageSize: query.pageSize,
      };
    },

    async markRead({ params, user, ip }) {
      const row = await s.db
        .selectFrom('notifications')
        .selectAll()
        .where('id', '=', params.notificationId)
        .where('user_id', '=', user.id)
        .executeTakeFirst();
      if (!row) throw notFound();
      if (row.read_at) return view(row);
      const readAt = s.clock.now().toISOString();
      await s.db.transaction().execute(async (trx) => {
        await trx
          .updateTable('notifications')
          .set({ read_at: readAt })
          .where('id', '=', row.id)
          .execute();
        await auditAs(s, trx, { user, ip }, { action: 'notifications.read', target: row.id });
      });
      return view({ ...row, read_at: readAt });
    },

    async markAllRead({ user, ip }) {
      await s.db.transaction().execute(async (trx) => {
        const result = await trx
          .updateTable('notifications')
          .set({ read_at: s.clock.now().toISOString() })
          .where('user_id', '=', user.id)
          .where('read_at', 'is', null)
          .executeTakeFirst();
        const detail = `${result.numUpdatedRows} read`;
        await auditAs(s, trx, { user, ip }, { action: 'notifications.read_all', detail });
      });
      return { ok: true as const };
    },
  };
}
