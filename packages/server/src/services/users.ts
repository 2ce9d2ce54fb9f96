import type { User } from '@school-diary/core';
import type { Selectable } from 'kysely';
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
