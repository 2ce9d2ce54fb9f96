import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { threadSchema, validate, yearComparisonSchema } from '@school-diary/core';
import { DiaryApiError, DiaryNetworkError } from '../errors';
import { createMemoryClient } from './memory-client';

const failure = async (promise: Promise<unknown>): Promise<DiaryApiError> => {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  assert.ok(error instanceof DiaryApiError, `expected a DiaryApiError, got ${String(error)}`);
  return error;
};

describe('memory client: the diary beyond reads', () => {
  it('compares this year’s averages with last year’s per subject', async () => {
    const client = createMemoryClient();
    const comparison = await client.grades.comparison({ childId: 'chd_maria' });
    assert.equal(validate(yearComparisonSchema, comparison, 'en').ok, true);
    assert.deepEqual([comparison.currentYear, comparison.previousYear], ['2026/2027', '2025/2026']);
    const math = comparison.subjects.find((s) => s.subjectName === 'Математика');
    assert.ok(math && math.current !== null && math.previous !== null);
    assert.equal(math.delta, Math.round(((math.current ?? 0) - (math.previous ?? 0)) * 100) / 100);
    // Пётр has no marks last year: the previous averages are null, not zero.
    const petr = await client.grades.comparison({ childId: 'chd_petr' });
    assert.ok(petr.subjects.length > 0 && petr.subjects.every((s) => s.previous === null));
    const stranger = await failure(client.grades.comparison({ childId: 'chd_alexander' }));
    assert.equal(stranger.status, 404);
    client.close();
  });

  it('keeps a parent’s alert thresholds: list, replace per subject, remove', async () => {
    const client = createMemoryClient({ language: 'en' });
    const { items: before } = await client.thresholds.list({ childId: 'chd_maria' });
    assert.equal(before.length, 2);
    const changed = await client.thresholds.set({
      childId: 'chd_maria',
      subjectId: 'sub_42_math',
      threshold: 4.5,
    });
    const { items: after } = await client.thresholds.list({ childId: 'chd_maria' });
    assert.equal(after.length, 2, 'the maths threshold was replaced, not added');
    assert.equal(after.find((t) => t.subjectId === 'sub_42_math')?.threshold, 4.5);
    const tooHigh = await failure(client.thresholds.set({ childId: 'chd_maria', threshold: 7 }));
    assert.ok(tooHigh.field('threshold'));
    await client.thresholds.remove({ childId: 'chd_maria', thresholdId: changed.id });
    assert.equal((await client.thresholds.list({ childId: 'chd_maria' })).items.length, 1);
    const gone = await failure(
      client.thresholds.remove({ childId: 'chd_maria', thresholdId: changed.id }),
    );
    assert.equal(gone.status, 404);
    const student = createMemoryClient({ signedInAs: 'student' });
    const forbidden = await failure(student.thresholds.list({ childId: 'chd_maria' }));
    assert.equal(forbidden.status, 403);
    student.close();
    client.close();
  });

  it('lists a class’s substitutions within a date range', async () => {
    const client = createMemoryClient();
    const { items } = await client.schedule.substitutions({ classId: 'cls_42_5a' });
    assert.deepEqual(
      items.map((s) => [s.date, s.lessonNumber, s.subjectName]),
      [['2026-11-25', 3, 'Математика']],
    );
    const none = await client.schedule.substitutions({
      classId: 'cls_42_5a',
      from: '2026-11-26',
      to: '2026-11-30',
    });
    assert.deepEqual(none.items, []);
    const backwards = await failure(
      client.schedule.substitutions({ classId: 'cls_42_5a', from: '2026-12-01', to: '2026-11-01' }),
    );
    assert.equal(backwards.field('to')?.code, 'date_order');
    client.close();
  });

  it('lets a teacher set, change and delete homework that families then see', async () => {
    const teacher = createMemoryClient({ signedInAs: 'usr_teacher_math' });
    const parent = createMemoryClient({ fixtures: teacher.memory.data });
    const lesson = teacher.memory.data.lessons.find((l) => l.subjectId === 'sub_42_math');
    assert.ok(lesson);
    const homework = await teacher.homework.create({
      lessonId: lesson.id,
      classId: 'cls_42_5a',
      subjectId: 'sub_42_math',
      text: 'Задачи № 301–305',
      assignedDate: lesson.date,
      dueDate: '2026-11-30',
    });
    assert.equal(homework.subjectName, 'Математика');
    const seen = await parent.homework.list({ childId: 'chd_maria', from: '2026-11-30' });
    assert.deepEqual(
      seen.items.map((h) => h.text),
      ['Задачи № 301–305'],
    );
    const week = await parent.schedule.week({ classId: 'cls_42_5a', week: '2026-W48' });
    const shown = week.days.flatMap((d) => d.lessons).find((l) => l.id === lesson.id);
    assert.ok(
      shown?.homework.some((h) => h.id === homework.id),
      'the lesson carries it too',
    );
    const changed = await teacher.homework.update({
      homeworkId: homework.id,
      text: 'Задачи № 301–310',
    });
    assert.equal(changed.text, 'Задачи № 301–310');
    const empty = await failure(teacher.homework.update({ homeworkId: homework.id, text: '' }));
    assert.ok(empty.field('text'));
    const notHers = createMemoryClient({
      signedInAs: 'usr_teacher_russian',
      fixtures: teacher.memory.data,
    });
    const foreign = await failure(notHers.homework.remove({ homeworkId: homework.id }));
    assert.equal(foreign.status, 404);
    await teacher.homework.remove({ homeworkId: homework.id });
    const after = await parent.homework.list({ childId: 'chd_maria', from: '2026-11-30' });
    assert.deepEqual(after.items, []);
    for (const c of [teacher, parent, notHers]) c.close();
  });

  it('opens a thread with one of the child’s teachers once', async () => {
    const client = createMemoryClient();
    const thread = await client.threads.create({
      childId: 'chd_maria',
      teacherId: 'usr_teacher_russian',
      subjectId: 'sub_42_russian',
    });
    assert.equal(validate(threadSchema, thread, 'en').ok, true);
    assert.deepEqual(
      [thread.teacherName, thread.title, thread.unreadCount],
      ['Белова Ирина Александровна', 'Русский язык', 0],
    );
    const again = await client.threads.create({
      childId: 'chd_maria',
      teacherId: 'usr_teacher_russian',
      subjectId: 'sub_42_russian',
    });
    assert.equal(again.id, thread.id);
    await client.threads.send({ threadId: thread.id, id: 'msg_story_1', text: 'Здравствуйте!' });
    const { items } = await client.threads.list({ childId: 'chd_maria' });
    assert.ok(items.some((t) => t.id === thread.id));
    const notTheirs = await failure(
      client.threads.create({ childId: 'chd_maria', teacherId: 'usr_parent_ivanova' }),
    );
    assert.ok(notTheirs.field('teacherId'));
    client.close();
  });

  it('fails chosen operations on purpose, for error states, and serves the rest', async () => {
    const client = createMemoryClient({
      language: 'en',
      failures: { 'grades.list': { status: 500, code: 'internal' }, 'homework.list': 'network' },
    });
    const server = await failure(client.grades.list({ childId: 'chd_maria' }));
    assert.deepEqual([server.status, server.code], [500, 'internal']);
    assert.match(server.message, /server/i);
    const offline = await client.homework.list({ childId: 'chd_maria' }).then(
      () => undefined,
      (e: unknown) => e,
    );
    assert.ok(offline instanceof DiaryNetworkError, `got ${String(offline)}`);
    assert.equal((await client.children.list()).items.length, 2, 'other operations still answer');
    client.close();
  });

  it('keeps the «сделано» tick per child, for the parent and the pupil alike', async () => {
    const parent = createMemoryClient();
    const student = createMemoryClient({
      fixtures: parent.memory.data,
      signedInAs: 'usr_student_maria',
    });
    const { items } = await parent.homework.list({ childId: 'chd_maria' });
    const open = items.find((h) => !h.done);
    assert.ok(open && items.some((h) => h.done), 'the demo has done and open homework');
    const ticked = await parent.homework.setDone({
      childId: 'chd_maria',
      homeworkId: open.id,
      done: true,
    });
    assert.equal(ticked.done, true);
    const seen = await student.homework.list({ childId: 'chd_maria' });
    assert.equal(seen.items.find((h) => h.id === open.id)?.done, true);
    await student.homework.setDone({ childId: 'chd_maria', homeworkId: open.id, done: false });
    const again = await parent.homework.list({ childId: 'chd_maria' });
    assert.equal(again.items.find((h) => h.id === open.id)?.done, false);
    const stranger = await failure(
      parent.homework.setDone({ childId: 'chd_alexander', homeworkId: open.id, done: true }),
    );
    assert.equal(stranger.status, 404);
    parent.close();
    student.close();
  });
});
