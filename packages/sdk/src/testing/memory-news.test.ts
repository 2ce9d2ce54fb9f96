import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DiaryApiError } from '../errors';
import { createMemoryClient } from './memory-client';

/** The error a call fails with (the test fails when it succeeds). */
async function failure(call: Promise<unknown>) {
  const e = await call.then(
    () => undefined,
    (error: unknown) => error,
  );
  assert.ok(e instanceof DiaryApiError, `expected a DiaryApiError, got ${String(e)}`);
  return {
    status: e.status,
    code: e.code,
    fields: e.fields.map((f) => [f.path, f.code, f.message]),
  };
}

const concert = {
  schoolId: 'sch_42',
  kind: 'event',
  title: '  Зимний концерт ',
  body: 'Ждём всех в актовом зале.',
  eventDate: '2026-12-24',
  startTime: '17:00',
  endTime: '18:30',
  location: ' Актовый зал ',
} as const;

describe('memory client: a school admin publishes and removes news', () => {
  it('publishes an event that the school’s parents then read first in the feed', async () => {
    const admin = createMemoryClient({ signedInAs: 'school_admin' });
    const parent = createMemoryClient({ memory: admin.memory });
    const item = await admin.news.publish(concert);
    assert.match(item.id, /^nws_/);
    assert.deepEqual(
      [item.title, item.location, item.startTime, item.endTime, item.publishedAt],
      ['Зимний концерт', 'Актовый зал', '17:00', '18:30', '2026-11-24T09:00:00.000Z'],
    );
    const feed = await parent.news.list({ schoolId: 'sch_42', kind: 'event' });
    assert.equal(feed.items[0]?.id, item.id);
    admin.close();
    parent.close();
  });

  it('keeps no hours for news without a day', async () => {
    const admin = createMemoryClient({ signedInAs: 'school_admin' });
    const item = await admin.news.publish({
      schoolId: 'sch_42',
      kind: 'news',
      title: 'Каникулы',
      body: 'С 29 декабря.',
      startTime: '10:00',
    });
    assert.deepEqual([item.eventDate, item.startTime], [undefined, undefined]);
    admin.close();
  });

  it('refuses, field by field and in the caller’s language, what the server refuses', async () => {
    const admin = createMemoryClient({ signedInAs: 'school_admin', language: 'en' });
    const empty = await failure(
      admin.news.publish({ schoolId: 'sch_42', kind: 'news', title: ' ', body: '' }),
    );
    assert.deepEqual(
      empty.fields.map(([path, code]) => [path, code]),
      [
        ['title', 'required'],
        ['body', 'required'],
      ],
    );
    const backwards = await failure(
      admin.news.publish({
        ...concert,
        eventDate: undefined,
        startTime: '18:00',
        endTime: '17:00',
      }),
    );
    assert.deepEqual(backwards.fields, [
      ['eventDate', 'required', 'Enter the day of the event'],
      ['endTime', 'date_order', 'The end time must be after the start time'],
    ]);
    admin.close();
  });

  it('removes an item for its school’s admin only', async () => {
    const admin = createMemoryClient({ signedInAs: 'school_admin' });
    const parent = createMemoryClient({ memory: admin.memory });
    const item = await admin.news.publish(concert);
    const refused = await failure(parent.news.remove({ newsId: item.id }));
    assert.deepEqual([refused.status, refused.code], [403, 'forbidden']);
    await admin.news.remove({ newsId: item.id });
    const gone = await failure(parent.news.get({ newsId: item.id }));
    assert.equal(gone.status, 404);
    const twice = await failure(admin.news.remove({ newsId: item.id }));
    assert.equal(twice.status, 404);
    admin.close();
    parent.close();
  });

  it('answers another school’s admin as if the school had no such item', async () => {
    const admin = createMemoryClient({ signedInAs: 'school_admin' });
    const other = await failure(admin.news.publish({ ...concert, schoolId: 'sch_108' }));
    assert.equal(other.status, 404);
    admin.close();
  });
});
