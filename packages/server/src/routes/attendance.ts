import { ATTENDANCE_STATUSES, type AttendanceStatus, type Routes } from '@school-diary/core';
import { DomainError, type RawFieldError } from '../services/domain-error';
import type { Handlers, RequestContext } from '../http/register-routes';
import type { Services } from '../services/context';
import { taughtLesson, type LessonTableRow } from '../services/journal-access';
import { publishRecorded } from '../services/attendance-live';
import { attendanceRows } from '../services/journal-queries';
import { attendanceView } from '../services/journal-views';
import { noticesForLesson } from '../services/absence-notices';
import { personName } from '../services/chat-views';
import { auditAs, visibleChild } from '../services/policy';
import { classCalendar, queryRange } from '../services/school-calendar';
import { bumpVersions } from '../read-cache/versions';

type Entries = RequestContext<Routes['attendance']['record']>['body']['entries'];

/** 400 naming each entry whose child is not in the lesson's class or appears twice. */
async function assertEntries(s: Services, lesson: LessonTableRow, entries: Entries): Promise<void> {
  const pupils = await s.db
    .selectFrom('children')
    .select('id')
    .where('class_id', '=', lesson.class_id)
    .execute();
  const inClass = new Set(pupils.map((p) => p.id));
  const seen = new Set<string>();
  const fields: RawFieldError[] = [];
  entries.forEach((entry, i) => {
    const path = `entries.${i}.childId`;
    if (!inClass.has(entry.childId)) fields.push({ path, code: 'invalid_option' });
    else if (seen.has(entry.childId)) fields.push({ path, code: 'already_registered' });
    seen.add(entry.childId);
  });
  if (fields.length > 0) throw new DomainError('validation_failed', { fields });
}

function totals(statuses: readonly string[]): Record<AttendanceStatus, number> {
  const counts = Object.fromEntries(ATTENDANCE_STATUSES.map((k) => [k, 0])) as Record<
    AttendanceStatus,
    number
  >;
  for (const status of statuses) counts[status as AttendanceStatus] += 1;
  return counts;
}

/** Attendance: per-lesson marks by the teacher, and a child's record with per-status totals. */
export function attendanceHandlers(s: Services): Handlers['attendance'] {
  return {
    async list({ params, query, user }) {
      const child = await visibleChild(s, user, params.childId);
      const range = queryRange(await classCalendar(s, s.db, child.class_id), query);
      const rows = await attendanceRows(s.db, child.id, range);
      return { items: rows.map(attendanceView), totals: totals(rows.map((r) => r.status)) };
    },

    async record({ params, body, user, ip }) {
      const lesson = await taughtLesson(s, user, params.lessonId);
      await assertEntries(s, lesson, body.entries);
      const now = s.clock.now().toISOString();
      await s.db.transaction().execute(async (trx) => {
        for (const entry of body.entries) {
          const values = {
            status: entry.status,
            reason: entry.status === 'present' ? null : entry.reason?.trim() || null,
            minutes_late: entry.status === 'late' ? (entry.minutesLate ?? null) : null,
            recorded_by: user.id,
            recorded_at: now,
          };
          const key = { lesson_id: lesson.id, child_id: entry.childId, date: lesson.date };
          await trx
            .insertInto('attendance')
            .values({ id: s.ids('att'), ...key, ...values })
            .onConflict((oc) => oc.columns(['lesson_id', 'child_id']).doUpdateSet(values))
            .execute();
        }
        const detail = JSON.stringify({
          entries: body.entries.map((e) => ({ childId: e.childId, status: e.status })),
        });
        await auditAs(
          s,
          trx,
          { user, ip },
          { action: 'attendance.record', target: lesson.id, detail },
        );
        await bumpVersions(
          trx,
          body.entries.map((e) => `child:${e.childId}` as const),
        );
        for (const entry of body.entries) await publishRecorded(s, trx, lesson, entry.childId);
      });
      return { ok: true as const };
    },

    async sheet({ params, user }) {
      const lesson = await taughtLesson(s, user, params.lessonId);
      const pupils = await s.db
        .selectFrom('children')
        .select(['id', 'last_name', 'first_name', 'middle_name'])
        .where('class_id', '=', lesson.class_id)
        .orderBy('last_name')
        .orderBy('first_name')
        .orderBy('id')
        .execute();
      const recorded = await s.db
        .selectFrom('attendance')
        .selectAll()
        .where('lesson_id', '=', lesson.id)
        .execute();
      const notices = await noticesForLesson(s.db, lesson.id);
      const entries = pupils.map((p) => {
        const taken = recorded.find((r) => r.child_id === p.id);
        const notice = notices.get(p.id);
        const status = (taken?.status ?? notice?.reason ?? 'present') as AttendanceStatus;
        const reason = taken ? taken.reason : (notice?.comment ?? null);
        return {
          childId: p.id,
          childName: personName(p),
          status,
          ...(reason ? { reason } : {}),
          recorded: taken !== undefined,
          ...(notice ? { noticeId: notice.id } : {}),
        };
      });
      return { lessonId: lesson.id, date: lesson.date, entries };
    },
  };
}
