import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { LiveEvent } from '@school-diary/core';
import { DiaryApiError } from '../errors';
import { createMemoryClient } from './memory-client';

const C5A = 'cls_42_5a';

describe('memory client: planned assessments', () => {
  it('lists the upcoming ones, and the family hears a teacher plan and cancel one', async () => {
    const teacher = createMemoryClient({ signedInAs: 'usr_teacher_math' });
    const parent = createMemoryClient({ signedInAs: 'parent' });
    const before = await parent.assessments.upcoming({ childId: 'chd_maria' });
    assert.ok(before.items.length > 0, 'the demo has planned tests');
    assert.ok(before.items.every((a) => a.date >= '2026-11-24'));
    const seen: string[] = [];
    teacher.memory.subscribe('usr_parent_ivanova', teacher.memory.lastSeq, (e: LiveEvent) =>
      seen.push(e.type),
    );
    const made = await teacher.assessments.create({
      classId: C5A,
      subjectId: 'sub_42_math',
      date: '2026-12-02',
      kind: 'credit',
      topic: ' Таблица умножения ',
    });
    assert.deepEqual([made.topic, made.weight], ['Таблица умножения', 2]);
    const past = await teacher.assessments
      .update({ assessmentId: made.id, date: '2026-11-01' })
      .catch((e: unknown) => e);
    assert.ok(past instanceof DiaryApiError);
    assert.deepEqual(
      past.fields.map((f) => [f.path, f.code]),
      [['date', 'past_date']],
    );
    const other = await teacher.assessments
      .create({
        classId: C5A,
        subjectId: 'sub_42_russian',
        date: '2026-12-02',
        kind: 'test',
        topic: 'x',
      })
      .catch((e: unknown) => e);
    assert.ok(other instanceof DiaryApiError && other.status === 404, 'not their subject');
    await teacher.assessments.cancel({ assessmentId: made.id });
    assert.deepEqual(seen, ['assessment.planned', 'assessment.cancelled']);
    teacher.close();
    parent.close();
  });
});
