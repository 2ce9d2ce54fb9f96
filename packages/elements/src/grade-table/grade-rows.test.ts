/// <reference types="mocha" />
// A new mark at the end touches only its subject's row: appendToRows gives what grouping all the
// marks again gives, keeps every other row as the same object, and appendedCount tells an
// appended list from a changed one.
import { expect } from '@open-wc/testing';
import type { Mark, MarkValue, Threshold } from '@school-diary/core';
import { appendToRows, appendedCount, subjectRows, type MarkFilter } from './grade-rows';

function mark(i: number, subject: number, value: MarkValue, date: string, kind = 'test'): Mark {
  return {
    id: `m${i}`,
    childId: 'c',
    subjectId: `s${subject}`,
    subjectName: ['Алгебра', 'Физика', 'Химия', 'Биология'][subject] as string,
    value,
    weight: 1 + (i % 3),
    kind: kind as Mark['kind'],
    date,
    teacherId: 't',
    teacherName: 'T',
    createdAt: `${date}T09:00:00.000Z`,
    updatedAt: `${date}T09:00:00.000Z`,
  };
}

const marks: Mark[] = Array.from({ length: 60 }, (_, i) =>
  mark(i, i % 3, ((i % 4) + 2) as MarkValue, `2026-09-${String((i % 28) + 1).padStart(2, '0')}`),
);
const context = {
  absences: new Map([['s1', 2]]),
  thresholds: [{ id: 'thr_1', childId: 'c', threshold: 4 }] as Threshold[],
};

describe('grade rows: appending marks', () => {
  const filters: MarkFilter[] = [{}, { from: '2026-09-10', to: '2026-09-20' }, { kind: 'test' }];
  for (const filter of filters) {
    it(`equals grouping all the marks again (filter ${JSON.stringify(filter)})`, () => {
      const before = subjectRows(marks, filter, context);
      const added = [
        mark(100, 1, 2, '2026-09-15'),
        mark(101, 3, 5, '2026-09-16'), // a subject not seen before
        mark(102, 0, 'pass', '2026-09-30', 'oral'),
      ];
      const after = appendToRows(before, added, filter, context);
      expect(after).to.deep.equal(subjectRows([...marks, ...added], filter, context));
      // Rows of subjects without a new mark are the same objects (their drawn rows are kept).
      const touched = new Set(
        added.filter((m) => after.some((r) => r.marks.includes(m))).map((m) => m.subjectId),
      );
      for (const row of after) {
        const old = before.find((r) => r.subjectId === row.subjectId);
        if (old && !touched.has(row.subjectId)) expect(row).to.equal(old);
        if (touched.has(row.subjectId)) expect(row).not.to.equal(old);
      }
    });
  }

  it('keeps the same rows when no added mark passes the filter', () => {
    const filter = { subjectId: 's2' };
    const before = subjectRows(marks, filter, context);
    expect(appendToRows(before, [mark(200, 0, 5, '2026-09-02')], filter, context)).to.equal(before);
  });

  it('tells an appended list from a changed one', () => {
    expect(appendedCount(marks, [...marks, mark(300, 0, 5, '2026-09-03')])).to.equal(1);
    expect(appendedCount(marks, marks)).to.equal(0);
    expect(appendedCount(marks, marks.slice(1))).to.equal(-1);
    const replaced = [...marks];
    replaced[10] = { ...(marks[10] as Mark), value: 2 };
    expect(appendedCount(marks, [...replaced, mark(301, 0, 5, '2026-09-03')])).to.equal(-1);
    expect(appendedCount([], marks)).to.equal(marks.length);
  });
});
