import type { Insertable, Kysely } from 'kysely';
import type { Database } from '../db/schema';

/** A row to insert into one of the database's tables. */
export type Row<T extends keyof Database> = Insertable<Database[T]>;
/** The seeded random source the demo diary draws from. */
export type Random = () => number;

const BATCH = 500;

/** Inserts rows in batches small enough for both backends' parameter limits. */
export async function insertBatches<T extends keyof Database & string>(
  trx: Kysely<Database>,
  table: T,
  rows: readonly Row<T>[],
): Promise<void> {
  for (let i = 0; i < rows.length; i += BATCH) {
    await trx
      .insertInto(table)
      .values(rows.slice(i, i + BATCH) as never)
      .execute();
  }
}
