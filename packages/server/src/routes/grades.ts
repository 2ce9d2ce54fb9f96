import type { MarkDistribution } from '@school-diary/core';
import { DomainError, fieldError, notFound } from '../services/domain-error';
import { REPLY_SENT, type Handlers } from '../http/register-routes';
import { contentDisposition } from '../services/file-name';
import type { Services } from '../services/context';
import { gradeSummary, gradesCsv, yearComparison } from '../services/grade-reports';
import { reportCard } from '../services/report-card';
import { reportCardPdf } from '../services/report-card-pdf';
import { adminClass, taughtChild } from '../services/journal-access';
import { finalMarkRows, markRows } from '../services/journal-queries';
import { finalMarkView, markValue, markView, thresholdView } from '../services/journal-views';
import {
  assertMarkDate,
  assertMarkLesson,
  auditedFields,
  oneMark,
  patchColumns,
  setFinalMark,
  writeMark,
} from '../services/mark-writes';
import { markHistory } from '../services/mark-history';
import { assertTeaches, auditAs, ownChild, visibleChild } from '../services/policy';
import { classCalendar, queryRange } from '../services/school-calendar';

/** The fewest pupils marked for a work before its distribution is shown: fewer could be told apart. */
const MIN_MARKED = 5;

/** Marks: reading with filters, summaries, comparison, CSV; teachers enter and correct them. */
export function gradesHandlers(s: Services): Handlers['grades'] {
  return {
    async list({ params, query, user }) {
      const child = await visibleChild(s, user, params.childId);
      const calendar = await classCalendar(s, s.db, child.class_id);
      const range = queryRange(calendar, query);
      const filter = { childIds: [child.id], subjectId: query.subjectId, kind: query.kind };
      const rows = await markRows(s.db, { ...filter, ...range });
      return { items: rows.map((r) => markView(r, calendar?.periods)) };
    },

    async summary({ params, query, user }) {
      return gradeSummary(s, await visibleChild(s, user, params.childId), query);
    },

    async comparison({ params, user }) {
      return yearComparison(s, await visibleChild(s, user, params.childId));
    },

    async csv({ params, query, user, lang }, { reply }) {
      const child = await visibleChild(s, user, params.childId);
      const { filename, text } = await gradesCsv(s, child, { query, lang });
      reply.header('content-disposition', `attachment; filename="${filename}"`);
      return text;
    },

    async reportCard({ params, query, user, lang }, { reply }): Promise<typeof REPLY_SENT> {
      const child = await visibleChild(s, user, params.childId);
      const card = await reportCard(s, child, {
        periodId: query.periodId,
        lang: query.lang ?? lang,
      });
      const bytes = await reportCardPdf(card);
      reply
        .code(200)
        .header('content-type', 'application/pdf')
        .header('content-length', String(bytes.length))
        .header(
          'content-disposition',
          contentDisposition(`report-${child.id}-${query.periodId}.pdf`),
        )
        .header('cache-control', 'private');
      reply.send(bytes);
      return REPLY_SENT;
    },

    async finalMarks({ params, user }) {
      const child = await visibleChild(s, user, params.childId);
      return { items: (await finalMarkRows(s.db, { childId: child.id })).map(finalMarkView) };
    },

    async create({ body, user, ip }) {
      const child = await taughtChild(s, user, body.childId, body.subjectId);
      const calendar = await classCalendar(s, s.db, child.class_id);
      assertMarkDate(calendar, body.date);
      if (body.lessonId)
        await assertMarkLesson(s, body.lessonId, { ...body, classId: child.class_id });
      const now = s.clock.now().toISOString();
      const row = {
        id: s.ids('mrk'),
        child_id: child.id,
        subject_id: body.subjectId,
        teacher_id: user.id,
        lesson_id: body.lessonId ?? null,
        value: String(body.value),
        weight: body.weight,
        kind: body.kind,
        date: body.date,
        comment: body.comment?.trim() || null,
        created_at: now,
        updated_at: now,
      };
      return writeMark(
        s,
        { user, ip },
        {
          child,
          calendar,
          type: 'mark.created',
          markId: row.id,
          subjectId: row.subject_id,
          detail: { childId: child.id, subjectId: row.subject_id, new: auditedFields(row) },
          write: (trx) => trx.insertInto('marks').values(row).execute(),
        },
      );
    },

    async update({ params, body, user, ip }) {
      const old = await oneMark(s.db, params.markId);
      const child = await taughtChild(s, user, old.child_id, old.subject_id);
      const calendar = await classCalendar(s, s.db, child.class_id);
      if (body.date !== undefined && body.date !== old.date) {
        assertMarkDate(calendar, body.date);
        if (old.lesson_id) throw fieldError('date', 'invalid_option');
      }
      const changes = patchColumns(old, body);
      if (Object.keys(changes).length === 0) return markView(old, calendar?.periods);
      const set = { ...changes, updated_at: s.clock.now().toISOString() };
      const oldFields = auditedFields(old);
      const newFields = { ...oldFields, ...changes };
      return writeMark(
        s,
        { user, ip },
        {
          child,
          calendar,
          type: 'mark.updated',
          markId: old.id,
          subjectId: old.subject_id,
          previous: markValue(old.value),
          detail: { childId: child.id, subjectId: old.subject_id, old: oldFields, new: newFields },
          write: (trx) => trx.updateTable('marks').set(set).where('id', '=', old.id).execute(),
        },
      );
    },

    async distribution({ params, user }) {
      const mark = await oneMark(s.db, params.markId);
      await visibleChild(s, user, mark.child_id);
      if (!mark.lesson_id) throw notFound();
      const rows = await s.db
        .selectFrom('marks')
        .select(['child_id', 'value'])
        .where('lesson_id', '=', mark.lesson_id)
        .where('subject_id', '=', mark.subject_id)
        .where('kind', '=', mark.kind)
        .where('value', 'in', ['1', '2', '3', '4', '5'])
        .execute();
      // One mark per pupil: a pupil marked twice for the work counts once, with the later row.
      const byPupil = new Map(rows.map((r) => [r.child_id, r.value]));
      if (byPupil.size < MIN_MARKED) throw new DomainError('too_few_marked');
      const counts = { 5: 0, 4: 0, 3: 0, 2: 0 };
      for (const value of byPupil.values())
        counts[value === '1' ? 2 : (Number(value) as 2 | 3 | 4 | 5)] += 1;
      return {
        lessonId: mark.lesson_id,
        kind: mark.kind as MarkDistribution['kind'],
        marked: byPupil.size,
        counts,
      };
    },

    history: ({ params, user }) => markHistory(s, user, params.markId),

    async remove({ params, user, ip }) {
      const old = await oneMark(s.db, params.markId);
      const child = await taughtChild(s, user, old.child_id, old.subject_id);
      const calendar = await classCalendar(s, s.db, child.class_id);
      await writeMark(
        s,
        { user, ip },
        {
          child,
          calendar,
          type: 'mark.deleted',
          markId: old.id,
          subjectId: old.subject_id,
          gone: markView(old, calendar?.periods),
          detail: { childId: child.id, subjectId: old.subject_id, old: auditedFields(old) },
          write: (trx) => trx.deleteFrom('marks').where('id', '=', old.id).execute(),
        },
      );
      return undefined;
    },

    async setFinal({ body, user, ip }) {
      return setFinalMark(s, { user, ip }, body);
    },
  };
}

