import type { Challenge, Routes, SchoolLink } from '@school-diary/core';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import type { Handlers, RequestContext } from '../http/register-routes';
import { bumpVersions } from '../read-cache/versions';
import { notifyStatus, type ApplicationRow } from '../services/applications';
import {
  notifyWithdrawals,
  reapplyAt,
  withdrawApplications,
} from '../services/application-withdrawals';
import { consumeChallenge, startChallenge, type ChallengePurpose } from '../services/challenges';
import type { Services } from '../services/context';
import { DomainError, fieldError, notFound } from '../services/domain-error';
import { auditAs, childViewFor, ownChild, type ChildRow } from '../services/policy';
import {
  insertLink,
  linkableEntry,
  linkViews,
  samePerson,
  type Caller,
  type LinkInput,
} from '../services/school-links';

type CardHandlers = Pick<
  NonNullable<Handlers['children']>,
  'update' | 'startSchoolChange' | 'confirmSchoolChange'
>;
type CardUpdate = RequestContext<Routes['children']['update']>['body'];
type ChangeInput = RequestContext<Routes['children']['startSchoolChange']>['body'];
type ChangeRow = Database['school_changes'];
type LinkRow = Database['school_links'];

/** The child card whose SNILS this is, if any. */
export async function childBySnils(s: Services, snils: string): Promise<ChildRow | undefined> {
  return s.db
    .selectFrom('children')
    .selectAll()
    .where('snils_hash', 'in', s.documents.indexes('snils', snils))
    .executeTakeFirst();
}

/** Sends a code to the parent's own phone. After any commit: the gateway has its own connection. */
export async function sendParentCode(
  s: Services,
  userId: string,
  purpose: ChallengePurpose,
  targetId: string,
): Promise<Challenge> {
  const parent = await s.db
    .selectFrom('users')
    .select('phone')
    .where('id', '=', userId)
    .executeTakeFirstOrThrow();
  return startChallenge(s, { userId, phone: parent.phone, purpose, targetId });
}

type CardColumns = Partial<
  Pick<
    ChildRow,
    | 'last_name'
    | 'first_name'
    | 'middle_name'
    | 'birth_date'
    | 'sex'
    | 'snils'
    | 'snils_hash'
    | 'inn'
    | 'birth_certificate'
  >
>;

/** The columns a change sets, only those whose value differs from the card's. */
function changedColumns(s: Services, row: ChildRow, body: CardUpdate): CardColumns {
  const set: CardColumns = {};
  const text = (value: string | undefined) => (value ? value : null);
  if (body.lastName !== undefined && body.lastName !== row.last_name) set.last_name = body.lastName;
  if (body.firstName !== undefined && body.firstName !== row.first_name)
    set.first_name = body.firstName;
  if (body.middleName !== undefined && text(body.middleName) !== row.middle_name)
    set.middle_name = text(body.middleName);
  if (body.birthDate !== undefined && body.birthDate !== row.birth_date)
    set.birth_date = body.birthDate;
  if (body.sex !== undefined && body.sex !== row.sex) set.sex = body.sex;
  const open = (kind: 'snils' | 'inn' | 'birth_certificate', sealed: string | null) =>
    s.documents.openOptional(kind, sealed) ?? null;
  if (body.snils !== undefined && text(body.snils) !== open('snils', row.snils)) {
    set.snils = body.snils ? s.documents.seal('snils', body.snils) : null;
    set.snils_hash = body.snils ? s.documents.index('snils', body.snils) : null;
  }
  if (body.inn !== undefined && text(body.inn) !== open('inn', row.inn))
    set.inn = body.inn ? s.documents.seal('inn', body.inn) : null;
  const certificate = body.birthCertificate;
  if (
    certificate !== undefined &&
    text(certificate) !== open('birth_certificate', row.birth_certificate)
  )
    set.birth_certificate = certificate ? s.documents.seal('birth_certificate', certificate) : null;
  return set;
}

