import { after, before, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { DEMO } from '../seed/demo';
import { startTestServer, type TestServer } from '../testing/harness';
import { digestWindow, sendDigests } from './digest';
import { runDueDigests } from './digest-schedule';

const U = DEMO.users;
const C = DEMO.children;
/** A Tuesday: the last whole week is 16–22 November. */
const NOW = '2026-11-24T09:00:00.000Z';

describe('digestWindow', () => {
  it('is the last whole week, Monday to Monday, in UTC', () => {
    const w = digestWindow('weekly', new Date(NOW));
    assert.equal(w.from.toISOString(), '2026-11-16T00:00:00.000Z');
    assert.equal(w.to.toISOString(), '2026-11-23T00:00:00.000Z');
    const monday = digestWindow('weekly', new Date('2026-11-23T00:00:00.000Z'));
    assert.equal(monday.from.toISOString(), '2026-11-16T00:00:00.000Z');
    const sunday = digestWindow('weekly', new Date('2026-11-22T23:59:00.000Z'));
    assert.equal(sunday.to.toISOString(), '2026-11-16T00:00:00.000Z');
  });

  it('is the last calendar month, across a year end too', () => {
    const w = digestWindow('monthly', new Date(NOW));
    assert.equal(w.from.toISOString(), '2026-10-01T00:00:00.000Z');
    assert.equal(w.to.toISOString(), '2026-11-01T00:00:00.000Z');
    const january = digestWindow('monthly', new Date('2027-01-15T12:00:00.000Z'));
    assert.equal(january.from.toISOString(), '2026-12-01T00:00:00.000Z');
  });
});

describe('sendDigests', () => {
  let server: TestServer;
  let seq = 0;

  /** A mark given at `createdAt` for a lesson on `date`. */
  const mark = (
    childId: string,
    subjectId: string,
    value: string,
    date: string,
    createdAt: string,
    weight = 1,
  ) => ({
    id: `mrk_digest_${(seq += 1)}`,
    child_id: childId,
    subject_id: subjectId,
    teacher_id: U.teacherMath.id,
    lesson_id: null,
    value,
    weight,
    kind: 'classwork',
    date,
    comment: null,
    created_at: createdAt,
    updated_at: createdAt,
  });
  const outbox = () => server.database.db.selectFrom('outbox').selectAll().orderBy('id').execute();
  const digests = () =>
    server.database.db
      .selectFrom('notifications')
      .selectAll()
      .where('kind', '=', 'digest')
      .orderBy('user_id')
      .execute();

  before(async () => {
    server = await startTestServer();
    const db = server.database.db;
    await db.deleteFrom('marks').execute();
    const year = await db
      .selectFrom('school_years')
      .select('id')
      .where('school_id', '=', DEMO.schools.school42.id)
      .where('name', '=', DEMO.schoolYear)
      .executeTakeFirst();
    if (!year) {
      await db
        .insertInto('school_years')
        .values({
          id: 'sy_digest',
          school_id: 'sch_42',
          name: DEMO.schoolYear,
          start_date: '2026-09-01',
          end_date: '2027-05-31',
          period_kind: 'quarter',
        })
        .execute();
      await db
        .insertInto('periods')
        .values([
          {
            id: 'per_digest_1',
            school_year_id: 'sy_digest',
            kind: 'quarter',
            number: 1,
            name: 'I четверть',
            start_date: '2026-09-01',
            end_date: '2026-10-25',
          },
          {
            id: 'per_digest_2',
            school_year_id: 'sy_digest',
            kind: 'quarter',
            number: 2,
            name: 'II четверть',
            start_date: '2026-11-05',
            end_date: '2026-12-28',
          },
        ])
        .execute();
    }
    await db
      .insertInto('marks')
      .values([
        // Мария: two new marks in maths, one older one that only counts in the average.
        mark(C.maria.id, 'sub_42_math', '5', '2026-11-17', '2026-11-17T08:00:00.000Z', 2),
        mark(C.maria.id, 'sub_42_math', '3', '2026-11-18', '2026-11-18T08:00:00.000Z'),
        mark(C.maria.id, 'sub_42_math', '4', '2026-11-10', '2026-11-10T08:00:00.000Z'),
        mark(C.maria.id, 'sub_42_russian', 'pass', '2026-11-19', '2026-11-19T08:00:00.000Z'),
        // Entered late for an earlier lesson: still news this week.
        mark(C.maria.id, 'sub_42_russian', '4', '2026-11-12', '2026-11-20T08:00:00.000Z'),
        // Пётр: nothing new this week.
        mark(C.petr.id, 'sub_42_algebra', '2', '2026-11-11', '2026-11-11T08:00:00.000Z'),
        // Александр (another family): new this week.
        mark(C.alexander.id, 'sub_17_math', '5', '2026-11-18', '2026-11-18T08:00:00.000Z'),
      ])
      .execute();
  });
  after(() => server.close());
  beforeEach(async () => {
    server.clock.set(NOW);
    await server.database.db.deleteFrom('outbox').execute();
    await server.database.db.deleteFrom('notifications').where('kind', '=', 'digest').execute();
    await server.database.db.deleteFrom('digest_settings').execute();
    await server.database.db.deleteFrom('notification_settings').execute();
    await server.database.db.updateTable('users').set({ email: null }).execute();
  });

  it('sends each parent one digest per child with new marks, by e-mail by default', async () => {
    await withEmails();
    const report = await sendDigests(server.diary.services, { period: 'weekly' });
    assert.deepEqual(report, { digests: 2, emails: 2, sms: 0 });
    const sent = await outbox();
    assert.deepEqual(
      sent.map((m) => [m.channel, m.recipient]),
      [
        ['email', 'ivanova@example.ru'],
        ['email', 'petrov@example.ru'],
      ],
    );
    const text = sent[0]?.text ?? '';
    assert.match(text, /^Мария: оценки за неделю\nНовые оценки с 16\.11\.2026 по 22\.11\.2026:/);
    // (5·2 + 3 + 4) / 4 = 4.25 over the quarter; the new marks are 5 and 3 only.
    assert.match(text, /Математика: 5, 3 \(средний взвешенный за II четверть: 4,25\)/);
    assert.match(text, /Русский язык: 4, зачёт \(средний взвешенный за II четверть: 4,00\)/);
    assert.doesNotMatch(text, /Александр|Пётр|Алгебра/, 'only Мария, only what is hers');
    assert.match(sent[1]?.text ?? '', /^Александр: оценки за неделю/);
  });

  it('writes the digest in English to a parent who uses English, marks and numbers included', async () => {
    await withEmails();
    const users = server.database.db.updateTable('users').where('id', '=', U.parentIvanova.id);
    await users.set({ lang: 'en' }).execute();
    try {
      await sendDigests(server.diary.services, { period: 'weekly' });
      const sent = await outbox();
      const english = sent.find((m) => m.recipient === 'ivanova@example.ru')?.text ?? '';
      assert.match(
        english,
        /^Мария: marks of the week\nNew marks from 16 Nov 2026 to 22 Nov 2026:/,
      );
      assert.match(english, /Математика: 5, 3 \(weighted average in Term 2: 4\.25\)/);
      assert.match(english, /Русский язык: 4, pass \(weighted average in Term 2: 4\.00\)/);
      const russian = sent.find((m) => m.recipient === 'petrov@example.ru')?.text ?? '';
      assert.match(russian, /^Александр: оценки за неделю/);
    } finally {
      await users.set({ lang: null }).execute();
    }
  });

  /** Gives both families' parents an e-mail address (the digest's default channel). */
  const withEmails = async () => {
    for (const [user, email] of [
      [U.parentIvanova, 'ivanova@example.ru'],
      [U.parentPetrov, 'petrov@example.ru'],
    ] as const) {
      await server.database.db
        .updateTable('users')
        .set({ email })
        .where('id', '=', user.id)
        .execute();
    }
  };

  it('records an in-app digest notification for the child', async () => {
    await sendDigests(server.diary.services, { period: 'weekly' });
    const rows = await digests();
    assert.deepEqual(
      rows.map((r) => [r.user_id, r.child_id, r.title]),
      [
        [U.parentIvanova.id, C.maria.id, 'Мария: оценки за неделю'],
        [U.parentPetrov.id, C.alexander.id, 'Александр: оценки за неделю'],
      ],
    );
  });

  it('sends an SMS only to a parent who turned digest SMS on, and no e-mail without an address', async () => {
    await server.database.db
      .insertInto('notification_settings')
      .values({ user_id: U.parentIvanova.id, kind: 'digest', in_app: 1, sms: 1, email: 1 })
      .execute();
    const report = await sendDigests(server.diary.services, { period: 'weekly' });
    assert.deepEqual(report, { digests: 2, emails: 0, sms: 1 });
    const sent = await outbox();
    assert.deepEqual(
      sent.map((m) => [m.channel, m.recipient]),
      [['sms', U.parentIvanova.phone]],
    );
  });

  it('follows each parent’s choice: none, monthly, and no in-app row when in-app is off', async () => {
    const db = server.database.db;
    await withEmails();
    await db
      .insertInto('digest_settings')
      .values({ user_id: U.parentPetrov.id, period: 'none' })
      .execute();
    await db
      .insertInto('notification_settings')
      .values({ user_id: U.parentIvanova.id, kind: 'digest', in_app: 0, sms: 0, email: 0 })
      .execute();
    const report = await sendDigests(server.diary.services, { period: 'weekly' });
    assert.deepEqual(report, { digests: 1, emails: 0, sms: 0 });
    assert.deepEqual(await digests(), [], 'in-app digest turned off');
    await db.updateTable('digest_settings').set({ period: 'monthly' }).execute();
    server.clock.set('2026-12-02T09:00:00.000Z');
    const monthly = await sendDigests(server.diary.services, { period: 'monthly' });
    assert.equal(monthly.digests, 1, 'Петров chose monthly: November had Александр’s mark');
    assert.match(
      (await outbox()).at(-1)?.text ?? '',
      /Александр: оценки за месяц\nНовые оценки с 01\.11\.2026 по 30\.11\.2026/,
    );
  });

  it('is sent by the schedule once per week, and not backdated on the first check', async () => {
    const s = server.diary.services;
    await withEmails();
    await server.database.db.deleteFrom('settings').where('key', 'like', 'digest:%').execute();
    assert.deepEqual(await runDueDigests(s), [], 'the first check only records the week');
    assert.deepEqual(await outbox(), []);
    server.clock.set('2026-11-30T01:00:00.000Z');
    await server.database.db
      .insertInto('marks')
      .values(mark(C.maria.id, 'sub_42_math', '5', '2026-11-26', '2026-11-26T08:00:00.000Z'))
      .execute();
    assert.deepEqual(await runDueDigests(s), ['daily', 'weekly']);
    assert.equal((await outbox()).length, 1, 'no mark was given on Sunday: only the weekly one');
    assert.deepEqual(await runDueDigests(s), [], 'the same week is not sent twice');
    server.clock.set('2026-12-01T01:00:00.000Z');
    assert.deepEqual(await runDueDigests(s), ['daily', 'monthly']);
  });
});

describe('the digest schedule in the app', () => {
  it('runs on its timer when enabled, and sends once a week has ended', async () => {
    const server = await startTestServer({ config: { digestCheckSeconds: 0.05 } });
    try {
      const db = server.database.db;
      const setting = () =>
        db
          .selectFrom('settings')
          .select('value')
          .where('key', '=', 'digest:weekly')
          .executeTakeFirst();
      await waitFor(async () => (await setting()) !== undefined);
      assert.equal((await setting())?.value, '2026-11-23T00:00:00.000Z');
      await db.deleteFrom('outbox').execute();
      await db.updateTable('users').set({ email: 'parent@example.ru' }).execute();
      server.clock.set('2026-11-30T02:00:00.000Z');
      await waitFor(async () => (await setting())?.value === '2026-11-30T00:00:00.000Z');
      await waitFor(async () => (await db.selectFrom('outbox').selectAll().execute()).length > 0);
    } finally {
      await server.close();
    }
  });
});

async function waitFor(check: () => Promise<boolean>, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
