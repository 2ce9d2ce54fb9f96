import {
  APPLICATION_WITHDRAWAL_TEXTS,
  type Application,
  type ApplicationStatus,
  type ApplicationWithdrawalReason,
  type Lang,
} from '@school-diary/core';
import type { Kysely, Selectable } from 'kysely';
import type { Database } from '../db/schema';
import type { AuthUser, Services } from './context';
import { nextCounter, sixDigits } from './counters';
import { familyMembers, familyOf } from './families';
import { notify } from './notify';
import { auditAs, type ChildRow } from './policy';

/** A row of the `applications` table. */
export type ApplicationRow = Selectable<Database['applications']>;
type HistoryRow = Selectable<Database['application_history']>;

/** How a parent reads each status in a notification. */
export const STATUS_TEXT: Readonly<Record<ApplicationStatus, string>> = {
  submitted: 'подано',
  checking: 'на проверке в школе',
  ready: 'одобрено — активируйте электронный дневник',
  active: 'электронный дневник подключён',
  rejected: 'отклонено',
  withdrawn: 'отозвано',
};

/** The same in English. */
export const STATUS_TEXT_EN: Readonly<Record<ApplicationStatus, string>> = {
  submitted: 'submitted',
  checking: 'being checked by the school',
  ready: 'approved — activate the electronic diary',
  active: 'the electronic diary is connected',
  rejected: 'rejected',
  withdrawn: 'withdrawn',
};

/** One step of an application's history as it is stored. */
export interface HistoryStep {
  readonly status: ApplicationStatus;
  readonly at: string;
  readonly reason?: string | undefined;
  readonly reasonCode?: ApplicationWithdrawalReason | undefined;
}

function view(
  row: ApplicationRow,
  history: readonly HistoryRow[],
  rosterId: string | undefined,
): Application {
  return {
    id: row.id,
    number: row.number,
    childId: row.child_id,
    schoolId: row.school_id,
    schoolYear: row.school_year,
    ...(rosterId ? { rosterId } : {}),
    status: row.status as ApplicationStatus,
    rejectionReason: row.rejection_reason ?? undefined,
    history: history.map((h) => ({
      status: h.status as ApplicationStatus,
      at: h.at,
      reason: h.reason ?? undefined,
      reasonCode: (h.reason_code as ApplicationWithdrawalReason | null) ?? undefined,
    })),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** The API views of applications, their histories read in one query (in `db`'s transaction). */
export async function applicationViews(
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
  const links = await db
    .selectFrom('school_links')
    .select(['child_id', 'school_id', 'roster_id'])
    .where(
      'child_id',
      'in',
      rows.map((r) => r.child_id),
    )
    .execute();
  const rosterIdOf = (row: ApplicationRow) =>
    links.find((l) => l.child_id === row.child_id && l.school_id === row.school_id)?.roster_id;
  return rows.map((row) =>
    view(
      row,
      history.filter((h) => h.application_id === row.id),
      rosterIdOf(row),
    ),
  );
}

/** The API view of one application. */
export async function applicationView(
  s: Services,
  row: ApplicationRow,
  db: Kysely<Database> = s.db,
): Promise<Application> {
  const [application] = await applicationViews(s, [row], db);
  return application as Application;
}

/** The child's family sees the application move, live; inside the write's transaction. */
export async function publishApplication(
  s: Services,
  trx: Kysely<Database>,
  row: ApplicationRow,
): Promise<void> {
  const recipients = familyMembers(await familyOf(trx, row.child_id));
  const data = await applicationView(s, row, trx);
  await s.live.publish(trx, {
    recipients,
    type: 'application.updated',
    childId: row.child_id,
    data,
  });
}

/** One step of an application's history, with who took it. */
export async function addHistory(
  db: Kysely<Database>,
  applicationId: string,
  step: HistoryStep,
  actor: AuthUser,
): Promise<void> {
  await db
    .insertInto('application_history')
    .values({
      application_id: applicationId,
      status: step.status,
      at: step.at,
      reason: step.reason ?? null,
      reason_code: step.reasonCode ?? null,
      actor_id: actor.id,
    })
    .execute();
}

/** Whether the child has an application in progress or active at the school for the year. */
export async function hasOpenApplication(
  db: Kysely<Database>,
  input: { childId: string; schoolId: string; schoolYear: string },
): Promise<boolean> {
  const open = await db
    .selectFrom('applications')
    .select('id')
    .where('child_id', '=', input.childId)
    .where('school_id', '=', input.schoolId)
    .where('school_year', '=', input.schoolYear)
    .where('status', 'not in', ['rejected', 'withdrawn'])
    .executeTakeFirst();
  return !!open;
}

/** Numbers and stores a new application, live to the family and audited; in the caller's transaction. */
export async function insertApplication(
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
  await publishApplication(s, trx, row);
  const action = {
    action: 'applications.create',
    target: row.id,
    schoolId: input.schoolId,
  } as const;
  await auditAs(s, trx, caller, action);
  return row;
}

/** Why the application reached its status, in a language: the school's or the withdrawal's reason. */
function reasonOf(row: ApplicationRow, lang: Lang, withdrawal?: ApplicationWithdrawalReason) {
  if (row.status === 'rejected') return row.rejection_reason ?? '';
  if (row.status === 'withdrawn' && withdrawal)
    return APPLICATION_WITHDRAWAL_TEXTS[withdrawal][lang];
  return '';
}

/**
 * Tells a user (by default the parent who applied) of the application's status, through the
 * channels they chose; after the commit.
 */
export async function notifyStatus(
  s: Services,
  row: ApplicationRow,
  options: { userId?: string; withdrawal?: ApplicationWithdrawalReason } = {},
): Promise<void> {
  const status = row.status as ApplicationStatus;
  const reason = reasonOf(row, 'ru', options.withdrawal);
  const reasonEn = reasonOf(row, 'en', options.withdrawal);
  await notify(s, s.db, {
    userId: options.userId ?? row.created_by,
    kind: 'application_status',
    title: `Заявление ${row.number}`,
    body: `Статус заявления ${row.number}: ${STATUS_TEXT[status]}.${reason ? ` Причина: ${reason}` : ''}`,
    en: {
      title: `Application ${row.number}`,
      body: `Application ${row.number}: ${STATUS_TEXT_EN[status]}.${reasonEn ? ` Reason: ${reasonEn}` : ''}`,
    },
    childId: row.child_id,
    targetId: row.id,
  });
}
