import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DiaryApiError } from '../errors';
import { createMemoryClient } from './memory-client';

describe('memory client: mark history and distribution', () => {
  it('keeps a correction and a removal in the history the family reads', async () => {
    const teacher = createMemoryClient({ signedInAs: 'usr_teacher_math' });
    const diary = teacher.memory;
    const mark = diary.addMark({
      childId: 'chd_maria',
      subjectId: 'sub_42_math',
      value: 4,
      kind: 'test',
      teacherId: 'usr_teacher_math',
    });
    await teacher.grades.update({ markId: mark.id, value: 5 });
    const parent = createMemoryClient({ signedInAs: 'parent', memory: diary });
    const history = await parent.grades.history({ markId: mark.id });
    assert.deepEqual(
      history.changes.map((c) => [c.action, c.from, c.to]),
      [
        ['created', undefined, 4],
        ['updated', 4, 5],
      ],
    );
    await teacher.grades.remove({ markId: mark.id });
    const after = await parent.grades.history({ markId: mark.id });
    assert.deepEqual(after.changes.at(-1), { ...after.changes.at(-1), action: 'deleted', from: 5 });
    const petrs = diary.addMark({
      childId: 'chd_petr',
      subjectId: 'sub_42_math',
      value: 3,
      kind: 'oral',
    });
    const maria = createMemoryClient({ signedInAs: 'usr_student_maria', memory: diary });
    await assert.rejects(maria.grades.history({ markId: petrs.id }), DiaryApiError);
  });

  it('counts one mark per pupil of a lesson’s work, and only from 5 pupils', async () => {
    const teacher = createMemoryClient({ signedInAs: 'usr_teacher_math' });
    const diary = teacher.memory;
    const work = { subjectId: 'sub_42_math', kind: 'test' as const, lessonId: 'les_memory_work' };
    const own = diary.addMark({ ...work, childId: 'chd_maria', value: 5 });
    const values = [4, 4, 3] as const;
    values.forEach((value, i) => diary.addMark({ ...work, childId: `chd_other_${i}`, value }));
    const parent = createMemoryClient({ signedInAs: 'parent', memory: diary });
    const few = await parent.grades.distribution({ markId: own.id }).catch((e: unknown) => e);
    assert.ok(few instanceof DiaryApiError);
    assert.equal(few.code, 'too_few_marked');
    diary.addMark({ ...work, childId: 'chd_other_3', value: 2 });
    diary.addMark({ ...work, childId: 'chd_other_3', value: 3 });
    diary.addMark({ ...work, childId: 'chd_other_4', value: 'pass' });
    const shown = await parent.grades.distribution({ markId: own.id });
    assert.deepEqual(shown, {
      lessonId: 'les_memory_work',
      kind: 'test',
      marked: 5,
      counts: { 5: 1, 4: 2, 3: 2, 2: 0 },
    });
  });
});
