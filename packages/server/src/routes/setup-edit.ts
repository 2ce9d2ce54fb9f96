import type { AuditAction } from '@school-diary/core';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import type { Handlers } from '../http/register-routes';
import { bumpVersions } from '../read-cache/versions';
import { maskPhone } from '../services/challenges';
import type { AuthUser, Services } from '../services/context';
import { DomainError, fieldError, notFound } from '../services/domain-error';
import { auditAs } from '../services/policy';
import { classView } from './schools';
import { assertOwnSchool, schoolYears } from './setup';

type Db = Kysely<Database>;
type Who = { user: AuthUser; ip: string };

/** The answer to deleting what marks, lessons or pupils refer to: nothing is deleted. */
const inUse = (): DomainError => new DomainError('in_use');

/** Whether any of the queries finds a row. */
async function anyRow(queries: readonly { executeTakeFirst(): Promise<unknown> }[]) {
  for (const q of queries) if (await q.executeTakeFirst()) return true;
  return false;
}

async function ownRow<T extends 'classes' | 'subjects' | 'school_years'>(
  s: Services,
  user: AuthUser,
  table: T,
  id: string,
) {
  const row = await s.db
    .selectFrom(table as 'classes')
    .select(['id', 'school_id'])
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) throw notFound();
  assertOwnSchool(user, row.school_id);
  return row;
}

/** A teacher or an admin of the school, or a field error on `path`. */
async function assertStaffOf(db: Db, schoolId: string, userId: string, path: string) {
  const found = await db
    .selectFrom('users')
    .select('id')
    .where('id', '=', userId)
    .where('school_id', '=', schoolId)
    .where('role', 'in', ['teacher', 'school_admin'])
    .executeTakeFirst();
  if (!found) throw fieldError(path, 'unknown_reference');
}

/**
 * Editing and deleting a school's classes, subjects and school years, and its staff list. A
 * delete is refused (409 `in_use`) while anything entered refers to the record, so nothing a
 * teacher or a family entered is ever lost; every change is audited.
 */
