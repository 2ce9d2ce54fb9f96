import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { absenceNoticeSchema, validate, type LiveEvent } from '@school-diary/core';
import { DiaryApiError } from '../errors';
import { createMemoryClient } from './memory-client';

describe('memory client: absences reported ahead', () => {
  it('reports an absence for chosen lessons, refuses past dates, and sees it acknowledged', async () => {
    const client = createMemoryClient();
    const lesson = client.memory.data.lessons.find((l) => l.date === '2026-11-26');
    assert.ok(lesson);
    const notice = await client.absences.report({
      childId: 'chd_maria',
      from: '2026-11-26',
      reason: 'ill',
      lessonIds: [lesson.id],
    });
    assert.equal(validate(absenceNoticeSchema, notice, 'en').ok, true);
    assert.deepEqual(
      notice.lessons.map((l) => l.lessonId),
      [lesson.id],
    );
    const past = await client.absences
      .report({ childId: 'chd_maria', from: '2026-11-20', reason: 'ill' })
      .catch((e: unknown) => e);
    assert.ok(past instanceof DiaryApiError);
    assert.deepEqual(
      past.fields.map((f) => [f.path, f.code]),
      [['from', 'past_date']],
    );
    const seen: LiveEvent[] = [];
    const stop = client.events.on('absence-notice.updated', (e) => seen.push(e));
    client.memory.acknowledgeNotice(notice.id, 'Орлов Сергей Николаевич');
    const { items } = await client.absences.list({ childId: 'chd_maria' });
    assert.equal(items[0]?.status, 'acknowledged');
    assert.equal(items[0]?.acknowledgedBy, 'Орлов Сергей Николаевич');
    stop?.();
    client.close();
  });
});
