import type { Homework, Routes } from '@school-diary/core';
import type { Kysely, Selectable } from 'kysely';
import type { Database } from '../db/schema';
import { fieldError, notFound } from '../services/domain-error';
import type { Handlers, RequestContext } from '../http/register-routes';
import { claimAttachments } from '../services/attachments';
import type { AuthUser, Services } from '../services/context';
import { familyMembers, familyOf, publishToClass } from '../services/families';
import { preview } from '../services/chat-views';
import { homeworkRows, homeworkViews } from '../services/journal-queries';
import { englishDate, russianDate } from '../services/journal-views';
import { notify } from '../services/notify';
import { assertTeaches, auditAs, visibleChild } from '../services/policy';
import { bumpVersions } from '../read-cache/versions';

type Caller = { readonly user: AuthUser; readonly ip: string };
type HomeworkTableRow = Selectable<Database['homework']>;
type HomeworkPatch = RequestContext<Routes['homework']['update']>['body'];

async function oneHomework(db: Kysely<Database>, id: string): Promise<Homework> {
  const [view] = await homeworkViews(db, await homeworkRows(db, { id }));
  if (!view) throw notFound();
  return view;
}

/** The homework if the caller teaches its subject in its class; 404 otherwise. */
async function taughtHomework(s: Services, user: AuthUser, id: string): Promise<HomeworkTableRow> {
  const row = await s.db.selectFrom('homework').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound();
  await assertTeaches(s, user, row.class_id, row.subject_id);
  return row;
}

/** 400 on `lessonId` unless the lesson is the class's, in the subject (or substituted to it). */
async function assertHomeworkLesson(
  s: Services,
  lessonId: string,
  homework: { classId: string; subjectId: string },
): Promise<void> {
  const lesson = await s.db
    .selectFrom('lessons')
    .leftJoin('substitutions', 'substitutions.lesson_id', 'lessons.id')
    .select(['lessons.class_id', 'lessons.subject_id', 'substitutions.subject_id as substituted'])
    .where('lessons.id', '=', lessonId)
    .executeTakeFirst();
  const subject = lesson?.substituted ?? lesson?.subject_id;
  if (lesson?.class_id !== homework.classId || subject !== homework.subjectId) {
    throw fieldError('lessonId', 'invalid_option');
  }
}

/** Links attachments to homework in the given order, claiming the new ones for the caller. */
async function linkAttachments(
  trx: Kysely<Database>,
  homeworkId: string,
  ids: readonly string[],
  ownerId: string,
): Promise<void> {
  const wanted = [...new Set(ids)];
  const current = await trx
    .selectFrom('homework_attachments')
    .select('attachment_id')
    .where('homework_id', '=', homeworkId)
    .execute();
  const had = new Set(current.map((r) => r.attachment_id));
  const released = [...had].filter((id) => !wanted.includes(id));
  await trx.deleteFrom('homework_attachments').where('homework_id', '=', homeworkId).execute();
  if (released.length > 0) {
    // No longer attached to anything: the upload clean-up may remove them.
    await trx
      .updateTable('attachments')
      .set({ attached_to: null })
      .where('id', 'in', released)
      .execute();
  }
  const fresh = wanted.filter((id) => !had.has(id));
  await claimAttachments(trx, { ids: fresh, ownerId, target: 'homework', path: 'attachmentIds' });
  if (wanted.length === 0) return;
  await trx
    .insertInto('homework_attachments')
    .values(
      wanted.map((id, position) => ({ homework_id: homeworkId, attachment_id: id, position })),
    )
    .execute();
}

/** The notification of new homework: the subject, the due date and the task's first words. */
function homeworkNotice(view: Homework) {
  return {
    kind: 'homework' as const,
    title: `Домашнее задание: ${view.subjectName}`,
    body: `На ${russianDate(view.dueDate)}: ${preview(view.text, view.attachments[0]?.name)}`,
    en: {
      title: `Homework: ${view.subjectName}`,
      body: `Due ${englishDate(view.dueDate)}: ${preview(view.text, view.attachments[0]?.name)}`,
    },
    targetId: view.id,
  };
}

async function createHomework(
  s: Services,
  caller: Caller,
  body: RequestContext<Routes['homework']['create']>['body'],
): Promise<Homework> {
  await assertTeaches(s, caller.user, body.classId, body.subjectId);
  if (body.lessonId) await assertHomeworkLesson(s, body.lessonId, body);
  const now = s.clock.now().toISOString();
  const row = {
    id: s.ids('hwk'),
    lesson_id: body.lessonId ?? null,
    class_id: body.classId,
    subject_id: body.subjectId,
    teacher_id: caller.user.id,
    text: body.text,
    assigned_date: body.assignedDate,
    due_date: body.dueDate,
    created_at: now,
    updated_at: now,
  };
  return s.db.transaction().execute(async (trx) => {
    await trx.insertInto('homework').values(row).execute();
    await linkAttachments(trx, row.id, body.attachmentIds, caller.user.id);
    const action = { action: 'homework.create', target: row.id } as const;
    await auditAs(s, trx, caller, { ...action, detail: JSON.stringify({ classId: row.class_id }) });
    const view = await oneHomework(trx, row.id);
    const reached = await publishToClass(s, trx, row.class_id, {
      type: 'homework.created',
      data: view,
    });
    for (const { family, people } of reached) {
      for (const userId of people) {
        await notify(s, trx, { userId, ...homeworkNotice(view), childId: family.childId });
      }
    }
    await bumpVersions(trx, [`class:${row.class_id}`]);
    return view;
  });
}

