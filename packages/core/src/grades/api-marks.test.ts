// The grade maths takes the marks the API returns (`Mark`, with subjectId and subjectName), as
// they come: no adapter between `client.grades.list` and `summarizeBySubject`.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { validate } from '../messages/field-errors.js';
import { movingAverage, trend, trendsBySubject } from './grade-trend.js';
import { summarizeBySubject } from './period-summary.js';
import { markSchema, type Mark } from '../schemas/mark.js';
import { compareWithPreviousYear } from './year-comparison.js';

let next = 0;
function apiMark(subjectId: string, subjectName: string, date: string, value: Mark['value']): Mark {
  next += 1;
  const mark: Mark = {
    id: `mrk_${next}`,
    childId: 'chd_maria',
    subjectId,
    subjectName,
    value,
    weight: 1,
    kind: 'classwork',
    date,
    teacherId: 'usr_teacher',
    teacherName: 'Орлов А. В.',
    createdAt: `${date}T09:00:00.000Z`,
    updatedAt: `${date}T09:00:00.000Z`,
  };
  assert.ok(validate(markSchema, mark).ok);
  return mark;
}

const marks: Mark[] = [
  apiMark('sub_phy', 'Физика', '2026-09-03', 5),
  apiMark('sub_alg', 'Алгебра', '2026-09-02', 3),
  apiMark('sub_alg', 'Алгебра', '2026-09-09', 5),
  apiMark('sub_alg', 'Алгебра', '2026-09-16', 5),
];

describe('grade maths over the API’s marks', () => {
  it('summarises by subject, naming each by id and name and keeping the marks as given', () => {
    const [algebra, physics] = summarizeBySubject(marks);
    assert.equal(algebra?.subjectId, 'sub_alg');
    assert.equal(algebra?.subjectName, 'Алгебра');
    assert.equal(algebra?.marks[0]?.teacherName, 'Орлов А. В.');
    assert.equal(algebra?.weightedAverage, 13 / 3);
    assert.deepEqual([physics?.subjectId, physics?.subjectName], ['sub_phy', 'Физика']);
  });

  it('draws the trend and the moving average of one subject', () => {
    const algebra = marks.filter((m) => m.subjectId === 'sub_alg');
    assert.deepEqual(trend(algebra), { from: 3, to: 13 / 3, direction: 'up' });
    assert.deepEqual(
      movingAverage(algebra, { window: 2 }).map((p) => p.average),
      [3, 4, 5],
    );
    assert.deepEqual(
      trendsBySubject(marks).map((s) => s.subjectId),
      ['sub_alg', 'sub_phy'],
    );
  });

  it('keeps two subjects of one name apart by id, in a stable order', () => {
    const twins = [
      apiMark('sub_b', 'Технология', '2026-09-02', 4),
      apiMark('sub_a', 'Технология', '2026-09-02', 2),
    ];
    assert.deepEqual(
      summarizeBySubject(twins).map((s) => [s.subjectId, s.weightedAverage]),
      [
        ['sub_a', 2],
        ['sub_b', 4],
      ],
    );
  });

  it('compares with last year by subject name, whatever the ids were then', () => {
    const lastYear = [apiMark('sub_old_alg', 'Алгебра', '2025-10-01', 4)];
    const [algebra] = compareWithPreviousYear(marks, lastYear);
    assert.deepEqual(algebra, {
      subjectId: 'sub_alg',
      subjectName: 'Алгебра',
      current: 4.33,
      previous: 4,
      delta: 0.33,
    });
  });
});
