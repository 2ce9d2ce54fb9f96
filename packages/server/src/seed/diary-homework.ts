import { addDays } from '@school-diary/core';
import { HOMEWORK } from './data/diary';
import { moscow } from './diary-calendar';
import type { SeedLesson } from './diary-lessons';
import type { Random, Row } from './diary-rows';
import { pick } from './seeded-random';

export function fillTemplate(rnd: Random, template: string, paragraph: number): string {
  const p = 8 + paragraph * 4 + Math.floor(rnd() * 3);
  const a = 40 + paragraph * 6 + Math.floor(rnd() * 5);
  return template
    .replaceAll('{n}', String(paragraph))
    .replaceAll('{p}', String(p))
    .replaceAll('{q}', String(p + 12))
    .replaceAll('{a}', String(a))
    .replaceAll('{b}', String(a + 2))
    .replaceAll('{c}', String(a + 5));
}

/** Homework for most lessons up to today, due at the subject's next lesson. */
export function buildHomework(
  rnd: Random,
  lessons: readonly SeedLesson[],
  today: string,
): Row<'homework'>[] {
  // Per class and subject: the date of the lesson after, and the one after a later date.
  const next = new Map<string, { date: string; later: string }>();
  const homework: Row<'homework'>[] = [];
  const seen = new Map<string, number>();
  for (const lesson of [...lessons].reverse()) {
    const { row } = lesson;
    const slot = `${row.class_id}|${lesson.key}`;
    const stored = next.get(slot);
    const due =
      stored && stored.date > row.date ? stored.date : (stored?.later ?? addDays(row.date, 7));
    next.set(slot, { date: row.date, later: due });
    const templates = HOMEWORK[lesson.key];
    if (!templates || row.date > today || rnd() >= 0.85) continue;
    homework.push({
      id: `hwk_${row.id.slice(4)}`,
      lesson_id: row.id,
      class_id: row.class_id,
      subject_id: lesson.subjectId,
      teacher_id: lesson.teacherId,
      text: '',
      assigned_date: row.date,
      due_date: due,
      created_at: moscow(row.date, row.end_time),
      updated_at: moscow(row.date, row.end_time),
    });
  }
  // Paragraphs advance through the year, so texts are written in date order.
  homework.reverse();
  for (const h of homework) {
    const key = Object.keys(HOMEWORK).find((k) => h.subject_id.endsWith(`_${k}`)) ?? 'math';
    const count = (seen.get(`${h.class_id}|${key}`) ?? 0) + 1;
    seen.set(`${h.class_id}|${key}`, count);
    h.text = fillTemplate(rnd, pick(rnd, HOMEWORK[key] ?? []), 1 + Math.floor(count / 2));
  }
  return homework;
}
