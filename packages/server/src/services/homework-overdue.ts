import type { Services } from './context';
import { englishDate, russianDate } from './journal-views';
import { notify } from './notify';
import { claimRun } from './run-claim';

/** What {@link sendOverdueHomework} did. */
export interface OverdueReport {
  /** Alerts sent: one per parent and child with homework of that day not ticked «сделано». */
  readonly alerts: number;
}

/** The parents who turned the overdue homework alert on, on any channel (it is off by default). */
async function subscribers(s: Services): Promise<string[]> {
  const rows = await s.db
    .selectFrom('notification_settings as ns')
    .innerJoin('users', 'users.id', 'ns.user_id')
    .select('users.id')
    .where('ns.kind', '=', 'homework_overdue')
    .where('users.role', '=', 'parent')
    .where((eb) => eb.or([eb('ns.in_app', '=', 1), eb('ns.sms', '=', 1), eb('ns.email', '=', 1)]))
    .orderBy('users.id')
    .execute();
  return rows.map((r) => r.id);
}

/**
 * Tells every parent who turned the `homework_overdue` alert on which of their children's
 * homework due on `day` nobody ticked «сделано»: one alert per child, naming the subjects, through
 * the channels the parent chose. Call it outside any transaction, once per day that has ended
 * (the schedule does: {@link runDueOverdueHomework}).
 *
 * @example
 * await sendOverdueHomework(s, { day: '2026-11-25' }); // { alerts: 1 }
 */
export async function sendOverdueHomework(
  s: Services,
  options: { readonly day: string },
): Promise<OverdueReport> {
  let alerts = 0;
  for (const parentId of await subscribers(s)) {
    const children = await s.db
      .selectFrom('parent_children')
      .innerJoin('children', 'children.id', 'parent_children.child_id')
      .select(['children.id', 'children.first_name', 'children.class_id'])
      .where('parent_children.parent_id', '=', parentId)
      .orderBy('children.birth_date')
      .execute();
    for (const child of children) {
      if (!child.class_id) continue;
      const open = await s.db
        .selectFrom('homework')
        .innerJoin('subjects', 'subjects.id', 'homework.subject_id')
        .select(['homework.id', 'subjects.name'])
        .where('homework.class_id', '=', child.class_id)
        .where('homework.due_date', '=', options.day)
        .where((eb) =>
          eb.not(
            eb.exists(
              eb
                .selectFrom('homework_done')
                .select('homework_done.homework_id')
                .whereRef('homework_done.homework_id', '=', 'homework.id')
                .where('homework_done.child_id', '=', child.id),
            ),
          ),
        )
        .orderBy('subjects.name')
        .execute();
      if (open.length === 0) continue;
      const subjects = [...new Set(open.map((h) => h.name))].join(', ');
      await notify(s, s.db, {
        userId: parentId,
        kind: 'homework_overdue',
        childId: child.id,
        targetId: open[0]?.id ?? null,
        title: `Просрочено: ${child.first_name}`,
        body: `Не отмечено «сделано» на ${russianDate(options.day)}: ${subjects}`,
        en: {
          title: `Overdue: ${child.first_name}`,
          body: `Not ticked done for ${englishDate(options.day)}: ${subjects}`,
        },
      });
      alerts += 1;
    }
  }
  return { alerts };
}

const DAY = 24 * 3600 * 1000;

/**
 * Sends the overdue alert of the day that has just ended, if nobody has: the `settings` row
 * `homework-overdue` holds the last day handled. The first check only records where we are, and
 * the claim is taken before sending, so a crash skips an alert rather than repeating it.
 * Returns the day handled, or null.
 */
export async function runDueOverdueHomework(s: Services): Promise<string | null> {
  const key = 'homework-overdue';
  const now = s.clock.now();
  const today = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  const day = new Date(today.getTime() - DAY).toISOString().slice(0, 10);
  if (!(await claimRun(s, key, day))) return null;
  await sendOverdueHomework(s, { day });
  return day;
}
