import type { Child, Lesson, Mark, MarkValue } from '@school-diary/core';
import { demoFixtures, type MemoryFixtures } from './fixtures';

const LAST_NAMES = ['Алексеев', 'Белова', 'Васильев', 'Григорьева', 'Дмитриев', 'Егорова', 'Жуков'];
const FIRST_NAMES = ['Анна', 'Борис', 'Вера', 'Глеб', 'Дарья', 'Егор', 'Злата', 'Илья'];

/** Options of {@link classJournalFixtures}. */
export interface ClassJournalOptions {
  /** Pupils added to 5 А beside Мария. @default 24 */
  readonly pupils?: number;
  /** Maths lessons of 5 А, one a school day, ending on 24 November 2026. @default 30 */
  readonly lessons?: number;
}

/**
 * The demo data with a full class journal: 5 А gets more pupils and a maths lesson every school
 * day up to 24 November 2026, most of them marked, a few absences. For stories and benchmarks of
 * `<diary-journal>` (signed in as the maths teacher `usr_teacher_math`).
 *
 * @example
 * const client = createMemoryClient({
 *   fixtures: classJournalFixtures({ pupils: 34, lessons: 170 }),
 *   signedInAs: 'usr_teacher_math',
 * });
 */
export function classJournalFixtures(options: ClassJournalOptions = {}): MemoryFixtures {
  const f = demoFixtures();
  const pupils: Child[] = Array.from({ length: options.pupils ?? 24 }, (_, i) => ({
    id: `chd_mem_5a_${String(i + 1).padStart(2, '0')}`,
    lastName: LAST_NAMES[i % LAST_NAMES.length] as string,
    firstName: FIRST_NAMES[(i * 3) % FIRST_NAMES.length] as string,
    birthDate: '2015-03-01',
    sex: i % 2 ? 'male' : 'female',
    status: 'confirmed',
    classId: 'cls_42_5a',
    schoolId: 'sch_42',
    createdAt: '2026-08-25T09:00:00.000Z',
  }));
  f.children.push(...pupils);
  const days: string[] = [];
  for (let d = new Date('2026-11-24T00:00:00Z'); days.length < (options.lessons ?? 30);) {
    const weekday = d.getUTCDay();
    if (weekday >= 1 && weekday <= 5) days.unshift(d.toISOString().slice(0, 10));
    d = new Date(d.getTime() - 86_400_000);
  }
  const taken = new Set(f.lessons.map((l) => `${l.date}#${l.number}`));
  const lessons: Lesson[] = days.map((date, i) => ({
    id: `les_mem_jrn_${i + 1}`,
    classId: 'cls_42_5a',
    date,
    number: taken.has(`${date}#6`) ? 7 : 6,
    startTime: '13:25',
    endTime: '14:10',
    subjectId: 'sub_42_math',
    subjectName: 'Математика',
    teacherId: 'usr_teacher_math',
    teacherName: 'Орлов С. Н.',
    room: '204',
    homework: [],
  }));
  f.lessons.push(...lessons);
  const marks: Mark[] = [];
  const all = [...pupils.map((p) => p.id), 'chd_maria'];
  lessons.forEach((lesson, l) => {
    all.forEach((childId, p) => {
      if ((l * 7 + p * 3) % 4 !== 0) return;
      const value = (5 - ((l + p) % 4)) as MarkValue;
      const at = `${lesson.date}T10:00:00.000Z`;
      marks.push({
        id: `mrk_mem_jrn_${l}_${p}`,
        childId,
        subjectId: 'sub_42_math',
        subjectName: 'Математика',
        value,
        weight: l % 10 === 9 ? 2 : 1,
        kind: l % 10 === 9 ? 'test' : 'classwork',
        date: lesson.date,
        lessonId: lesson.id,
        teacherId: 'usr_teacher_math',
        teacherName: 'Орлов С. Н.',
        periodId: lesson.date <= '2026-10-26' ? 'per_42_2026_q1' : 'per_42_2026_q2',
        createdAt: at,
        updatedAt: at,
      });
    });
  });
  f.marks.push(...marks);
  return f;
}
