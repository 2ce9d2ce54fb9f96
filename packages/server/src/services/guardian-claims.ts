import type { GuardianClaim } from '@school-diary/core';
import type { Selectable } from 'kysely';
import type { Database } from '../db/schema';
import type { AuthUser, Services } from './context';
import { DomainError, notFound } from './domain-error';
import { notify } from './notify';
import { auditAs, childVisibleTo, type ChildRow } from './policy';

type ClaimRow = Selectable<Database['guardian_claims']>;
type Caller = { readonly user: AuthUser; readonly ip: string };

const fullName = (r: { last_name: string; first_name: string; middle_name: string | null }) =>
  [r.last_name, r.first_name, r.middle_name].filter(Boolean).join(' ');

/**
 * A second parent's card for a child already on the diary (the same SNILS, the same surname,
 * first name and birth date): files a claim for the child's school to confirm, and answers 409
 * `already_registered` on `snils`. Nothing of the child is shown to the claimant until then. A
 * SNILS of someone else's child answers the same, without a claim.
 */
export async function claimGuardian(
  s: Services,
  caller: Caller,
  child: ChildRow,
  samePerson: boolean,
): Promise<never> {
  const answer = new DomainError('conflict', {
    fields: [{ path: 'snils', code: 'already_registered' }],
  });
  const own = await s.db
    .selectFrom('parent_children')
    .select('child_id')
    .where('child_id', '=', child.id)
    .where('parent_id', '=', caller.user.id)
    .executeTakeFirst();
  if (own) throw new DomainError('conflict');
  if (!samePerson) throw answer;
  const claim = {
    id: s.ids('gcl'),
    child_id: child.id,
    parent_id: caller.user.id,
    status: 'pending',
    created_at: s.clock.now().toISOString(),
    decided_by: null,
    decided_at: null,
  };
  await s.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('guardian_claims')
      .values(claim)
      .onConflict((oc) => oc.columns(['child_id', 'parent_id']).doNothing())
      .execute();
    const action = {
      action: 'children.guardian_claim',
      target: child.id,
      schoolId: child.school_id,
    } as const;
    await auditAs(s, trx, caller, action);
  });
  throw answer;
}

async function claimViews(s: Services, rows: readonly ClaimRow[]): Promise<GuardianClaim[]> {
  if (rows.length === 0) return [];
  const children = await s.db
    .selectFrom('children')
    .select(['id', 'last_name', 'first_name', 'middle_name'])
    .where(
      'id',
      'in',
      rows.map((r) => r.child_id),
    )
    .execute();
  const parents = await s.db
    .selectFrom('users')
    .select(['id', 'last_name', 'first_name', 'middle_name', 'phone'])
    .where(
      'id',
      'in',
      rows.map((r) => r.parent_id),
    )
    .execute();
  return rows.map((r) => {
    const child = children.find((c) => c.id === r.child_id);
    const parent = parents.find((p) => p.id === r.parent_id);
    return {
      id: r.id,
      childId: r.child_id,
      childName: child ? fullName(child) : '',
      parentId: r.parent_id,
      parentName: parent ? fullName(parent) : '',
      parentPhone: parent?.phone ?? '',
      status: r.status as GuardianClaim['status'],
      createdAt: r.created_at,
    };
  });
}

/** The pending claims to children the admin's school may see. */
export async function pendingClaims(s: Services, user: AuthUser): Promise<GuardianClaim[]> {
  const rows = await s.db
    .selectFrom('guardian_claims')
    .selectAll()
    .where('status', '=', 'pending')
    .where('child_id', 'in', (eb) =>
      eb.selectFrom('children').select('children.id').where(childVisibleTo(user)),
    )
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  return claimViews(s, rows);
}

/** The school confirms the claimant as the child's guardian: they now see the child as theirs. */
export async function approveClaim(
  s: Services,
  caller: Caller,
  claimId: string,
): Promise<GuardianClaim> {
  const claim = await s.db
    .selectFrom('guardian_claims')
    .selectAll()
    .where('id', '=', claimId)
    .where('child_id', 'in', (eb) =>
      eb.selectFrom('children').select('children.id').where(childVisibleTo(caller.user)),
    )
    .executeTakeFirst();
  if (!claim) throw notFound();
  if (claim.status === 'approved') return (await claimViews(s, [claim]))[0] as GuardianClaim;
  const now = s.clock.now().toISOString();
  await s.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('parent_children')
      .values({ parent_id: claim.parent_id, child_id: claim.child_id })
      .execute();
    await trx
      .updateTable('guardian_claims')
      .set({ status: 'approved', decided_by: caller.user.id, decided_at: now })
      .where('id', '=', claim.id)
      .execute();
    const action = {
      action: 'admin.guardian_approved',
      target: claim.parent_id,
      detail: claim.child_id,
    } as const;
    await auditAs(s, trx, caller, action);
  });
  await notify(s, s.db, {
    userId: claim.parent_id,
    kind: 'application_status',
    title: 'Школа подтвердила вас как родителя',
    body: 'Карточка ребёнка теперь видна в вашем электронном дневнике.',
    en: {
      title: 'The school confirmed you as a parent',
      body: 'The child’s card is now in your electronic diary.',
    },
    childId: claim.child_id,
    targetId: claim.id,
  });
  const [view] = await claimViews(s, [{ ...claim, status: 'approved' }]);
  return view as GuardianClaim;
}
