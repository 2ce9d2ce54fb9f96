import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { quietHoursSchema } from '../schemas/notification.js';
import { validate } from '../validation.js';
import { checkQuietHours } from './quiet-hours.js';

describe('checkQuietHours', () => {
  const cases = [
    { start: '22:00', end: '07:00', timeZone: 'Europe/Moscow' },
    { start: '13:00', end: '15:30', timeZone: 'Asia/Yekaterinburg' },
    { start: '24:00', end: '07:00', timeZone: 'Europe/Moscow' },
    { start: '22:00', end: '7:00', timeZone: 'Europe/Moscow' },
    { start: '22:00', end: '07:00', timeZone: 'Mars/Olympus' },
    { start: '22:00', end: '22:00', timeZone: 'Europe/Moscow' },
  ];

  it('agrees with quietHoursSchema on each case, field and message', () => {
    for (const hours of cases) {
      const problem = checkQuietHours(hours);
      const checked = validate(quietHoursSchema, hours, 'ru');
      assert.equal(problem === null, checked.ok, JSON.stringify(hours));
      if (problem && !checked.ok) {
        const [first] = checked.errors;
        assert.equal(first?.path, problem.path, JSON.stringify(hours));
        assert.equal(first?.code, problem.code, JSON.stringify(hours));
      }
    }
  });

  it('lets quiet hours run across midnight', () => {
    assert.equal(checkQuietHours({ start: '23:00', end: '06:00', timeZone: 'UTC' }), null);
  });
});
