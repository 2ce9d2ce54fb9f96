import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { planLessons } from './timetable-plan.js';

const math = { subjectId: 'sub_math', teacherId: 'usr_orlov', room: '12' };
const bells = [
  { number: 1, startTime: '08:30', endTime: '09:15' },
  { number: 2, startTime: '09:25', endTime: '10:10' },
];

describe('planLessons', () => {
  it('repeats the week, skips holidays and applies cancelled, replaced and moved lessons', () => {
    const plan = planLessons(
      {
        items: [
          { weekday: 1, number: 1, ...math },
          { weekday: 3, number: 2, ...math },
        ],
        exceptions: [
          { date: '2026-11-02', number: 1, change: 'cancelled' },
          { date: '2026-11-09', number: 1, change: 'replaced', teacherId: 'usr_belova' },
          { date: '2026-11-11', number: 2, change: 'moved', toDate: '2026-11-12', toNumber: 1 },
        ],
      },
      {
        from: '2026-11-02',
        to: '2026-11-15',
        holidays: [{ name: 'Осенние каникулы', startDate: '2026-11-04', endDate: '2026-11-04' }],
        bells,
        yearStart: '2026-09-01',
      },
    );
    assert.deepEqual(
      plan.map((l) => [l.date, l.number, l.teacherId, l.startTime]),
      [
        ['2026-11-09', 1, 'usr_belova', '08:30'],
        ['2026-11-12', 1, 'usr_orlov', '08:30'],
      ],
    );
  });

  it('makes a lesson of odd or even weeks only in the weeks of its parity from the year’s start', () => {
    const plan = planLessons(
      {
        items: [
          { weekday: 2, number: 1, ...math, week: 'odd' },
          { weekday: 2, number: 1, ...math, subjectId: 'sub_phys', week: 'even' },
          { weekday: 2, number: 2, ...math },
        ],
        exceptions: [],
      },
      // 1 September 2026 is a Tuesday: its week is the first (odd) one, 8 September's the second.
      { from: '2026-09-01', to: '2026-09-22', holidays: [], bells, yearStart: '2026-09-01' },
    );
    assert.deepEqual(
      plan.map((l) => [l.date, l.number, l.subjectId]),
      [
        ['2026-09-01', 1, 'sub_math'],
        ['2026-09-01', 2, 'sub_math'],
        ['2026-09-08', 1, 'sub_phys'],
        ['2026-09-08', 2, 'sub_math'],
        ['2026-09-15', 1, 'sub_math'],
        ['2026-09-15', 2, 'sub_math'],
        ['2026-09-22', 1, 'sub_phys'],
        ['2026-09-22', 2, 'sub_math'],
      ],
    );
  });
});
