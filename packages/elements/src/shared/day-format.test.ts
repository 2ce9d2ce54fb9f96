/// <reference types="mocha" />
import { expect } from '@open-wc/testing';
import { localizeWeekdays } from './day-format';

describe('localizeWeekdays', () => {
  it('names the weekdays of a school text in English and keeps the rest as written', () => {
    expect(localizeWeekdays('en', 'Вт, Чт 14:30–16:00')).to.equal('Tue, Thu 14:30–16:00');
    expect(localizeWeekdays('en', 'Пн–Пт 15:00–17:00, каб. 204')).to.equal(
      'Mon–Fri 15:00–17:00, каб. 204',
    );
    expect(localizeWeekdays('en', 'по средам')).to.equal('по средам');
  });

  it('leaves a Russian text alone in Russian', () => {
    expect(localizeWeekdays('ru', 'Вт, Чт 14:30–16:00')).to.equal('Вт, Чт 14:30–16:00');
  });
});
