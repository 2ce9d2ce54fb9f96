import {
  addDays,
  planLessons,
  schoolYearStart,
  type AuditAction,
  type Bell,
  type Holiday,
  type TimetableTemplate,
} from '@school-diary/core';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import type { Handlers } from '../http/register-routes';
import { bumpVersions } from '../read-cache/versions';
import type { AuthUser, Services } from '../services/context';
import { fieldError, notFound } from '../services/domain-error';
import { schoolRounding } from '../services/final-mark-rounding';
import { auditAs } from '../services/policy';
import { assertOwnSchool } from './setup';

type Db = Kysely<Database>;
type Who = { user: AuthUser; ip: string };

const EMPTY: TimetableTemplate = { items: [], exceptions: [] };

async function ownYear(s: Services, user: AuthUser, id: string) {
  const year = await s.db
    .selectFrom('school_years')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst();
  if (!year) throw notFound();
  assertOwnSchool(user, year.school_id);
  return year;
}

async function ownClass(s: Services, user: AuthUser, id: string) {
  const cls = await s.db.selectFrom('classes').selectAll().where('id', '=', id).executeTakeFirst();
  if (!cls) throw notFound();
  assertOwnSchool(user, cls.school_id);
  return cls;
}

async function holidaysOfSchool(db: Db, schoolId: string): Promise<Holiday[]> {
  const rows = await db
    .selectFrom('holidays')
    .innerJoin('school_years', 'school_years.id', 'holidays.school_year_id')
    .select(['holidays.name', 'holidays.start_date', 'holidays.end_date'])
    .where('school_years.school_id', '=', schoolId)
    .orderBy('holidays.start_date')
    .execute();
  return rows.map((r) => ({ name: r.name, startDate: r.start_date, endDate: r.end_date }));
}

async function bellsOf(db: Db, schoolId: string): Promise<Bell[]> {
  const rows = await db
    .selectFrom('bells')
    .selectAll()
    .where('school_id', '=', schoolId)
    .orderBy('number')
    .execute();
  return rows.map((r) => ({ number: r.number, startTime: r.start_time, endTime: r.end_time }));
}

/** The first day of a class's school year: as the school set it, else 1 September. */
async function yearStartOf(db: Db, cls: { school_id: string; school_year: string }) {
  const year = await db
    .selectFrom('school_years')
    .select('start_date')
    .where('school_id', '=', cls.school_id)
    .where('name', '=', cls.school_year)
    .executeTakeFirst();
  return year?.start_date ?? schoolYearStart(cls.school_year);
}

async function templateOf(db: Db, classId: string): Promise<TimetableTemplate> {
  const row = await db
    .selectFrom('timetable_templates')
    .select('template')
    .where('class_id', '=', classId)
    .executeTakeFirst();
  return row ? (JSON.parse(row.template) as TimetableTemplate) : EMPTY;
}

/** Lessons something entered hangs on: marks, attendance, homework, a substitution, a topic. */
async function lessonsInUse(db: Db, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const tables = [
    'marks',
    'attendance',
    'homework',
    'substitutions',
    'absence_notice_lessons',
  ] as const;
  const used = new Set<string>();
  for (const t of tables) {
    const rows = await db
      .selectFrom(t as 'attendance')
      .select('lesson_id')
      .where('lesson_id', 'in', ids)
      .execute();
    for (const r of rows) if (r.lesson_id) used.add(r.lesson_id);
  }
  const topics = await db
    .selectFrom('lessons')
    .select('id')
    .where('id', 'in', ids)
    .where('topic', 'is not', null)
    .execute();
  for (const r of topics) used.add(r.id);
  return used;
}

/**
 * A school's calendar, set by its admins: holidays of a school year, the bell schedule, the
 * final-mark rounding, and each class's repeating week that makes the lessons of a date range.
 * Making lessons never touches one that something was entered on (marks, attendance, homework).
 */
