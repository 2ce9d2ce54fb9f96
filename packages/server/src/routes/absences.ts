import { addDays, type AbsenceNotice } from '@school-diary/core';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import type { Handlers } from '../http/register-routes';
import {
  incomingNotices,
  noticeViews,
  teacherNotice,
  type NoticeRow,
} from '../services/absence-notices';
import { claimAttachments } from '../services/attachments';
import type { Services } from '../services/context';
import { fieldError, notFound } from '../services/domain-error';
import { familyMembers, familyOf } from '../services/families';
import { auditAs, ownChild, visibleChild } from '../services/policy';
import { schoolToday } from '../services/school-calendar';

type Db = Kysely<Database>;

/** The longest absence a parent reports ahead in one notice (longer ones go through the school). */
const MAX_DAYS = 31;

/** The lessons a notice covers: the chosen ones (each must be the class's, in the range), else all. */
async function coveredLessons(
  db: Db,
  classId: string,
  range: { from: string; to: string },
  chosen: readonly string[] | undefined,
): Promise<string[]> {
  const rows = await db
    .selectFrom('lessons')
    .select('id')
    .where('class_id', '=', classId)
    .where('date', '>=', range.from)
    .where('date', '<=', range.to)
    .orderBy('date')
    .orderBy('number')
    .execute();
  const all = rows.map((r) => r.id);
  if (!chosen) return all;
  const known = new Set(all);
  chosen.forEach((id, i) => {
    if (!known.has(id)) throw fieldError(`lessonIds.${i}`, 'invalid_option');
  });
  return [...new Set(chosen)];
}

/** Tells the child's family and the teachers told of the notice that it changed. */
async function publishNotice(s: Services, trx: Db, notice: AbsenceNotice): Promise<void> {
  const recipients = familyMembers(await familyOf(trx, notice.childId));
  await s.live.publish(trx, {
    recipients,
    type: 'absence-notice.updated',
    childId: notice.childId,
    data: notice,
  });
}

async function oneView(db: Db, row: NoticeRow): Promise<AbsenceNotice> {
  const [view] = await noticeViews(db, [row]);
  if (!view) throw notFound();
  return view;
}

/**
 * Absences reported ahead: a parent reports one for their own child; the class teacher and the
 * teachers of the lessons it covers see it, acknowledge it, and find it pre-filled on their
 * attendance sheet; the family sees it acknowledged.
 */
export function absencesHandlers(s: Services): Handlers['absences'] {
  return {
    async report({ params, body, user, ip }) {
      const child = await ownChild(s, user, params.childId);
      if (!child.class_id || !child.school_id) throw notFound();
      const today = await schoolToday(s, s.db, child.school_id);
      if (body.from < today) throw fieldError('from', 'past_date');
      const to = body.to ?? body.from;
      const last = addDays(body.from, MAX_DAYS - 1);
      if (to > last) throw fieldError('to', 'too_big', { maximum: last });
      const lessons = await coveredLessons(
        s.db,
        child.class_id,
        { from: body.from, to },
        body.lessonIds,
      );
      const row: NoticeRow = {
        id: s.ids('abs'),
        child_id: child.id,
        class_id: child.class_id,
        parent_id: user.id,
        from_date: body.from,
        to_date: to,
        reason: body.reason,
        comment: body.comment || null,
        chosen_lessons: body.lessonIds ? 1 : 0,
        attachment_id: body.attachmentId ?? null,
        created_at: s.clock.now().toISOString(),
        acknowledged_by: null,
        acknowledged_at: null,
      };
      await s.db.transaction().execute(async (trx) => {
        if (body.attachmentId) {
          await claimAttachments(trx, {
            ids: [body.attachmentId],
            ownerId: user.id,
            target: 'absence',
            path: 'attachmentId',
          });
        }
        await trx.insertInto('absence_notices').values(row).execute();
        if (lessons.length > 0) {
          await trx
            .insertInto('absence_notice_lessons')
            .values(lessons.map((lesson_id) => ({ notice_id: row.id, lesson_id })))
            .execute();
        }
        await auditAs(s, trx, { user, ip }, { action: 'absences.report', target: row.id });
      });
      return oneView(s.db, row);
    },

    async list({ params, user }) {
      const child = await visibleChild(s, user, params.childId);
      const rows = await s.db
        .selectFrom('absence_notices')
        .selectAll()
        .where('child_id', '=', child.id)
        .orderBy('from_date', 'desc')
        .orderBy('created_at', 'desc')
        .execute();
      return { items: await noticeViews(s.db, rows) };
    },

    async incoming({ query, user }) {
      const from =
        query.from ?? (user.schoolId ? await schoolToday(s, s.db, user.schoolId) : '0000-01-01');
      const to = query.to ?? addDays(from, 60);
      return { items: await incomingNotices(s.db, user.id, { from, to }) };
    },

    async acknowledge({ params, user, ip }) {
      const found = await teacherNotice(s, user, params.noticeId);
      if (found.acknowledged_at) return oneView(s.db, found);
      const row = {
        ...found,
        acknowledged_by: user.id,
        acknowledged_at: s.clock.now().toISOString(),
      };
      const view = await s.db.transaction().execute(async (trx) => {
        await trx
          .updateTable('absence_notices')
          .set({ acknowledged_by: row.acknowledged_by, acknowledged_at: row.acknowledged_at })
          .where('id', '=', row.id)
          .execute();
        await auditAs(s, trx, { user, ip }, { action: 'absences.acknowledge', target: row.id });
        const notice = await oneView(trx, row);
        await publishNotice(s, trx, notice);
        return notice;
      });
      return view;
    },
  };
}
