import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { openSchoolYears, schoolYearOn } from './school-year.js';

describe('school years', () => {
  it('starts a school year on 1 September', () => {
    assert.equal(schoolYearOn('2026-08-31'), '2025/2026');
    assert.equal(schoolYearOn('2026-09-01'), '2026/2027');
    assert.equal(schoolYearOn('2027-01-10'), '2026/2027');
  });

  it('opens the current and the next school year for applications', () => {
    assert.deepEqual(openSchoolYears('2026-11-24'), ['2026/2027', '2027/2028']);
    assert.deepEqual(openSchoolYears('2027-06-30'), ['2026/2027', '2027/2028']);
  });
});
