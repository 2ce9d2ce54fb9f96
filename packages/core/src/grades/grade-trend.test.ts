import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { GradedMark, MarkValue, NumericMarkValue } from './grade-average.js';
import { weightedAverage, arithmeticAverage } from './grade-average.js';
import {
  cumulativeAverage,
  GradeTrendError,
  MarkSums,
  movingAverage,
  trend,
  trendDirection,
  trendsBySubject,
} from './grade-trend.js';

const day = (n: number): string => {
  const date = new Date(Date.UTC(2025, 8, 1 + n));
  return date.toISOString().slice(0, 10);
};

const mark = (date: string, value: MarkValue, weight = 1, subject = 'Алгебра'): GradedMark => ({
  subjectId: `sub:${subject}`,
  subjectName: subject,
  date,
  value,
  weight,
});

const seriesOf = (...values: MarkValue[]): GradedMark[] => values.map((v, i) => mark(day(i), v));

describe('movingAverage', () => {
  it('averages the last `window` marks, weighted by default', () => {
    const marks = [mark(day(0), 3), mark(day(1), 5), mark(day(2), 5, 2), mark(day(3), 2, 2)];
    assert.deepEqual(movingAverage(marks, { window: 2 }), [
      { date: day(0), average: 3 },
      { date: day(1), average: 4 },
      { date: day(2), average: 5 },
      { date: day(3), average: 3.5 },
    ]);
  });

  it('takes the plain mean when weighted is false', () => {
    const marks = [mark(day(0), 5, 3), mark(day(1), 2, 1)];
    assert.deepEqual(
      movingAverage(marks, { window: 2, weighted: false }).map((p) => p.average),
      [5, 3.5],
    );
  });

  it('uses a window of 5 by default', () => {
    const points = movingAverage(seriesOf(2, 5, 5, 5, 5, 5, 4));
    assert.deepEqual(
      points.map((p) => p.average),
      [2, 3.5, 4, 4.25, 4.4, 5, 4.8],
    );
  });

  it('orders marks by date and gives one point per date, after all that date’s marks', () => {
    const marks = [mark(day(2), 2), mark(day(0), 4), mark(day(2), 4), mark(day(1), 5)];
    assert.deepEqual(movingAverage(marks, { window: 2 }), [
      { date: day(0), average: 4 },
      { date: day(1), average: 4.5 },
      { date: day(2), average: 3 },
    ]);
  });

  it('skips pass marks and weight-0 marks', () => {
    const marks = [mark(day(0), 'pass'), mark(day(1), 4), mark(day(2), 2, 0), mark(day(3), 'fail')];
    assert.deepEqual(movingAverage(marks), [{ date: day(1), average: 4 }]);
  });

  it('returns no points for no counted marks', () => {
    assert.deepEqual(movingAverage([]), []);
    assert.deepEqual(movingAverage([mark(day(0), 'pass')]), []);
  });

  it('rejects a window that is not a positive integer with invalid_window', () => {
    for (const window of [0, -1, 2.5, NaN]) {
      assert.throws(
        () => movingAverage(seriesOf(5), { window }),
        (error: unknown) => error instanceof GradeTrendError && error.code === 'invalid_window',
      );
    }
  });

  it('handles 50,000 marks with a window as long in linear time', () => {
    const values: MarkValue[] = [1, 2, 3, 4, 5];
    const marks = Array.from({ length: 50_000 }, (_, i) =>
      mark(day(Math.floor(i / 3)), values[(i * 7) % 5] as MarkValue, 0.5 + (i % 6) * 0.5),
    );
    const started = performance.now();
    const points = movingAverage(marks, { window: 50_000 });
    const cumulative = cumulativeAverage(marks);
    const elapsed = performance.now() - started;
    assert.equal(points.length, Math.ceil(50_000 / 3));
    assert.ok(elapsed < 1000, `took ${elapsed} ms`);
    assert.ok(Math.abs((cumulative.at(-1)?.average ?? 0) - (weightedAverage(marks) ?? 0)) < 1e-9);
  });

  it('property: every point lies within the range of the marks, and matches re-summing', () => {
    const markArbitrary = fc.record({
      day: fc.integer({ min: 0, max: 30 }),
      value: fc.constantFrom<MarkValue>(1, 2, 3, 4, 5, 'pass'),
      weight: fc.oneof(fc.double({ min: 0.01, max: 10, noNaN: true }), fc.constant(0)),
    });
    fc.assert(
      fc.property(
        fc.array(markArbitrary, { maxLength: 80 }),
        fc.integer({ min: 1, max: 10 }),
        fc.boolean(),
        (raw, window, weighted) => {
          const marks = raw.map((m) => mark(day(m.day), m.value, m.weight));
          const counted = marks
            .filter((m) => typeof m.value === 'number' && m.weight > 0)
            .sort((a, b) => a.date.localeCompare(b.date));
          const values = counted.map((m) => m.value as number);
          for (const point of movingAverage(marks, { window, weighted })) {
            assert.ok(point.average >= Math.min(...values) && point.average <= Math.max(...values));
            const upTo = counted.filter((m) => m.date <= point.date).slice(-window);
            const expected = weighted ? weightedAverage(upTo) : arithmeticAverage(upTo);
            assert.ok(Math.abs(point.average - (expected ?? NaN)) < 1e-9);
          }
        },
      ),
    );
  });
});

