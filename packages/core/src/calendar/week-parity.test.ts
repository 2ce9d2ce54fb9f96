import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { weekParityOn } from './week-parity.js';

describe('weekParityOn', () => {
  it('makes the week holding the first day of the school year odd, from its Monday', () => {
    // 1 September 2026 is a Tuesday; Monday 31 August is already in the first week.
    assert.equal(weekParityOn('2026-08-31', '2026-09-01'), 'odd');
    assert.equal(weekParityOn('2026-09-06', '2026-09-01'), 'odd');
    assert.equal(weekParityOn('2026-09-07', '2026-09-01'), 'even');
    assert.equal(weekParityOn('2026-09-14', '2026-09-01'), 'odd');
  });

  it('keeps counting across the new year, where ISO week numbers would restart', () => {
    // 28 December 2026 is the 18th week of the year that started on 1 September: even.
    assert.equal(weekParityOn('2026-12-28', '2026-09-01'), 'even');
    // 4 January 2027 is the 19th week (odd), though it is ISO week 1 of 2027.
    assert.equal(weekParityOn('2027-01-04', '2026-09-01'), 'odd');
  });

  it('counts backwards before the year’s start', () => {
    assert.equal(weekParityOn('2026-08-24', '2026-09-01'), 'even');
    assert.equal(weekParityOn('2026-08-17', '2026-09-01'), 'odd');
  });
});
