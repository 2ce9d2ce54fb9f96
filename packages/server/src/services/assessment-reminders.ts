import {
  ASSESSMENT_REMINDER_DAYS,
  assessmentKindName,
  type PlannedAssessment,
} from '@school-diary/core';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import type { Services } from './context';
import { classFamilies, familyMembers } from './families';
import { englishDate, russianDate } from './journal-views';
import { notify } from './notify';
import { assessmentViews } from './planned-assessments';
import { claimRun } from './run-claim';

/** What {@link sendAssessmentReminders} did. */
export interface ReminderReport {
  /** Reminders sent: one per person and child with an assessment that day. */
  readonly reminders: number;
}

/** «2 дня», «5 дней»: a count of days in Russian. */
function russianDays(n: number): string {
  const last = n % 10;
  const teen = n % 100 >= 11 && n % 100 <= 14;
  if (last === 1 && !teen) return `${String(n)} день`;
  if (last >= 2 && last <= 4 && !teen) return `${String(n)} дня`;
  return `${String(n)} дней`;
}

/** A reminder of a day's assessments: each line names the kind, the subject and the topic. */
function reminderText(day: string, daysBefore: number, items: readonly PlannedAssessment[]) {
  const line = (lang: 'ru' | 'en', a: PlannedAssessment) =>
    `${assessmentKindName(lang, a.kind)} — ${a.subjectName}: ${a.topic}`;
  const first = items[0];
  const subject = first?.subjectName ?? '';
  const count = String(items.length);
  const when = daysBefore === 1 ? 'Завтра' : `Через ${russianDays(daysBefore)}`;
  const whenEn = daysBefore === 1 ? 'tomorrow' : `in ${String(daysBefore)} days`;
  return {
    title: items.length === 1 ? `${when}: ${subject}` : `${when} проверок знаний: ${count}`,
    body: `${russianDate(day)}. ${items.map((a) => line('ru', a)).join('; ')}`,
    en: {
      title:
        items.length === 1
          ? `${whenEn[0]?.toUpperCase() ?? ''}${whenEn.slice(1)}: ${subject}`
          : `${count} tests ${whenEn}`,
      body: `${englishDate(day)}. ${items.map((a) => line('en', a)).join('; ')}`,
    },
    targetId: first?.id ?? null,
  };
}

/** The days before a test each of these users wants its reminder (absent: the default). */
async function reminderDaysOf(
  db: Kysely<Database>,
  userIds: readonly string[],
): Promise<Map<string, number>> {
  if (userIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('assessment_reminder_settings')
    .select(['user_id', 'days_before'])
    .where('user_id', 'in', userIds)
    .execute();
  return new Map(rows.map((r) => [r.user_id, r.days_before]));
}

/**
 * Reminds the families (parents and the pupil) of every class with an assessment planned on `day`
 * — those of them who want their reminder `daysBefore` days ahead (1, the day before, by
 * default): one reminder per person and child, listing the day's assessments, through the
 * channels each chose for `assessment`. Call it outside any transaction (the schedule does:
 * {@link runDueAssessmentReminders}).
 *
 * @example
 * await sendAssessmentReminders(s, { day: '2026-11-26' }); // { reminders: 3 }
 * await sendAssessmentReminders(s, { day: '2026-11-30', daysBefore: 5 });
 */
export async function sendAssessmentReminders(
  s: Services,
  options: { readonly day: string; readonly daysBefore?: number },
): Promise<ReminderReport> {
  const daysBefore = options.daysBefore ?? ASSESSMENT_REMINDER_DAYS.default;
  const views = await assessmentViews(s.db, { from: options.day, to: options.day });
  const byClass = new Map<string, PlannedAssessment[]>();
  for (const view of views) byClass.set(view.classId, [...(byClass.get(view.classId) ?? []), view]);
  let reminders = 0;
  for (const [classId, items] of byClass) {
    const text = reminderText(options.day, daysBefore, items);
    const families = await classFamilies(s.db, classId);
    const chosen = await reminderDaysOf(s.db, families.flatMap(familyMembers));
    for (const family of families) {
      for (const userId of familyMembers(family)) {
        if ((chosen.get(userId) ?? ASSESSMENT_REMINDER_DAYS.default) !== daysBefore) continue;
        await notify(s, s.db, { userId, kind: 'assessment', childId: family.childId, ...text });
        reminders += 1;
      }
    }
  }
  return { reminders };
}

const DAY = 24 * 3600 * 1000;

/**
 * Sends the reminders due today, if nobody has: of tomorrow's assessments to those who want them
 * the day before, of those in two days to those who want them two days ahead, and so on up to a
 * week. The `settings` row `assessment-reminders` holds the last day handled (as tomorrow's
 * date). The first check only records where we are, and the claim is taken before sending, so a
 * crash skips a reminder rather than repeating it. Returns tomorrow's date when it sent, or null.
 */
export async function runDueAssessmentReminders(s: Services): Promise<string | null> {
  const key = 'assessment-reminders';
  const now = s.clock.now();
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  const dayAhead = (n: number) => new Date(today + n * DAY).toISOString().slice(0, 10);
  const day = dayAhead(1);
  if (!(await claimRun(s, key, day))) return null;
  for (let n = ASSESSMENT_REMINDER_DAYS.min; n <= ASSESSMENT_REMINDER_DAYS.max; n += 1)
    await sendAssessmentReminders(s, { day: dayAhead(n), daysBefore: n });
  return day;
}
