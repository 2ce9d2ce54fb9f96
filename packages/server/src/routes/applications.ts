import {
  canTransition,
  openSchoolYears,
  todayIn,
  type ApplicationStatus,
  type AuditAction,
} from '@school-diary/core';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import type { Handlers } from '../http/register-routes';
import { bumpVersions } from '../read-cache/versions';
import {
  addHistory,
  applicationView,
  applicationViews,
  hasOpenApplication,
  insertApplication,
  notifyStatus,
  publishApplication,
  type ApplicationRow,
} from '../services/applications';
import type { AuthUser, Services } from '../services/context';
import { DomainError, fieldError, notFound } from '../services/domain-error';
import { mergeChild } from '../services/child-merge';
import { assertAdminOf, auditAs, ownChild } from '../services/policy';
import { hasGuardian, rosterRecordOf } from '../services/roster-records';

/** A requested status change with who asked for it. */
interface StatusChange {
  readonly to: ApplicationStatus;
  readonly reason?: string | undefined;
  readonly user: AuthUser;
  readonly ip: string;
  readonly action: AuditAction;
}

/** `schoolYear` must be the current school year or the next, in the school's time zone. */
async function assertOpenSchoolYear(s: Services, schoolId: string, schoolYear: string) {
  const school = await s.db
    .selectFrom('schools')
    .select('time_zone')
    .where('id', '=', schoolId)
    .executeTakeFirst();
  const [current, next] = openSchoolYears(todayIn(s.clock.now(), school?.time_zone));
  if (schoolYear !== current && schoolYear !== next)
    throw fieldError('schoolYear', 'school_year_closed', { current, next });
}

/** The application if the caller is its school's admin or a parent of its child; else 404. */
async function visibleApplication(
  s: Services,
  user: AuthUser,
  id: string,
): Promise<ApplicationRow> {
  const row = await s.db
    .selectFrom('applications')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) throw notFound();
  if (user.role === 'school_admin') assertAdminOf(s, user, row.school_id);
  else await ownChild(s, user, row.child_id);
  return row;
}

/** 409: a withdrawn application is final (the link to its school ended); else the transition's. */
function assertCanMove(row: ApplicationRow, to: ApplicationStatus): void {
  const from = row.status as ApplicationStatus;
  if (from === 'withdrawn') throw new DomainError('application_withdrawn');
  if (!canTransition(from, to)) throw new DomainError('invalid_transition');
}

/** Moves an application on, with its history row and audit entry in one transaction. */
async function changeStatus(
  s: Services,
  row: ApplicationRow,
  change: StatusChange,
): Promise<ApplicationRow> {
  const now = s.clock.now().toISOString();
  let updated: ApplicationRow = {
    ...row,
    status: change.to,
    rejection_reason: change.to === 'rejected' ? (change.reason ?? null) : row.rejection_reason,
    updated_at: now,
  };
  await s.db.transaction().execute(async (trx) => {
    const result = await trx
      .updateTable('applications')
      .set({ status: updated.status, rejection_reason: updated.rejection_reason, updated_at: now })
      .where('id', '=', row.id)
      .where('status', '=', row.status)
      .executeTakeFirst();
    // Someone else moved it between our read and this write.
    if (Number(result.numUpdatedRows) !== 1) throw new DomainError('conflict');
    await addHistory(
      trx,
      row.id,
      { status: change.to, at: now, reason: change.reason },
      change.user,
    );
    if (change.to === 'active')
      updated = { ...updated, child_id: await placeChild(s, trx, change, row) };
    await publishApplication(s, trx, updated);
    const detail = `${row.status} → ${change.to}`;
    const action = { action: change.action, target: row.id, schoolId: row.school_id, detail };
    await auditAs(s, trx, change, action);
  });
  await notifyStatus(s, updated);
  return updated;
}

/**
 * Places the child in the class of their link to the application's school: what the school's
 * approval grants (the class's timetable, teachers, news and chats). When the roster entry already
 * has its record (the one the school made on import, or the one a first family's card became), the
 * two become one: the school's own record joins the first family's card, and a second family's
 * card joins the record the first one made, so that one pupil has one record however many
 * guardians link it. In the activation's transaction; returns the id of the child's record.
 */
