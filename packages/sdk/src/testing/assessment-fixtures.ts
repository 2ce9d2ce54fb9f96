import type { Lesson, PlannedAssessment } from '@school-diary/core';

/** The demo's planned tests: one per lesson picked from the week, and one the week after. */
const PLANS = [
  {
    day: '2026-11-25',
    subjectId: 'sub_42_math',
    kind: 'test',
    topic: 'Сложение дробей',
    weight: 3,
  },
  {
    day: '2026-11-26',
    subjectId: 'sub_42_russian',
    kind: 'dictation',
    topic: 'Безударные гласные',
    weight: 2,
  },
  {
    day: '2026-12-03',
    subjectId: 'sub_42_biology',
    kind: 'check',
    topic: 'Строение клетки',
    weight: 2,
  },
] as const;

/**
 * Planned tests of 5 А for the memory client: at a lesson of the demo week where the week has
 * one of the subject on that day, else on the date alone.
 *
 * @example
 * const assessments = demoAssessments(weekLessons());
 */
export function demoAssessments(lessons: readonly Lesson[]): PlannedAssessment[] {
  return PLANS.map((plan, i) => {
    const lesson = lessons.find((l) => l.date === plan.day && l.subjectId === plan.subjectId);
    const any = lessons.find((l) => l.subjectId === plan.subjectId);
    return {
      id: `asm_mem_${i + 1}`,
      classId: 'cls_42_5a',
      subjectId: plan.subjectId,
      subjectName: any?.subjectName ?? plan.subjectId,
      teacherId: any?.teacherId ?? 'usr_teacher_math',
      teacherName: any?.teacherName ?? 'Учитель',
      date: plan.day,
      ...(lesson ? { lessonId: lesson.id, lessonNumber: lesson.number } : {}),
      kind: plan.kind,
      topic: plan.topic,
      weight: plan.weight,
      createdAt: '2026-11-20T10:00:00.000Z',
      updatedAt: '2026-11-20T10:00:00.000Z',
    };
  });
}
