import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  NOTIFICATION_KINDS,
  type Notification,
  type NotificationKind,
  type NotificationSettings,
} from '@school-diary/core';
import { DEMO } from '../seed/demo';
import { startTestServer, type TestServer } from '../testing/harness';
import { sendDigests } from './digest';
import { sendOverdueHomework } from './homework-overdue';
import { sendAssessmentReminders } from './assessment-reminders';

const U = DEMO.users;
const MARIA = DEMO.children.maria.id;
const IVANOVA = U.parentIvanova;
const EMAIL = 'ivanova@example.ru';
const CHANNELS = ['inApp', 'sms', 'email'] as const;
const OVERDUE_DAY = '2026-11-22';
/** The day of the one assessment planned: the reminder goes the day before. */
const ASSESSMENT_DAY = '2026-11-27';
type Channel = (typeof CHANNELS)[number];

/**
 * Every kind of notification reaches Иванова through the real path (the API call or job that
 * sets it off, the settings, the outbox): with one channel on she gets exactly one message on it
 * and none on the others; with every channel off, nothing. During her quiet hours the in-app
 * notification still arrives at once and SMS and e-mail wait in the outbox until the hours end.
 */
describe('delivery matrix: every kind × channel', () => {
  let server: TestServer;
  const tokens: Record<string, string> = {};
  let seq = 0;
  let threadId = '';
  let ticketId = '';
  let portfolioId = '';
  const applications: string[] = [];

  const call = async (who: string, method: string, path: string, body?: unknown) => {
    const res = await server.call(method, `/api/v1${path}`, { token: tokens[who], body });
    assert.ok(res.status < 300, `${method} ${path}: ${res.status} ${res.text}`);
    return res.body as { id: string };
  };
  const enterMark = (teacher: string, subjectId: string, value: number) =>
    call(teacher, 'POST', '/marks', {
      childId: MARIA,
      subjectId,
      value,
      kind: 'oral',
      date: '2026-11-24',
    });

  /** One event of each kind that concerns Иванова (it may concern others too). */
  const TRIGGERS: Record<NotificationKind, () => Promise<unknown>> = {
    mark: () => enterMark('teacherMath', 'sub_42_math', 5),
    homework: () =>
      call('teacherMath', 'POST', '/homework', {
        classId: DEMO.classes.c5a.id,
        subjectId: 'sub_42_math',
        text: `№ ${(seq += 1)}`,
        assignedDate: '2026-11-24',
        dueDate: '2026-11-26',
        attachmentIds: [],
      }),
    // Homework due on a Sunday (nothing else is) that nobody ticked: one alert for Мария.
    homework_overdue: () => sendOverdueHomework(server.diary.services, { day: OVERDUE_DAY }),
    // The reminder of the one test planned for 5А that day: one for Мария's family.
    assessment: () => sendAssessmentReminders(server.diary.services, { day: ASSESSMENT_DAY }),
    substitution: () =>
      call('admin42', 'PUT', '/lessons/les_42_5a_20261125_3/substitution', {
        substituteTeacherId: 'usr_teacher_history',
        subjectId: 'sub_42_history',
        reason: `Болезнь учителя ${(seq += 1)}`,
      }),
    message: () =>
      call('teacherMath', 'POST', `/threads/${threadId}/messages`, {
        id: `msg_matrix_${(seq += 1)}`,
        text: 'Добрый день',
      }),
    application_status: () =>
      call('admin42', 'POST', `/applications/${applications.pop()}/status`, { status: 'checking' }),
    threshold: async () => {
      // The average falls below 4,0 from nothing: a fresh subject history each time.
      await server.database.db
        .deleteFrom('marks')
        .where('child_id', '=', MARIA)
        .where('subject_id', '=', 'sub_42_russian')
        .execute();
      await enterMark('teacherRussian', 'sub_42_russian', 2);
    },
    news: () =>
      call('admin42', 'POST', `/schools/${DEMO.schools.school42.id}/news`, {
        kind: 'news',
        title: `Собрание ${(seq += 1)}`,
        body: 'В четверг в 18:00',
      }),
    portfolio: () =>
      call('teacherMath', 'POST', `/portfolio/${portfolioId}/comments`, { text: 'Молодец' }),
    support: () =>
      call('admin42', 'POST', `/support/tickets/${ticketId}/replies`, { text: 'Проверим' }),
    digest: async () => {
      const report = await sendDigests(server.diary.services, { period: 'daily' });
      assert.equal(report.digests, 1, 'one child with marks yesterday');
    },
  };

  before(async () => {
    server = await startTestServer();
    for (const key of ['parentIvanova', 'teacherMath', 'teacherRussian', 'admin42'] as const)
      tokens[key] = (await server.login(U[key].phone)).accessToken;
    const db = server.database.db;
    await db.updateTable('users').set({ email: EMAIL }).where('id', '=', IVANOVA.id).execute();
    await call('parentIvanova', 'PUT', `/children/${MARIA}/thresholds`, {
      subjectId: 'sub_42_russian',
      threshold: 4,
    });
    threadId = (
      await call('parentIvanova', 'POST', '/threads', {
        childId: MARIA,
        teacherId: U.teacherMath.id,
      })
    ).id;
    ticketId = (
      await call('parentIvanova', 'POST', '/support/tickets', {
        subject: 'Вход',
        text: 'Не приходит SMS',
      })
    ).id;
    portfolioId = (
      await call('teacherMath', 'POST', `/children/${MARIA}/portfolio`, {
        kind: 'exam_result',
        title: 'Контрольная по дробям — 5',
        date: '2026-11-23',
        subjectId: 'sub_42_math',
      })
    ).id;
    // Five submitted applications for the next school year (one per channel case and one for
    // quiet hours): only one may be open at a time, so each is set aside while the next is
    // made, then all five are put back.
    for (let i = 0; i < 5; i += 1) {
      const body = { childId: MARIA, schoolYear: '2027/2028' };
      const id = (await call('parentIvanova', 'POST', '/applications', body)).id;
      await db
        .updateTable('applications')
        .set({ status: 'rejected' })
        .where('id', '=', id)
        .execute();
      applications.push(id);
    }
    await db
      .updateTable('applications')
      .set({ status: 'submitted' })
      .where('id', 'in', applications)
      .execute();
    // Yesterday's digest holds one mark of Мария's and nothing of Пётр's.
    await db.deleteFrom('marks').where('created_at', '>=', '2026-11-23T00:00:00.000Z').execute();
    const at = '2026-11-23T12:00:00.000Z';
    await db
      .insertInto('marks')
      .values({
        ...{ id: 'mrk_matrix', child_id: MARIA, subject_id: 'sub_42_math', lesson_id: null },
        ...{
          teacher_id: U.teacherMath.id,
          value: '4',
          weight: 1,
          kind: 'oral',
          date: '2026-11-23',
        },
        ...{ comment: null, created_at: at, updated_at: at },
      })
      .execute();
    await call('parentIvanova', 'PATCH', '/notification-settings', { digest: 'daily' });
    await call('teacherMath', 'POST', '/homework', {
      classId: DEMO.classes.c5a.id,
      subjectId: 'sub_42_math',
      text: 'Повторить таблицу умножения',
      assignedDate: '2026-11-20',
      dueDate: OVERDUE_DAY,
      attachmentIds: [],
    });
    await call('teacherMath', 'POST', `/classes/${DEMO.classes.c5a.id}/assessments`, {
      subjectId: 'sub_42_math',
      date: ASSESSMENT_DAY,
      kind: 'test',
      topic: 'Дроби',
    });
  });
  after(() => server.close());

  /** Turns every kind's channels off except `channel` of `kind` (none when `channel` is null). */
  const only = async (kind: NotificationKind, channel: Channel | null) => {
    const kinds: NotificationSettings['kinds'] = Object.fromEntries(
      NOTIFICATION_KINDS.map((k) => [
        k,
        Object.fromEntries(CHANNELS.map((c) => [c, k === kind && c === channel])),
      ]),
    ) as NotificationSettings['kinds'];
    await call('parentIvanova', 'PATCH', '/notification-settings', { kinds });
  };
  const inApp = async (kind: NotificationKind) => {
    const res = await server.call<{ items: Notification[]; total: number }>(
      'GET',
      '/api/v1/notifications',
      { token: tokens.parentIvanova, query: { pageSize: '100' } },
    );
    return res.body.items.filter((n) => n.kind === kind).length;
  };
  /** What the outbox holds for Иванова's phone and address (the notification queue only). */
  const queued = async () => {
    const rows = await server.database.db
      .selectFrom('outbox')
      .select(['channel', 'recipient'])
      .where('purpose', '=', 'notification')
      .where('recipient', 'in', [IVANOVA.phone, EMAIL])
      .execute();
    return {
      sms: rows.filter((r) => r.channel === 'sms' && r.recipient === IVANOVA.phone).length,
      email: rows.filter((r) => r.channel === 'email' && r.recipient === EMAIL).length,
    };
  };

  /** Turns every channel of `kind` on (and every other kind off). */
  const all = async (kind: NotificationKind) => {
    const kinds: NotificationSettings['kinds'] = Object.fromEntries(
      NOTIFICATION_KINDS.map((k) => [k, { inApp: k === kind, sms: k === kind, email: k === kind }]),
    ) as NotificationSettings['kinds'];
    await call('parentIvanova', 'PATCH', '/notification-settings', { kinds });
  };
  /** When the queued SMS and e-mail to Иванова are due. */
  const dueTimes = async () => {
    const rows = await server.database.db
      .selectFrom('outbox')
      .select(['channel', 'next_attempt_at'])
      .where('purpose', '=', 'notification')
      .where('recipient', 'in', [IVANOVA.phone, EMAIL])
      .orderBy('channel')
      .execute();
    return rows.map((r) => `${r.channel} ${r.next_attempt_at ?? ''}`);
  };
  // The test clock stands at 12:00 in Moscow: quiet hours 11:00–13:00 hold SMS and e-mail to 10:00 UTC.
  const QUIET = { start: '11:00', end: '13:00', timeZone: 'Europe/Moscow' };
  const QUIET_END = '2026-11-24T10:00:00.000Z';

  for (const kind of NOTIFICATION_KINDS) {
    it(`${kind}: during quiet hours in-app at once, SMS and e-mail held until they end`, async () => {
      await all(kind);
      await call('parentIvanova', 'PATCH', '/notification-settings', { quietHours: QUIET });
      try {
        await server.database.db.deleteFrom('outbox').execute();
        const before = await inApp(kind);
        await TRIGGERS[kind]();
        assert.equal((await inApp(kind)) - before, 1, 'in-app arrives at once');
        assert.deepEqual(await dueTimes(), [`email ${QUIET_END}`, `sms ${QUIET_END}`]);
      } finally {
        await call('parentIvanova', 'PATCH', '/notification-settings', { quietHours: null });
      }
    });
  }

  for (const kind of NOTIFICATION_KINDS) {
    it(`${kind}: one message on the one channel that is on, none when all are off`, async () => {
      for (const channel of [...CHANNELS, null]) {
        await only(kind, channel);
        await server.database.db.deleteFrom('outbox').execute();
        const before = await inApp(kind);
        await TRIGGERS[kind]();
        const got = { inApp: (await inApp(kind)) - before, ...(await queued()) };
        const want = Object.fromEntries(CHANNELS.map((c) => [c, c === channel ? 1 : 0]));
        assert.deepEqual(got, want, `${kind} with ${channel ?? 'nothing'} on`);
      }
    });
  }
});
