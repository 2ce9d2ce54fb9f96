import type { User } from '@school-diary/core';
import type { Kysely, Selectable } from 'kysely';
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
