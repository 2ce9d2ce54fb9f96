import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';

/**
 * Increments a named counter and returns its new value. Call it inside the transaction that
 * uses the number, so a rolled-back write does not burn one and two writers never share one.
 *
 * @example
 * const n = await nextCounter(trx, 'ticket'); // 1, 2, 3 …
 */
export async function nextCounter(db: Kysely<Database>, name: string): Promise<number> {
  const row = await db
    .insertInto('counters')
    .values({ name, value: 1 })
    .onConflict((oc) =>
      oc.column('name').doUpdateSet((eb) => ({ value: eb('counters.value', '+', 1) })),
    )
    .returning('value')
    .executeTakeFirstOrThrow();
  return row.value;
}

/** A counter value as six digits: `42` → `000042`. */
export function sixDigits(value: number): string {
  return String(value).padStart(6, '0');
}
