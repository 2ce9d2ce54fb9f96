/// <reference types="mocha" />
import { expect } from '@open-wc/testing';
import { periodName } from './period-name';

describe('periodName', () => {
  it('translates the period names schools use into English', () => {
    expect(periodName('en', 'II четверть')).to.equal('Term 2');
    expect(periodName('en', 'I полугодие')).to.equal('Half-year 1');
    expect(periodName('en', 'III триместр')).to.equal('Trimester 3');
  });

  it('keeps a school’s own name, and every name in Russian, as written', () => {
    expect(periodName('en', 'Летняя практика')).to.equal('Летняя практика');
    expect(periodName('ru', 'II четверть')).to.equal('II четверть');
  });
});
