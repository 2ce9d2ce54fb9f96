import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  addDays,
  checkDateOrder,
  datesBetween,
  isCalendarDay,
  isoDayOfWeek,
} from './calendar-day.js';
import {
  firstMonday,
  formatIsoWeek,
  isoWeekOf,
  parseIsoWeek,
  shiftWeek,
  weekMonday,
  weeksInYear,
} from './iso-week.js';

describe('ISO weeks', () => {
  it('puts 4 January in week 1 of every year', () => {
    for (let year = 2015; year <= 2035; year += 1) {
      const jan4 = `${year}-01-04`;
      assert.deepEqual(isoWeekOf(jan4), { year, week: 1 }, jan4);
      const monday = firstMonday(year);
      assert.equal(isoDayOfWeek(monday), 1);
      assert.ok(monday <= jan4 && jan4 <= addDays(monday, 6), `${year}: ${monday}`);
    }
  });

  it('knows that 2026 has a week 53 and 2025 does not', () => {
    assert.equal(weeksInYear(2026), 53);
    assert.equal(weeksInYear(2025), 52);
    assert.equal(weeksInYear(2020), 53, 'a leap year starting on a Wednesday');
    assert.deepEqual(parseIsoWeek('2026-W53'), { year: 2026, week: 53 });
    assert.equal(weekMonday({ year: 2026, week: 53 }), '2026-12-28');
    assert.equal(parseIsoWeek('2025-W53'), null);
  });

  it('starts 2027-W01 on 2027-01-04 and files 1–3 January 2027 under 2026-W53', () => {
    assert.equal(weekMonday({ year: 2027, week: 1 }), '2027-01-04');
    assert.deepEqual(isoWeekOf('2027-01-01'), { year: 2026, week: 53 });
    assert.deepEqual(isoWeekOf('2027-01-03'), { year: 2026, week: 53 });
    assert.deepEqual(isoWeekOf('2027-01-04'), { year: 2027, week: 1 });
  });

  it('files the last days of December under the next year when its week 1 starts early', () => {
    assert.deepEqual(isoWeekOf('2024-12-30'), { year: 2025, week: 1 });
    assert.equal(weekMonday({ year: 2025, week: 1 }), '2024-12-30');
  });

  it('gives the demo week 2026-W48 as Monday 23 November', () => {
    const week = parseIsoWeek('2026-W48');
    assert.ok(week);
    assert.equal(weekMonday(week), '2026-11-23');
    assert.equal(formatIsoWeek(isoWeekOf('2026-11-24')), '2026-W48');
    assert.equal(formatIsoWeek({ year: 2027, week: 5 }), '2027-W05');
  });

  it('round-trips every week of several years through its Monday', () => {
    for (let year = 2024; year <= 2028; year += 1) {
      for (let week = 1; week <= weeksInYear(year); week += 1) {
        const monday = weekMonday({ year, week });
        assert.equal(isoDayOfWeek(monday), 1);
        assert.deepEqual(isoWeekOf(monday), { year, week });
        assert.deepEqual(isoWeekOf(addDays(monday, 6)), { year, week });
      }
    }
  });

  it('rejects malformed weeks and week 0', () => {
    for (const text of ['2026-48', '2026-W4', '2026-W00', '2026-W54', 'W48-2026', '']) {
      assert.equal(parseIsoWeek(text), null, text);
    }
  });

  it('counts days across month, year and leap-day boundaries', () => {
    assert.equal(addDays('2026-12-31', 1), '2027-01-01');
    assert.equal(addDays('2028-02-28', 1), '2028-02-29');
    assert.equal(addDays('2026-03-01', -1), '2026-02-28');
    assert.deepEqual(datesBetween('2026-11-29', '2026-12-01'), [
      '2026-11-29',
      '2026-11-30',
      '2026-12-01',
    ]);
    assert.deepEqual(datesBetween('2026-12-01', '2026-11-30'), []);
  });

  it('finds the Monday of a week written YYYY-Www, and refuses weeks that do not exist', () => {
    assert.equal(weekMonday('2026-W48'), '2026-11-23');
    assert.equal(weekMonday('2026-W53'), '2026-12-28');
    assert.equal(weekMonday('2025-W01'), '2024-12-30');
    for (const week of ['2025-W53', '2026-W00', '2026-48', ''])
      assert.equal(weekMonday(week), undefined, week);
  });

  it('steps between weeks across the year boundary', () => {
    assert.equal(shiftWeek('2026-W53', 1), '2027-W01');
    assert.equal(shiftWeek('2027-W01', -1), '2026-W53');
    assert.equal(shiftWeek('2026-W48', -48), '2025-W52');
    assert.equal(shiftWeek('nonsense', 1), undefined);
    assert.equal(formatIsoWeek(isoWeekOf('2021-01-03')), '2020-W53');
  });

  it('tells real calendar days from malformed ones', () => {
    assert.equal(isCalendarDay('2026-11-24'), true);
    assert.equal(isCalendarDay('2028-02-29'), true);
    assert.equal(isCalendarDay('2026-02-29'), false);
    assert.equal(isCalendarDay('2026-02-30'), false);
    assert.equal(isCalendarDay('24.11.2026'), false);
    assert.equal(isCalendarDay(''), false);
  });
});

describe('checkDateOrder', () => {
  it('refuses a range that ends before it starts and accepts open or ordered ends', () => {
    assert.equal(checkDateOrder('2026-12-07', '2026-12-01'), 'date_order');
    assert.equal(checkDateOrder('2026-12-01', '2026-12-01'), null);
    assert.equal(checkDateOrder(undefined, '2026-12-01'), null);
    assert.equal(checkDateOrder('2026-12-01', ''), null);
  });
});
