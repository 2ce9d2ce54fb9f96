import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { errorMessage } from '../messages/messages.js';
import { newsInputProblems } from './news.js';

describe('newsInputProblems', () => {
  it('accepts news without a day and an event with a day and ordered hours', () => {
    assert.deepEqual(newsInputProblems({ kind: 'news' }), []);
    assert.deepEqual(
      newsInputProblems({
        kind: 'event',
        eventDate: '2026-12-20',
        startTime: '17:00',
        endTime: '18:30',
      }),
      [],
    );
  });

  it('asks an event for its day, an end time for a start, and an end after the start', () => {
    assert.deepEqual(newsInputProblems({ kind: 'event', endTime: '17:00' }), [
      { path: 'eventDate', code: 'required' },
      { path: 'startTime', code: 'required' },
    ]);
    assert.deepEqual(
      newsInputProblems({
        kind: 'event',
        eventDate: '2026-12-20',
        startTime: '18:00',
        endTime: '18:00',
      }),
      [{ path: 'endTime', code: 'date_order' }],
    );
  });

  it('words each problem for its field in both languages', () => {
    assert.equal(errorMessage('required', { field: 'eventDate' }), 'Укажите день события');
    assert.equal(
      errorMessage('date_order', { field: 'endTime', lang: 'en' }),
      'The end time must be after the start time',
    );
  });
});
