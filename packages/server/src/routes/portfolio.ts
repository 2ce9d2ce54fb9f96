import type { PortfolioItem, Routes } from '@school-diary/core';
import type { Kysely, Selectable } from 'kysely';
import { insertionOrder } from '../db/dialect';
import type { Database } from '../db/schema';
import { fieldError, notFound } from '../services/domain-error';
import type { Handlers, RequestContext } from '../http/register-routes';
import { attachmentsByIds, attachmentView, claimAttachments } from '../services/attachments';
import { personName, preview } from '../services/chat-views';
import type { AuthUser, Services } from '../services/context';
import { removeStoredFile } from '../services/file-store';
import { notify } from '../services/notify';
import { auditAs, visibleChild, type ChildRow } from '../services/policy';
import { schoolToday } from '../services/school-calendar';
import { bumpVersions } from '../read-cache/versions';

type ItemRow = Selectable<Database['portfolio_items']>;
type ItemInput = RequestContext<Routes['portfolio']['create']>['body'];
type ItemPatch = RequestContext<Routes['portfolio']['update']>['body'];
type ItemQuery = RequestContext<Routes['portfolio']['list']>['query'];
type Caller = { readonly user: AuthUser; readonly ip: string };

/** Portfolio items as the API's, with their comments and files read in two queries. */
async function views(db: Kysely<Database>, rows: readonly ItemRow[]): Promise<PortfolioItem[]> {
  if (rows.length === 0) return [];
  const comments = await db
    .selectFrom('portfolio_comments')
    .innerJoin('users', 'users.id', 'portfolio_comments.author_id')
    .selectAll('portfolio_comments')
    .select(['users.last_name', 'users.first_name', 'users.middle_name'])
    .where(
      'item_id',
      'in',
      rows.map((r) => r.id),
    )
    // In the order written: comments of the same millisecond keep it (their ids are random).
    .orderBy(insertionOrder(db, 'portfolio_comments'))
    .execute();
  const files = await attachmentsByIds(
    db,
    rows.flatMap((r) => (r.attachment_id ? [r.attachment_id] : [])),
  );
  return rows.map((r) => {
    const file = files.find((f) => f.id === r.attachment_id);
    return {
      id: r.id,
      childId: r.child_id,
      kind: r.kind as PortfolioItem['kind'],
      title: r.title,
      ...(r.description ? { description: r.description } : {}),
      date: r.date,
      ...(r.subject_id ? { subjectId: r.subject_id } : {}),
      ...(r.period_id ? { periodId: r.period_id } : {}),
      ...(r.level ? { level: r.level as NonNullable<PortfolioItem['level']> } : {}),
      ...(file ? { attachment: attachmentView(file) } : {}),
      comments: comments
        .filter((c) => c.item_id === r.id)
        .map((c) => ({
          id: c.id,
          authorId: c.author_id,
          authorName: personName(c),
          text: c.text,
          createdAt: c.created_at,
        })),
      createdBy: r.created_by,
      createdAt: r.created_at,
    };
  });
}

async function view(db: Kysely<Database>, row: ItemRow): Promise<PortfolioItem> {
  const [item] = await views(db, [row]);
  if (!item) throw notFound();
  return item;
}

/**
 * A subject and a period, if given, must be of the child's school; the date may not be after the
 * school's today (the child's home time zone when not linked).
 */
async function assertTags(
  s: Services,
  child: ChildRow,
  body: Pick<ItemPatch, 'subjectId' | 'periodId' | 'date'>,
): Promise<void> {
  if (body.date) {
    const today = await schoolToday(s, s.db, child.school_id ?? '');
    if (body.date > today) throw fieldError('date', 'future_date');
  }
  if (body.subjectId) {
    const subject = await s.db
      .selectFrom('subjects')
      .select('id')
      .where('id', '=', body.subjectId)
      .where('school_id', '=', child.school_id ?? '')
      .executeTakeFirst();
    if (!subject) throw fieldError('subjectId', 'invalid_option');
  }
  if (body.periodId) {
    const period = await s.db
      .selectFrom('periods')
      .innerJoin('school_years', 'school_years.id', 'periods.school_year_id')
      .select('periods.id')
      .where('periods.id', '=', body.periodId)
      .where('school_years.school_id', '=', child.school_id ?? '')
      .executeTakeFirst();
    if (!period) throw fieldError('periodId', 'invalid_option');
  }
}

