import type {
  AuditAction,
  Period,
  RosterEntry,
  SchoolProfileInput,
  SchoolYearRecord,
  TeachingAssignment,
} from '@school-diary/core';
import type { Kysely, Selectable } from 'kysely';
import type { Database } from '../db/schema';
import type { Handlers } from '../http/register-routes';
import { bumpVersions } from '../read-cache/versions';
import { maskPhone } from '../services/challenges';
import type { AuthUser, Services } from '../services/context';
import { DomainError, fieldError, forbidden, notFound } from '../services/domain-error';
import { auditAs } from '../services/policy';
import { newRosterId } from '../services/roster-ids';
import { insertRosterRecords } from '../services/roster-records';
import { addInvitedStaff, sendStaffInvitation } from '../services/staff-invitations';
import { classView, schoolView } from './schools';

type RosterRow = Selectable<Database['roster']>;
type Who = { user: AuthUser; ip: string };

/** 403 unless the caller is an admin of this very school (another school's admin included). */
export function assertOwnSchool(user: AuthUser, schoolId: string): void {
  if (user.role !== 'school_admin') throw forbidden();
  // An administrator, but of another school: said as it is, not «no access».
  if (user.schoolId !== schoolId) throw new DomainError('other_school');
}

function rosterView(row: RosterRow): RosterEntry {
  return {
    id: row.id,
    schoolId: row.school_id,
    classId: row.class_id,
    rosterId: row.roster_id,
    lastName: row.last_name,
    firstName: row.first_name,
    birthDate: row.birth_date,
    ...(row.list_number === null ? {} : { listNumber: row.list_number }),
    ...(row.external_id === null ? {} : { externalId: row.external_id }),
    ...(row.left_at === null ? {} : { leftAt: row.left_at }),
  };
}

/** A class of the admin's school, or a field error on `path`. */
async function ownClass(db: Kysely<Database>, schoolId: string, classId: string, path: string) {
  const cls = await db
    .selectFrom('classes')
    .selectAll()
    .where('id', '=', classId)
    .where('school_id', '=', schoolId)
    .executeTakeFirst();
  if (!cls) throw fieldError(path, 'unknown_reference');
  return cls;
}

/** A roster entry of the admin's own school (404 for anyone else's). */
async function ownEntry(s: Services, user: AuthUser, entryId: string): Promise<RosterRow> {
  const row = await s.db
    .selectFrom('roster')
    .selectAll()
    .where('id', '=', entryId)
    .executeTakeFirst();
  if (!row) throw notFound();
  assertOwnSchool(user, row.school_id);
  return row;
}

/** The children linked to a roster entry (a parent linked them with its roster id). */
async function linkedChildren(db: Kysely<Database>, row: RosterRow): Promise<string[]> {
  const links = await db
    .selectFrom('school_links')
    .select('child_id')
    .where('school_id', '=', row.school_id)
    .where('roster_id', '=', row.roster_id)
    .execute();
  return links.map((l) => l.child_id);
}

function profileColumns(body: SchoolProfileInput): Partial<Database['schools']> {
  return {
    ...(body.name === undefined ? {} : { name: body.name }),
    ...(body.shortName === undefined ? {} : { short_name: body.shortName }),
    ...(body.address === undefined ? {} : { address: body.address }),
    ...(body.levels === undefined ? {} : { levels: JSON.stringify(body.levels) }),
    ...(body.profiles === undefined ? {} : { profiles: JSON.stringify(body.profiles) }),
    ...(body.timeZone === undefined ? {} : { time_zone: body.timeZone }),
    ...(body.diaryConnected === undefined ? {} : { diary_connected: body.diaryConnected ? 1 : 0 }),
    ...(body.requiresSnils === undefined ? {} : { requires_snils: body.requiresSnils ? 1 : 0 }),
  };
}

export async function schoolYears(s: Services, schoolId: string): Promise<SchoolYearRecord[]> {
  const years = await s.db
    .selectFrom('school_years')
    .selectAll()
    .where('school_id', '=', schoolId)
    .orderBy('start_date')
    .execute();
  if (years.length === 0) return [];
  const periods = await s.db
    .selectFrom('periods')
    .selectAll()
    .where(
      'school_year_id',
      'in',
      years.map((y) => y.id),
    )
    .orderBy('number')
    .execute();
  return years.map((y) => ({
    id: y.id,
    schoolId: y.school_id,
    name: y.name,
    startDate: y.start_date,
    endDate: y.end_date,
    periodKind: y.period_kind as SchoolYearRecord['periodKind'],
    periods: periods
      .filter((p) => p.school_year_id === y.id)
      .map((p): Period => ({
        id: p.id,
        kind: p.kind as Period['kind'],
        number: p.number,
        name: p.name,
        startDate: p.start_date,
        endDate: p.end_date,
      })),
  }));
}