async function placeChild(
  s: Services,
  trx: Kysely<Database>,
  caller: { readonly user: AuthUser; readonly ip: string },
  row: ApplicationRow,
): Promise<string> {
  const link = await trx
    .selectFrom('school_links')
    .select(['school_id', 'class_id', 'roster_id'])
    .where('child_id', '=', row.child_id)
    .where('school_id', '=', row.school_id)
    .executeTakeFirst();
  if (!link) return row.child_id;
  const record = await rosterRecordOf(trx, link.school_id, link.roster_id);
  if (record && record.id !== row.child_id) {
    const card = await trx
      .selectFrom('children')
      .selectAll()
      .where('id', '=', row.child_id)
      .executeTakeFirstOrThrow();
    const placement = { schoolId: record.school_id, classId: record.class_id };
    const pair = (await hasGuardian(trx, record.id))
      ? { into: record, from: card }
      : { into: card, from: record };
    return (await mergeChild(s, trx, caller, { ...pair, placement })).childId;
  }
  await trx
    .updateTable('children')
    .set({ school_id: link.school_id, class_id: link.class_id })
    .where('id', '=', row.child_id)
    .execute();
  await bumpVersions(trx, [`child:${row.child_id}`]);
  return row.child_id;
}

/** The school a child applies to: the one of their newest school link (`school_not_linked` without). */
async function linkedSchool(s: Services, childId: string): Promise<string> {
  const link = await s.db
    .selectFrom('school_links')
    .select('school_id')
    .where('child_id', '=', childId)
    .orderBy('linked_at', 'desc')
    .orderBy('id', 'desc')
    .executeTakeFirst();
  if (!link) throw new DomainError('school_not_linked');
  return link.school_id;
}

/** Applications for the diary service: submitted by parents, moved on by the school. */
export function applicationsHandlers(s: Services): Handlers['applications'] {
  return {
    async create({ body, user, ip }) {
      const child = await ownChild(s, user, body.childId);
      if (child.status !== 'confirmed') throw new DomainError('identity_unconfirmed');
      const schoolId = await linkedSchool(s, child.id);
      await assertOpenSchoolYear(s, schoolId, body.schoolYear);
      const input = { child, schoolId, schoolYear: body.schoolYear };
      if (await hasOpenApplication(s.db, { ...input, childId: child.id }))
        throw new DomainError('application_exists');
      const row = await s.db
        .transaction()
        .execute((trx) => insertApplication(s, trx, input, { user, ip }));
      await notifyStatus(s, row);
      return applicationView(s, row);
    },

    async list({ query, user }) {
      let q = s.db.selectFrom('applications').selectAll();
      q =
        user.role === 'school_admin'
          ? q.where('school_id', '=', user.schoolId ?? '')
          : q.where('child_id', 'in', (eb) =>
              eb.selectFrom('parent_children').select('child_id').where('parent_id', '=', user.id),
            );
      if (query.status) q = q.where('status', '=', query.status);
      if (query.childId) q = q.where('child_id', '=', query.childId);
      const rows = await q.orderBy('created_at', 'desc').orderBy('number', 'desc').execute();
      return { items: await applicationViews(s, rows) };
    },

    async get({ params, user }) {
      return applicationView(s, await visibleApplication(s, user, params.applicationId));
    },

    async setStatus({ params, body, user, ip }) {
      const row = await visibleApplication(s, user, params.applicationId);
      if (body.status === 'rejected' && !body.reason) throw fieldError('reason', 'required');
      assertCanMove(row, body.status);
      const change = {
        to: body.status,
        reason: body.reason,
        user,
        ip,
        action: 'applications.set_status',
      } as const;
      return applicationView(s, await changeStatus(s, row, change));
    },

    async activate({ params, user, ip }) {
      const row = await visibleApplication(s, user, params.applicationId);
      if (row.status === 'active') return applicationView(s, row);
      assertCanMove(row, 'active');
      const change = { to: 'active', user, ip, action: 'applications.activate' } as const;
      return applicationView(s, await changeStatus(s, row, change));
    },
  };
}
