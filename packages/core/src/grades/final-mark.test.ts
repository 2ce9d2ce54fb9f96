import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  assertFinalMarkThresholds,
  DEFAULT_FINAL_MARK_THRESHOLDS,
  finalMark,
  FinalMarkError,
  type FinalMarkThresholds,
} from './final-mark.js';
import { roundAverage } from './grade-average.js';

const isFinalMarkError = (code: string) => (error: unknown) =>
  error instanceof FinalMarkError && error instanceof RangeError && error.code === code;

describe('finalMark', () => {
  it('gives 5 from 4.5 and 4 from 4.49 under the default thresholds', () => {
    assert.equal(finalMark(4.5), 5);
    assert.equal(finalMark(4.49), 4);
  });

  it('maps each band of the default thresholds to its mark', () => {
    assert.equal(finalMark(5), 5);
    assert.equal(finalMark(3.5), 4);
    assert.equal(finalMark(3.49), 3);
    assert.equal(finalMark(2.5), 3);
    assert.equal(finalMark(2.49), 2);
    assert.equal(finalMark(1), 2);
  });

  it('returns null for no average', () => {
    assert.equal(finalMark(null), null);
  });

  it('reaches a threshold despite floating-point noise just under it', () => {
    assert.equal(finalMark(4.499999999999999), 5);
  });

  it('compares the average as given; rounding it first grades by the displayed value', () => {
    assert.equal(finalMark(4.495), 4);
    assert.equal(finalMark(roundAverage(4.495)), 5);
  });

  it('applies a school’s own thresholds', () => {
    const strict: FinalMarkThresholds = { 5: 4.6, 4: 3.6, 3: 2.6 };
    assert.equal(finalMark(4.55, strict), 4);
    assert.equal(finalMark(4.6, strict), 5);
    assert.equal(finalMark(2.55, strict), 2);
  });

  it('freezes the default thresholds so no caller can change them for everyone', () => {
    assert.ok(Object.isFrozen(DEFAULT_FINAL_MARK_THRESHOLDS));
    assert.deepEqual({ ...DEFAULT_FINAL_MARK_THRESHOLDS }, { 5: 4.5, 4: 3.5, 3: 2.5 });
  });

  it('rejects thresholds out of order, equal, non-finite or outside 1–5 with invalid_thresholds', () => {
    const bad: FinalMarkThresholds[] = [
      { 5: 3.5, 4: 4.5, 3: 2.5 },
      { 5: 4.5, 4: 2.5, 3: 3.5 },
      { 5: 4.5, 4: 4.5, 3: 2.5 },
      { 5: NaN, 4: 3.5, 3: 2.5 },
      { 5: 5.5, 4: 3.5, 3: 2.5 },
      { 5: 4.5, 4: 3.5, 3: 0.5 },
    ];
    for (const thresholds of bad) {
      assert.throws(() => finalMark(4, thresholds), isFinalMarkError('invalid_thresholds'));
      assert.throws(() => finalMark(null, thresholds), isFinalMarkError('invalid_thresholds'));
    }
    assert.doesNotThrow(() => assertFinalMarkThresholds({ 5: 5, 4: 4, 3: 1 }));
  });

  it('rejects an average that is NaN or infinite with invalid_average', () => {
    assert.throws(() => finalMark(NaN), isFinalMarkError('invalid_average'));
    assert.throws(() => finalMark(Infinity), isFinalMarkError('invalid_average'));
  });

  it('property: a higher average never earns a lower final mark', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1, max: 5, noNaN: true }),
        fc.double({ min: 1, max: 5, noNaN: true }),
        (a, b) => {
          const [low, high] = a <= b ? [a, b] : [b, a];
          assert.ok((finalMark(low) ?? 0) <= (finalMark(high) ?? 0));
        },
      ),
    );
  });
});
