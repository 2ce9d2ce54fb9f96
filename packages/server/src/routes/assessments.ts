import { type PlannedAssessment, type Routes } from '@school-diary/core';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import type { Handlers, RequestContext } from '../http/register-routes';
import { bumpVersions } from '../read-cache/versions';
import type { AuthUser, Services } from '../services/context';
import { fieldError, notFound } from '../services/domain-error';
import { publishToClass } from '../services/families';
import { assessmentViews, markLesson, type AssessmentRow } from '../services/planned-assessments';
import { assertAdminOf, assertTeaches, auditAs, visibleChild } from '../services/policy';
import { schoolToday } from '../services/school-calendar';

type Caller = { readonly user: AuthUser; readonly ip: string };
type AssessmentInput = RequestContext<Routes['assessments']['create']>['body'];
type AssessmentPatch = RequestContext<Routes['assessments']['update']>['body'];

async function oneAssessment(db: Kysely<Database>, id: string): Promise<PlannedAssessment> {
  const [view] = await assessmentViews(db, { id });
  if (!view) throw notFound();
  return view;
}

/** The class if it exists; 404 otherwise. */
async function classRow(s: Services, classId: string) {
  const row = await s.db
    .selectFrom('classes')
    .select(['id', 'school_id'])
    .where('id', '=', classId)
    .executeTakeFirst();
  if (!row) throw notFound();
  return row;
}

/** The assessment if the caller teaches its subject in its class; 404 otherwise. */
async function taughtAssessment(s: Services, user: AuthUser, id: string): Promise<AssessmentRow> {
  const row = await s.db
    .selectFrom('planned_assessments')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) throw notFound();
  await assertTeaches(s, user, row.class_id, row.subject_id);
  return row;
}

/** 400 `past_date` on `date` before today in the school's time zone. */
async function assertNotPast(s: Services, schoolId: string, date: string): Promise<void> {
  if (date < (await schoolToday(s, s.db, schoolId))) throw fieldError('date', 'past_date');
}

/** 400 on `lessonId` unless it is a lesson of the class in the subject (or substituted to it) that day. */
async function assertLesson(
  s: Services,
  lessonId: string,
  at: { classId: string; subjectId: string; date: string },
): Promise<void> {
  const lesson = await s.db
    .selectFrom('lessons')
    .leftJoin('substitutions', 'substitutions.lesson_id', 'lessons.id')
    .select([
      'lessons.class_id',
      'lessons.subject_id',
      'lessons.date',
      'substitutions.subject_id as substituted',
    ])
    .where('lessons.id', '=', lessonId)
    .executeTakeFirst();
  const subject = lesson?.substituted ?? lesson?.subject_id;
  if (lesson?.class_id !== at.classId || subject !== at.subjectId || lesson.date !== at.date) {
    throw fieldError('lessonId', 'invalid_option');
  }
}

async function createAssessment(
  s: Services,
  caller: Caller,
  classId: string,
  body: AssessmentInput,
): Promise<PlannedAssessment> {
  await assertTeaches(s, caller.user, classId, body.subjectId);
  const cls = await classRow(s, classId);
  await assertNotPast(s, cls.school_id, body.date);
  if (body.lessonId) await assertLesson(s, body.lessonId, { ...body, classId });
  const now = s.clock.now().toISOString();
  const row: AssessmentRow = {
    id: s.ids('asm'),
    class_id: classId,
    subject_id: body.subjectId,
    teacher_id: caller.user.id,
    date: body.date,
    lesson_id: body.lessonId ?? null,
    kind: body.kind,
    topic: body.topic,
    weight: body.weight,
    created_at: now,
    updated_at: now,
  };
  return s.db.transaction().execute(async (trx) => {
    await trx.insertInto('planned_assessments').values(row).execute();
    await markLesson(trx, row);
    const detail = JSON.stringify({ classId, subjectId: row.subject_id, date: row.date });
    await auditAs(s, trx, caller, { action: 'assessment.create', target: row.id, detail });
    const view = await oneAssessment(trx, row.id);
    await publishToClass(s, trx, classId, { type: 'assessment.planned', data: view });
    await bumpVersions(trx, [`class:${classId}`]);
    return view;
  });
}

