import type { QuietHours } from '@school-diary/core';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { isoMinuteIn } from '../clock';

const DAY_MINUTES = 24 * 60;

const minutesOf = (hhmm: string): number =>
  Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/**
 * When quiet hours that hold `at` end (the instant SMS and e-mail may go), or null when `at`
 * lies outside them. The window runs from `start` up to `end` on the wall clock of its time
 * zone, across midnight when `end` comes first (`22:00`–`07:00`).
 *
 * @example
 * quietUntil({ start: '22:00', end: '07:00', timeZone: 'Europe/Moscow' }, new Date('2026-11-24T20:30:00Z'));
 * // 2026-11-25T04:00:00.000Z (07:00 in Moscow)
 */
export function quietUntil(quiet: QuietHours, at: Date): Date | null {
  const now = minutesOf(isoMinuteIn(at, quiet.timeZone).slice(11));
  const start = minutesOf(quiet.start);
  const end = minutesOf(quiet.end);
  const inside = start < end ? now >= start && now < end : now >= start || now < end;
  if (!inside) return null;
  const left = (end - now + DAY_MINUTES) % DAY_MINUTES;
  const minuteStart = at.getTime() - (at.getTime() % 60_000);
  return new Date(minuteStart + left * 60_000);
}

/** A user's quiet hours, or undefined when they have none. */
export async function readQuietHours(
  db: Kysely<Database>,
  userId: string,
): Promise<QuietHours | undefined> {
  const row = await db
    .selectFrom('quiet_hours')
    .select(['start_time', 'end_time', 'time_zone'])
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return row ? { start: row.start_time, end: row.end_time, timeZone: row.time_zone } : undefined;
}

/** Stores a user's quiet hours, or with null removes them. */
export async function writeQuietHours(
  db: Kysely<Database>,
  userId: string,
  quiet: QuietHours | null,
): Promise<void> {
  if (!quiet) {
    await db.deleteFrom('quiet_hours').where('user_id', '=', userId).execute();
    return;
  }
  const values = { start_time: quiet.start, end_time: quiet.end, time_zone: quiet.timeZone };
  await db
    .insertInto('quiet_hours')
    .values({ user_id: userId, ...values })
    .onConflict((oc) => oc.column('user_id').doUpdateSet(values))
    .execute();
}
