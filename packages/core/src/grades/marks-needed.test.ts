import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  GradeAverageError,
  weightedAverage,
  type NumericMarkValue,
  type WeightedMark,
} from './grade-average.js';
import {
  marksNeeded,
  MarksNeededError,
  marksNeededOptions,
  MAX_MARKS_NEEDED,
  reachesTarget,
} from './marks-needed.js';

const mark = (value: WeightedMark['value'], weight = 1): WeightedMark => ({ value, weight });
const copies = (value: NumericMarkValue, weight: number, n: number): WeightedMark[] =>
  Array.from({ length: n }, () => mark(value, weight));

const isMarksNeededError = (code: string) => (error: unknown) =>
  error instanceof MarksNeededError && error instanceof RangeError && error.code === code;

describe('marksNeeded', () => {
  const threes = [mark(3), mark(3)];

  it('needs six fives to lift 3, 3 to 4.5: (6 + 5n) / (2 + n) ≥ 4.5 ⇔ n ≥ 6', () => {
    assert.equal(marksNeeded(threes, { target: 4.5, value: 5 }), 6);
    assert.equal(weightedAverage([...threes, ...copies(5, 1, 6)]), 4.5);
    assert.ok((weightedAverage([...threes, ...copies(5, 1, 5)]) ?? 0) < 4.5);
  });

  it('needs fewer marks of a higher weight: (6 + 10n) / (2 + 2n) ≥ 4.5 ⇔ n ≥ 3', () => {
    assert.equal(marksNeeded(threes, { target: 4.5, value: 5, weight: 2 }), 3);
  });

  it('returns 0 when the average already reaches the target', () => {
    assert.equal(marksNeeded([mark(5), mark(4)], { target: 4.5, value: 5 }), 0);
    assert.equal(marksNeeded([mark(5)], { target: 3, value: 2 }), 0);
  });

  it('returns null when the mark is at or below a target not yet reached', () => {
    assert.equal(marksNeeded(threes, { target: 4.5, value: 4 }), null);
    assert.equal(marksNeeded(threes, { target: 4, value: 4 }), null);
    assert.equal(marksNeeded([mark(4), mark(5)], { target: 5, value: 5 }), null);
  });

  it('needs one mark when there are none yet, if that mark reaches the target', () => {
    assert.equal(marksNeeded([], { target: 4.5, value: 5 }), 1);
    assert.equal(marksNeeded([], { target: 4, value: 4 }), 1);
    assert.equal(marksNeeded([mark('pass'), mark(2, 0)], { target: 4.5, value: 4 }), null);
  });

  it('ignores pass marks and weight-0 marks as the averages do', () => {
    const marks = [...threes, mark('fail', 5), mark(2, 0)];
    assert.equal(marksNeeded(marks, { target: 4.5, value: 5 }), 6);
  });

  it('reports a target that would take more than MAX_MARKS_NEEDED marks as unreachable', () => {
    const many = copies(2, 5, 1000);
    assert.equal(marksNeeded(many, { target: 4.999, value: 5 }), null);
    assert.equal(MAX_MARKS_NEEDED, 1_000_000);
  });

  it('rejects a target outside 2–5 with target_out_of_range', () => {
    for (const target of [1.99, 5.01, NaN, Infinity]) {
      assert.throws(
        () => marksNeeded(threes, { target, value: 5 }),
        isMarksNeededError('target_out_of_range'),
      );
    }
  });

  it('rejects a mark that is not 1–5 with invalid_value', () => {
    assert.throws(
      () => marksNeeded(threes, { target: 4, value: 6 as NumericMarkValue }),
      isMarksNeededError('invalid_value'),
    );
  });

  it('rejects a weight that is not positive and finite with invalid_weight', () => {
    for (const weight of [0, -1, NaN, Infinity]) {
      assert.throws(
        () => marksNeeded(threes, { target: 4, value: 5, weight }),
        isMarksNeededError('invalid_weight'),
      );
    }
  });

  it('rejects marks with a negative weight as the averages do', () => {
    assert.throws(() => marksNeeded([mark(3, -1)], { target: 4, value: 5 }), GradeAverageError);
  });

  it('property: that many marks reach the target and one fewer does not', () => {
    const halfSteps = fc.integer({ min: 1, max: 10 }).map((n) => n / 2);
    fc.assert(
      fc.property(
        fc.array(
          fc.record({ value: fc.constantFrom<NumericMarkValue>(1, 2, 3, 4, 5), weight: halfSteps }),
          {
            maxLength: 20,
          },
        ),
        fc.integer({ min: 200, max: 490 }).map((n) => n / 100),
        fc.constantFrom<NumericMarkValue>(1, 2, 3, 4, 5),
        halfSteps,
        (marks, target, value, weight) => {
          const n = marksNeeded(marks, { target, value, weight });
          const reached = reachesTarget(weightedAverage(marks), target);
          if (n === null) {
            assert.ok(!reached && value <= target);
            return;
          }
          assert.ok(
            reachesTarget(weightedAverage([...marks, ...copies(value, weight, n)]), target),
          );
          if (n === 0) return;
          const fewer = weightedAverage([...marks, ...copies(value, weight, n - 1)]);
          assert.ok(!reachesTarget(fewer, target), `${n - 1} marks already give ${fewer}`);
        },
      ),
    );
  });
});

describe('reachesTarget', () => {
  it('counts an average a hair under the target, from floating point, as reaching it', () => {
    assert.equal(reachesTarget(4.499999999999999, 4.5), true);
    assert.equal(reachesTarget(4.4999, 4.5), false);
    assert.equal(reachesTarget(null, 2), false);
  });
});

describe('marksNeededOptions', () => {
  it('lists every reachable mark and weight, fewest marks first', () => {
    // 3, 4 → 4.5: fives at weight 1 need 4, at weight 2 need 2, at weight 3 need 2; fours never
    assert.deepEqual(marksNeededOptions([mark(3), mark(4)], { target: 4.5 }), [
      { value: 5, weight: 2, count: 2 },
      { value: 5, weight: 3, count: 2 },
      { value: 5, weight: 1, count: 4 },
    ]);
  });

  it('puts the higher mark first when counts tie', () => {
    // 3 → 3.5: one 4 at weight 1 gives 3.5, one 5 at weight 1 gives 4
    assert.deepEqual(marksNeededOptions([mark(3)], { target: 3.5, weights: [1] }), [
      { value: 5, weight: 1, count: 1 },
      { value: 4, weight: 1, count: 1 },
    ]);
  });

  it('gives every combination a count of 0 when the target is already reached', () => {
    const paths = marksNeededOptions([mark(5)], { target: 4.5, values: [5], weights: [1, 2] });
    assert.deepEqual(paths, [
      { value: 5, weight: 1, count: 0 },
      { value: 5, weight: 2, count: 0 },
    ]);
  });

  it('returns nothing when no combination can reach the target', () => {
    assert.deepEqual(marksNeededOptions([mark(2)], { target: 5 }), []);
  });

  it('considers each given value and weight once', () => {
    const paths = marksNeededOptions([mark(3)], { target: 4, values: [5, 5], weights: [1, 1] });
    assert.deepEqual(paths, [{ value: 5, weight: 1, count: 1 }]);
  });

  it('rejects a target outside 2–5', () => {
    assert.throws(
      () => marksNeededOptions([], { target: 6 }),
      isMarksNeededError('target_out_of_range'),
    );
  });
});
