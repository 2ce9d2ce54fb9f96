import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { quietUntil } from './quiet-hours';

const NIGHT = { start: '22:00', end: '07:00', timeZone: 'Europe/Moscow' };
const until = (q: typeof NIGHT, at: string) => quietUntil(q, new Date(at))?.toISOString() ?? null;

describe('quiet hours', () => {
  it('holds a message across midnight until the end, on the time zone’s wall clock', () => {
    // 23:30 and 03:15 in Moscow: both end at 07:00 Moscow, 04:00 UTC.
    assert.equal(until(NIGHT, '2026-11-24T20:30:00Z'), '2026-11-25T04:00:00.000Z');
    assert.equal(until(NIGHT, '2026-11-25T00:15:42Z'), '2026-11-25T04:00:00.000Z');
    assert.equal(until(NIGHT, '2026-11-24T19:00:00Z'), '2026-11-25T04:00:00.000Z', 'from 22:00');
  });

  it('lets a message go outside the hours, from the end minute on', () => {
    assert.equal(until(NIGHT, '2026-11-25T04:00:00Z'), null, '07:00 is already outside');
    assert.equal(until(NIGHT, '2026-11-24T18:59:00Z'), null, '21:59');
    assert.equal(until(NIGHT, '2026-11-24T09:00:00Z'), null, 'noon');
  });

  it('handles hours within one day and another time zone', () => {
    const lessons = { start: '08:00', end: '14:00', timeZone: 'Asia/Yekaterinburg' };
    // 09:00 UTC is 14:00 in Yekaterinburg (+5): just outside; 08:59 UTC is inside.
    assert.equal(until(lessons, '2026-11-24T09:00:00Z'), null);
    assert.equal(until(lessons, '2026-11-24T08:59:00Z'), '2026-11-24T09:00:00.000Z');
  });
});
