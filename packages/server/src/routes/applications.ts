import {
  canTransition,
  openSchoolYears,
  todayIn,
  type Application,
  type ApplicationStatus,
} from '@school-diary/core';
import type { Kysely, Selectable } from 'kysely';
import type { Database } from '../db/schema';
import { DomainError, fieldError, notFound } from '../services/domain-error';
import type { Handlers } from '../http/register-routes';
import type { AuthUser, Services } from '../services/context';
import { nextCounter, sixDigits } from '../services/counters';
import { familyMembers, familyOf } from '../services/families';
import { bumpVersions } from '../read-cache/versions';
import { notify } from '../services/notify';
import { assertAdminOf, auditAs, ownChild, type ChildRow } from '../services/policy';

type ApplicationRow = Selectable<Database['applications']>;
type HistoryRow = Selectable<Database['application_history']>;

/** How a parent reads each status in a notification. */
const STATUS_TEXT: Record<ApplicationStatus, string> = {
  submitted: 'подано',
  checking: 'на проверке в школе',
  ready: 'одобрено — активируйте электронный дневник',
  active: 'электронный дневник подключён',
  rejected: 'отклонено',
};

const STATUS_TEXT_EN: Record<ApplicationStatus, string> = {
  submitted: 'submitted',
  checking: 'being checked by the school',
  ready: 'approved — activate the electronic diary',
  active: 'the electronic diary is connected',
  rejected: 'rejected',
};

/** A requested status change with who asked for it. */
interface StatusChange {
  readonly to: ApplicationStatus;
  readonly reason?: string | undefined;
  readonly user: AuthUser;
  readonly ip: string;
  readonly action: string;
}

