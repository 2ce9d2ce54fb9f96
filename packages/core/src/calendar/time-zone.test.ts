import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { startOfDayIn, todayIn, zoneOffsetMs } from './time-zone.js';

describe('today in a time zone', () => {
  it("gives the school's date, not the server's, around midnight", () => {
    const evening = new Date('2026-11-24T20:30:00Z');
    assert.equal(todayIn(evening, 'Europe/Moscow'), '2026-11-24'); // 23:30 in Moscow
    assert.equal(todayIn(evening, 'Asia/Yekaterinburg'), '2026-11-25'); // 01:30
    assert.equal(todayIn(evening, 'Asia/Vladivostok'), '2026-11-25');
    assert.equal(todayIn(new Date('2026-11-24T21:00:00Z'), 'Europe/Moscow'), '2026-11-25');
  });

  it('crosses the year boundary in the zone', () => {
    assert.equal(todayIn(new Date('2026-12-31T21:00:00Z'), 'Europe/Moscow'), '2027-01-01');
    assert.equal(todayIn(new Date('2026-12-31T20:59:59Z'), 'Europe/Moscow'), '2026-12-31');
    assert.equal(todayIn(new Date('2027-01-01T09:00:00Z'), 'America/Los_Angeles'), '2027-01-01');
    assert.equal(todayIn(new Date('2027-01-01T07:59:59Z'), 'America/Los_Angeles'), '2026-12-31');
  });

  it('knows the offsets of zones without daylight saving, and of zones with it', () => {
    for (const month of ['01', '07'])
      assert.equal(
        zoneOffsetMs(new Date(`2026-${month}-15T12:00:00Z`), 'Europe/Moscow'),
        3 * 3600_000,
      );
    assert.equal(zoneOffsetMs(new Date('2026-01-15T12:00:00Z'), 'Asia/Kamchatka'), 12 * 3600_000);
    assert.equal(zoneOffsetMs(new Date('2026-01-15T12:00:00Z'), 'Europe/Berlin'), 3600_000);
    assert.equal(zoneOffsetMs(new Date('2026-07-15T12:00:00Z'), 'Europe/Berlin'), 2 * 3600_000);
    assert.equal(zoneOffsetMs(new Date('2026-07-15T12:00:00Z'), 'UTC'), 0);
  });

  it('finds the instant a day starts at the school', () => {
    assert.equal(startOfDayIn('2026-11-24', 'Europe/Moscow'), '2026-11-23T21:00:00.000Z');
    assert.equal(startOfDayIn('2026-11-24', 'Europe/Moscow', 1), '2026-11-24T21:00:00.000Z');
    assert.equal(startOfDayIn('2027-01-01', 'Asia/Vladivostok'), '2026-12-31T14:00:00.000Z');
  });
});
