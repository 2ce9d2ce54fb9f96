/// <reference types="mocha" />
import { expect } from '@open-wc/testing';
import { todayIn } from '@school-diary/core';
import { formatDate, formatTime } from './dates';
import { formatNumber, plural } from './plural';

const MARKS = { one: '{n} оценка', few: '{n} оценки', many: '{n} оценок', other: '{n} оценки' };
const POINTS = { one: '{n} балл', few: '{n} балла', many: '{n} баллов', other: '{n} балла' };

describe('plural', () => {
  it('picks the Russian forms one, few and many by CLDR rules', () => {
    expect(plural('ru', 1, MARKS)).to.equal('1 оценка');
    expect(plural('ru', 3, MARKS)).to.equal('3 оценки');
    expect(plural('ru', 5, MARKS)).to.equal('5 оценок');
    expect(plural('ru', 11, MARKS)).to.equal('11 оценок');
    expect(plural('ru', 21, MARKS)).to.equal('21 оценка');
    expect(plural('ru', 22, MARKS)).to.equal('22 оценки');
    expect(plural('ru', 111, MARKS)).to.equal('111 оценок');
    expect(plural('ru', 0, MARKS)).to.equal('0 оценок');
  });

  it('uses the «other» form for fractions, with a decimal comma', () => {
    expect(plural('ru', 4.5, POINTS)).to.equal('4,5 балла');
    expect(plural('ru', 1.5, POINTS)).to.equal('1,5 балла');
  });

  it('speaks English with one and other', () => {
    const en = { one: '{n} mark', other: '{n} marks' };
    expect(plural('en', 1, en)).to.equal('1 mark');
    expect(plural('en', 5, en)).to.equal('5 marks');
    expect(plural('en', 4.5, en)).to.equal('4.5 marks');
  });

  it('formats numbers with a no-break space between groups in Russian', () => {
    expect(formatNumber('ru', 1234567.5)).to.equal('1\u00a0234\u00a0567,5');
    expect(formatNumber('en', 1234567.5)).to.equal('1,234,567.5');
  });
});

describe('dates', () => {
  it('writes a calendar date in the genitive in Russian, the same day in any zone', () => {
    expect(formatDate('ru', '2024-03-05')).to.equal('5 марта 2024 г.');
    expect(formatDate('en', '2024-03-05')).to.equal('5 March 2024');
    expect(formatDate('ru', '2024-03-05', undefined, 'Asia/Vladivostok')).to.equal(
      '5 марта 2024 г.',
    );
  });

  it("shows times in the school's time zone", () => {
    const instant = new Date('2026-11-24T11:05:00Z');
    expect(formatTime('ru', instant, 'Europe/Moscow')).to.equal('14:05');
    expect(formatTime('ru', instant, 'Asia/Vladivostok')).to.equal('21:05');
  });

  it('knows that it is already tomorrow in the far east', () => {
    const lateEvening = new Date('2026-11-24T22:30:00Z');
    expect(todayIn(lateEvening, 'Europe/Moscow')).to.equal('2026-11-25');
    expect(todayIn(lateEvening, 'Europe/Kaliningrad')).to.equal('2026-11-25');
    expect(todayIn(new Date('2026-11-24T20:30:00Z'), 'Europe/Kaliningrad')).to.equal('2026-11-24');
    expect(todayIn(new Date('2026-11-24T20:30:00Z'), 'Asia/Vladivostok')).to.equal('2026-11-25');
  });
});