export function setupCalendarHandlers(s: Services): NonNullable<Handlers['setup']> {
  const audited = (who: Who, db: Db, action: AuditAction, target: string, detail?: string) =>
    auditAs(s, db, who, { action, target, ...(detail === undefined ? {} : { detail }) });

  return {
    async holidays({ params, user }) {
      const year = await ownYear(s, user, params.schoolYearId);
      const rows = await s.db
        .selectFrom('holidays')
        .selectAll()
        .where('school_year_id', '=', year.id)
        .orderBy('start_date')
        .execute();
      return {
        items: rows.map((r) => ({ name: r.name, startDate: r.start_date, endDate: r.end_date })),
      };
    },

    async setHolidays({ params, body, user, ip }) {
      const year = await ownYear(s, user, params.schoolYearId);
      const order = [...body.items.keys()].sort((a, b) =>
        (body.items[a]?.startDate ?? '').localeCompare(body.items[b]?.startDate ?? ''),
      );
      order.forEach((at, i) => {
        const h = body.items[at];
        if (!h) return;
        const before = i > 0 ? body.items[order[i - 1] ?? -1] : undefined;
        const startOutside = h.startDate < year.start_date || h.startDate > year.end_date;
        if (startOutside || h.endDate > year.end_date)
          throw fieldError(
            `items.${at}.${startOutside ? 'startDate' : 'endDate'}`,
            'outside_school_year',
            {
              year: year.name,
              start: year.start_date,
              end: year.end_date,
            },
          );
        if (before && before.endDate >= h.startDate)
          throw fieldError(`items.${at}.startDate`, 'date_order');
      });
      const items = order.flatMap((at) => (body.items[at] ? [body.items[at]] : []));
      await s.db.transaction().execute(async (trx) => {
        await trx.deleteFrom('holidays').where('school_year_id', '=', year.id).execute();
        if (items.length > 0)
          await trx
            .insertInto('holidays')
            .values(
              items.map((h) => ({
                id: s.ids('hol'),
                school_year_id: year.id,
                name: h.name,
                start_date: h.startDate,
                end_date: h.endDate,
              })),
            )
            .execute();
        await audited({ user, ip }, trx, 'setup.holidays', year.id, `${items.length} holidays`);
      });
      return { items };
    },

    async bells({ params, user }) {
      assertOwnSchool(user, params.schoolId);
      return { items: await bellsOf(s.db, params.schoolId) };
    },

    async setBells({ params, body, user, ip }) {
      assertOwnSchool(user, params.schoolId);
      await s.db.transaction().execute(async (trx) => {
        await trx.deleteFrom('bells').where('school_id', '=', params.schoolId).execute();
        if (body.items.length > 0)
          await trx
            .insertInto('bells')
            .values(
              body.items.map((b) => ({
                school_id: params.schoolId,
                number: b.number,
                start_time: b.startTime,
                end_time: b.endTime,
              })),
            )
            .execute();
        await audited({ user, ip }, trx, 'setup.bells', params.schoolId, `${body.items.length}`);
      });
      return { items: body.items };
    },

    async rounding({ params, user }) {
      assertOwnSchool(user, params.schoolId);
      const t = await schoolRounding(s.db, params.schoolId);
      return { five: t[5], four: t[4], three: t[3] };
    },

    async setRounding({ params, body, user, ip }) {
      assertOwnSchool(user, params.schoolId);
      await s.db.transaction().execute(async (trx) => {
        await trx
          .deleteFrom('final_mark_rounding')
          .where('school_id', '=', params.schoolId)
          .execute();
        await trx
          .insertInto('final_mark_rounding')
          .values({ school_id: params.schoolId, ...body })
          .execute();
        // Suggested finals change in every class and every child's summary of the school.
        const classes = await trx
          .selectFrom('classes')
          .select('id')
          .where('school_id', '=', params.schoolId)
          .execute();
        const children = await trx
          .selectFrom('children')
          .select('id')
          .where('school_id', '=', params.schoolId)
          .execute();
        await bumpVersions(trx, [
          ...classes.map((c) => `class:${c.id}` as const),
          ...children.map((c) => `child:${c.id}` as const),
        ]);
        const detail = `${body.five}/${body.four}/${body.three}`;
        await audited({ user, ip }, trx, 'setup.rounding', params.schoolId, detail);
      });
      return body;
    },

    async timetableTemplate({ params, user }) {
      const cls = await ownClass(s, user, params.classId);
      return templateOf(s.db, cls.id);
    },

    async setTimetableTemplate({ params, body, user, ip }) {
      const cls = await ownClass(s, user, params.classId);
      const subjects = new Set(
        (
          await s.db
            .selectFrom('subjects')
            .select('id')
            .where('school_id', '=', cls.school_id)
            .execute()
        ).map((r) => r.id),
      );
      const staff = new Set(
        (
          await s.db
            .selectFrom('users')
            .select('id')
            .where('school_id', '=', cls.school_id)
            .where('role', 'in', ['teacher', 'school_admin'])
            .execute()
        ).map((r) => r.id),
      );
      const check = (path: string, ok: boolean) => {
        if (!ok) throw fieldError(path, 'unknown_reference');
      };
      body.items.forEach((l, n) => {
        check(`items.${n}.subjectId`, subjects.has(l.subjectId));
        check(`items.${n}.teacherId`, staff.has(l.teacherId));
      });
      body.exceptions.forEach((e, n) => {
        if (e.subjectId) check(`exceptions.${n}.subjectId`, subjects.has(e.subjectId));
        if (e.teacherId) check(`exceptions.${n}.teacherId`, staff.has(e.teacherId));
      });
      await s.db.transaction().execute(async (trx) => {
        await trx.deleteFrom('timetable_templates').where('class_id', '=', cls.id).execute();
        await trx
          .insertInto('timetable_templates')
          .values({
            class_id: cls.id,
            template: JSON.stringify(body),
            updated_at: s.clock.now().toISOString(),
          })
          .execute();
        const detail = `${body.items.length} lessons, ${body.exceptions.length} exceptions`;
        await audited({ user, ip }, trx, 'setup.timetable_template', cls.id, detail);
      });
      return body;
    },

    async generateTimetable({ params, body, user, ip }) {
      const cls = await ownClass(s, user, params.classId);
      if (body.to > addDays(body.from, 365)) throw fieldError('to', 'too_big');
      const plan = planLessons(await templateOf(s.db, cls.id), {
        ...body,
        holidays: await holidaysOfSchool(s.db, cls.school_id),
        bells: await bellsOf(s.db, cls.school_id),
        yearStart: await yearStartOf(s.db, cls),
      });
      const result = { created: 0, updated: 0, kept: 0, removed: 0 };
      await s.db.transaction().execute(async (trx) => {
        const existing = await trx
          .selectFrom('lessons')
          .select(['id', 'date', 'number'])
          .where('class_id', '=', cls.id)
          .where('date', '>=', body.from)
          .where('date', '<=', body.to)
          .execute();
        const used = await lessonsInUse(
          trx,
          existing.map((l) => l.id),
        );
        const slot = (l: { date: string; number: number }) => `${l.date}|${l.number}`;
        const byslot = new Map(existing.map((l) => [slot(l), l]));
        const planned = new Set(plan.map(slot));
        for (const p of plan) {
          const old = byslot.get(slot(p));
          const columns = {
            start_time: p.startTime,
            end_time: p.endTime,
            subject_id: p.subjectId,
            teacher_id: p.teacherId,
            room: p.room,
          };
          if (old && used.has(old.id)) result.kept += 1;
          else if (old) {
            await trx.updateTable('lessons').set(columns).where('id', '=', old.id).execute();
            result.updated += 1;
          } else {
            await trx
              .insertInto('lessons')
              .values({
                id: s.ids('les'),
                class_id: cls.id,
                date: p.date,
                number: p.number,
                ...columns,
                topic: null,
                mark_weight: null,
                mark_kind: null,
              })
              .execute();
            result.created += 1;
          }
        }
        const gone = existing.filter((l) => !planned.has(slot(l)));
        for (const l of gone) {
          if (used.has(l.id)) result.kept += 1;
          else {
            await trx.deleteFrom('lessons').where('id', '=', l.id).execute();
            result.removed += 1;
          }
        }
        await bumpVersions(trx, [`class:${cls.id}`]);
        const detail = `${body.from}…${body.to}: +${result.created} ~${result.updated} -${result.removed}`;
        await audited({ user, ip }, trx, 'setup.timetable_generate', cls.id, detail);
      });
      return result;
    },
  };
}
