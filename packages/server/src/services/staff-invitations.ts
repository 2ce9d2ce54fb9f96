import type { StaffInviteInput } from '@school-diary/core';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import type { Services } from './context';
import { tellOwner } from './login';
import { hashPassword } from './secrets';
import { staffAccountRow } from './users';

/** A member of staff to invite: who, their phone and role, and their id in the school's records. */
export interface StaffInvite extends StaffInviteInput {
  readonly externalId?: string | undefined;
}

/**
 * Adds an invited member of staff to a school in the caller's transaction, with a password no one
 * knows: they set their own with the SMS code of recovery (see {@link sendStaffInvitation}, sent
 * once the transaction commits). Returns the new account's id.
 */
export async function addInvitedStaff(
  trx: Kysely<Database>,
  s: Pick<Services, 'ids' | 'clock'>,
  schoolId: string,
  invite: StaffInvite,
): Promise<string> {
  const id = s.ids('usr');
  const unusable = await hashPassword(s.ids('unusable') + s.ids('x'), 10);
  await trx
    .insertInto('users')
    .values(
      staffAccountRow({
        ...invite,
        id,
        passwordHash: unusable,
        schoolId,
        createdAt: s.clock.now().toISOString(),
      }),
    )
    .execute();
  return id;
}

/**
 * The invitation's SMS: the school invites them as a teacher or an admin, and tells them to set a
 * password through "Forgot password?" with this number.
 */
export async function sendStaffInvitation(
  s: Pick<Services, 'gateway'>,
  schoolShortName: string,
  invite: Pick<StaffInvite, 'phone' | 'role'>,
): Promise<void> {
  const role = invite.role === 'teacher' ? 'учителем' : 'администратором';
  await tellOwner(
    s,
    invite.phone,
    `${schoolShortName} приглашает вас ${role}. Чтобы задать пароль, откройте вход в дневник, ` +
      'нажмите «Забыли пароль?» и введите этот номер: придёт код из SMS.',
  );
}
