import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { GradedMark, MarkValue } from './grade-average.js';
import {
  compareMarkDates,
  filterMarksByPeriod,
  marksBySubject,
  PeriodError,
  summarizeBySubject,
  summarizeYear,
} from './period-summary.js';

interface TaggedMark extends GradedMark {
  id: string;
}

let nextId = 0;
const mark = (subject: string, date: string, value: MarkValue, weight = 1): TaggedMark => ({
  id: `m${(nextId += 1)}`,
  subjectId: `sub:${subject}`,
  subjectName: subject,
  date,
  value,
  weight,
});

const isPeriodError = (code: string) => (error: unknown) =>
  error instanceof PeriodError && error instanceof RangeError && error.code === code;

describe('filterMarksByPeriod', () => {
  const marks = [
    mark('Алгебра', '2025-08-31', 5),
    mark('Алгебра', '2025-09-01', 4),
    mark('Алгебра', '2025-10-26', 3),
    mark('Алгебра', '2025-10-27', 2),
  ];

  it('keeps the marks dated within the range, both ends included', () => {
    const kept = filterMarksByPeriod(marks, { from: '2025-09-01', to: '2025-10-26' });
    assert.deepEqual(
      kept.map((m) => m.date),
      ['2025-09-01', '2025-10-26'],
    );
  });

  it('treats a missing end as open', () => {
    assert.equal(filterMarksByPeriod(marks, { from: '2025-10-26' }).length, 2);
    assert.equal(filterMarksByPeriod(marks, { to: '2025-09-01' }).length, 2);
    assert.equal(filterMarksByPeriod(marks, {}).length, 4);
  });

  it('rejects a range that ends before it starts with date_order', () => {
    assert.throws(
      () => filterMarksByPeriod(marks, { from: '2025-10-01', to: '2025-09-01' }),
      isPeriodError('date_order'),
    );
  });

  it('rejects a boundary that is not YYYY-MM-DD with invalid_date', () => {
    assert.throws(
      () => filterMarksByPeriod(marks, { from: '01.09.2025' }),
      isPeriodError('invalid_date'),
    );
    assert.throws(
      () => filterMarksByPeriod(marks, { to: '2025-9-1' }),
      isPeriodError('invalid_date'),
    );
  });
});

describe('compareMarkDates', () => {
  it('orders by date and keeps marks of one date in input order', () => {
    const marks = [
      mark('А', '2025-09-02', 5),
      mark('А', '2025-09-01', 3),
      mark('А', '2025-09-02', 4),
    ];
    assert.deepEqual(
      [...marks].sort(compareMarkDates).map((m) => m.value),
      [3, 5, 4],
    );
  });
});

describe('marksBySubject', () => {
  it('groups by subject in Russian alphabetical order, ё after е', () => {
    const groups = marksBySubject([
      mark('Физика', '2025-09-01', 5),
      mark('Ёлочная игрушка', '2025-09-01', 5),
      mark('Алгебра', '2025-09-01', 5),
      mark('Единство', '2025-09-01', 5),
      mark('Физика', '2025-09-02', 4),
    ]);
    assert.deepEqual(
      groups.map(([subject, list]) => [subject.subjectName, list.length]),
      [
        ['Алгебра', 1],
        ['Единство', 1],
        ['Ёлочная игрушка', 1],
        ['Физика', 2],
      ],
    );
  });
});

