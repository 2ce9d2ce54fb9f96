import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type {
  Application,
  AuditEntry,
  Challenge,
  Child,
  ErrorResponse,
  Notification,
} from '@school-diary/core';
import { DEMO } from '../seed/demo';
import { startTestServer, type TestServer } from '../testing/harness';

const U = DEMO.users;
const NEXT_YEAR = '2027/2028';

type Page<T> = { items: T[]; total: number };

describe('applications: submitted → checking → ready → active', () => {
  let server: TestServer;
  let ivanova: string;
  let petrov: string;
  let admin42: string;
  let admin17: string;

  before(async () => {
    server = await startTestServer();
    ivanova = (await server.login(U.parentIvanova.phone)).accessToken;
    petrov = (await server.login(U.parentPetrov.phone)).accessToken;
    admin42 = (await server.login(U.admin42.phone)).accessToken;
    admin17 = (await server.login(U.admin17.phone)).accessToken;
  });
  after(() => server.close());

  const apply = (token: string, childId: string, schoolYear = NEXT_YEAR) =>
    server.call<Application & ErrorResponse>('POST', '/api/v1/applications', {
      token,
      body: { childId, schoolYear },
    });
  const setStatus = (token: string, id: string, body: unknown) =>
    server.call<Application & ErrorResponse>('POST', `/api/v1/applications/${id}/status`, {
      token,
      body,
    });
  const activate = (token: string, id: string) =>
    server.call<Application & ErrorResponse>('POST', `/api/v1/applications/${id}/activate`, {
      token,
    });
  const outbox = async () =>
    (await server.call<{ items: { to: string; text: string }[] }>('GET', '/api/v1/dev/outbox')).body
      .items;
  const feed = async (token: string) =>
    (await server.call<Page<Notification>>('GET', '/api/v1/notifications', { token })).body.items;

  it('walks an application to active, telling the parent in the app and by SMS at every step', async () => {
    const created = await apply(ivanova, DEMO.children.petr.id);
    assert.equal(created.status, 201, created.text);
    assert.match(created.body.number, /^ЭД-2026-\d{6}$/);
    assert.equal(created.body.number, 'ЭД-2026-000004');
    assert.equal(created.body.status, 'submitted');
    // The school's queue finds the pupil by the number the parent linked the child with.
    const links = await server.call<{ items: { schoolId: string; rosterId: string }[] }>(
      'GET',
      `/api/v1/children/${DEMO.children.petr.id}/school-links`,
      { token: ivanova },
    );
    const link = links.body.items.find((l) => l.schoolId === created.body.schoolId);
    assert.ok(link?.rosterId);
    assert.equal(created.body.rosterId, link.rosterId);
    const queue = await server.call<Page<Application>>('GET', '/api/v1/applications', {
      token: admin42,
      query: { status: 'submitted' },
    });
    assert.equal(queue.body.items.find((a) => a.id === created.body.id)?.rosterId, link.rosterId);
    assert.equal(created.body.schoolId, DEMO.schools.school42.id);
    const id = created.body.id;

    assert.equal((await setStatus(admin42, id, { status: 'checking' })).body.status, 'checking');
    assert.equal((await setStatus(admin42, id, { status: 'ready' })).body.status, 'ready');
    const active = await activate(ivanova, id);
    assert.equal(active.status, 200, active.text);
    assert.equal(active.body.status, 'active');
    assert.deepEqual(
      active.body.history.map((h) => h.status),
      ['submitted', 'checking', 'ready', 'active'],
    );

    const notes = (await feed(ivanova)).filter((n) => n.targetId === id);
    assert.equal(notes.length, 4);
    assert.ok(
      notes.every((n) => n.kind === 'application_status' && n.childId === DEMO.children.petr.id),
    );
    assert.match(notes[0]?.body ?? '', /ЭД-2026-000004: электронный дневник подключён/);
    const sms = (await outbox()).filter(
      (m) => m.to === U.parentIvanova.phone && m.text.includes('ЭД-2026-000004'),
    );
    assert.equal(sms.length, 4);

    const audit = `/api/v1/schools/${DEMO.schools.school42.id}/audit`;
    const log = await server.call<Page<AuditEntry>>('GET', audit, { token: admin42 });
    const steps = log.body.items.filter((e) => e.target === id).map((e) => [e.action, e.actorId]);
    assert.deepEqual(steps, [
      ['applications.activate', U.parentIvanova.id],
      ['applications.set_status', U.admin42.id],
      ['applications.set_status', U.admin42.id],
      ['applications.create', U.parentIvanova.id],
    ]);
  });

  it('activates twice without a second change or message', async () => {
    const first = await activate(ivanova, 'app_petr');
    assert.equal(first.status, 200, first.text);
    const smsBefore = (await outbox()).length;
    const second = await activate(ivanova, 'app_petr');
    assert.equal(second.status, 200);
    assert.deepEqual(second.body, first.body);
    assert.equal((await outbox()).length, smsBefore);
  });

  it('refuses a transition the lifecycle does not allow', async () => {
    const res = await setStatus(admin42, 'app_maria', { status: 'checking' });
    assert.equal(res.status, 409);
    assert.equal(res.body.error.code, 'invalid_transition');
    const early = await activate(petrov, 'app_alexander');
    assert.equal(early.status, 409);
    assert.equal(early.body.error.code, 'invalid_transition');
  });

  it('requires a reason to reject, and passes it on to the parent', async () => {
    const missing = await setStatus(admin17, 'app_alexander', { status: 'rejected' });
    assert.equal(missing.status, 400);
    assert.deepEqual(
      missing.body.error.fields.map((f) => [f.path, f.code]),
      [['reason', 'required']],
    );
    const rejected = await setStatus(admin17, 'app_alexander', {
      status: 'rejected',
      reason: 'Нет справки из школы',
    });
    assert.equal(rejected.status, 200, rejected.text);
    assert.equal(rejected.body.rejectionReason, 'Нет справки из школы');
    assert.equal(rejected.body.history.at(-1)?.reason, 'Нет справки из школы');
    const note = (await feed(petrov)).find((n) => n.targetId === 'app_alexander');
    assert.match(note?.body ?? '', /отклонено\. Причина: Нет справки из школы/);
  });

  it("lists a parent's own applications and an admin's school's, with filters", async () => {
    const own = await server.call<Page<Application>>('GET', '/api/v1/applications', {
      token: ivanova,
    });
    assert.ok(own.body.items.length >= 2);
    const mine = new Set<string>([DEMO.children.maria.id, DEMO.children.petr.id]);
    assert.ok(own.body.items.every((a) => mine.has(a.childId)));
    const school = await server.call<Page<Application>>('GET', '/api/v1/applications', {
      token: admin17,
    });
    assert.deepEqual(
      school.body.items.map((a) => a.id),
      ['app_alexander'],
    );
    const query = { status: 'active', childId: DEMO.children.maria.id };
    const filtered = await server.call<Page<Application>>('GET', '/api/v1/applications', {
      token: ivanova,
      query,
    });
    assert.deepEqual(
      filtered.body.items.map((a) => a.id),
      ['app_maria'],
    );
  });

  it("answers 404 to another family and to another school's admin", async () => {
    assert.equal(
      (await server.call('GET', '/api/v1/applications/app_maria', { token: petrov })).status,
      404,
    );
    assert.equal((await activate(petrov, 'app_petr')).status, 404);
    assert.equal(
      (await server.call('GET', '/api/v1/applications/app_maria', { token: admin17 })).status,
      404,
    );
    assert.equal(
      (await setStatus(admin17, 'app_petr', { status: 'rejected', reason: 'x' })).status,
      404,
    );
    assert.equal((await apply(petrov, DEMO.children.maria.id)).status, 404);
  });

  it('refuses a second open application for the same child and year', async () => {
    const res = await apply(ivanova, DEMO.children.maria.id, DEMO.schoolYear);
    assert.equal(res.status, 409);
    assert.equal(res.body.error.code, 'application_exists');
    assert.match(res.body.error.message, /^Заявление в эту школу на этот учебный год уже подано/);
  });

  it('accepts applications only for a confirmed child linked to a school', async () => {
    const body = { lastName: 'Петрова', firstName: 'Вера', birthDate: '2017-01-15', sex: 'female' };
    const created = await server.call<{ child: Child; challenge: Challenge }>(
      'POST',
      '/api/v1/children',
      { token: petrov, body },
    );
    const unconfirmed = await apply(petrov, created.body.child.id);
    assert.equal(unconfirmed.status, 409);
    assert.equal(unconfirmed.body.error.code, 'identity_unconfirmed');
    const code = await server.lastCode(U.parentPetrov.phone);
    await server.call('POST', `/api/v1/children/${created.body.child.id}/confirm`, {
      token: petrov,
      body: { challengeId: created.body.challenge.challengeId, code },
    });
    const unlinked = await apply(petrov, created.body.child.id);
    assert.equal(unlinked.status, 409);
    assert.equal(unlinked.body.error.code, 'school_not_linked');
  });

  it('accepts only the current or the next school year, naming both in ru and en', async () => {
    const res = await apply(ivanova, DEMO.children.petr.id, '1999/2000');
    assert.equal(res.status, 400, res.text);
    assert.deepEqual(
      res.body.error.fields.map((f) => [f.path, f.code]),
      [['schoolYear', 'school_year_closed']],
    );
    assert.match(res.body.error.fields[0]?.message ?? '', /текущий \(2026\/2027\).*\(2027\/2028\)/);
    const en = await server.call<ErrorResponse>('POST', '/api/v1/applications', {
      token: ivanova,
      body: { childId: DEMO.children.petr.id, schoolYear: '2028/2029' },
      headers: { 'accept-language': 'en' },
    });
    assert.match(en.body.error.fields[0]?.message ?? '', /current \(2026\/2027\) or the next/);
  });

  it('refuses a malformed school year', async () => {
    const res = await apply(ivanova, DEMO.children.petr.id, '2027/2029');
    assert.equal(res.status, 400);
    assert.equal(res.body.error.fields[0]?.path, 'schoolYear');
  });
});