export function setupEditHandlers(s: Services): NonNullable<Handlers['setup']> {
  const audited = (who: Who, db: Db, action: AuditAction, target: string, detail?: string) =>
    auditAs(s, db, who, { action, target, ...(detail === undefined ? {} : { detail }) });

  return {
    async staff({ params, user }) {
      assertOwnSchool(user, params.schoolId);
      const rows = await s.db
        .selectFrom('users')
        .select(['id', 'role', 'last_name', 'first_name', 'middle_name', 'phone'])
        .where('school_id', '=', params.schoolId)
        .where('role', 'in', ['teacher', 'school_admin'])
        .orderBy('last_name')
        .orderBy('first_name')
        .execute();
      return {
        items: rows.map((r) => ({
          id: r.id,
          role: r.role,
          lastName: r.last_name,
          firstName: r.first_name,
          ...(r.middle_name ? { middleName: r.middle_name } : {}),
          phone: maskPhone(r.phone),
        })),
      };
    },

    async updateClass({ params, body, user, ip }) {
      const { school_id: schoolId } = await ownRow(s, user, 'classes', params.classId);
      const row = await s.db.transaction().execute(async (trx) => {
        const cls = await trx
          .selectFrom('classes')
          .selectAll()
          .where('id', '=', params.classId)
          .executeTakeFirstOrThrow();
        if (body.name !== undefined) {
          const taken = await trx
            .selectFrom('classes')
            .select('id')
            .where('school_id', '=', schoolId)
            .where('school_year', '=', cls.school_year)
            .where('name', '=', body.name)
            .where('id', '!=', cls.id)
            .executeTakeFirst();
          if (taken) throw fieldError('name', 'already_registered');
        }
        if (body.homeroomTeacherId)
          await assertStaffOf(trx, schoolId, body.homeroomTeacherId, 'homeroomTeacherId');
        const updated = await trx
          .updateTable('classes')
          .set({
            ...(body.name === undefined ? {} : { name: body.name }),
            ...(body.grade === undefined ? {} : { grade: body.grade }),
            ...(body.homeroomTeacherId === undefined
              ? {}
              : { homeroom_teacher_id: body.homeroomTeacherId }),
          })
          .where('id', '=', cls.id)
          .returningAll()
          .executeTakeFirstOrThrow();
        await bumpVersions(trx, [`class:${cls.id}`]);
        await audited({ user, ip }, trx, 'setup.class_update', cls.id, Object.keys(body).join(','));
        return updated;
      });
      return classView(row);
    },

    async removeClass({ params, user, ip }) {
      await ownRow(s, user, 'classes', params.classId);
      const id = params.classId;
      await s.db.transaction().execute(async (trx) => {
        const used = await anyRow(
          (['roster', 'children', 'school_links', 'lessons', 'homework'] as const).map((t) =>
            trx
              .selectFrom(t as 'lessons')
              .select('class_id')
              .where('class_id', '=', id),
          ),
        );
        if (used) throw inUse();
        await trx.deleteFrom('teaching').where('class_id', '=', id).execute();
        await trx.deleteFrom('timetable_templates').where('class_id', '=', id).execute();
        await trx.deleteFrom('classes').where('id', '=', id).execute();
        await audited({ user, ip }, trx, 'setup.class_remove', id);
      });
      return undefined;
    },

    async updateSubject({ params, body, user, ip }) {
      const { school_id: schoolId } = await ownRow(s, user, 'subjects', params.subjectId);
      const row = await s.db.transaction().execute(async (trx) => {
        if (body.name !== undefined) {
          const taken = await trx
            .selectFrom('subjects')
            .select('id')
            .where('school_id', '=', schoolId)
            .where('name', '=', body.name)
            .where('id', '!=', params.subjectId)
            .executeTakeFirst();
          if (taken) throw fieldError('name', 'already_registered');
        }
        const updated = await trx
          .updateTable('subjects')
          .set({
            ...(body.name === undefined ? {} : { name: body.name }),
            ...(body.shortName === undefined ? {} : { short_name: body.shortName }),
          })
          .where('id', '=', params.subjectId)
          .returningAll()
          .executeTakeFirstOrThrow();
        // Marks and lessons show the subject's name: every class of the school reads it anew.
        const classes = await trx
          .selectFrom('classes')
          .select('id')
          .where('school_id', '=', schoolId)
          .execute();
        await bumpVersions(
          trx,
          classes.map((c) => `class:${c.id}` as const),
        );
        await audited({ user, ip }, trx, 'setup.subject_update', updated.id, updated.name);
        return updated;
      });
      return { id: row.id, name: row.name, shortName: row.short_name };
    },

    async removeSubject({ params, user, ip }) {
      await ownRow(s, user, 'subjects', params.subjectId);
      const id = params.subjectId;
      await s.db.transaction().execute(async (trx) => {
        const tables = [
          'marks',
          'final_marks',
          'lessons',
          'homework',
          'substitutions',
          'portfolio_items',
          'thresholds',
        ] as const;
        const used = await anyRow(
          tables.map((t) =>
            trx
              .selectFrom(t as 'marks')
              .select('subject_id')
              .where('subject_id', '=', id),
          ),
        );
        if (used) throw inUse();
        await trx.deleteFrom('teaching').where('subject_id', '=', id).execute();
        await trx.deleteFrom('subjects').where('id', '=', id).execute();
        await audited({ user, ip }, trx, 'setup.subject_remove', id);
      });
      return undefined;
    },

    async updateSchoolYear({ params, body, user, ip }) {
      const { school_id: schoolId } = await ownRow(s, user, 'school_years', params.schoolYearId);
      const id = params.schoolYearId;
      await s.db.transaction().execute(async (trx) => {
        const year = await trx
          .selectFrom('school_years')
          .selectAll()
          .where('id', '=', id)
          .executeTakeFirstOrThrow();
        const periods = await trx
          .selectFrom('periods')
          .select(['id', 'number'])
          .where('school_year_id', '=', id)
          .orderBy('number')
          .execute();
        if (periods.length !== body.periods.length) throw fieldError('periods', 'invalid_option');
        const clash = await trx
          .selectFrom('school_years')
          .select('id')
          .where('school_id', '=', schoolId)
          .where('id', '!=', id)
          .where((eb) =>
            eb.or([
              eb('name', '=', body.name),
              eb.and([eb('start_date', '<=', body.endDate), eb('end_date', '>=', body.startDate)]),
            ]),
          )
          .executeTakeFirst();
        if (clash) throw fieldError('name', 'already_registered');
        await trx
          .updateTable('school_years')
          .set({ name: body.name, start_date: body.startDate, end_date: body.endDate })
          .where('id', '=', id)
          .execute();
        // Periods keep their ids: marks, final marks and portfolio items stay attached.
        for (const [i, p] of periods.entries()) {
          const next = body.periods[i];
          if (!next) continue;
          await trx
            .updateTable('periods')
            .set({ name: next.name, start_date: next.startDate, end_date: next.endDate })
            .where('id', '=', p.id)
            .execute();
        }
        const classes = await trx
          .updateTable('classes')
          .set({ school_year: body.name })
          .where('school_id', '=', schoolId)
          .where('school_year', '=', year.name)
          .returning('id')
          .execute();
        await bumpVersions(
          trx,
          classes.map((c) => `class:${c.id}` as const),
        );
        await audited({ user, ip }, trx, 'setup.school_year_update', id, body.name);
      });
      const changed = (await schoolYears(s, schoolId)).find((y) => y.id === id);
      if (!changed) throw notFound();
      return changed;
    },

    async removeSchoolYear({ params, user, ip }) {
      const { school_id: schoolId } = await ownRow(s, user, 'school_years', params.schoolYearId);
      const id = params.schoolYearId;
      await s.db.transaction().execute(async (trx) => {
        const year = await trx
          .selectFrom('school_years')
          .selectAll()
          .where('id', '=', id)
          .executeTakeFirstOrThrow();
        const used = await anyRow([
          trx
            .selectFrom('classes')
            .select('id')
            .where('school_id', '=', schoolId)
            .where('school_year', '=', year.name),
          trx
            .selectFrom('final_marks')
            .select('id')
            .where('period_id', 'in', (eb) =>
              eb.selectFrom('periods').select('id').where('school_year_id', '=', id),
            ),
          trx
            .selectFrom('portfolio_items')
            .select('id')
            .where('period_id', 'in', (eb) =>
              eb.selectFrom('periods').select('id').where('school_year_id', '=', id),
            ),
        ]);
        if (used) throw inUse();
        await trx.deleteFrom('holidays').where('school_year_id', '=', id).execute();
        await trx.deleteFrom('periods').where('school_year_id', '=', id).execute();
        await trx.deleteFrom('school_years').where('id', '=', id).execute();
        await audited({ user, ip }, trx, 'setup.school_year_remove', id, year.name);
      });
      return undefined;
    },
  };
}
