import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  attendanceSchema,
  childSchema,
  finalMarkSchema,
  homeworkSchema,
  lessonSchema,
  markSchema,
  messageSchema,
  notificationSchema,
  schoolYearInfoSchema,
  teacherSchema,
  threadSchema,
  userSchema,
  validate,
  type Mark,
} from '@school-diary/core';
import { DiaryApiError } from '../errors';
import { demoFixtures } from './fixtures';
import { createMemoryClient } from './memory-client';
import { MEMORY_CODE, MEMORY_PASSWORD } from './memory-diary';

const until = async (check: () => boolean) => {
  for (let i = 0; i < 200 && !check(); i += 1) await new Promise((r) => setTimeout(r, 5));
  assert.ok(check(), 'timed out');
};

describe('createMemoryClient', () => {
  it('serves fixtures that match core’s schemas', () => {
    const f = demoFixtures();
    const sets: [unknown[], Parameters<typeof validate>[0]][] = [
      [f.users, userSchema],
      [f.children, childSchema],
      [f.teachers, teacherSchema],
      [f.schoolYears, schoolYearInfoSchema],
      [f.marks, markSchema],
      [f.finalMarks, finalMarkSchema],
      [f.lessons, lessonSchema],
      [f.homework, homeworkSchema],
      [f.attendance, attendanceSchema],
      [f.threads, threadSchema],
      [f.messages, messageSchema],
      [f.notifications.map(({ userId: _userId, ...n }) => n), notificationSchema],
    ];
    for (const [items, schema] of sets) {
      assert.ok(items.length > 0);
      for (const item of items)
        assert.deepEqual(validate(schema, item, 'en'), { ok: true, value: item });
    }
    assert.ok(
      f.lessons.some((l) => l.substitution),
      'the week has a substitution',
    );
  });

  it('answers a signed-in parent through the same typed methods', async () => {
    const client = createMemoryClient();
    const { items: children } = await client.children.list();
    assert.deepEqual(
      children.map((c) => c.firstName),
      ['Мария', 'Пётр'],
    );
    const { items: marks } = await client.grades.list({
      childId: 'chd_maria',
      subjectId: 'sub_42_math',
    });
    assert.ok(marks.length > 3 && marks.every((m) => m.subjectName === 'Математика'));
    const summary = await client.grades.summary({ childId: 'chd_maria' });
    assert.equal(summary.periodId, 'per_42_2026_q2');
    const week = await client.schedule.week({ classId: 'cls_42_5a', week: '2026-W48' });
    assert.equal(week.days.length, 5);
    assert.equal(week.days[2]?.lessons[2]?.substitution?.subjectName, 'Математика');
    const csv = await client.grades.csv({ childId: 'chd_maria', delimiter: ';' });
    assert.match(csv, /^Дата;Предмет/);
    assert.equal((await client.threads.unread()).total, 1);
    client.close();
  });

  it('validates input like the server: a DiaryApiError with localised field errors', async () => {
    const client = createMemoryClient({ language: 'en' });
    const error = await client.grades
      .list({ childId: 'chd_maria', from: '2026-12-01', to: '2026-09-01' })
      .catch((e: unknown) => e);
    assert.ok(error instanceof DiaryApiError);
    assert.equal(error.code, 'validation_failed');
    assert.equal(error.field('to')?.code, 'date_order');
    assert.match(error.message, /[a-z]/);
    const stranger = await client.children
      .get({ childId: 'chd_alexander' })
      .catch((e: unknown) => e);
    assert.deepEqual(
      [(stranger as DiaryApiError).status, (stranger as DiaryApiError).code],
      [404, 'not_found'],
    );
    client.close();
  });

  it('fills the limits into field messages, as the server does', async () => {
    const client = createMemoryClient();
    const error = await client.thresholds
      .set({ childId: 'chd_maria', threshold: 7 })
      .catch((e: unknown) => e);
    assert.ok(error instanceof DiaryApiError);
    assert.equal(error.field('threshold')?.message, 'Значение должно быть не больше 5');
    client.close();
  });

  it('logs in with the memory password and code', async () => {
    const client = createMemoryClient({ signedInAs: null });
    assert.equal(client.session.signedIn, false);
    const { challengeId } = await client.auth.login({
      phone: '+7 999 000-00-01',
      password: MEMORY_PASSWORD,
    });
    const wrong = await client.auth
      .verify({ challengeId, code: '999999' })
      .catch((e: unknown) => e);
    assert.equal((wrong as DiaryApiError).code, 'code_invalid');
    await client.auth.verify({ challengeId, code: MEMORY_CODE });
    assert.equal(client.session.user?.lastName, 'Иванова');
    await client.auth.logout();
    assert.equal(client.session.signedIn, false);
    client.close();
  });

  it('keeps writes and streams live events: a new mark reaches listeners and watched lists', async () => {
    const client = createMemoryClient();
    const heard: Mark[] = [];
    client.events.on('mark.created', (event) => heard.push(event.data));
    const lists: number[] = [];
    const stop = client.grades.list.watch({ childId: 'chd_maria' }, ({ data }) =>
      lists.push(data.items.length),
    );
    await until(() => client.events.status === 'open' && lists.length > 0);
    const mark = client.memory.addMark({
      childId: 'chd_maria',
      subjectId: 'sub_42_math',
      value: 5,
      kind: 'test',
    });
    await until(() => heard.length === 1 && lists.length > 1);
    assert.equal(heard[0]?.id, mark.id);
    assert.equal(lists.at(-1), (lists[0] ?? 0) + 1);
    stop();
    client.close();
  });

  it('delivers a mark added right after listening, before the stream has opened', async () => {
    const client = createMemoryClient();
    const heard = new Promise<Mark>((resolve) =>
      client.events.on('mark.created', (event) => resolve(event.data)),
    );
    const mark = client.memory.addMark({
      childId: 'chd_maria',
      subjectId: 'sub_42_math',
      value: 4,
      kind: 'homework',
    });
    assert.equal((await heard).id, mark.id);
    client.close();
  });

  it('settles events.ready once the stream is open, and at once while it stays open', async () => {
    const client = createMemoryClient();
    const ready = client.events.ready;
    assert.equal(client.events.status, 'idle');
    const heard: Mark[] = [];
    client.events.on('mark.created', (event) => heard.push(event.data));
    await ready;
    assert.equal(client.events.status, 'open');
    await client.events.ready;
    const mark = client.memory.addMark({
      childId: 'chd_maria',
      subjectId: 'sub_42_math',
      value: 3,
      kind: 'test',
    });
    await until(() => heard.length === 1);
    assert.equal(heard[0]?.id, mark.id);
    client.close();
  });

  it('sends messages through the outbox into the thread', async () => {
    const client = createMemoryClient();
    await client.outbox.send({ threadId: 'thr_demo_maria_math', text: 'Спасибо, придём!' });
    await client.outbox.flush();
    const page = await client.threads.messages({ threadId: 'thr_demo_maria_math' });
    assert.equal(page.items.at(-1)?.text, 'Спасибо, придём!');
    client.close();
  });

  it('opens a support ticket routed to the school, answered live by its admin', async () => {
    const client = createMemoryClient();
    const heard: string[] = [];
    client.events.on('ticket.updated', (event) => heard.push(event.data.status));
    const ticket = await client.support.create({ subject: 'Вход', text: 'Не приходит СМС' });
    assert.equal(ticket.number, 'ОБР-000001');
    assert.equal(ticket.schoolId, 'sch_42');
    client.memory.replyToTicket(ticket.id, 'usr_admin_42', 'Проверьте номер');
    await until(() => heard.includes('answered'));
    const { items } = await client.support.list();
    assert.deepEqual(
      items[0]?.messages.map((m) => m.text),
      ['Не приходит СМС', 'Проверьте номер'],
    );
    client.close();
  });

  it('adds a portfolio item with a file, finds it by tag and words, and edits it', async () => {
    const client = createMemoryClient();
    const file = await client.attachments.upload({
      file: new Blob(['%PDF'], { type: 'application/pdf' }),
      fileName: 'Грамота.pdf',
    });
    const item = await client.portfolio.create({
      childId: 'chd_maria',
      kind: 'certificate',
      title: 'Грамота олимпиады',
      date: '2026-11-20',
      level: 'regional',
      attachmentId: file.id,
    });
    assert.equal(item.attachment?.name, 'Грамота.pdf');
    const find = async (query: Record<string, string>) =>
      (await client.portfolio.list({ childId: 'chd_maria', ...query })).items.map((i) => i.id);
    assert.deepEqual(await find({ level: 'regional' }), [item.id]);
    assert.deepEqual(await find({ q: 'олимпиады грамота' }), [item.id]);
    assert.deepEqual(await find({ level: 'regional', subjectId: 'sub_42_math' }), []);
    const reused = await client.portfolio
      .create({
        childId: 'chd_maria',
        kind: 'work',
        title: 'x',
        date: '2026-11-20',
        attachmentId: file.id,
      })
      .catch((e: unknown) => e);
    assert.ok(reused instanceof DiaryApiError);
    assert.equal(reused.fields[0]?.path, 'attachmentId');
    const future = await client.portfolio
      .update({ itemId: item.id, date: '2030-01-01' })
      .catch((e: unknown) => e);
    assert.ok(future instanceof DiaryApiError);
    assert.equal(future.fields[0]?.code, 'future_date');
    const edited = await client.portfolio.update({
      itemId: item.id,
      level: null,
      subjectId: 'sub_42_math',
    });
    assert.equal(edited.level, undefined);
    assert.deepEqual(await find({ subjectId: 'sub_42_math', q: 'олимпиады' }), [item.id]);
    client.close();
  });

  it('says which operation it does not implement', async () => {
    const client = createMemoryClient();
    const error = await client.notes.list({ childId: 'chd_maria' }).catch((e: unknown) => e);
    assert.ok(error instanceof DiaryApiError);
    assert.equal(error.status, 501);
    assert.match(error.message, /notes\.list/);
    client.close();
  });
});
