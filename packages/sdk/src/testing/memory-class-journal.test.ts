import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DiaryApiError } from '../errors';
import { createMemoryClient } from './memory-client';

const C5A = 'cls_42_5a';
const MATHS = 'sub_42_math';

describe('memory client: the class journal', () => {
  it('reads, saves a batch once, tells the family, and returns conflicts', async () => {
    const teacher = createMemoryClient({ signedInAs: 'usr_teacher_math' });
    const journal = await teacher.journal.get({ classId: C5A, subjectId: MATHS });
    assert.equal(journal.writable, true);
    assert.deepEqual(
      journal.students.map((p) => p.id),
      ['chd_maria'],
    );
    const lesson = journal.lessons.find((l) => l.date <= '2026-11-24');
    assert.ok(lesson);
    const seen = journal.cells.find((c) => c.lessonId === lesson.id)?.version ?? null;
    const heard: string[] = [];
    teacher.memory.subscribe('usr_parent_ivanova', teacher.memory.lastSeq, (e) =>
      heard.push(e.type),
    );
    const row = { childId: 'chd_maria', marks: [4, 5] as (4 | 5)[], absence: null, seen };
    const batch = { classId: C5A, batchId: 'bat_memory_1', subjectId: MATHS, lessonId: lesson.id };
    const first = await teacher.journal.save({
      ...batch,
      rows: [row],
    });
    assert.deepEqual(
      first.rows.map((r) => r.status),
      ['saved'],
    );
    assert.deepEqual(heard, ['mark.created', 'mark.created']);
    const again = await teacher.journal.save({
      ...batch,
      rows: [row],
    });
    assert.deepEqual(again, first);
    const stale = await teacher.journal.save({
      ...batch,
      batchId: 'bat_memory_2',
      rows: [{ childId: 'chd_maria', marks: [2], absence: null, seen }],
    });
    assert.equal(stale.rows[0]?.status, 'conflict');
    assert.deepEqual(
      stale.rows[0]?.cell?.marks.map((m) => m.value),
      [4, 5],
    );
    const parent = createMemoryClient();
    const refused = await parent.journal.get({ classId: C5A, subjectId: MATHS }).catch((e) => e);
    assert.ok(refused instanceof DiaryApiError && refused.status === 403);
    teacher.close();
    parent.close();
  });
});