function view(row: ApplicationRow, history: readonly HistoryRow[]): Application {
  return {
    id: row.id,
    number: row.number,
    childId: row.child_id,
    schoolId: row.school_id,
    schoolYear: row.school_year,
    status: row.status as ApplicationStatus,
    rejectionReason: row.rejection_reason ?? undefined,
    history: history.map((h) => ({
      status: h.status as ApplicationStatus,
      at: h.at,
      reason: h.reason ?? undefined,
    })),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** The API views of applications, their histories read in one query (in `db`'s transaction). */
async function views(
  s: Services,
  rows: readonly ApplicationRow[],
  db: Kysely<Database> = s.db,
): Promise<Application[]> {
  if (rows.length === 0) return [];
  const history = await db
    .selectFrom('application_history')
    .selectAll()
    .where(
      'application_id',
      'in',
      rows.map((r) => r.id),
    )
    .orderBy('id')
    .execute();
  return rows.map((row) =>
    view(
      row,
      history.filter((h) => h.application_id === row.id),
    ),
  );
}

async function viewOne(
  s: Services,
  row: ApplicationRow,
  db: Kysely<Database> = s.db,
): Promise<Application> {
  const [application] = await views(s, [row], db);
  return application as Application;
}

/** The child's family sees the application move, live; inside the write's transaction. */
async function publishUpdate(
  s: Services,
  trx: Kysely<Database>,
  row: ApplicationRow,
): Promise<void> {
  const recipients = familyMembers(await familyOf(trx, row.child_id));
  const data = await viewOne(s, row, trx);
  await s.live.publish(trx, {
    recipients,
    type: 'application.updated',
    childId: row.child_id,
    data,
  });
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

/** Tells the parent who applied, through the channels they chose; after the commit. */
async function notifyStatus(s: Services, row: ApplicationRow): Promise<void> {
  const status = row.status as ApplicationStatus;
  const reason =
    status === 'rejected' && row.rejection_reason ? ` Причина: ${row.rejection_reason}` : '';
  const reasonEn =
    status === 'rejected' && row.rejection_reason ? ` Reason: ${row.rejection_reason}` : '';
  await notify(s, s.db, {
    userId: row.created_by,
    kind: 'application_status',
    title: `Заявление ${row.number}`,
    body: `Статус заявления ${row.number}: ${STATUS_TEXT[status]}.${reason}`,
    en: {
      title: `Application ${row.number}`,
      body: `Application ${row.number}: ${STATUS_TEXT_EN[status]}.${reasonEn}`,
    },
    childId: row.child_id,
    targetId: row.id,
  });
}

/** One step of an application's history, with who took it. */
async function addHistory(
  db: Kysely<Database>,
  applicationId: string,
  step: { status: ApplicationStatus; at: string; reason?: string | undefined },
  actor: AuthUser,
): Promise<void> {
  await db
    .insertInto('application_history')
    .values({
      application_id: applicationId,
      status: step.status,
      at: step.at,
      reason: step.reason ?? null,
      actor_id: actor.id,
    })
    .execute();
}

/** Numbers and stores a new application; inside the caller's transaction. */
async function insertApplication(
  s: Services,
  trx: Kysely<Database>,
  input: { child: ChildRow; schoolId: string; schoolYear: string },
  caller: { user: AuthUser; ip: string },
): Promise<ApplicationRow> {
  const now = s.clock.now();
  const year = now.getUTCFullYear();
  const serial = await nextCounter(trx, `application:${year}`);
  const row: ApplicationRow = {
    id: s.ids('app'),
    number: `ЭД-${year}-${sixDigits(serial)}`,
    child_id: input.child.id,
    school_id: input.schoolId,
    school_year: input.schoolYear,
    status: 'submitted',
    rejection_reason: null,
    created_by: caller.user.id,
    created_at: now.toISOString(),
    updated_at: now.toISOString(),
  };
  await trx.insertInto('applications').values(row).execute();
  await addHistory(trx, row.id, { status: 'submitted', at: row.created_at }, caller.user);
  await publishUpdate(s, trx, row);
  const action = { action: 'applications.create', target: row.id, schoolId: input.schoolId };
  await auditAs(s, trx, caller, action);
  return row;
}

/** Moves an application on, with its history row and audit entry in one transaction. */
async function changeStatus(
  s: Services,
  row: ApplicationRow,
  change: StatusChange,
): Promise<ApplicationRow> {
  const now = s.clock.now().toISOString();
  const updated: ApplicationRow = {
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
    if (change.to === 'active') await placeChild(trx, row);
    await publishUpdate(s, trx, updated);
    const detail = `${row.status} → ${change.to}`;
    const action = { action: change.action, target: row.id, schoolId: row.school_id, detail };
    await auditAs(s, trx, change, action);
  });
  await notifyStatus(s, updated);
  return updated;
}

/**
 * Places the child in the class of their link to the application's school: what the school's
 * approval grants (the class's timetable, teachers, news and chats). In the activation's
 * transaction.
 */
async function placeChild(trx: Kysely<Database>, row: ApplicationRow): Promise<void> {
  const link = await trx
    .selectFrom('school_links')
    .select(['school_id', 'class_id'])
    .where('child_id', '=', row.child_id)
    .where('school_id', '=', row.school_id)
    .executeTakeFirst();
  if (!link) return;
  await trx
    .updateTable('children')
    .set({ school_id: link.school_id, class_id: link.class_id })
    .where('id', '=', row.child_id)
    .execute();
  await bumpVersions(trx, [`child:${row.child_id}`]);
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

async function assertNoOpenApplication(
  s: Services,
  childId: string,
  schoolId: string,
  schoolYear: string,
) {
  const open = await s.db
    .selectFrom('applications')
    .select('id')
    .where('child_id', '=', childId)
    .where('school_id', '=', schoolId)
    .where('school_year', '=', schoolYear)
    .where('status', '!=', 'rejected')
    .executeTakeFirst();
  if (open) throw new DomainError('application_exists');
}

/** Applications for the diary service: submitted by parents, moved on by the school. */
export function applicationsHandlers(s: Services): Handlers['applications'] {
  return {
    async create({ body, user, ip }) {
      const child = await ownChild(s, user, body.childId);
      if (child.status !== 'confirmed') throw new DomainError('identity_unconfirmed');
      const schoolId = await linkedSchool(s, child.id);
      await assertOpenSchoolYear(s, schoolId, body.schoolYear);
      await assertNoOpenApplication(s, child.id, schoolId, body.schoolYear);
      const input = { child, schoolId, schoolYear: body.schoolYear };
      const row = await s.db
        .transaction()
        .execute((trx) => insertApplication(s, trx, input, { user, ip }));
      await notifyStatus(s, row);
      return viewOne(s, row);
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
      return { items: await views(s, rows) };
    },

    async get({ params, user }) {
      return viewOne(s, await visibleApplication(s, user, params.applicationId));
    },

    async setStatus({ params, body, user, ip }) {
      const row = await visibleApplication(s, user, params.applicationId);
      if (body.status === 'rejected' && !body.reason) throw fieldError('reason', 'required');
      if (!canTransition(row.status as ApplicationStatus, body.status)) {
        throw new DomainError('invalid_transition');
      }
      const change = {
        to: body.status,
        reason: body.reason,
        user,
        ip,
        action: 'applications.set_status',
      };
      return viewOne(s, await changeStatus(s, row, change));
    },

    async activate({ params, user, ip }) {
      const row = await visibleApplication(s, user, params.applicationId);
      if (row.status === 'active') return viewOne(s, row);
      if (!canTransition(row.status as ApplicationStatus, 'active')) {
        throw new DomainError('invalid_transition');
      }
      const change = { to: 'active', user, ip, action: 'applications.activate' } as const;
      return viewOne(s, await changeStatus(s, row, change));
    },
  };
}
