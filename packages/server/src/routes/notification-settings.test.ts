import { after, before, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { ErrorResponse, Notification, NotificationSettings } from '@school-diary/core';
import { DEMO } from '../seed/demo';
import { startTestServer, type TestServer } from '../testing/harness';

const U = DEMO.users;
const PATH = '/api/v1/notification-settings';

type Page<T> = { items: T[] };
type Outbox = { items: { to: string; channel: string; text: string }[] };

describe('notification settings', () => {
  let server: TestServer;
  let ivanova: string;
  let petrov: string;
  let teacher: string;

  before(async () => {
    server = await startTestServer();
    ivanova = (await server.login(U.parentIvanova.phone)).accessToken;
    petrov = (await server.login(U.parentPetrov.phone)).accessToken;
    teacher = (await server.login(U.teacherMath.phone)).accessToken;
  });
  after(() => server.close());

  const read = (token: string) =>
    server.call<NotificationSettings & ErrorResponse>('GET', PATH, { token });
  const update = (token: string, body: unknown, lang?: string) =>
    server.call<NotificationSettings & ErrorResponse>('PATCH', PATH, { token, body, lang });

  it('gives defaults: in-app for all but the overdue alert, SMS to parents for urgent kinds, e-mail for the digest, a weekly digest for parents', async () => {
    const res = await read(petrov);
    assert.equal(res.status, 200, res.text);
    assert.equal(res.body.digest, 'weekly');
    for (const [kind, flags] of Object.entries(res.body.kinds)) {
      const urgent = ['application_status', 'substitution', 'threshold'].includes(kind);
      const asked = kind !== 'homework_overdue';
      assert.deepEqual(flags, { inApp: asked, sms: urgent, email: kind === 'digest' }, kind);
    }
    assert.equal(Object.keys(res.body.kinds).length, 12);
    const staff = (await read(teacher)).body;
    assert.equal(staff.digest, 'none');
    assert.deepEqual(staff.kinds.substitution, { inApp: true, sms: false, email: false });
  });

  it('changes only what the patch names, keeps it, and audits it', async () => {
    const res = await update(ivanova, { kinds: { mark: { email: true } }, digest: 'monthly' });
    assert.equal(res.status, 200, res.text);
    assert.deepEqual(res.body.kinds.mark, { inApp: true, sms: false, email: true });
    assert.deepEqual(res.body.kinds.substitution, { inApp: true, sms: true, email: false });
    assert.equal(res.body.digest, 'monthly');
    const again = await update(ivanova, { kinds: { mark: { sms: true } } });
    assert.deepEqual(again.body.kinds.mark, { inApp: true, sms: true, email: true });
    assert.deepEqual((await read(ivanova)).body, again.body);
    assert.equal((await read(petrov)).body.kinds.mark?.email, false, 'another user is untouched');
    const audit = await server.database.db
      .selectFrom('audit')
      .selectAll()
      .where('action', '=', 'notifications.settings')
      .where('actor_id', '=', U.parentIvanova.id)
      .execute();
    assert.equal(audit.length, 2);
    assert.equal(audit[0]?.detail, 'mark, digest');
  });

  it('rejects an unknown kind, channel value or digest with field errors', async () => {
    const kind = await update(ivanova, { kinds: { gossip: { sms: true } } });
    assert.equal(kind.status, 400, kind.text);
    assert.ok(kind.body.error.fields?.some((f) => f.path.startsWith('kinds')));
    const flag = await update(ivanova, { kinds: { mark: { sms: 'yes' } } }, 'en');
    assert.equal(flag.status, 400);
    assert.deepEqual(
      flag.body.error.fields?.map((f) => f.path),
      ['kinds.mark.sms'],
    );
    const digest = await update(ivanova, { digest: 'hourly' });
    assert.equal(digest.status, 400);
    assert.deepEqual(
      digest.body.error.fields?.map((f) => f.path),
      ['digest'],
    );
  });

  it('keeps quiet hours, turns them off with null, and explains a bad one in ru and en', async () => {
    const quietHours = { start: '22:00', end: '07:30', timeZone: 'Asia/Yekaterinburg' };
    const set = await update(petrov, { quietHours });
    assert.equal(set.status, 200, set.text);
    assert.deepEqual((await read(petrov)).body.quietHours, quietHours);
    const same = await update(petrov, { quietHours: { ...quietHours, end: '22:00' } });
    assert.equal(same.status, 400, same.text);
    assert.deepEqual(same.body.error.fields?.[0]?.path, 'quietHours.end');
    assert.match(same.body.error.fields?.[0]?.message ?? '', /Конец тихих часов/);
    const bad = { start: '25:00', end: '07:00', timeZone: 'Mars/Olympus' };
    const en = await update(petrov, { quietHours: bad }, 'en');
    assert.deepEqual(
      en.body.error.fields?.map((f) => [f.path, f.message]),
      [
        ['quietHours.start', 'Enter the time as HH:MM, for example 08:30'],
        ['quietHours.timeZone', 'Give an IANA time zone, e.g. Europe/Moscow'],
      ],
    );
    assert.deepEqual((await read(petrov)).body.quietHours, quietHours, 'kept after a bad patch');
    const off = await update(petrov, { quietHours: null });
    assert.equal(off.status, 200, off.text);
    assert.equal(off.body.quietHours, undefined);
  });

  it('keeps the days before a planned test, 1 by default, and explains a bad value in ru and en', async () => {
    assert.equal((await read(petrov)).body.assessmentReminderDays, 1);
    const set = await update(petrov, { assessmentReminderDays: 7 });
    assert.equal(set.status, 200, set.text);
    assert.equal((await read(petrov)).body.assessmentReminderDays, 7);
    for (const value of [0, 8, 2.5, 'three', null]) {
      const ru = await update(petrov, { assessmentReminderDays: value });
      assert.equal(ru.status, 400, `${String(value)}: ${ru.text}`);
      assert.deepEqual(
        ru.body.error.fields?.map((f) => [f.path, f.message]),
        [
          [
            'assessmentReminderDays',
            'Выберите, за сколько дней напоминать о проверочной: целое число от 1 до 7',
          ],
        ],
      );
    }
    const en = await update(petrov, { assessmentReminderDays: 30 }, 'en');
    assert.equal(
      en.body.error.fields?.[0]?.message,
      'Choose how many days before a test to remind you: a whole number from 1 to 7',
    );
    assert.equal((await read(petrov)).body.assessmentReminderDays, 7, 'kept after a bad patch');
  });

  it('refuses anonymous callers', async () => {
    assert.equal((await server.call('GET', PATH)).status, 401);
    assert.equal((await server.call('PATCH', PATH, { body: {} })).status, 401);
  });
});

describe('notify honours the settings', () => {
  let server: TestServer;
  let ivanova: string;
  let admin42: string;
  let applicationId = '';

  before(async () => {
    server = await startTestServer();
    ivanova = (await server.login(U.parentIvanova.phone)).accessToken;
    admin42 = (await server.login(U.admin42.phone)).accessToken;
    const created = await server.call<{ id: string }>('POST', '/api/v1/applications', {
      token: ivanova,
      body: { childId: DEMO.children.maria.id, schoolYear: '2027/2028' },
    });
    assert.equal(created.status, 201, created.text);
    applicationId = created.body.id;
  });
  after(() => server.close());
  beforeEach(() => server.database.db.deleteFrom('outbox').execute());

  const step = async (status: string) => {
    const res = await server.call('POST', `/api/v1/applications/${applicationId}/status`, {
      token: admin42,
      body: { status },
    });
    assert.equal(res.status, 200, res.text);
  };
  const feed = async () =>
    (
      await server.call<Page<Notification>>('GET', '/api/v1/notifications', { token: ivanova })
    ).body.items.filter((n) => n.targetId === applicationId);
  const outbox = async () =>
    (await server.call<Outbox>('GET', '/api/v1/dev/outbox')).body.items.filter((m) =>
      m.text.includes('Статус заявления'),
    );

  it('sends SMS for an urgent kind by default, and no e-mail', async () => {
    const before = (await feed()).length;
    await step('checking');
    assert.equal((await feed()).length, before + 1);
    assert.deepEqual(
      (await outbox()).map((m) => [m.channel, m.to]),
      [['sms', U.parentIvanova.phone]],
    );
  });

  it('sends no SMS and no in-app row when the user turned them off, but e-mail when on', async () => {
    await server.database.db
      .updateTable('users')
      .set({ email: 'ivanova@example.ru' })
      .where('id', '=', U.parentIvanova.id)
      .execute();
    const patch = { kinds: { application_status: { inApp: false, sms: false, email: true } } };
    assert.equal((await server.call('PATCH', PATH, { token: ivanova, body: patch })).status, 200);
    const before = (await feed()).length;
    await step('ready');
    assert.equal((await feed()).length, before, 'no in-app notification');
    assert.deepEqual(
      (await outbox()).map((m) => [m.channel, m.to]),
      [['email', 'ivanova@example.ru']],
    );
  });
});