async function itemRow(s: Services, id: string): Promise<ItemRow> {
  const row = await s.db
    .selectFrom('portfolio_items')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) throw notFound();
  return row;
}

/** Tells the child's parents what a teacher did with the portfolio (after the commit). */
async function notifyParents(
  s: Services,
  child: ChildRow,
  item: ItemRow,
  body: { readonly ru: string; readonly en: string },
) {
  const parents = await s.db
    .selectFrom('parent_children')
    .select('parent_id')
    .where('child_id', '=', child.id)
    .execute();
  for (const p of parents) {
    await notify(s, s.db, {
      userId: p.parent_id,
      kind: 'portfolio',
      title: `Портфолио: ${child.first_name} ${child.last_name}`,
      body: body.ru,
      en: { title: `Portfolio: ${child.first_name} ${child.last_name}`, body: body.en },
      childId: child.id,
      targetId: item.id,
    });
  }
}

async function insertItem(
  s: Services,
  caller: Caller,
  child: ChildRow,
  body: ItemInput,
): Promise<ItemRow> {
  const row: ItemRow = {
    id: s.ids('pfl'),
    child_id: child.id,
    kind: body.kind,
    title: body.title,
    description: body.description?.trim() || null,
    date: body.date,
    subject_id: body.subjectId ?? null,
    period_id: body.periodId ?? null,
    level: body.level ?? null,
    attachment_id: body.attachmentId ?? null,
    created_by: caller.user.id,
    created_at: s.clock.now().toISOString(),
  };
  await s.db.transaction().execute(async (trx) => {
    const ids = body.attachmentId ? [body.attachmentId] : [];
    await claimAttachments(trx, {
      ids,
      ownerId: caller.user.id,
      target: 'portfolio',
      path: 'attachmentId',
    });
    await trx.insertInto('portfolio_items').values(row).execute();
    const action = {
      action: 'portfolio.create',
      target: row.id,
      schoolId: child.school_id,
    } as const;
    await auditAs(s, trx, caller, action);
    await bumpVersions(trx, [`child:${child.id}`]);
  });
  return row;
}

/** Words of a search, each matched case-insensitively (`lower()` folds Cyrillic in neither engine). */
const words = (q: string | undefined): string[] =>
  (q ?? '').toLocaleLowerCase('ru').split(/\s+/).filter(Boolean).slice(0, 10);

/** The child's items with the query's tags and kind; the words are matched by {@link matches}. */
function filtered(db: Kysely<Database>, childId: string, query: ItemQuery) {
  let select = db.selectFrom('portfolio_items').selectAll().where('child_id', '=', childId);
  if (query.subjectId) select = select.where('subject_id', '=', query.subjectId);
  if (query.periodId) select = select.where('period_id', '=', query.periodId);
  if (query.level) select = select.where('level', '=', query.level);
  if (query.kind) select = select.where('kind', '=', query.kind);
  return select;
}

/** Whether every word occurs in the item's title or description. */
function matches(row: ItemRow, search: readonly string[]): boolean {
  const text = `${row.title} ${row.description ?? ''}`.toLocaleLowerCase('ru');
  return search.every((w) => text.includes(w));
}

/** Writes a change to an item; a replaced or removed file goes after the commit. */
async function updateItem(
  s: Services,
  caller: Caller,
  item: ItemRow,
  child: ChildRow,
  body: ItemPatch,
): Promise<ItemRow> {
  const next: ItemRow = {
    ...item,
    ...(body.kind ? { kind: body.kind } : {}),
    ...(body.title ? { title: body.title } : {}),
    ...(body.description !== undefined ? { description: body.description?.trim() || null } : {}),
    ...(body.date ? { date: body.date } : {}),
    ...(body.subjectId !== undefined ? { subject_id: body.subjectId } : {}),
    ...(body.periodId !== undefined ? { period_id: body.periodId } : {}),
    ...(body.level !== undefined ? { level: body.level } : {}),
    ...(body.attachmentId !== undefined ? { attachment_id: body.attachmentId } : {}),
  };
  const replaced = item.attachment_id !== next.attachment_id ? item.attachment_id : null;
  const old = await attachmentsByIds(s.db, replaced ? [replaced] : []);
  await s.db.transaction().execute(async (trx) => {
    if (next.attachment_id && next.attachment_id !== item.attachment_id) {
      await claimAttachments(trx, {
        ids: [next.attachment_id],
        ownerId: caller.user.id,
        target: 'portfolio',
        path: 'attachmentId',
      });
    }
    const { id, ...values } = next;
    await trx.updateTable('portfolio_items').set(values).where('id', '=', id).execute();
    if (replaced) await trx.deleteFrom('attachments').where('id', '=', replaced).execute();
    const action = {
      action: 'portfolio.update',
      target: item.id,
      schoolId: child.school_id,
    } as const;
    await auditAs(s, trx, caller, action);
    await bumpVersions(trx, [`child:${child.id}`]);
  });
  for (const f of old) await removeStoredFile(s, f.storage_path);
  return next;
}

