import { todayIn } from '@school-diary/core';
import type { Kysely } from 'kysely';
import type { Clock } from '../clock';
import type { Database } from '../db/schema';
import { insertCalendars, schoolDays } from './diary-calendar';
import { buildAssessments } from './diary-assessments';
import { buildHomework } from './diary-homework';
import { buildJournal, loadPupils } from './diary-journal';
import { buildLessons, buildSubstitutions } from './diary-lessons';
import { insertBatches } from './diary-rows';
import { insertStaff } from './diary-staff';
import { buildFinalMarks, buildPreviousYear } from './diary-year-marks';
import { seededRandom } from './seeded-random';

/**
 * The demo diary: school years 2025/2026 and 2026/2027 with quarters for both demo schools, extra
 * teachers and subjects, a weekly timetable for 5А, 8Б and 7В over the whole year, and — up to
 * the clock's today — attendance, marks for every pupil, homework, a few substitutions (some in
 * the current week) and the final marks of the quarters that are over; tests planned in the weeks
 * ahead; plus last year's marks.
 * Deterministic (seeded), inserted in batches. Runs inside `seedDemo`'s transaction.
 */
export async function seedDemoDiary(
  trx: Kysely<Database>,
  options: { clock: Clock },
): Promise<void> {
  const rnd = seededRandom(2026);
  const now = options.clock.now().toISOString();
  const today = todayIn(options.clock.now(), 'Europe/Moscow');
  await insertStaff(trx, now);
  await insertCalendars(trx);
  const lessons = buildLessons(schoolDays(2026));
  const { assessments, marked } = buildAssessments(lessons, today, now);
  await insertBatches(
    trx,
    'lessons',
    lessons.map((l) => ({ ...l.row, ...marked.get(l.row.id) })),
  );
  await insertBatches(trx, 'substitutions', buildSubstitutions(lessons, today, now));
  const pupils = await loadPupils(trx, rnd);
  const past = lessons
    .filter((l) => l.row.date < today)
    .sort((a, b) => (a.row.date < b.row.date ? -1 : a.row.date > b.row.date ? 1 : 0));
  const { marks, attendance } = buildJournal(rnd, past, pupils);
  await insertBatches(trx, 'attendance', attendance);
  await insertBatches(trx, 'marks', marks);
  await insertBatches(trx, 'homework', buildHomework(rnd, lessons, today));
  await insertBatches(trx, 'planned_assessments', assessments);
  await insertBatches(trx, 'final_marks', buildFinalMarks(marks, pupils, today));
  await insertBatches(trx, 'marks', buildPreviousYear(rnd, pupils));
}
