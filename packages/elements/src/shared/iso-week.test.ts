/// <reference types="mocha" />
import { expect } from '@open-wc/testing';
import { addDays, isCalendarDay, isoWeekOf, shiftWeek, weekMonday } from './iso-week';

describe('ISO weeks', () => {
  it('finds the week of a day, across year boundaries', () => {
    expect(isoWeekOf('2026-11-24')).to.equal('2026-W48');
    expect(isoWeekOf('2026-11-23')).to.equal('2026-W48');
    expect(isoWeekOf('2026-11-29')).to.equal('2026-W48');
    expect(isoWeekOf('2026-11-30')).to.equal('2026-W49');
    expect(isoWeekOf('2027-01-01')).to.equal('2026-W53');
    expect(isoWeekOf('2024-12-30')).to.equal('2025-W01');
    expect(isoWeekOf('2021-01-03')).to.equal('2020-W53');
  });

  it('finds the Monday of a week and refuses weeks that do not exist', () => {
    expect(weekMonday('2026-W48')).to.equal('2026-11-23');
    expect(weekMonday('2026-W53')).to.equal('2026-12-28');
    expect(weekMonday('2025-W01')).to.equal('2024-12-30');
    expect(weekMonday('2025-W53')).to.equal(undefined);
    expect(weekMonday('2026-W00')).to.equal(undefined);
    expect(weekMonday('2026-48')).to.equal(undefined);
    expect(weekMonday('')).to.equal(undefined);
  });

  it('steps between weeks and days', () => {
    expect(shiftWeek('2026-W53', 1)).to.equal('2027-W01');
    expect(shiftWeek('2027-W01', -1)).to.equal('2026-W53');
    expect(shiftWeek('nonsense', 1)).to.equal(undefined);
    expect(addDays('2026-02-28', 1)).to.equal('2026-03-01');
    expect(addDays('2028-03-01', -1)).to.equal('2028-02-29');
  });

  it('tells real calendar days from malformed ones', () => {
    expect(isCalendarDay('2026-11-24')).to.equal(true);
    expect(isCalendarDay('2026-02-30')).to.equal(false);
    expect(isCalendarDay('24.11.2026')).to.equal(false);
    expect(isCalendarDay('')).to.equal(false);
  });
});
