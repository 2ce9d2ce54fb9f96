import { addDays, ASSESSMENT_WORK_KINDS, type AssessmentKind } from '@school-diary/core';
import type { SeedLesson } from './diary-lessons';
import type { Row } from './diary-rows';

/** The tests the demo's teachers planned: a subject, days after today, kind, topic and weight. */
const PLANS: readonly {
  readonly key: string;
  readonly after: number;
  readonly kind: AssessmentKind;
  readonly topic: string;
  readonly weight: number;
}[] = [
  { key: 'math', after: 2, kind: 'test', topic: 'Сложение и вычитание дробей', weight: 3 },
  { key: 'russian', after: 6, kind: 'dictation', topic: 'Безударные гласные в корне', weight: 2 },
  { key: 'english', after: 9, kind: 'check', topic: 'Present Simple', weight: 2 },
  { key: 'biology', after: 20, kind: 'vpr', topic: 'ВПР по биологии', weight: 2 },
];

/**
 * The planned tests of every demo class from today on, each at the first lesson of its subject
 * from a few days on, and those lessons with the weight and kind their marks will get.
 */
export function buildAssessments(
  lessons: readonly SeedLesson[],
  today: string,
  now: string,
): { assessments: Row<'planned_assessments'>[]; marked: Map<string, Partial<Row<'lessons'>>> } {
  const assessments: Row<'planned_assessments'>[] = [];
  const marked = new Map<string, Partial<Row<'lessons'>>>();
  const classes = [...new Set(lessons.map((l) => l.row.class_id))];
  for (const classId of classes) {
    for (const plan of PLANS) {
      const from = addDays(today, plan.after);
      const lesson = lessons
        .filter((l) => l.row.class_id === classId && l.key === plan.key && l.row.date >= from)
        .sort((a, b) => a.row.date.localeCompare(b.row.date) || a.row.number - b.row.number)[0];
      if (!lesson) continue;
      assessments.push({
        id: `asm_${lesson.row.id.slice(4)}`,
        class_id: classId,
        subject_id: lesson.subjectId,
        teacher_id: lesson.teacherId,
        date: lesson.row.date,
        lesson_id: lesson.row.id,
        kind: plan.kind,
        topic: plan.topic,
        weight: plan.weight,
        created_at: now,
        updated_at: now,
      });
      marked.set(lesson.row.id, {
        mark_weight: plan.weight,
        mark_kind: ASSESSMENT_WORK_KINDS[plan.kind],
      });
    }
  }
  return { assessments, marked };
}