/** Removes an item with its comments; its file goes after the commit. */
async function deleteItem(s: Services, caller: Caller, item: ItemRow, schoolId: string | null) {
  const file = await attachmentsByIds(s.db, item.attachment_id ? [item.attachment_id] : []);
  await s.db.transaction().execute(async (trx) => {
    await trx.deleteFrom('portfolio_comments').where('item_id', '=', item.id).execute();
    await trx.deleteFrom('portfolio_items').where('id', '=', item.id).execute();
    if (item.attachment_id) {
      await trx.deleteFrom('attachments').where('id', '=', item.attachment_id).execute();
    }
    await auditAs(s, trx, caller, { action: 'portfolio.remove', target: item.id, schoolId });
    await bumpVersions(trx, [`child:${item.child_id}`]);
  });
  for (const f of file) await removeStoredFile(s, f.storage_path);
}

/** A child's portfolio: works, projects, results and awards, with teachers' comments. */
export function portfolioHandlers(s: Services): Handlers['portfolio'] {
  return {
    async list({ params, query, user }) {
      const child = await visibleChild(s, user, params.childId);
      const rows = await filtered(s.db, child.id, query)
        .orderBy('date', 'desc')
        .orderBy('created_at', 'desc')
        .orderBy('id')
        .execute();
      const search = words(query.q);
      return {
        items: await views(
          s.db,
          rows.filter((r) => matches(r, search)),
        ),
      };
    },

    async create({ params, body, user, ip }) {
      const child = await visibleChild(s, user, params.childId);
      await assertTags(s, child, body);
      const row = await insertItem(s, { user, ip }, child, body);
      if (user.role === 'teacher') {
        await notifyParents(s, child, row, {
          ru: `Учитель добавил в портфолио: «${row.title}»`,
          en: `A teacher added to the portfolio: “${row.title}”`,
        });
      }
      return view(s.db, row);
    },

    async update({ params, body, user, ip }) {
      const item = await itemRow(s, params.itemId);
      const child = await visibleChild(s, user, item.child_id);
      if (item.created_by !== user.id && user.role !== 'parent') throw notFound();
      await assertTags(s, child, body);
      return view(s.db, await updateItem(s, { user, ip }, item, child, body));
    },

    async remove({ params, user, ip }) {
      const item = await itemRow(s, params.itemId);
      const child = await visibleChild(s, user, item.child_id);
      if (item.created_by !== user.id && user.role !== 'parent') throw notFound();
      await deleteItem(s, { user, ip }, item, child.school_id);
      return undefined;
    },

    async comment({ params, body, user, ip }) {
      const item = await itemRow(s, params.itemId);
      const child = await visibleChild(s, user, item.child_id);
      await s.db.transaction().execute(async (trx) => {
        await trx
          .insertInto('portfolio_comments')
          .values({
            id: s.ids('pcm'),
            item_id: item.id,
            author_id: user.id,
            text: body.text,
            created_at: s.clock.now().toISOString(),
          })
          .execute();
        const action = {
          action: 'portfolio.comment',
          target: item.id,
          schoolId: child.school_id,
        } as const;
        await auditAs(s, trx, { user, ip }, action);
        await bumpVersions(trx, [`child:${child.id}`]);
      });
      await notifyParents(s, child, item, {
        ru: `Комментарий учителя к «${item.title}»: ${preview(body.text)}`,
        en: `A teacher’s comment on “${item.title}”: ${preview(body.text)}`,
      });
      return view(s.db, item);
    },
  };
}
