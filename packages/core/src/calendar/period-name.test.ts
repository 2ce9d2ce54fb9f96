import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { periodName } from './period-name.js';

describe('periodName', () => {
  it('translates the period names schools use into English', () => {
    assert.equal(periodName('en', 'II четверть'), 'Term 2');
    assert.equal(periodName('en', 'I полугодие'), 'Half-year 1');
    assert.equal(periodName('en', 'III триместр'), 'Trimester 3');
  });

  it('keeps a school’s own name, and every name in Russian, as written', () => {
    assert.equal(periodName('en', 'Летняя практика'), 'Летняя практика');
    assert.equal(periodName('ru', 'II четверть'), 'II четверть');
  });
});
