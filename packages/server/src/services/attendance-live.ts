import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import type { Services } from './context';
import { familyMembers, familyOf } from './families';
import { attendanceRows } from './journal-queries';
import { attendanceView } from './journal-views';

/**
 * Tells the child's family live (`attendance.recorded`) what was recorded for them at a lesson,
 * whether through the attendance operations or the class journal. Call inside the write's
 * transaction.
 *
 * @example
 * await publishRecorded(s, trx, { id: lesson.id, date: lesson.date }, childId);
 */
export async function publishRecorded(
  s: Services,
  trx: Kysely<Database>,
  lesson: { readonly id: string; readonly date: string },
  childId: string,
): Promise<void> {
  const [row] = await attendanceRows(trx, childId, { from: lesson.date, to: lesson.date }).then(
    (rows) => rows.filter((r) => r.lesson_id === lesson.id),
  );
  if (!row) return;
  await s.live.publish(trx, {
    recipients: familyMembers(await familyOf(trx, childId)),
    type: 'attendance.recorded',
    childId,
    data: attendanceView(row),
  });
}
