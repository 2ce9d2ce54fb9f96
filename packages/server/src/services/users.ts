import type { User } from '@school-diary/core';
import type { Insertable, Kysely, Selectable } from 'kysely';
import type { Database } from '../db/schema';

type UserRow = Selectable<Database['users']>;

/** The API view of a user row: never the password hash, SNILS or passport. */
export function userView(row: UserRow): User {
  return {
    id: row.id,
    role: row.role as User['role'],
    phone: row.phone,
    lastName: row.last_name,
    firstName: row.first_name,
    ...(row.middle_name ? { middleName: row.middle_name } : {}),
    ...(row.email ? { email: row.email } : {}),
    ...(row.school_id ? { schoolId: row.school_id } : {}),
    identityStatus: row.identity_status as User['identityStatus'],
    createdAt: row.created_at,
  };
}

/**
 * The ids of a school's admins: who answers its tickets and hears of its applications.
 *
 * @example
 * const admins = await schoolAdmins(trx, 'sch_42');
 */
export async function schoolAdmins(db: Kysely<Database>, schoolId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('users')
    .select('id')
    .where('role', '=', 'school_admin')
    .where('school_id', '=', schoolId)
    .orderBy('id')
    .execute();
  return rows.map((r) => r.id);
}

/** Who a member of staff is, for {@link staffAccountRow}. */
export interface StaffAccount {
  readonly id: string;
  readonly role: 'teacher' | 'school_admin';
  readonly phone: string;
  readonly passwordHash: string;
  readonly lastName: string;
  readonly firstName: string;
  readonly middleName?: string | null | undefined;
  readonly schoolId: string;
  readonly createdAt: string;
  readonly contactHours?: string | null | undefined;
  readonly externalId?: string | null | undefined;
}

/**
 * A member of staff's account row: the school vouches for them (identity confirmed by the phone
 * the school gave), no documents, not locked.
 */
export function staffAccountRow(staff: StaffAccount): Insertable<Database['users']> {
  return {
    id: staff.id,
    role: staff.role,
    phone: staff.phone,
    password_hash: staff.passwordHash,
    last_name: staff.lastName,
    first_name: staff.firstName,
    middle_name: staff.middleName ?? null,
    email: null,
    snils: null,
    snils_hash: null,
    passport: null,
    school_id: staff.schoolId,
    contact_hours: staff.contactHours ?? null,
    identity_status: 'confirmed_sms',
    failed_logins: 0,
    locked_until: null,
    created_at: staff.createdAt,
    external_id: staff.externalId ?? null,
  };
}