async function updateAssessment(
  s: Services,
  caller: Caller,
  old: AssessmentRow,
  body: AssessmentPatch,
): Promise<PlannedAssessment> {
  const date = body.date ?? old.date;
  if (date !== old.date) await assertNotPast(s, (await classRow(s, old.class_id)).school_id, date);
  // A new date leaves the old day's lesson unless the teacher names one of the new day.
  const lessonId =
    body.lessonId !== undefined ? body.lessonId : date === old.date ? old.lesson_id : null;
  const at = { classId: old.class_id, subjectId: old.subject_id, date };
  if (lessonId) await assertLesson(s, lessonId, at);
  const next: AssessmentRow = {
    ...old,
    date,
    lesson_id: lessonId,
    kind: body.kind ?? old.kind,
    topic: body.topic ?? old.topic,
    weight: body.weight ?? old.weight,
    updated_at: s.clock.now().toISOString(),
  };
  return s.db.transaction().execute(async (trx) => {
    await markLesson(trx, old, true);
    await trx
      .updateTable('planned_assessments')
      .set({
        date: next.date,
        lesson_id: next.lesson_id,
        kind: next.kind,
        topic: next.topic,
        weight: next.weight,
        updated_at: next.updated_at,
      })
      .where('id', '=', old.id)
      .execute();
    await markLesson(trx, next);
    const pick = (r: AssessmentRow) => ({
      date: r.date,
      lessonId: r.lesson_id,
      kind: r.kind,
      topic: r.topic,
      weight: r.weight,
    });
    const detail = JSON.stringify({ old: pick(old), new: pick(next) });
    await auditAs(s, trx, caller, { action: 'assessment.update', target: old.id, detail });
    const view = await oneAssessment(trx, old.id);
    await publishToClass(s, trx, old.class_id, { type: 'assessment.planned', data: view });
    await bumpVersions(trx, [`class:${old.class_id}`]);
    return view;
  });
}

async function cancelAssessment(s: Services, caller: Caller, old: AssessmentRow): Promise<void> {
  await s.db.transaction().execute(async (trx) => {
    await markLesson(trx, old, true);
    await trx.deleteFrom('planned_assessments').where('id', '=', old.id).execute();
    const detail = JSON.stringify({
      classId: old.class_id,
      subjectId: old.subject_id,
      date: old.date,
      kind: old.kind,
      topic: old.topic,
    });
    await auditAs(s, trx, caller, { action: 'assessment.cancel', target: old.id, detail });
    const data = { id: old.id, classId: old.class_id };
    await publishToClass(s, trx, old.class_id, { type: 'assessment.cancelled', data });
    await bumpVersions(trx, [`class:${old.class_id}`]);
  });
}

/**
 * Planned assessments: the teachers of a class and subject plan, change and cancel them; the
 * family reads a child's upcoming ones; the class's teachers and the school's admins read the
 * class's.
 */
export function assessmentsHandlers(s: Services): Handlers['assessments'] {
  return {
    async upcoming({ params, query, user }) {
      const child = await visibleChild(s, user, params.childId);
      if (!child.class_id) return { items: [] };
      const from = query.from ?? (await schoolToday(s, s.db, child.school_id ?? ''));
      const filter = { classIds: [child.class_id], from, ...(query.to ? { to: query.to } : {}) };
      return { items: await assessmentViews(s.db, filter) };
    },

    async forClass({ params, query, user }) {
      const cls = await classRow(s, params.classId);
      if (user.role === 'school_admin') assertAdminOf(s, user, cls.school_id);
      else await assertTeaches(s, user, cls.id);
      const filter = {
        classIds: [cls.id],
        ...(query.subjectId ? { subjectId: query.subjectId } : {}),
        ...(query.from ? { from: query.from } : {}),
        ...(query.to ? { to: query.to } : {}),
      };
      return { items: await assessmentViews(s.db, filter) };
    },

    async create({ params, body, user, ip }) {
      return createAssessment(s, { user, ip }, params.classId, body);
    },

    async update({ params, body, user, ip }) {
      const old = await taughtAssessment(s, user, params.assessmentId);
      return updateAssessment(s, { user, ip }, old, body);
    },

    async cancel({ params, user, ip }) {
      const old = await taughtAssessment(s, user, params.assessmentId);
      await cancelAssessment(s, { user, ip }, old);
      return undefined;
    },
  };
}
