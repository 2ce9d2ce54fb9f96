import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { listRoutes } from '@school-diary/core';
import { DEMO, markDate, signIn } from '../test-support/demo';
import { startDiaryServer, type DiaryServer } from '../test-support/diary-server.mjs';
import { controlFetch } from '../test-support/fetch-control';
import { createDiaryClient, type DiaryClient } from './create-diary-client';
import { newClientId } from './client-id';

let server: DiaryServer;
const network = controlFetch();
const clients: DiaryClient[] = [];

async function as(phone: string): Promise<DiaryClient> {
  const diary = createDiaryClient({
    validateResponses: true,
    baseUrl: server.url,
    fetch: network.fetch,
    storage: false,
    syncTabs: false,
  });
  clients.push(diary);
  await signIn(diary, server.url, phone);
  return diary;
}

let parent: DiaryClient;
let teacher: DiaryClient;
let admin: DiaryClient;
before(async () => {
  server = await startDiaryServer();
  parent = await as(DEMO.parent);
  teacher = await as(DEMO.mathTeacher);
  admin = await as('+79990000010');
});
after(async () => {
  for (const diary of clients) diary.close();
  await server.stop();
});

/** The ISO week of a date, e.g. `2026-W48`. */
function isoWeek(date: string): string {
  const day = new Date(`${date}T00:00:00Z`);
  const thursday = new Date(day);
  thursday.setUTCDate(day.getUTCDate() + 3 - ((day.getUTCDay() + 6) % 7));
  const firstJan = Date.UTC(thursday.getUTCFullYear(), 0, 1);
  const week = Math.ceil(((thursday.getTime() - firstJan) / 86_400_000 + 1) / 7);
  return `${thursday.getUTCFullYear()}-W${String(week).padStart(2, '0')}`;
}