describe('summarizeBySubject', () => {
  it('summarises each subject with both averages, the final mark and the date span', () => {
    const marks = [
      mark('Физика', '2025-09-10', 5),
      mark('Алгебра', '2025-09-12', 3, 3),
      mark('Алгебра', '2025-09-03', 5, 1),
      mark('Алгебра', '2025-09-05', 4, 2),
      mark('Алгебра', '2025-09-20', 'pass'),
    ];
    const [algebra, physics] = summarizeBySubject(marks);
    assert.ok(algebra && physics);
    assert.equal(algebra.subjectId, 'sub:Алгебра');
    assert.equal(algebra.subjectName, 'Алгебра');
    assert.equal(algebra.count, 4);
    assert.equal(algebra.numericCount, 3);
    assert.equal(algebra.arithmeticAverage, 4);
    assert.equal(algebra.weightedAverage, 22 / 6);
    assert.equal(algebra.finalMark, 4);
    assert.equal(algebra.firstDate, '2025-09-03');
    assert.equal(algebra.lastDate, '2025-09-20');
    assert.deepEqual(
      algebra.marks.map((m) => m.date),
      ['2025-09-03', '2025-09-05', '2025-09-12', '2025-09-20'],
    );
    assert.equal(physics.subjectName, 'Физика');
    assert.equal(physics.finalMark, 5);
  });

  it('keeps marks of one date in input order and returns the caller’s mark objects', () => {
    const first = mark('Химия', '2025-09-05', 3);
    const second = mark('Химия', '2025-09-05', 5);
    const earlier = mark('Химия', '2025-09-01', 4);
    const [chemistry] = summarizeBySubject([first, second, earlier]);
    assert.deepEqual(
      chemistry?.marks.map((m) => m.id),
      [earlier.id, first.id, second.id],
    );
    assert.equal(chemistry?.marks[0], earlier);
  });

  it('takes the final mark from the arithmetic average when asked', () => {
    // weighted (5 + 2·3) / 4 = 2.75 → 3; arithmetic (5 + 2) / 2 = 3.5 → 4
    const marks = [mark('Химия', '2025-09-01', 5, 1), mark('Химия', '2025-09-02', 2, 3)];
    const [weighted] = summarizeBySubject(marks);
    const [arithmetic] = summarizeBySubject(marks, { averaging: 'arithmetic' });
    assert.equal(weighted?.weightedAverage, 2.75);
    assert.equal(weighted?.finalMark, 3);
    assert.equal(arithmetic?.arithmeticAverage, 3.5);
    assert.equal(arithmetic?.finalMark, 4);
  });

  it('applies custom thresholds', () => {
    const marks = [mark('Химия', '2025-09-01', 5), mark('Химия', '2025-09-02', 4)];
    assert.equal(summarizeBySubject(marks)[0]?.finalMark, 5);
    assert.equal(
      summarizeBySubject(marks, { thresholds: { 5: 4.6, 4: 3.5, 3: 2.5 } })[0]?.finalMark,
      4,
    );
  });

  it('keeps only marks within the range', () => {
    const marks = [mark('Химия', '2025-08-31', 2), mark('Химия', '2025-09-01', 5)];
    const [chemistry] = summarizeBySubject(marks, { from: '2025-09-01', to: '2025-10-26' });
    assert.equal(chemistry?.count, 1);
    assert.equal(chemistry?.weightedAverage, 5);
  });

  it('gives null averages and final mark to a subject with only pass marks', () => {
    const [pe] = summarizeBySubject([
      mark('Физкультура', '2025-09-01', 'pass'),
      mark('Физкультура', '2025-09-08', 'fail'),
    ]);
    assert.equal(pe?.count, 2);
    assert.equal(pe?.numericCount, 0);
    assert.equal(pe?.weightedAverage, null);
    assert.equal(pe?.arithmeticAverage, null);
    assert.equal(pe?.finalMark, null);
  });

  it('returns no summaries for no marks', () => {
    assert.deepEqual(summarizeBySubject([]), []);
  });
});

describe('summarizeYear', () => {
  const periods = [
    { id: 'h1', from: '2025-09-01', to: '2025-12-28' },
    { id: 'h2', from: '2026-01-09', to: '2026-05-26' },
  ];
  const marks = [
    mark('Алгебра', '2025-09-10', 5, 1),
    mark('Алгебра', '2025-11-10', 4, 1),
    mark('Алгебра', '2025-12-30', 2, 1), // holidays: in the year, in no period
    mark('Алгебра', '2026-02-10', 3, 2),
    mark('Алгебра', '2026-06-10', 2, 5), // after the year
    mark('История', '2026-03-01', 5, 1),
  ];

  it('summarises each period in the given order', () => {
    const summary = summarizeYear(marks, periods);
    assert.deepEqual(
      summary.periods.map((p) => [p.id, p.subjects.map((s) => [s.subjectName, s.weightedAverage])]),
      [
        ['h1', [['Алгебра', 4.5]]],
        [
          'h2',
          [
            ['Алгебра', 3],
            ['История', 5],
          ],
        ],
      ],
    );
    assert.equal(summary.periods[0]?.from, '2025-09-01');
  });

  it('averages all the year’s marks per subject, weighted', () => {
    const { year } = summarizeYear(marks, periods);
    // Алгебра: (5 + 4 + 2 + 3·2) / 5 = 3.4
    assert.deepEqual(year, [
      {
        subjectId: 'sub:Алгебра',
        subjectName: 'Алгебра',
        count: 4,
        numericCount: 4,
        weightedAverage: 3.4,
        finalMark: 3,
      },
      {
        subjectId: 'sub:История',
        subjectName: 'История',
        count: 1,
        numericCount: 1,
        weightedAverage: 5,
        finalMark: 5,
      },
    ]);
  });

  it('uses the weighted year average even when periods grade arithmetically', () => {
    const { year, periods: summaries } = summarizeYear(marks, periods, { averaging: 'arithmetic' });
    // Алгебра's year: weighted 3.4 → 3, whereas arithmetic (5 + 4 + 2 + 3) / 4 = 3.5 would give 4
    assert.equal(year[0]?.weightedAverage, 3.4);
    assert.equal(year[0]?.finalMark, 3);
    assert.equal(summaries[0]?.subjects[0]?.arithmeticAverage, 4.5);
  });

  it('returns nothing for no periods', () => {
    assert.deepEqual(summarizeYear(marks, []), { periods: [], year: [] });
  });

  it('rejects a period that ends before it starts', () => {
    assert.throws(
      () => summarizeYear(marks, [{ id: 'bad', from: '2026-01-01', to: '2025-12-01' }]),
      isPeriodError('date_order'),
    );
  });
});
