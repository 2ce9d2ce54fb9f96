import type { Services } from './context';

/**
 * Claims a scheduled run (a digest's week, a day's reminders) for this server, if no server has:
 * the `settings` row `key` holds the mark of the last run taken. On the very first check it only
 * records `mark` (a new server sends nothing backdated). The claim is taken before the work, so a
 * crash mid-way skips a run rather than repeating it, and of several servers only one wins.
 *
 * @param key - the row's key, e.g. `digest:weekly`
 * @param mark - the run's mark, ordered as strings (an ISO date or instant)
 * @returns true when this call took the run
 */
export async function claimRun(s: Services, key: string, mark: string): Promise<boolean> {
  const row = await s.db
    .selectFrom('settings')
    .select('value')
    .where('key', '=', key)
    .executeTakeFirst();
  if (!row) {
    await s.db
      .insertInto('settings')
      .values({ key, value: mark })
      .onConflict((oc) => oc.doNothing())
      .execute();
    return false;
  }
  if (row.value >= mark) return false;
  const taken = await s.db
    .updateTable('settings')
    .set({ value: mark })
    .where('key', '=', key)
    .where('value', '=', row.value)
    .executeTakeFirst();
  return Number(taken.numUpdatedRows) === 1;
}
