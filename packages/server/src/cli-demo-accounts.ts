import { formatRuPhone } from '@school-diary/core';
import type { Kysely } from 'kysely';
import type { Database } from './db/schema';
import { DEMO, DEMO_PASSWORD } from './seed/demo';

/** One demo account as printed at start-up. */
export interface DemoAccount {
  readonly role: string;
  readonly name: string;
  /** `+7 999 000-00-01`. */
  readonly phone: string;
  readonly password: string;
  /** The school of staff, the number of children of parents. */
  readonly details: string;
}

const plural = (n: number): string => (n === 1 ? '1 child' : `${n === 0 ? 'no' : n} children`);

/**
 * The demo accounts in {@link DEMO} order, read from the users table (so the names are what the
 * database holds). Accounts missing from the database are left out.
 */
export async function listDemoAccounts(db: Kysely<Database>): Promise<DemoAccount[]> {
  const ids = Object.values(DEMO.users).map((u) => u.id);
  const rows = await db
    .selectFrom('users')
    .leftJoin('schools', 'schools.id', 'users.school_id')
    .select((eb) => [
      'users.id',
      'users.role',
      'users.phone',
      'users.last_name',
      'users.first_name',
      'schools.short_name',
      eb
        .selectFrom('parent_children')
        .select(eb.fn.countAll<number>().as('n'))
        .whereRef('parent_children.parent_id', '=', 'users.id')
        .as('children'),
    ])
    .where('users.id', 'in', ids)
    .execute();
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.flatMap((id) => {
    const r = byId.get(id);
    if (!r) return [];
    const details = r.role === 'parent' ? plural(Number(r.children ?? 0)) : (r.short_name ?? '');
    return [
      {
        role: r.role,
        name: `${r.last_name} ${r.first_name}`,
        phone: formatRuPhone(r.phone) ?? r.phone,
        password: DEMO_PASSWORD,
        details,
      },
    ];
  });
}

/**
 * The accounts as a plain-text table with a header row, columns padded to their widest cell.
 *
 * @example
 * formatAccountsTable(await listDemoAccounts(db));
 * // Role     Name           Phone             Password           Details
 * // parent   Иванова Елена  +7 999 000-00-01  school-diary-demo  2 children
 */
export function formatAccountsTable(accounts: readonly DemoAccount[]): string {
  const header = ['Role', 'Name', 'Phone', 'Password', 'Details'];
  const rows = [header, ...accounts.map((a) => [a.role, a.name, a.phone, a.password, a.details])];
  const widths = header.map((_, col) => Math.max(...rows.map((row) => (row[col] ?? '').length)));
  return rows
    .map((row) =>
      row
        .map((cell, col) => cell.padEnd(widths[col] ?? 0))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}
