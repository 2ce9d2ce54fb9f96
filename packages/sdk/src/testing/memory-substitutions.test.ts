import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DiaryApiError } from '../errors';
import { demoFixtures } from './fixtures';
import { createMemoryClient } from './memory-client';

/** The error a call fails with (the test fails when it succeeds). */
async function failure(call: Promise<unknown>) {
  const e = await call.then(
    () => undefined,
    (error: unknown) => error,
  );
  assert.ok(e instanceof DiaryApiError, `expected a DiaryApiError, got ${String(e)}`);
  return { status: e.status, code: e.code, fields: e.fields.map((f) => [f.path, f.code]) };
}

// The memory clock stands at 2026-11-24 12:00 in Moscow: Tuesday's 5th lesson (12:30) is ahead,
// its 3rd (10:30–11:15) is over.
const AHEAD = 'les_mem_5a_20261124_5';
const OVER = 'les_mem_5a_20261124_3';

describe("memory client: a school admin's substitutions", () => {
  it('substitutes a lesson ahead, and the family sees it in the week', async () => {
    const admin = createMemoryClient({ signedInAs: 'school_admin', fixtures: demoFixtures() });
    const sub = await admin.schedule.substitute({
      lessonId: AHEAD,
      substituteTeacherId: 'usr_teacher_russian',
      subjectId: 'sub_42_math',
      reason: 'Учитель заболел',
      room: '305',
    });
    assert.equal(sub.substituteTeacherName, 'Белова И. А.');
    assert.equal(sub.subjectName, 'Математика');
    assert.equal(sub.room, '305');
    const parent = createMemoryClient({ signedInAs: 'parent', memory: admin.memory });
    const week = await parent.schedule.week({ classId: 'cls_42_5a', week: '2026-W48' });
    const lesson = week.days.flatMap((d) => d.lessons).find((l) => l.id === AHEAD);
    assert.equal(lesson?.substitution?.reason, 'Учитель заболел');
    admin.close();
    parent.close();
  });

  it('keeps one substitution per lesson: a second replaces the first', async () => {
    const admin = createMemoryClient({ signedInAs: 'school_admin', fixtures: demoFixtures() });
    const input = { lessonId: AHEAD, reason: 'Курсы' };
    const first = await admin.schedule.substitute({
      ...input,
      substituteTeacherId: 'usr_teacher_math',
    });
    const second = await admin.schedule.substitute({
      ...input,
      substituteTeacherId: 'usr_teacher_russian',
    });
    assert.equal(second.id, first.id);
    const { items } = await admin.schedule.substitutions({
      classId: 'cls_42_5a',
      from: '2026-11-24',
      to: '2026-11-24',
    });
    assert.deepEqual(
      items.map((s) => [s.lessonId, s.substituteTeacherId]),
      [[AHEAD, 'usr_teacher_russian']],
    );
    admin.close();
  });

  it('refuses a lesson that is over with past_date on lessonId', async () => {
    const admin = createMemoryClient({ signedInAs: 'school_admin', fixtures: demoFixtures() });
    const refused = await failure(
      admin.schedule.substitute({
        lessonId: OVER,
        substituteTeacherId: 'usr_teacher_math',
        reason: 'Курсы',
      }),
    );
    assert.deepEqual(refused, {
      status: 400,
      code: 'validation_failed',
      fields: [['lessonId', 'past_date']],
    });
    admin.close();
  });

  it('names the field when the substitute is no teacher of the school or the subject unknown', async () => {
    const admin = createMemoryClient({ signedInAs: 'school_admin', fixtures: demoFixtures() });
    const base = { lessonId: AHEAD, reason: 'Курсы' };
    const notTeacher = await failure(
      admin.schedule.substitute({ ...base, substituteTeacherId: 'usr_admin_42' }),
    );
    assert.deepEqual(notTeacher.fields, [['substituteTeacherId', 'invalid_option']]);
    const subject = await failure(
      admin.schedule.substitute({
        ...base,
        substituteTeacherId: 'usr_teacher_math',
        subjectId: 'sub_elsewhere',
      }),
    );
    assert.deepEqual(subject.fields, [['subjectId', 'invalid_option']]);
    const empty = await failure(
      admin.schedule.substitute({ ...base, substituteTeacherId: 'usr_teacher_math', reason: '' }),
    );
    assert.deepEqual(
      empty.fields.map(([path]) => path),
      ['reason'],
    );
    admin.close();
  });

  it('removes a substitution, then answers 404 for a lesson without one', async () => {
    const admin = createMemoryClient({ signedInAs: 'school_admin', fixtures: demoFixtures() });
    const lessonId = 'les_mem_5a_20261125_3';
    await admin.schedule.cancelSubstitution({ lessonId });
    const week = await admin.schedule.week({ classId: 'cls_42_5a', week: '2026-W48' });
    const lesson = week.days.flatMap((d) => d.lessons).find((l) => l.id === lessonId);
    assert.ok(lesson);
    assert.equal(lesson.substitution, undefined);
    const again = await failure(admin.schedule.cancelSubstitution({ lessonId }));
    assert.equal(again.status, 404);
    // A lesson already held keeps what it had: its removal is refused first, as on the server.
    const held = await failure(admin.schedule.cancelSubstitution({ lessonId: OVER }));
    assert.equal(held.status, 400);
    assert.deepEqual(held.fields, [['lessonId', 'past_date']]);
    admin.close();
  });

  it('lets only a school admin substitute', async () => {
    const teacher = createMemoryClient({ signedInAs: 'teacher', fixtures: demoFixtures() });
    const refused = await failure(
      teacher.schedule.substitute({
        lessonId: AHEAD,
        substituteTeacherId: 'usr_teacher_math',
        reason: 'Курсы',
      }),
    );
    assert.equal(refused.status, 403);
    teacher.close();
  });
});
