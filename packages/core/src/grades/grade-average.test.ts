import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  arithmeticAverage,
  assertMarkWeight,
  countsInAverage,
  GradeAverageError,
  isNumericMark,
  markTotals,
  roundAverage,
  weightedAverage,
  type NumericMarkValue,
  type WeightedMark,
} from './grade-average.js';

const mark = (value: WeightedMark['value'], weight = 1): WeightedMark => ({ value, weight });

const numericValue = fc.constantFrom<NumericMarkValue>(1, 2, 3, 4, 5);
const anyWeight = fc.double({ min: 0.001, max: 100, noNaN: true });
const markArbitrary = fc.record({
  value: fc.constantFrom<WeightedMark['value']>(1, 2, 3, 4, 5, 'pass', 'fail'),
  weight: fc.oneof(anyWeight, fc.constant(0)),
});

describe('isNumericMark', () => {
  it('accepts the integers 1 to 5 and nothing else', () => {
    for (const value of [1, 2, 3, 4, 5]) assert.equal(isNumericMark(value), true);
    for (const value of ['pass', 'fail', 0, 6, 4.5, NaN, '5', null]) {
      assert.equal(isNumericMark(value), false);
    }
  });
});

describe('averages', () => {
  const worked = [mark(5, 1), mark(4, 2), mark(3, 3)];

  it('weighs marks as Σ(v·w)/Σw: 5(w1), 4(w2), 3(w3) give 22/6 ≈ 3.67', () => {
    assert.equal(weightedAverage(worked), 22 / 6);
    assert.equal(roundAverage(weightedAverage(worked) ?? NaN), 3.67);
  });

  it('takes the plain mean for the arithmetic average: 5, 4, 3 give 4', () => {
    assert.equal(arithmeticAverage(worked), 4);
  });

  it('returns null for no marks', () => {
    assert.equal(weightedAverage([]), null);
    assert.equal(arithmeticAverage([]), null);
  });

  it('never counts pass or fail marks', () => {
    assert.equal(weightedAverage([mark('pass'), mark('fail')]), null);
    assert.equal(weightedAverage([mark('fail', 3), mark(5), mark('pass', 2), mark(4)]), 4.5);
    assert.equal(arithmeticAverage([mark('fail', 3), mark(5), mark(4)]), 4.5);
  });

  it('does not count a mark of weight 0 in either average', () => {
    assert.equal(weightedAverage([mark(2, 0), mark(5, 1)]), 5);
    assert.equal(arithmeticAverage([mark(2, 0), mark(5, 1)]), 5);
    assert.equal(weightedAverage([mark(2, 0)]), null);
  });

  it('accepts fractional weights such as 1.5', () => {
    assert.equal(weightedAverage([mark(5, 1.5), mark(3, 0.5)]), 4.5);
  });

  it('rejects a NaN, infinite or negative weight with invalid_weight instead of skipping it', () => {
    for (const weight of [NaN, Infinity, -Infinity, -1]) {
      assert.throws(
        () => weightedAverage([mark(5), mark(4, weight)]),
        (error: unknown) =>
          error instanceof GradeAverageError &&
          error instanceof RangeError &&
          error.code === 'invalid_weight',
      );
      assert.throws(() => arithmeticAverage([mark('pass', weight)]), GradeAverageError);
    }
    assert.throws(() => assertMarkWeight(-0.5), GradeAverageError);
    assert.doesNotThrow(() => assertMarkWeight(0));
  });

  it('sums only the counted marks in markTotals', () => {
    assert.deepEqual(markTotals([mark(5), mark('pass'), mark(3, 2), mark(1, 0)]), {
      count: 2,
      valueSum: 8,
      weightSum: 3,
      weightedSum: 11,
      min: 3,
      max: 5,
    });
    assert.equal(countsInAverage(mark(5, 0)), false);
    assert.equal(countsInAverage(mark('pass', 1)), false);
    assert.equal(countsInAverage(mark(1, 0.5)), true);
  });

  it('property: both averages lie within the lowest and highest counted mark', () => {
    fc.assert(
      fc.property(fc.array(markArbitrary, { maxLength: 60 }), (marks) => {
        const counted = marks.filter((m) => typeof m.value === 'number' && m.weight > 0);
        const values = counted.map((m) => m.value as number);
        for (const average of [weightedAverage(marks), arithmeticAverage(marks)]) {
          if (counted.length === 0) {
            assert.equal(average, null);
            continue;
          }
          assert.ok(average !== null);
          assert.ok(average >= Math.min(...values) && average <= Math.max(...values), `${average}`);
        }
      }),
    );
  });

  it('property: the weighted average equals the arithmetic one when all weights are equal', () => {
    fc.assert(
      fc.property(
        fc.array(numericValue, { minLength: 1, maxLength: 60 }),
        anyWeight,
        (values, weight) => {
          const marks = values.map((value) => mark(value, weight));
          const weighted = weightedAverage(marks) ?? NaN;
          const arithmetic = arithmeticAverage(marks) ?? NaN;
          assert.ok(Math.abs(weighted - arithmetic) < 1e-9, `${weighted} vs ${arithmetic}`);
        },
      ),
    );
  });
});

describe('roundAverage', () => {
  it('rounds half up to 2 digits by the decimal written, despite binary floating point', () => {
    assert.equal(roundAverage(4.445), 4.45);
    assert.equal(roundAverage(1.005), 1.01);
    assert.equal(roundAverage(2.675), 2.68);
    assert.equal(roundAverage(4.444), 4.44);
    assert.equal(roundAverage(22 / 6), 3.67);
    assert.equal(roundAverage(5), 5);
  });

  it('rounds to the given number of digits', () => {
    assert.equal(roundAverage(4.45, 1), 4.5);
    assert.equal(roundAverage(4.449, 1), 4.4);
    assert.equal(roundAverage(4.5, 0), 5);
    assert.equal(roundAverage(3.14159, 4), 3.1416);
  });

  it('rounds negatives half away from zero, without a negative zero', () => {
    assert.equal(roundAverage(-0.335), -0.34);
    assert.equal(roundAverage(-0.001), 0);
    assert.ok(Object.is(roundAverage(-0.001), 0));
  });

  it('returns NaN and infinities unchanged', () => {
    assert.ok(Number.isNaN(roundAverage(NaN)));
    assert.equal(roundAverage(Infinity), Infinity);
  });

  it('rejects digits that are not an integer 0–10 with invalid_digits', () => {
    for (const digits of [-1, 1.5, 11, NaN]) {
      assert.throws(
        () => roundAverage(4.5, digits),
        (error: unknown) => error instanceof GradeAverageError && error.code === 'invalid_digits',
      );
    }
  });

  it('property: a number ending in 5 just past the kept digits rounds up', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 999_999 }),
        fc.integer({ min: 0, max: 4 }),
        (k, digits) => {
          const factor = 10 ** digits;
          const x = Number(`${k}5e-${digits + 1}`);
          assert.equal(roundAverage(x, digits), (k + 1) / factor);
        },
      ),
    );
  });
});
