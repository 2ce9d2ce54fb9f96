import {
  APPLICATION_STATUSES,
  canTransition,
  openSchoolYears,
  todayIn,
  type ApplicationStatus,
  type ApplicationWithdrawalReason,
} from '@school-diary/core';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import {
  addHistory,
  hasOpenApplication,
  insertApplication,
  notifyStatus,
  publishApplication,
  type ApplicationRow,
} from './applications';
import type { AuthUser, Services } from './context';
import { DomainError } from './domain-error';
import { auditAs, type ChildRow } from './policy';
import { schoolAdmins } from './users';

type Caller = { readonly user: AuthUser; readonly ip: string };

/** The statuses a withdrawal ends: those in progress and an active one. */
const WITHDRAWABLE: readonly ApplicationStatus[] = APPLICATION_STATUSES.filter((status) =>
  canTransition(status, 'withdrawn'),
);

/** Why the withdrawals of this module happen: the link to the school ended. */
const REASON: ApplicationWithdrawalReason = 'child_unlinked';

/**
 * Withdraws the child's applications at a school whose link ends (unlink or change of school):
 * those in progress and an active one, each with a history step dated now with the reason
 * `child_unlinked`, a live event to the family and an audit entry for the school — all in the
 * unlink's transaction. Returns the withdrawn applications, for {@link notifyWithdrawals} after
 * the commit.
 */
export async function withdrawApplications(
  s: Services,
  trx: Kysely<Database>,
  caller: Caller,
  leaving: { readonly childId: string; readonly schoolId: string },
): Promise<ApplicationRow[]> {
  const open = await trx
    .selectFrom('applications')
    .selectAll()
    .where('child_id', '=', leaving.childId)
    .where('school_id', '=', leaving.schoolId)
    .where('status', 'in', WITHDRAWABLE)
    .orderBy('created_at')
    .orderBy('number')
    .execute();
  const now = s.clock.now().toISOString();
  const withdrawn: ApplicationRow[] = [];
  for (const row of open) {
    const result = await trx
      .updateTable('applications')
      .set({ status: 'withdrawn', updated_at: now })
      .where('id', '=', row.id)
      .where('status', '=', row.status)
      .executeTakeFirst();
    // The school moved it between our read and this write.
    if (Number(result.numUpdatedRows) !== 1) throw new DomainError('conflict');
    const updated: ApplicationRow = { ...row, status: 'withdrawn', updated_at: now };
    await addHistory(
      trx,
      row.id,
      { status: 'withdrawn', at: now, reasonCode: REASON },
      caller.user,
    );
    await publishApplication(s, trx, updated);
    const detail = `${row.status} → withdrawn: ${REASON}`;
    const action = {
      action: 'applications.withdraw',
      target: row.id,
      schoolId: row.school_id,
    } as const;
    await auditAs(s, trx, caller, { ...action, detail });
    withdrawn.push(updated);
  }
  return withdrawn;
}

/**
 * On a change of school, applies at the new school for each school year a withdrawn application
 * was for, while that year is open there (the current or the next in the school's time zone) and
 * the child has no application there yet; in the change's transaction.
 */
export async function reapplyAt(
  s: Services,
  trx: Kysely<Database>,
  caller: Caller,
  joining: { readonly child: ChildRow; readonly schoolId: string; readonly timeZone: string },
  withdrawn: readonly ApplicationRow[],
): Promise<ApplicationRow[]> {
  const open = openSchoolYears(todayIn(s.clock.now(), joining.timeZone));
  const years = [...new Set(withdrawn.map((row) => row.school_year))].filter((year) =>
    open.includes(year),
  );
  const created: ApplicationRow[] = [];
  for (const schoolYear of years) {
    const input = { child: joining.child, schoolId: joining.schoolId, schoolYear };
    if (await hasOpenApplication(trx, { ...input, childId: joining.child.id })) continue;
    created.push(await insertApplication(s, trx, input, caller));
  }
  return created;
}

/**
 * Tells of the withdrawals after the commit: the parent who applied, and every admin of the
 * school, whose queue now shows the applications withdrawn.
 */
export async function notifyWithdrawals(
  s: Services,
  withdrawn: readonly ApplicationRow[],
): Promise<void> {
  for (const row of withdrawn) {
    await notifyStatus(s, row, { withdrawal: REASON });
    for (const admin of await schoolAdmins(s.db, row.school_id))
      await notifyStatus(s, row, { userId: admin, withdrawal: REASON });
  }
}