describe('cumulativeAverage', () => {
  it('averages all marks so far, one point per date', () => {
    const marks = [mark(day(0), 3), mark(day(1), 5, 3), mark(day(1), 2, 0), mark(day(2), 'pass')];
    assert.deepEqual(cumulativeAverage(marks), [
      { date: day(0), average: 3 },
      { date: day(1), average: 4.5 },
    ]);
  });

  it('takes the plain mean when weighted is false', () => {
    const marks = [mark(day(0), 3), mark(day(1), 5, 3)];
    assert.equal(cumulativeAverage(marks, { weighted: false }).at(-1)?.average, 4);
  });
});

describe('trend', () => {
  it('compares the first third of the marks with all of them', () => {
    // first third: 3, 3 → 3; all: (3 + 3 + 4 + 4 + 5 + 5) / 6 = 4
    assert.deepEqual(trend(seriesOf(3, 3, 4, 4, 5, 5)), { from: 3, to: 4, direction: 'up' });
    assert.deepEqual(trend(seriesOf(5, 5, 4, 4, 3, 3)), { from: 5, to: 4, direction: 'down' });
  });

  it('rounds the first third up so it always holds a mark', () => {
    // 4 marks: the first 2 (ceil 4/3) → (5 + 3) / 2 = 4; all: 3.5
    assert.deepEqual(trend(seriesOf(5, 3, 3, 3)), { from: 4, to: 3.5, direction: 'down' });
    assert.deepEqual(trend(seriesOf(4)), { from: 4, to: 4, direction: 'flat' });
  });

  it('is flat when the change is under 0.05, and not at 0.05 exactly', () => {
    // from 4 (first 7 marks), to (4·20 + 5) / 21 = 4.047… → flat
    const small = seriesOf(...Array<MarkValue>(20).fill(4), 5);
    assert.equal(trend(small)?.direction, 'flat');
    const exact = [
      mark(day(0), 5, 9),
      mark(day(1), 4, 9),
      mark(day(2), 5, 1),
      mark(day(3), 5, 1),
      mark(day(4), 5, 0),
    ];
    // 4 counted marks, first 2: (45 + 36) / 18 = 4.5; all: (45 + 36 + 10) / 20 = 4.55
    assert.deepEqual(trend(exact), { from: 4.5, to: 4.55, direction: 'up' });
    // In binary the change is 0.0499999…, which must still count as 0.05
    assert.ok(4.55 - 4.5 < 0.05);
  });

  it('weighs marks by default and not when weighted is false', () => {
    const marks = [mark(day(0), 3, 1), mark(day(1), 5, 3), mark(day(2), 5, 0.5)];
    assert.equal(trend(marks)?.to, (3 + 15 + 2.5) / 4.5);
    assert.equal(trend(marks, { weighted: false })?.to, 13 / 3);
  });

  it('returns null when no mark counts', () => {
    assert.equal(trend([]), null);
    assert.equal(trend([mark(day(0), 'pass')]), null);
  });
});

