import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { safeParse } from 'zod/mini';
import { thresholdInputSchema } from '../schemas/mark.js';
import { checkMarkThreshold } from './mark-threshold.js';

describe('checkMarkThreshold', () => {
  it('accepts the mark scale from 2 to 5, its ends included', () => {
    for (const value of [2, 3.5, 5]) assert.equal(checkMarkThreshold(value), null);
  });

  it('names what is wrong with a value off the scale or not a number', () => {
    assert.equal(checkMarkThreshold(1.9), 'too_small');
    assert.equal(checkMarkThreshold(5.1), 'too_big');
    assert.equal(checkMarkThreshold(Number.NaN), 'format');
  });

  it('agrees with the schema the server checks', () => {
    for (const threshold of [1, 1.99, 2, 4.5, 5, 5.01, 7])
      assert.equal(
        checkMarkThreshold(threshold) === null,
        safeParse(thresholdInputSchema, { threshold }).success,
        String(threshold),
      );
  });
});