/** The API's names of the changed columns, for the audit log (never their values). */
const FIELD_OF: Record<keyof CardColumns, string | null> = {
  last_name: 'lastName',
  first_name: 'firstName',
  middle_name: 'middleName',
  birth_date: 'birthDate',
  sex: 'sex',
  snils: 'snils',
  snils_hash: null,
  inn: 'inn',
  birth_certificate: 'birthCertificate',
};

/** 409 or a field error when the changed card would be another card of the same child. */
async function assertStillOneCard(s: Services, parentId: string, row: ChildRow, set: CardColumns) {
  if (set.snils_hash) {
    const other = await s.db
      .selectFrom('children')
      .select('id')
      .where(
        'snils_hash',
        'in',
        s.documents.indexes('snils', s.documents.open('snils', set.snils ?? '')),
      )
      .where('id', '!=', row.id)
      .executeTakeFirst();
    if (other) throw fieldError('snils', 'already_registered');
  }
  if (!set.last_name && !set.first_name && !set.birth_date) return;
  const person = {
    lastName: set.last_name ?? row.last_name,
    firstName: set.first_name ?? row.first_name,
    birthDate: set.birth_date ?? row.birth_date,
  };
  const siblings = await s.db
    .selectFrom('children')
    .innerJoin('parent_children', 'parent_children.child_id', 'children.id')
    .select(['children.last_name', 'children.first_name', 'children.birth_date'])
    .where('parent_children.parent_id', '=', parentId)
    .where('children.id', '!=', row.id)
    .execute();
  if (siblings.some((sibling) => samePerson(sibling, person)))
    throw new DomainError('child_exists');
}

/** The school and roster id a link or change joins (the schema requires both for those kinds). */
function joiningOf(input: ChangeInput): LinkInput {
  return { schoolCode: input.schoolCode ?? '', rosterId: input.rosterId ?? '' };
}

/** The link being left (unlink, change): one of this child's, or 404. */
async function linkOf(s: Services, child: ChildRow, linkId: string | null) {
  const link = await s.db
    .selectFrom('school_links')
    .selectAll()
    .where('id', '=', linkId ?? '')
    .where('child_id', '=', child.id)
    .executeTakeFirst();
  if (!link) throw notFound();
  return link;
}

/**
 * Removes a link in the caller's transaction. A child placed in that school's class leaves it:
 * the school's timetable, teachers and chats close to the family, and its admins no longer see
 * the card. The child's applications at that school in progress, and an active one, are
 * withdrawn (returned for the notifications after the commit).
 */
async function removeLink(
  s: Services,
  trx: Kysely<Database>,
  caller: Caller,
  child: ChildRow,
  link: LinkRow,
): Promise<ApplicationRow[]> {
  await trx.deleteFrom('school_links').where('id', '=', link.id).execute();
  if (child.school_id === link.school_id) {
    const left = { school_id: null, class_id: null };
    await trx.updateTable('children').set(left).where('id', '=', child.id).execute();
  }
  const action = {
    action: 'children.unlink_school',
    target: child.id,
    schoolId: link.school_id,
  } as const;
  await auditAs(s, trx, caller, action);
  return withdrawApplications(s, trx, caller, { childId: child.id, schoolId: link.school_id });
}

/**
 * What a confirmed change does, checked again at the time it is made. A change of school applies
 * at the new school for the school years of the applications it withdrew.
 */