/** A parent's alert thresholds for a child. */
export function thresholdsHandlers(s: Services): Handlers['thresholds'] {
  return {
    async list({ params, user }) {
      const child = await ownChild(s, user, params.childId);
      const rows = await s.db
        .selectFrom('thresholds')
        .selectAll()
        .where('child_id', '=', child.id)
        .where('parent_id', '=', user.id)
        .orderBy('created_at')
        .execute();
      return { items: rows.map(thresholdView) };
    },

    async set({ params, body, user, ip }) {
      const child = await ownChild(s, user, params.childId);
      if (body.subjectId) {
        const subject = await s.db
          .selectFrom('subjects')
          .select('id')
          .where('id', '=', body.subjectId)
          .where('school_id', '=', child.school_id ?? '')
          .executeTakeFirst();
        if (!subject) throw fieldError('subjectId', 'invalid_option');
      }
      const subjectId = body.subjectId ?? null;
      const old = await s.db
        .selectFrom('thresholds')
        .selectAll()
        .where('child_id', '=', child.id)
        .where('parent_id', '=', user.id)
        .where('subject_id', subjectId === null ? 'is' : '=', subjectId)
        .executeTakeFirst();
      const row = old
        ? { ...old, threshold: body.threshold }
        : {
            id: s.ids('thr'),
            parent_id: user.id,
            child_id: child.id,
            subject_id: subjectId,
            threshold: body.threshold,
            created_at: s.clock.now().toISOString(),
          };
      await s.db.transaction().execute(async (trx) => {
        if (old) {
          await trx
            .updateTable('thresholds')
            .set({ threshold: row.threshold })
            .where('id', '=', row.id)
            .execute();
        } else {
          await trx.insertInto('thresholds').values(row).execute();
        }
        const detail = JSON.stringify({
          subjectId,
          old: old?.threshold ?? null,
          new: row.threshold,
        });
        const action = {
          action: 'thresholds.set',
          target: row.id,
          schoolId: child.school_id,
        } as const;
        await auditAs(s, trx, { user, ip }, { ...action, detail });
      });
      return thresholdView(row);
    },

    async remove({ params, user, ip }) {
      const child = await ownChild(s, user, params.childId);
      const row = await s.db
        .selectFrom('thresholds')
        .select('id')
        .where('id', '=', params.thresholdId)
        .where('child_id', '=', child.id)
        .where('parent_id', '=', user.id)
        .executeTakeFirst();
      if (!row) throw notFound();
      await s.db.transaction().execute(async (trx) => {
        await trx.deleteFrom('thresholds').where('id', '=', row.id).execute();
        const action = {
          action: 'thresholds.remove',
          target: row.id,
          schoolId: child.school_id,
        } as const;
        await auditAs(s, trx, { user, ip }, action);
      });
      return undefined;
    },
  };
}

/** The teacher's journal: one subject's marks for a whole class. */
export function classMarksHandlers(s: Services): Pick<NonNullable<Handlers['classes']>, 'marks'> {
  return {
    async marks({ params, query, user }) {
      if (user.role === 'teacher') await assertTeaches(s, user, params.classId, query.subjectId);
      else await adminClass(s, user, params.classId);
      const calendar = await classCalendar(s, s.db, params.classId);
      const range = queryRange(calendar, query);
      const children = await s.db
        .selectFrom('children')
        .select('id')
        .where('class_id', '=', params.classId)
        .execute();
      const childIds = children.map((c) => c.id);
      const rows = await markRows(s.db, { childIds, subjectId: query.subjectId, ...range });
      return { items: rows.map((r) => markView(r, calendar?.periods)) };
    },
  };
}