describe('every resource of the route table, against the real server', () => {
  it('children: list, one child, links, teachers, periods, search', async () => {
    const { items } = await parent.children.list();
    assert.deepEqual(items.map((c) => c.id).sort(), [DEMO.maria, DEMO.petr]);
    const maria = await parent.children.get({ childId: DEMO.maria });
    assert.equal(maria.firstName, 'Мария');
    assert.ok((await parent.children.schoolLinks({ childId: DEMO.maria })).items.length > 0);
    assert.ok((await parent.children.teachers({ childId: DEMO.maria })).items.length > 0);
    assert.ok((await parent.children.periods({ childId: DEMO.maria })).periods.length > 0);
    const found = await parent.children.search({
      lastName: maria.lastName,
      firstName: maria.firstName,
      birthDate: maria.birthDate.split('-').reverse().join('.'),
    });
    assert.equal(found.items[0]?.id, DEMO.maria);
  });

  it('children: edit the card; a school change is checked before its SMS code', async () => {
    const petr = await parent.children.get({ childId: DEMO.petr });
    const edited = await parent.children.update({ childId: DEMO.petr, inn: '500100732259' });
    assert.equal(edited.inn, '500100732259');
    await parent.children.update({ childId: DEMO.petr, inn: petr.inn ?? '' });
    const change = {
      childId: DEMO.petr,
      kind: 'link',
      schoolCode: '770017',
      rosterId: 'R17-0000',
    } as const;
    const refused = await parent.children.startSchoolChange(change).catch((e: unknown) => e);
    assert.equal((refused as { code?: string }).code, 'roster_mismatch');
    const wrong = await parent.children
      .confirmSchoolChange({ childId: DEMO.petr, challengeId: 'chl_none', code: '000000' })
      .catch((e: unknown) => e);
    assert.equal((wrong as { code?: string }).code, 'code_invalid');
  });

  it('grades: list with filters, summary, comparison, CSV, final marks', async () => {
    const { items } = await parent.grades.list({ childId: DEMO.maria, subjectId: DEMO.math });
    assert.ok(items.length > 0 && items.every((m) => m.subjectId === DEMO.math));
    const summary = await parent.grades.summary({ childId: DEMO.maria });
    assert.ok(summary.subjects.length > 0);
    assert.equal((await parent.grades.comparison({ childId: DEMO.maria })).childId, DEMO.maria);
    const csv = await parent.grades.csv({ childId: DEMO.maria, delimiter: ';' });
    assert.match(csv, /Математика/);
    assert.ok((await parent.grades.finalMarks({ childId: DEMO.maria })).items.length > 0);
  });

  it('grades as a teacher: enter, correct and delete a mark; the class journal', async () => {
    const mark = await teacher.grades.create({
      childId: DEMO.maria,
      subjectId: DEMO.math,
      value: 4,
      kind: 'oral',
      date: markDate(),
      comment: 'Ответ у доски',
    });
    assert.equal(mark.value, 4);
    const corrected = await teacher.grades.update({ markId: mark.id, value: 5 });
    assert.equal(corrected.value, 5);
    const journal = await teacher.classes.marks({ classId: DEMO.mariaClass, subjectId: DEMO.math });
    assert.ok(journal.items.some((m) => m.id === mark.id));
    assert.ok((await teacher.classes.list()).items.length > 0);
    assert.ok((await teacher.classes.students({ classId: DEMO.mariaClass })).items.length > 0);
    await teacher.grades.remove({ markId: mark.id });
    const after = await parent.grades.list({ childId: DEMO.maria });
    assert.equal(
      after.items.some((m) => m.id === mark.id),
      false,
    );
  });

  it('thresholds: set, list, remove', async () => {
    const threshold = await parent.thresholds.set({ childId: DEMO.maria, threshold: 3.5 });
    const { items } = await parent.thresholds.list({ childId: DEMO.maria });
    assert.ok(items.some((t) => t.id === threshold.id));
    await parent.thresholds.remove({ childId: DEMO.maria, thresholdId: threshold.id });
  });

  it('schedule, homework and attendance of a week', async () => {
    const week = await parent.schedule.week({
      classId: DEMO.mariaClass,
      week: isoWeek(markDate()),
    });
    assert.equal(week.classId, DEMO.mariaClass);
    assert.ok(week.days.length > 0);
    await parent.schedule.substitutions({ classId: DEMO.mariaClass });
    assert.ok(Array.isArray((await parent.homework.list({ childId: DEMO.maria })).items));
    const attendance = await parent.attendance.list({ childId: DEMO.maria });
    assert.ok(Array.isArray(attendance.items));
  });

  it('assessments: a teacher plans, changes and cancels; the family reads them', async () => {
    const date = new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10);
    const planned = await teacher.assessments.create({
      classId: DEMO.mariaClass,
      subjectId: 'sub_42_math',
      date,
      kind: 'check',
      topic: 'Дроби',
    });
    assert.equal(planned.weight, 2, 'a planned test weighs 2 unless the teacher says');
    const { items } = await parent.assessments.upcoming({ childId: DEMO.maria });
    assert.ok(items.some((a) => a.id === planned.id));
    const changed = await teacher.assessments.update({ assessmentId: planned.id, weight: 3 });
    assert.equal(changed.weight, 3);
    const mine = await teacher.assessments.forClass({ classId: DEMO.mariaClass, from: date });
    assert.ok(mine.items.some((a) => a.id === planned.id));
    await teacher.assessments.cancel({ assessmentId: planned.id });
  });

  it('threads: list, unread, messages, send, read; attachments up and down', async () => {
    const threads = await parent.threads.list({ childId: DEMO.maria });
    assert.ok(threads.items.some((t) => t.id === DEMO.mariaMathThread));
    const unread = await parent.threads.unread();
    assert.ok(unread.total >= 0);
    const attachment = await parent.attachments.upload({
      file: new Blob(['Справка о болезни'], { type: 'text/plain' }),
      fileName: 'справка.txt',
    });
    const sent = await parent.threads.send({
      threadId: DEMO.mariaMathThread,
      id: newClientId(),
      text: 'Добрый день! Справка во вложении.',
      attachmentIds: [attachment.id],
    });
    assert.equal(sent.attachments[0]?.id, attachment.id);
    const file = await teacher.attachments.download({ attachmentId: attachment.id });
    assert.equal(await file.text(), 'Справка о болезни');
    const page = await teacher.threads.messages({ threadId: DEMO.mariaMathThread });
    assert.ok(page.items.some((m) => m.id === sent.id));
    const read = await teacher.threads.read({
      threadId: DEMO.mariaMathThread,
      upToMessageId: sent.id,
    });
    assert.ok(read.total >= 0);
  });

  it('notifications and their settings', async () => {
    const feed = await parent.notifications.list({ page: 1, pageSize: 5 });
    assert.equal(feed.pageSize, 5);
    await parent.notifications.markAllRead();
    const settings = await parent.notifications.updateSettings({ digest: 'weekly' });
    assert.equal(settings.digest, 'weekly');
    assert.equal((await parent.notifications.settings()).digest, 'weekly');
  });

  it('portfolio, school news, the private journal', async () => {
    assert.ok(Array.isArray((await parent.portfolio.list({ childId: DEMO.maria })).items));
    const maria = await parent.children.get({ childId: DEMO.maria });
    const news = await parent.news.list({ schoolId: maria.schoolId ?? '', kind: 'news' });
    assert.ok(news.total >= 0);
    const note = await parent.notes.create({
      childId: DEMO.maria,
      date: markDate(),
      kind: 'success',
      text: 'Сама решила задачу на движение',
    });
    const changed = await parent.notes.update({ noteId: note.id, plan: 'Ещё две задачи' });
    assert.equal(changed.plan, 'Ещё две задачи');
    assert.ok(
      (await parent.notes.list({ childId: DEMO.maria })).items.some((n) => n.id === note.id),
    );
    await parent.notes.remove({ noteId: note.id });
  });

  it('absences reported ahead, the class journal, school setup and roster import', async () => {
    const notices = await parent.absences.list({ childId: DEMO.maria });
    assert.ok(Array.isArray(notices.items));
    const journal = await teacher.journal.get({ classId: DEMO.mariaClass, subjectId: DEMO.math });
    assert.ok(journal.students.some((s) => s.id === DEMO.maria));
    const maria = await parent.children.get({ childId: DEMO.maria });
    const subjects = await admin.setup.subjects({ schoolId: maria.schoolId ?? '' });
    assert.ok(subjects.items.some((s) => s.id === DEMO.math));
    const schoolId = maria.schoolId ?? '';
    const staff = await admin.setup.staff({ schoolId });
    assert.ok(staff.items.some((m) => m.role === 'teacher'));
    const bells = await admin.setup.setBells({
      schoolId,
      items: [{ number: 1, startTime: '08:30', endTime: '09:15' }],
    });
    assert.deepEqual((await admin.setup.bells({ schoolId })).items, bells.items);
    const rounding = await admin.setup.rounding({ schoolId });
    assert.deepEqual(await admin.setup.setRounding({ schoolId, ...rounding }), rounding);
    const art = await admin.setup.createSubject({ schoolId, name: 'Черчение', shortName: 'Черч.' });
    await admin.setup.updateSubject({ subjectId: art.id, shortName: 'Чер.' });
    await admin.setup.removeSubject({ subjectId: art.id });
    const cls = await admin.setup.createClass({
      schoolId,
      name: '9Ю',
      grade: 9,
      schoolYear: '2026/2027',
    });
    await admin.setup.updateClass({ classId: cls.id, grade: 10 });
    const week = await admin.setup.setTimetableTemplate({
      classId: cls.id,
      items: [],
      exceptions: [],
    });
    assert.deepEqual(await admin.setup.timetableTemplate({ classId: cls.id }), week);
    const made = await admin.setup.generateTimetable({
      classId: cls.id,
      from: '2026-12-07',
      to: '2026-12-13',
    });
    assert.equal(made.created, 0);
    await admin.setup.removeClass({ classId: cls.id });
    const years = await admin.setup.schoolYears({ schoolId });
    const year = years.items.at(-1);
    assert.ok(year);
    const { items: holidays } = await admin.setup.holidays({ schoolYearId: year.id });
    await admin.setup.setHolidays({ schoolYearId: year.id, items: holidays });
    const { id: _id, schoolId: _s, periodKind: _k, periods, ...dates } = year;
    const same = await admin.setup.updateSchoolYear({
      schoolYearId: year.id,
      ...dates,
      periods: periods.map((p) => ({ name: p.name, startDate: p.startDate, endDate: p.endDate })),
    });
    assert.equal(same.id, year.id);
    const inUse = await admin.setup
      .removeSchoolYear({ schoolYearId: year.id })
      .catch((e: unknown) => e);
    assert.equal((inUse as { status?: number }).status, 409);
    const preview = await admin.imports.preview({
      schoolId: maria.schoolId ?? '',
      file: new Blob(['ФИО;Дата рождения;Класс\r\nЯковлева Зоя Игоревна;03.03.2016;5Я\r\n']),
      fileName: 'roster.csv',
    });
    assert.deepEqual(
      preview.errors.map((e) => [e.row, e.column, e.code]),
      [[2, 'Класс', 'unknown_reference']],
    );
    const exported = await admin.imports.exportRoster({ schoolId: maria.schoolId ?? '' });
    assert.match(exported, /^\uFEFF?Идентификатор;ФИО;Дата рождения;Класс/);
  });

  it('schools registry, applications, support, audit, admin search, dev outbox', async () => {
    const schools = await parent.schools.search({ q: '42' });
    assert.ok(schools.items.length > 0);
    const school = await parent.schools.get({ schoolId: schools.items[0]?.id ?? '' });
    assert.equal(school.id, schools.items[0]?.id);
    assert.ok(Array.isArray((await parent.applications.list()).items));
    const ticket = await parent.support.create({ subject: 'Не вижу оценки', text: 'С утра пусто' });
    assert.equal((await parent.support.get({ ticketId: ticket.id })).id, ticket.id);
    assert.ok((await parent.support.list()).items.length > 0);
    const audit = await admin.audit.list({ schoolId: school.id, pageSize: 5 });
    assert.ok(audit.total > 0);
    assert.equal((await admin.admin.findUser({ phone: DEMO.parent })).items[0]?.phone, DEMO.parent);
    assert.ok((await parent.dev.sentMessages()).items.length > 0);
  });

  it('has called every group of the route table (live events: see events.test.ts)', () => {
    const answered = new Set<string>();
    for (const { group, route } of listRoutes()) {
      const pattern = new RegExp(`^${route.path.replace(/\{\w+\}/g, '[^/]+')}$`);
      const hit = network.seen.some(
        (r) => r.method === route.method && pattern.test(r.url.pathname) && (r.status ?? 0) < 300,
      );
      if (hit) answered.add(group);
    }
    const groups = [...new Set(listRoutes().map((r) => r.group))].filter((g) => g !== 'events');
    assert.deepEqual(
      groups.filter((g) => !answered.has(g)),
      [],
    );
  });
});