async function applyChange(s: Services, caller: Caller, child: ChildRow, change: ChangeRow) {
  const leaving = change.kind === 'link' ? undefined : await linkOf(s, child, change.link_id);
  const joining =
    change.kind === 'unlink'
      ? undefined
      : await linkableEntry(s, caller, child, {
          schoolCode: change.school_code ?? '',
          rosterId: change.roster_id ?? '',
        });
  const { withdrawn, applied } = await s.db.transaction().execute(async (trx) => {
    const done = await trx
      .updateTable('school_changes')
      .set({ done_at: s.clock.now().toISOString() })
      .where('id', '=', change.id)
      .where('done_at', 'is', null)
      .executeTakeFirst();
    if (Number(done.numUpdatedRows) !== 1) throw new DomainError('conflict');
    const withdrawn = leaving ? await removeLink(s, trx, caller, child, leaving) : [];
    const placed =
      leaving && child.school_id === leaving.school_id ? { ...child, school_id: null } : child;
    let applied: ApplicationRow[] = [];
    if (joining) {
      await insertLink(s, trx, caller, placed, joining);
      const school = { schoolId: joining.school.id, timeZone: joining.school.time_zone };
      applied = await reapplyAt(s, trx, caller, { child: placed, ...school }, withdrawn);
    }
    await bumpVersions(trx, [`child:${child.id}`]);
    return { withdrawn, applied };
  });
  await notifyWithdrawals(s, withdrawn);
  for (const row of applied) await notifyStatus(s, row);
}

/**
 * The child card's own writes: the parent edits the card (checked exactly as a new card), and
 * links, unlinks or changes school, each confirmed by an SMS code to the parent's phone.
 */
export function childCardHandlers(s: Services): CardHandlers {
  return {
    async update({ params, body, user, ip }) {
      const row = await ownChild(s, user, params.childId);
      const set = changedColumns(s, row, body);
      const fields = Object.keys(set).flatMap((k) => FIELD_OF[k as keyof CardColumns] ?? []);
      if (fields.length === 0) return childViewFor(s, user, row);
      await assertStillOneCard(s, user.id, row, set);
      await s.db.transaction().execute(async (trx) => {
        await trx.updateTable('children').set(set).where('id', '=', row.id).execute();
        const detail = JSON.stringify(fields);
        const action = {
          action: 'children.update',
          target: row.id,
          schoolId: row.school_id,
        } as const;
        await auditAs(s, trx, { user, ip }, { ...action, detail });
        await bumpVersions(trx, [`child:${row.id}`]);
      });
      return childViewFor(s, user, { ...row, ...set });
    },

    async startSchoolChange({ params, body, user, ip }) {
      const child = await ownChild(s, user, params.childId);
      if (child.status !== 'confirmed') throw new DomainError('identity_unconfirmed');
      const input: ChangeInput = body;
      const target = input.kind === 'unlink' ? undefined : joiningOf(input);
      if (input.kind !== 'link') await linkOf(s, child, input.linkId ?? null);
      // Every check a parent can fix comes before the code, so a code is never wasted.
      if (target) await linkableEntry(s, { user, ip }, child, target);
      const challenge = await sendParentCode(s, user.id, 'school', child.id);
      await s.db
        .insertInto('school_changes')
        .values({
          id: s.ids('sch'),
          challenge_id: challenge.challengeId,
          child_id: child.id,
          parent_id: user.id,
          kind: input.kind,
          link_id: input.kind === 'link' ? null : (input.linkId ?? null),
          school_code: target?.schoolCode ?? null,
          roster_id: target?.rosterId ?? null,
          created_at: s.clock.now().toISOString(),
          done_at: null,
        })
        .execute();
      const action = { action: 'children.school_change_start', target: child.id } as const;
      await auditAs(s, s.db, { user, ip }, { ...action, detail: input.kind });
      return challenge;
    },

    async confirmSchoolChange({ params, body, user, ip }): Promise<{ items: SchoolLink[] }> {
      const child = await ownChild(s, user, params.childId);
      const change = await s.db
        .selectFrom('school_changes')
        .selectAll()
        .where('challenge_id', '=', body.challengeId)
        .where('child_id', '=', child.id)
        .where('parent_id', '=', user.id)
        .where('done_at', 'is', null)
        .executeTakeFirst();
      if (!change)
        throw new DomainError('code_invalid', { fields: [{ path: 'code', code: 'wrong_code' }] });
      await consumeChallenge(s, { ...body, purpose: 'school' }, ip);
      await applyChange(s, { user, ip }, child, change);
      return { items: await linkViews(s, child.id) };
    },
  };
}
