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
  return { status: e.status, code: e.code, fields: e.fields.map((f) => [f.path, f.code]) };
}

describe('memory client: a school run by its admin', () => {
  it('adds, edits and deletes classes and subjects, refusing what is in use or taken', async () => {
    const client = createMemoryClient({ signedInAs: 'school_admin', language: 'en' });
    const schoolId = 'sch_42';
    const made = await client.setup.createClass({
      schoolId,
      name: '5Д',
      grade: 5,
      schoolYear: '2026/2027',
    });
    const taken = await failure(client.setup.updateClass({ classId: made.id, name: '5А' }));
    assert.deepEqual(taken.fields, [['name', 'already_registered']]);
    const renamed = await client.setup.updateClass({ classId: made.id, name: '5Е' });
    assert.equal(renamed.name, '5Е');
    const busy = await failure(client.setup.removeClass({ classId: 'cls_42_5a' }));
    assert.deepEqual([busy.status, busy.code], [409, 'in_use']);
    await client.setup.removeClass({ classId: made.id });
    const { items } = await client.classes.list();
    assert.deepEqual(
      items.map((c) => c.name),
      ['5А', '8Б'],
    );
    const mathInUse = await failure(client.setup.removeSubject({ subjectId: 'sub_42_math' }));
    assert.equal(mathInUse.code, 'in_use');
    const art = await client.setup.createSubject({ schoolId, name: 'ИЗО', shortName: 'ИЗО' });
    await client.setup.removeSubject({ subjectId: art.id });
    const subjects = await client.setup.subjects({ schoolId });
    assert.ok(!subjects.items.some((s) => s.id === art.id));
    client.close();
  });

  it("names the subjects a teacher teaches in each of their classes, as the server's list does", async () => {
    const client = createMemoryClient({ signedInAs: 'teacher' });
    const { items } = await client.classes.list();
    assert.ok(items.length > 0, 'the demo teacher teaches a class');
    for (const c of items) assert.ok((c.subjects ?? []).length > 0, `${c.name} has no subject`);
    assert.ok(
      items.some((c) => c.id === 'cls_42_5a' && c.subjects?.some((s) => s.id === 'sub_42_math')),
    );
    const admin = createMemoryClient({ signedInAs: 'school_admin' });
    assert.ok((await admin.classes.list()).items.every((c) => c.subjects === undefined));
    client.close();
    admin.close();
  });

  it('keeps holidays inside the year and makes lessons from the repeating week', async () => {
    const client = createMemoryClient({ signedInAs: 'school_admin' });
    const out = await failure(
      client.setup.setHolidays({
        schoolYearId: 'sy_42_2026',
        items: [{ name: 'Летние', startDate: '2027-06-01', endDate: '2027-08-31' }],
      }),
    );
    assert.deepEqual(out.fields, [['items.0.startDate', 'outside_school_year']]);
    await client.setup.setHolidays({
      schoolYearId: 'sy_42_2026',
      items: [{ name: 'Зимние', startDate: '2026-12-31', endDate: '2027-01-08' }],
    });
    const cls = await client.setup.createClass({
      schoolId: 'sch_42',
      name: '6А',
      grade: 6,
      schoolYear: '2026/2027',
    });
    const math = {
      weekday: 4,
      number: 1,
      subjectId: 'sub_42_math',
      teacherId: 'usr_teacher_math',
      room: '204',
    };
    await client.setup.setTimetableTemplate({
      classId: cls.id,
      items: [math],
      exceptions: [{ date: '2027-01-14', number: 1, change: 'cancelled' }],
    });
    const made = await client.setup.generateTimetable({
      classId: cls.id,
      from: '2026-12-28',
      to: '2027-01-24',
    });
    // Thursdays 31 Dec and 7 Jan are holidays, 14 Jan is cancelled: 21 Jan is left.
    assert.deepEqual(made, { created: 1, updated: 0, kept: 0, removed: 0 });
    const lesson = client.memory.data.lessons.find((l) => l.classId === cls.id);
    assert.equal(lesson?.date, '2027-01-21');
    const firstBell = client.memory.data.lessons.find((l) => l.number === 1)?.startTime;
    assert.equal(lesson.startTime, firstBell);
    client.close();
  });

  it('answers 403 to a teacher', async () => {
    const client = createMemoryClient({ signedInAs: 'teacher' });
    const denied = await failure(client.setup.bells({ schoolId: 'sch_42' }));
    assert.equal(denied.status, 403);
    client.close();
  });
});
