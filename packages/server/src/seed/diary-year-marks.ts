import {
  finalMark,
  isoDayOfWeek,
  roundAverage,
  summarizeBySubject,
  type WorkKind,
} from '@school-diary/core';
import { NEW_THIS_YEAR, QUARTERS, STAFFING, WEEK } from './data/diary';
import { moscow, schoolDays } from './diary-calendar';
import { abilityIn, byClass, drawMark, markRow, type Pupil } from './diary-journal';
import type { Random, Row } from './diary-rows';
import { subjectId } from './diary-staff';
import { pick } from './seeded-random';

// The marks that close a period: quarter finals this year, and last year's marks to compare with.

/** The final marks of the quarters that are over, graded by core's maths as teachers would. */
export function buildFinalMarks(
  marks: readonly Row<'marks'>[],
  pupils: readonly Pupil[],
  today: string,
): Row<'final_marks'>[] {
  const rows: Row<'final_marks'>[] = [];
  const classOf = new Map(pupils.map((p) => [p.id, p.classId]));
  const byChild = new Map<string, Row<'marks'>[]>();
  for (const m of marks) {
    const list = byChild.get(m.child_id);
    if (list) list.push(m);
    else byChild.set(m.child_id, [m]);
  }
  QUARTERS.forEach(([, from, to], i) => {
    const year = i < 2 ? 2026 : 2027;
    const range = { from: `${year}-${from}`, to: `${year}-${to}` };
    if (range.to >= today) return;
    for (const [childId, list] of byChild) {
      const classId = classOf.get(childId) ?? '';
      const school = classId.startsWith('cls_17') ? '17' : '42';
      const graded = list.map((m) => ({
        ...m,
        subjectId: m.subject_id,
        subjectName: m.subject_id,
        value: Number(m.value) as 2 | 3 | 4 | 5,
      }));
      for (const summary of summarizeBySubject(graded, range)) {
        const average = summary.weightedAverage;
        const value = finalMark(average === null ? null : roundAverage(average));
        if (value === null) continue;
        rows.push({
          id: `fmk_${childId.slice(4)}_${summary.subjectId.slice(4)}_q${i + 1}`,
          child_id: childId,
          subject_id: summary.subjectId,
          period_id: `per_${school}_2026_q${i + 1}`,
          value: String(value),
          teacher_id: STAFFING[classId]?.[summary.subjectId]?.[0] ?? '',
          updated_at: moscow(range.to, '18:00'),
        });
      }
    }
  });
  return rows;
}

/** Last year's marks (2025/2026), with no lessons behind them, for the year comparison. */
export function buildPreviousYear(rnd: Random, pupils: readonly Pupil[]): Row<'marks'>[] {
  const marks: Row<'marks'>[] = [];
  const ability = abilityIn(rnd);
  const drift = new Map(pupils.map((p) => [p.id, (rnd() - 0.6) * 0.4]));
  const classPupils = byClass(pupils);
  for (const date of schoolDays(2025)) {
    for (const [classId, week] of Object.entries(WEEK)) {
      const keys = (week[isoDayOfWeek(date) - 1] ?? []).filter(
        (k) => !NEW_THIS_YEAR[classId]?.includes(k),
      );
      for (const key of keys) {
        const subject = subjectId(classId, key);
        const teacher = STAFFING[classId]?.[subject]?.[0] ?? '';
        for (const pupil of classPupils.get(classId) ?? []) {
          if (rnd() >= (key === 'pe' ? 0.2 : 0.42)) continue;
          const r = rnd();
          const kind: WorkKind =
            key === 'pe'
              ? 'classwork'
              : r < 0.08
                ? 'test'
                : r < 0.2
                  ? 'quiz'
                  : pick(rnd, ['oral', 'homework', 'classwork'] as const);
          const value = drawMark(rnd, ability(pupil, subject) + (drift.get(pupil.id) ?? 0));
          const at = moscow(date, '15:00');
          marks.push(
            markRow(rnd, {
              id: `mrk_p${marks.length + 1}`,
              pupil,
              subject,
              teacher,
              lessonId: null,
              date,
              kind,
              value,
              at,
            }),
          );
        }
      }
    }
  }
  return marks;
}
