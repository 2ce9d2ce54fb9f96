// Deterministic benchmark data: a year of marks shaped like the server's (core's `Mark`).
import type { Mark, MarkValue, WorkKind } from '@school-diary/core';

const KINDS: readonly WorkKind[] = ['classwork', 'homework', 'test', 'quiz', 'oral', 'dictation'];
const SUBJECTS = [
  'Алгебра',
  'Английский язык',
  'Биология',
  'География',
  'Геометрия',
  'Информатика',
  'История',
  'Литература',
  'Музыка',
  'Обществознание',
  'ОБЗР',
  'Русский язык',
  'Труд',
  'Физика',
  'Химия',
];

/** A small linear congruential generator: the same marks on every run. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1_664_525) + 1_013_904_223) >>> 0;
    return s / 2 ** 32;
  };
}

/** `count` marks spread over 15 subjects and the school days of 2026/27, in date order. */
export function yearOfMarks(count: number, seed = 42): Mark[] {
  const rnd = random(seed);
  const start = Date.UTC(2026, 8, 1);
  const marks: Mark[] = [];
  for (let i = 0; i < count; i += 1) {
    const day = Math.floor((i / count) * 266);
    const date = new Date(start + day * 86_400_000).toISOString().slice(0, 10);
    const subject = Math.floor(rnd() * SUBJECTS.length);
    const r = rnd();
    const value: MarkValue = r < 0.05 ? 2 : r < 0.3 ? 3 : r < 0.7 ? 4 : 5;
    const kind = KINDS[Math.floor(rnd() * KINDS.length)] as WorkKind;
    marks.push({
      id: `mrk_${i}`,
      childId: 'chd_bench',
      subjectId: `sub_${subject}`,
      subjectName: SUBJECTS[subject] as string,
      value,
      weight: kind === 'test' ? 3 : kind === 'quiz' ? 2 : 1,
      kind,
      date,
      ...(i % 17 === 0 ? { comment: 'Хорошо, но есть ошибки' } : {}),
      teacherId: 'usr_t',
      teacherName: 'Учитель',
      createdAt: `${date}T09:00:00.000Z`,
      updatedAt: `${date}T09:00:00.000Z`,
    });
  }
  return marks;
}

/** One more mark after the year's marks: the "new mark arrived" update. */
export function newMark(after: readonly Mark[]): Mark {
  const last = after[after.length - 1] as Mark;
  return {
    ...last,
    id: 'mrk_new',
    value: 2,
    kind: 'test',
    weight: 3,
    subjectId: 'sub_0',
    subjectName: 'Алгебра',
  };
}