async function updateHomework(
  s: Services,
  caller: Caller,
  old: HomeworkTableRow,
  body: HomeworkPatch,
): Promise<Homework> {
  const dueDate = body.dueDate ?? old.due_date;
  if (dueDate < old.assigned_date) throw fieldError('dueDate', 'date_order');
  const set = { text: body.text ?? old.text, due_date: dueDate };
  return s.db.transaction().execute(async (trx) => {
    const before = await oneHomework(trx, old.id);
    await trx
      .updateTable('homework')
      .set({ ...set, updated_at: s.clock.now().toISOString() })
      .where('id', '=', old.id)
      .execute();
    if (body.attachmentIds) await linkAttachments(trx, old.id, body.attachmentIds, caller.user.id);
    const after = await oneHomework(trx, old.id);
    const changes = {
      old: {
        text: before.text,
        dueDate: before.dueDate,
        attachments: before.attachments.map((a) => a.id),
      },
      new: {
        text: after.text,
        dueDate: after.dueDate,
        attachments: after.attachments.map((a) => a.id),
      },
    };
    const action = {
      action: 'homework.update',
      target: old.id,
      detail: JSON.stringify(changes),
    } as const;
    await auditAs(s, trx, caller, action);
    // The families' open lists show the new text, date and files without a reload.
    await publishToClass(s, trx, old.class_id, { type: 'homework.updated', data: after });
    await bumpVersions(trx, [`class:${old.class_id}`]);
    return after;
  });
}

/** The homework of `views` ticked «сделано» for the child. */
async function withDone(
  db: Kysely<Database>,
  childId: string,
  views: readonly Homework[],
): Promise<Homework[]> {
  if (views.length === 0) return [];
  const rows = await db
    .selectFrom('homework_done')
    .select('homework_id')
    .where('child_id', '=', childId)
    .where(
      'homework_id',
      'in',
      views.map((v) => v.id),
    )
    .execute();
  const done = new Set(rows.map((r) => r.homework_id));
  return views.map((v) => ({ ...v, done: done.has(v.id) }));
}

/** Ticks homework «сделано» for a child of the caller's family, or takes the tick back. */
async function setDone(
  s: Services,
  user: AuthUser,
  input: { readonly childId: string; readonly homeworkId: string; readonly done: boolean },
): Promise<Homework> {
  const child = await visibleChild(s, user, input.childId);
  const row = await s.db
    .selectFrom('homework')
    .select('id')
    .where('id', '=', input.homeworkId)
    .where('class_id', '=', child.class_id ?? '')
    .executeTakeFirst();
  if (!row) throw notFound();
  return s.db.transaction().execute(async (trx) => {
    const mine = trx
      .deleteFrom('homework_done')
      .where('child_id', '=', child.id)
      .where('homework_id', '=', row.id);
    if (!input.done) await mine.execute();
    else {
      await trx
        .insertInto('homework_done')
        .values({
          child_id: child.id,
          homework_id: row.id,
          done_by: user.id,
          done_at: s.clock.now().toISOString(),
        })
        .onConflict((oc) => oc.columns(['child_id', 'homework_id']).doNothing())
        .execute();
    }
    await bumpVersions(trx, [`child:${child.id}`]);
    const [view] = await withDone(trx, child.id, [await oneHomework(trx, row.id)]);
    if (!view) throw notFound();
    // The family's other devices and sessions tick it too, without a reload.
    const recipients = familyMembers(await familyOf(trx, child.id));
    await s.live.publish(trx, { recipients, type: 'homework.done', childId: child.id, data: view });
    return view;
  });
}

/** Homework: families read it by due date; teachers of the class and subject set it. */
export function homeworkHandlers(s: Services): Handlers['homework'] {
  return {
    async list({ params, query, user }) {
      const child = await visibleChild(s, user, params.childId);
      if (!child.class_id) return { items: [] };
      const filter = { classId: child.class_id, from: query.from, to: query.to };
      const views = await homeworkViews(s.db, await homeworkRows(s.db, filter));
      return { items: await withDone(s.db, child.id, views) };
    },

    async setDone({ params, body, user }) {
      return setDone(s, user, { ...params, done: body.done });
    },

    async create({ body, user, ip }) {
      return createHomework(s, { user, ip }, body);
    },

    async update({ params, body, user, ip }) {
      const old = await taughtHomework(s, user, params.homeworkId);
      return updateHomework(s, { user, ip }, old, body);
    },

    async remove({ params, user, ip }) {
      const old = await taughtHomework(s, user, params.homeworkId);
      await s.db.transaction().execute(async (trx) => {
        await linkAttachments(trx, old.id, [], user.id);
        await trx.deleteFrom('homework_done').where('homework_id', '=', old.id).execute();
        await trx.deleteFrom('homework').where('id', '=', old.id).execute();
        const detail = JSON.stringify({
          classId: old.class_id,
          text: old.text,
          dueDate: old.due_date,
        });
        await auditAs(s, trx, { user, ip }, { action: 'homework.remove', target: old.id, detail });
        await bumpVersions(trx, [`class:${old.class_id}`]);
      });
      return undefined;
    },
  };
}