describe('MarkSums', () => {
  it('holds no average until a mark is added, and none again once all are taken away', () => {
    const sums = new MarkSums();
    assert.equal(sums.average(), null);
    sums.add(4, 2);
    assert.equal(sums.average(), 4);
    sums.remove(4, 2);
    assert.equal(sums.average(), null);
  });

  it('averages by weight and forgets a value exactly when its last mark leaves', () => {
    const sums = new MarkSums();
    sums.add(5, 1);
    sums.add(3, 2);
    assert.equal(sums.average(), 11 / 3);
    sums.add(5, 0.1);
    sums.remove(5, 1);
    sums.remove(5, 0.1);
    assert.equal(sums.average(), 3, 'no 0.1 − 0.1 drift left in the fives');
  });

  it('stays within the range of the values it holds', () => {
    const sums = new MarkSums();
    for (let i = 0; i < 10; i += 1) sums.add(5, 0.1);
    assert.equal(sums.average(), 5);
  });

  it('property: equals weightedAverage of the marks held, after any adds and removes', () => {
    const value = fc.constantFrom<NumericMarkValue>(1, 2, 3, 4, 5);
    const weight = fc.double({ min: 0.01, max: 10, noNaN: true });
    fc.assert(
      fc.property(
        fc.array(fc.record({ value, weight }), { minLength: 1, maxLength: 40 }),
        fc.nat(),
        (marks, seed) => {
          const sums = new MarkSums();
          for (const m of marks) sums.add(m.value, m.weight);
          const whole = weightedAverage(marks) as number;
          assert.ok(Math.abs((sums.average() as number) - whole) < 1e-9);
          const removed = seed % marks.length;
          for (const m of marks.slice(0, removed)) sums.remove(m.value, m.weight);
          const held = marks.slice(removed);
          const expected = weightedAverage(held) as number;
          const actual = sums.average() as number;
          assert.ok(Math.abs(actual - expected) < 1e-9, `${actual} ≠ ${expected}`);
          assert.ok(actual >= Math.min(...held.map((m) => m.value)));
          assert.ok(actual <= Math.max(...held.map((m) => m.value)));
        },
      ),
    );
  });
});

describe('trendDirection', () => {
  it('is up or down from 0.05 on, flat under it', () => {
    assert.equal(trendDirection(3.8, 4.4), 'up');
    assert.equal(trendDirection(4.4, 3.8), 'down');
    assert.equal(trendDirection(4.5, 4.55), 'up');
    assert.equal(trendDirection(4.55, 4.5), 'down');
    assert.equal(trendDirection(4.5, 4.54), 'flat');
    assert.equal(trendDirection(4, 4), 'flat');
  });

  it('is what trend reports for the same averages', () => {
    const t = trend(seriesOf(3, 4, 5, 5)) as NonNullable<ReturnType<typeof trend>>;
    assert.equal(t.direction, trendDirection(t.from, t.to));
  });
});

describe('trendsBySubject', () => {
  it('computes every series per subject, subjects in Russian order', () => {
    const marks = [
      mark(day(0), 5, 1, 'Физика'),
      mark(day(0), 3, 1, 'Алгебра'),
      mark(day(1), 5, 1, 'Алгебра'),
    ];
    const result = trendsBySubject(marks, { window: 1 });
    assert.deepEqual(
      result.map((s) => [s.subjectId, s.subjectName]),
      [
        ['sub:Алгебра', 'Алгебра'],
        ['sub:Физика', 'Физика'],
      ],
    );
    assert.deepEqual(result[0]?.moving, [
      { date: day(0), average: 3 },
      { date: day(1), average: 5 },
    ]);
    assert.deepEqual(result[0]?.cumulative.at(-1), { date: day(1), average: 4 });
    assert.deepEqual(result[0]?.trend, { from: 3, to: 4, direction: 'up' });
    assert.deepEqual(result[1]?.trend, { from: 5, to: 5, direction: 'flat' });
  });
});
