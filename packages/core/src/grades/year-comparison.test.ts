import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { GradedMark, MarkValue } from './grade-average.js';
import { compareWithPreviousYear } from './year-comparison.js';

const mark = (subject: string, value: MarkValue, weight = 1): GradedMark => ({
  subjectId: `sub:${subject}`,
  subjectName: subject,
  date: '2025-10-01',
  value,
  weight,
});

describe('compareWithPreviousYear', () => {
  it('compares weighted averages per subject present in either year, in Russian order', () => {
    const current = [
      mark('Физика', 5),
      mark('Алгебра', 5, 1),
      mark('Алгебра', 4, 2),
      mark('Алгебра', 3, 3),
      mark('Биология', 4),
    ];
    const previous = [mark('Алгебра', 4), mark('Алгебра', 3), mark('Химия', 3)];
    assert.deepEqual(compareWithPreviousYear(current, previous), [
      // 22/6 = 3.67 against 3.5
      {
        subjectId: 'sub:Алгебра',
        subjectName: 'Алгебра',
        current: 3.67,
        previous: 3.5,
        delta: 0.17,
      },
      {
        subjectId: 'sub:Биология',
        subjectName: 'Биология',
        current: 4,
        previous: null,
        delta: null,
      },
      { subjectId: 'sub:Физика', subjectName: 'Физика', current: 5, previous: null, delta: null },
      { subjectId: 'sub:Химия', subjectName: 'Химия', current: null, previous: 3, delta: null },
    ]);
  });

  it('takes the delta between the rounded averages so the numbers add up as shown', () => {
    // 14/3 = 4.666… → 4.67 and 13/3 = 4.333… → 4.33: delta 0.34, not round(1/3) = 0.33
    const current = [mark('Алгебра', 5), mark('Алгебра', 5), mark('Алгебра', 4)];
    const previous = [mark('Алгебра', 5), mark('Алгебра', 4), mark('Алгебра', 4)];
    assert.deepEqual(compareWithPreviousYear(current, previous), [
      {
        subjectId: 'sub:Алгебра',
        subjectName: 'Алгебра',
        current: 4.67,
        previous: 4.33,
        delta: 0.34,
      },
    ]);
  });

  it('gives a negative delta for a drop, free of floating-point noise', () => {
    const [drop] = compareWithPreviousYear(
      [mark('Химия', 4), mark('Химия', 3)],
      [mark('Химия', 5), mark('Химия', 4), mark('Химия', 4)],
    );
    assert.deepEqual(drop, {
      subjectId: 'sub:Химия',
      subjectName: 'Химия',
      current: 3.5,
      previous: 4.33,
      delta: -0.83,
    });
  });

  it('lists a subject with only pass marks with null averages', () => {
    assert.deepEqual(compareWithPreviousYear([mark('Физкультура', 'pass')], []), [
      {
        subjectId: 'sub:Физкультура',
        subjectName: 'Физкультура',
        current: null,
        previous: null,
        delta: null,
      },
    ]);
  });

  it('returns nothing for two empty years', () => {
    assert.deepEqual(compareWithPreviousYear([], []), []);
  });
});