/**
 * A school's own data, run by its admins: profile, school years and periods, classes, subjects,
 * teaching assignments, the roster and staff invitations. Every change is audited; nothing a
 * family or a teacher entered is deleted when the roster changes.
 */
export function setupHandlers(s: Services): Handlers['setup'] {
  const audited = (
    who: Who,
    db: Kysely<Database>,
    action: AuditAction,
    target: string,
    detail?: string,
  ) => auditAs(s, db, who, { action, target, ...(detail === undefined ? {} : { detail }) });

  return {
    async updateProfile({ params, body, user, ip }) {
      assertOwnSchool(user, params.schoolId);
      const row = await s.db.transaction().execute(async (trx) => {
        const updated = await trx
          .updateTable('schools')
          .set(profileColumns(body))
          .where('id', '=', params.schoolId)
          .returningAll()
          .executeTakeFirst();
        if (!updated) throw notFound();
        await audited(
          { user, ip },
          trx,
          'setup.profile',
          params.schoolId,
          Object.keys(body).join(','),
        );
        return updated;
      });
      return schoolView(row);
    },

    async schoolYears({ params, user }) {
      assertOwnSchool(user, params.schoolId);
      return { items: await schoolYears(s, params.schoolId) };
    },

    async createSchoolYear({ params, body, user, ip }) {
      assertOwnSchool(user, params.schoolId);
      const id = s.ids('sy');
      await s.db.transaction().execute(async (trx) => {
        const overlapping = await trx
          .selectFrom('school_years')
          .select('id')
          .where('school_id', '=', params.schoolId)
          .where((eb) =>
            eb.or([
              eb('name', '=', body.name),
              eb.and([eb('start_date', '<=', body.endDate), eb('end_date', '>=', body.startDate)]),
            ]),
          )
          .executeTakeFirst();
        if (overlapping) throw fieldError('name', 'already_registered');
        await trx
          .insertInto('school_years')
          .values({
            id,
            school_id: params.schoolId,
            name: body.name,
            start_date: body.startDate,
            end_date: body.endDate,
            period_kind: body.periodKind,
          })
          .execute();
        await trx
          .insertInto('periods')
          .values(
            body.periods.map((p, i) => ({
              id: s.ids('per'),
              school_year_id: id,
              kind: body.periodKind,
              number: i + 1,
              name: p.name,
              start_date: p.startDate,
              end_date: p.endDate,
            })),
          )
          .execute();
        await audited({ user, ip }, trx, 'setup.school_year', id, body.name);
      });
      const created = (await schoolYears(s, params.schoolId)).find((y) => y.id === id);
      if (!created) throw notFound();
      return created;
    },

    async createClass({ params, body, user, ip }) {
      assertOwnSchool(user, params.schoolId);
      const row = await s.db.transaction().execute(async (trx) => {
        const taken = await trx
          .selectFrom('classes')
          .select('id')
          .where('school_id', '=', params.schoolId)
          .where('school_year', '=', body.schoolYear)
          .where('name', '=', body.name)
          .executeTakeFirst();
        if (taken) throw fieldError('name', 'already_registered');
        if (body.homeroomTeacherId)
          await ownStaff(trx, params.schoolId, body.homeroomTeacherId, 'homeroomTeacherId');
        const created = await trx
          .insertInto('classes')
          .values({
            id: s.ids('cls'),
            school_id: params.schoolId,
            name: body.name,
            grade: body.grade,
            school_year: body.schoolYear,
            homeroom_teacher_id: body.homeroomTeacherId ?? null,
          })
          .returningAll()
          .executeTakeFirstOrThrow();
        await audited(
          { user, ip },
          trx,
          'setup.class',
          created.id,
          `${body.name} ${body.schoolYear}`,
        );
        return created;
      });
      return classView(row);
    },

    async subjects({ params, user }) {
      assertOwnSchool(user, params.schoolId);
      const rows = await s.db
        .selectFrom('subjects')
        .selectAll()
        .where('school_id', '=', params.schoolId)
        .orderBy('name')
        .execute();
      return { items: rows.map((r) => ({ id: r.id, name: r.name, shortName: r.short_name })) };
    },

    async createSubject({ params, body, user, ip }) {
      assertOwnSchool(user, params.schoolId);
      const id = s.ids('sub');
      await s.db.transaction().execute(async (trx) => {
        const taken = await trx
          .selectFrom('subjects')
          .select('id')
          .where('school_id', '=', params.schoolId)
          .where('name', '=', body.name)
          .executeTakeFirst();
        if (taken) throw fieldError('name', 'already_registered');
        await trx
          .insertInto('subjects')
          .values({ id, school_id: params.schoolId, name: body.name, short_name: body.shortName })
          .execute();
        await audited({ user, ip }, trx, 'setup.subject', id, body.name);
      });
      return { id, name: body.name, shortName: body.shortName };
    },

    async setTeaching({ params, body, user, ip }) {
      const cls = await s.db
        .selectFrom('classes')
        .selectAll()
        .where('id', '=', params.classId)
        .executeTakeFirst();
      if (!cls) throw notFound();
      assertOwnSchool(user, cls.school_id);
      const items: TeachingAssignment[] = body.items.map((i) => ({ ...i, classId: cls.id }));
      await s.db.transaction().execute(async (trx) => {
        for (const [n, item] of body.items.entries()) {
          await ownStaff(trx, cls.school_id, item.teacherId, `items.${n}.teacherId`, 'teacher');
          const subject = await trx
            .selectFrom('subjects')
            .select('id')
            .where('id', '=', item.subjectId)
            .where('school_id', '=', cls.school_id)
            .executeTakeFirst();
          if (!subject) throw fieldError(`items.${n}.subjectId`, 'unknown_reference');
        }
        // Assignments only say who may write: marks and homework already given stay as they are.
        await trx.deleteFrom('teaching').where('class_id', '=', cls.id).execute();
        const unique = [
          ...new Map(items.map((i) => [`${i.teacherId}|${i.subjectId}`, i])).values(),
        ];
        if (unique.length > 0)
          await trx
            .insertInto('teaching')
            .values(
              unique.map((i) => ({
                teacher_id: i.teacherId,
                class_id: cls.id,
                subject_id: i.subjectId,
              })),
            )
            .execute();
        await bumpVersions(trx, [`class:${cls.id}`]);
        await audited({ user, ip }, trx, 'setup.teaching', cls.id, `${unique.length} assignments`);
      });
      return {
        items: [...new Map(items.map((i) => [`${i.teacherId}|${i.subjectId}`, i])).values()],
      };
    },

    async roster({ params, user }) {
      assertOwnSchool(user, params.schoolId);
      const rows = await s.db
        .selectFrom('roster')
        .selectAll()
        .where('school_id', '=', params.schoolId)
        .orderBy('class_id')
        .orderBy('last_name')
        .orderBy('first_name')
        .execute();
      return { items: rows.map(rosterView) };
    },

    async addToRoster({ params, body, user, ip }) {
      assertOwnSchool(user, params.schoolId);
      const row = await s.db.transaction().execute(async (trx) => {
        const school = await trx
          .selectFrom('schools')
          .select('code')
          .where('id', '=', params.schoolId)
          .executeTakeFirstOrThrow();
        await ownClass(trx, params.schoolId, body.classId, 'classId');
        if (body.externalId) {
          const taken = await trx
            .selectFrom('roster')
            .select('id')
            .where('school_id', '=', params.schoolId)
            .where('external_id', '=', body.externalId)
            .executeTakeFirst();
          if (taken) throw fieldError('externalId', 'already_registered');
        }
        const created = await trx
          .insertInto('roster')
          .values({
            id: s.ids('ros'),
            school_id: params.schoolId,
            class_id: body.classId,
            roster_id: newRosterId(`R${school.code.slice(-3)}`),
            last_name: body.lastName,
            first_name: body.firstName,
            middle_name: body.middleName ?? null,
            birth_date: body.birthDate,
            list_number: body.listNumber ?? null,
            external_id: body.externalId ?? null,
            left_at: null,
          })
          .returningAll()
          .executeTakeFirstOrThrow();
        // The pupil's record: the class's journal holds them from now on.
        await insertRosterRecords(trx, [created], {
          ids: s.ids,
          clock: s.clock,
          createdBy: user.id,
        });
        await bumpVersions(trx, [`class:${body.classId}`]);
        await audited({ user, ip }, trx, 'setup.roster_add', created.id, body.classId);
        return created;
      });
      return rosterView(row);
    },

    async moveOnRoster({ params, body, user, ip }) {
      const entry = await ownEntry(s, user, params.entryId);
      if (entry.left_at) throw new DomainError('conflict');
      const row = await s.db.transaction().execute(async (trx) => {
        await ownClass(trx, entry.school_id, body.classId, 'classId');
        const children = await linkedChildren(trx, entry);
        const moved = await trx
          .updateTable('roster')
          .set({ class_id: body.classId })
          .where('id', '=', entry.id)
          .returningAll()
          .executeTakeFirstOrThrow();
        // The child keeps every mark, note and message: they belong to the child, not the class.
        if (children.length > 0) {
          await trx
            .updateTable('school_links')
            .set({ class_id: body.classId })
            .where('school_id', '=', entry.school_id)
            .where('roster_id', '=', entry.roster_id)
            .execute();
          await trx
            .updateTable('children')
            .set({ class_id: body.classId })
            .where('id', 'in', children)
            .where('school_id', '=', entry.school_id)
            .execute();
        }
        await bumpVersions(trx, [
          `class:${entry.class_id}`,
          `class:${body.classId}`,
          ...children.map((c) => `child:${c}` as const),
        ]);
        await audited(
          { user, ip },
          trx,
          'setup.roster_move',
          entry.id,
          `${entry.class_id} → ${body.classId}`,
        );
        return moved;
      });
      return rosterView(row);
    },

    async leaveRoster({ params, body, user, ip }) {
      const entry = await ownEntry(s, user, params.entryId);
      if (entry.left_at) return rosterView(entry);
      const at = body.date ? `${body.date}T00:00:00.000Z` : s.clock.now().toISOString();
      const row = await s.db.transaction().execute(async (trx) => {
        const children = await linkedChildren(trx, entry);
        const left = await trx
          .updateTable('roster')
          .set({ left_at: at })
          .where('id', '=', entry.id)
          .returningAll()
          .executeTakeFirstOrThrow();
        // Out of the class: teachers no longer see or write the child's diary; the family still
        // reads all of it (marks, attendance and messages are the child's, and stay).
        if (children.length > 0)
          await trx
            .updateTable('children')
            .set({ class_id: null })
            .where('id', 'in', children)
            .where('class_id', '=', entry.class_id)
            .execute();
        await bumpVersions(trx, [
          `class:${entry.class_id}`,
          ...children.map((c) => `child:${c}` as const),
        ]);
        await audited({ user, ip }, trx, 'setup.roster_leave', entry.id, at.slice(0, 10));
        return left;
      });
      return rosterView(row);
    },

    async inviteStaff({ params, body, user, ip }) {
      assertOwnSchool(user, params.schoolId);
      const existing = await s.db
        .selectFrom('users')
        .select('id')
        .where('phone', '=', body.phone)
        .executeTakeFirst();
      if (existing) throw fieldError('phone', 'already_registered');
      const school = await s.db
        .selectFrom('schools')
        .select('short_name')
        .where('id', '=', params.schoolId)
        .executeTakeFirstOrThrow();
      const id = await s.db.transaction().execute(async (trx) => {
        const id = await addInvitedStaff(trx, s, params.schoolId, body);
        await audited({ user, ip }, trx, 'setup.staff_invite', id, body.role);
        return id;
      });
      await sendStaffInvitation(s, school.short_name, body);
      return { userId: id, role: body.role, sentTo: maskPhone(body.phone) };
    },
  };
}

/** A member of the school's staff (of `role` when given), or a field error on `path`. */
async function ownStaff(
  db: Kysely<Database>,
  schoolId: string,
  userId: string,
  path: string,
  role?: 'teacher',
): Promise<void> {
  let q = db
    .selectFrom('users')
    .select('id')
    .where('id', '=', userId)
    .where('school_id', '=', schoolId);
  q = role ? q.where('role', '=', role) : q.where('role', 'in', ['teacher', 'school_admin']);
  if (!(await q.executeTakeFirst())) throw fieldError(path, 'unknown_reference');
}
