import { newsInputProblems, type NewsItem } from '@school-diary/core';
import type { Selectable } from 'kysely';
import type { Database } from '../db/schema';
import { DomainError, notFound } from '../services/domain-error';
import type { Handlers } from '../http/register-routes';
import { preview } from '../services/chat-views';
import type { AuthUser, Services } from '../services/context';
import { notify } from '../services/notify';
import { assertAdminOf, auditAs } from '../services/policy';

type NewsRow = Selectable<Database['news']>;

function view(row: NewsRow): NewsItem {
  return {
    id: row.id,
    schoolId: row.school_id,
    kind: row.kind as NewsItem['kind'],
    title: row.title,
    body: row.body,
    publishedAt: row.published_at,
    ...(row.event_date ? { eventDate: row.event_date } : {}),
    ...(row.start_time ? { startTime: row.start_time } : {}),
    ...(row.end_time ? { endTime: row.end_time } : {}),
    ...(row.location ? { location: row.location } : {}),
    ...(row.image_url && row.image_alt
      ? { image: { url: row.image_url, alt: row.image_alt } }
      : {}),
  };
}

/** Staff read their own school's news; families the news of their children's schools. */
async function assertReader(s: Services, user: AuthUser, schoolId: string): Promise<void> {
  switch (user.role) {
    case 'teacher':
    case 'school_admin':
      if (user.schoolId !== schoolId) throw notFound();
      return;
    case 'parent':
    case 'student': {
      let q = s.db.selectFrom('children').select('id').where('school_id', '=', schoolId);
      q =
        user.role === 'student'
          ? q.where('student_user_id', '=', user.id)
          : q.where('id', 'in', (eb) =>
              eb.selectFrom('parent_children').select('child_id').where('parent_id', '=', user.id),
            );
      if (!(await q.executeTakeFirst())) throw notFound();
    }
  }
}

/** In-app news for every parent with a child at the school (after the commit). */
async function notifyParents(s: Services, row: NewsRow): Promise<void> {
  const school = await s.db
    .selectFrom('schools')
    .select('short_name')
    .where('id', '=', row.school_id)
    .executeTakeFirstOrThrow();
  const parents = await s.db
    .selectFrom('parent_children')
    .innerJoin('children', 'children.id', 'parent_children.child_id')
    .select('parent_children.parent_id')
    .distinct()
    .where('children.school_id', '=', row.school_id)
    .orderBy('parent_children.parent_id')
    .execute();
  const what = row.kind === 'event' ? 'Событие' : 'Новость';
  for (const p of parents) {
    await notify(s, s.db, {
      userId: p.parent_id,
      kind: 'news',
      title: `${school.short_name}. ${what}: ${row.title}`,
      body: preview(row.body),
      en: {
        title: `${school.short_name}. ${row.kind === 'event' ? 'Event' : 'News'}: ${row.title}`,
        body: preview(row.body),
      },
      targetId: row.id,
    });
  }
}

/** School news and events: published by the school's admins, read by its families and staff. */
export function newsHandlers(s: Services): Handlers['news'] {
  return {
    async list({ params, query, user }) {
      await assertReader(s, user, params.schoolId);
      let q = s.db.selectFrom('news').where('school_id', '=', params.schoolId);
      if (query.kind) q = q.where('kind', '=', query.kind);
      const { total } = await q
        .select((eb) => eb.fn.countAll<number>().as('total'))
        .executeTakeFirstOrThrow();
      const rows = await q
        .selectAll()
        .orderBy('published_at', 'desc')
        .orderBy('id', 'desc')
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

    async publish({ params, body, user, ip }) {
      assertAdminOf(s, user, params.schoolId);
      const problems = newsInputProblems(body);
      if (problems.length) throw new DomainError('validation_failed', { fields: problems });
      const row: NewsRow = {
        id: s.ids('nws'),
        school_id: params.schoolId,
        kind: body.kind,
        title: body.title,
        body: body.body,
        event_date: body.eventDate ?? null,
        start_time: body.eventDate ? (body.startTime ?? null) : null,
        end_time: body.eventDate ? (body.endTime ?? null) : null,
        location: body.location?.trim() || null,
        image_url: body.image?.url ?? null,
        image_alt: body.image?.alt ?? null,
        author_id: user.id,
        published_at: s.clock.now().toISOString(),
      };
      await s.db.transaction().execute(async (trx) => {
        await trx.insertInto('news').values(row).execute();
        await auditAs(s, trx, { user, ip }, { action: 'news.publish', target: row.id });
      });
      await notifyParents(s, row);
      return view(row);
    },

    async get({ params, user }) {
      const row = await s.db
        .selectFrom('news')
        .selectAll()
        .where('id', '=', params.newsId)
        .executeTakeFirst();
      if (!row) throw notFound();
      await assertReader(s, user, row.school_id);
      return view(row);
    },

    async remove({ params, user, ip }) {
      const row = await s.db
        .selectFrom('news')
        .selectAll()
        .where('id', '=', params.newsId)
        .executeTakeFirst();
      if (!row) throw notFound();
      assertAdminOf(s, user, row.school_id);
      await s.db.transaction().execute(async (trx) => {
        await trx.deleteFrom('news').where('id', '=', row.id).execute();
        await auditAs(s, trx, { user, ip }, { action: 'news.remove', target: row.id });
      });
      return undefined;
    },
  };
}
