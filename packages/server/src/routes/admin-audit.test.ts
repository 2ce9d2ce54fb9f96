import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { isAuditAction, type AuditEntry, type ErrorResponse, type User } from '@school-diary/core';
import { DEMO } from '../seed/demo';
import { startTestServer, type TestServer } from '../testing/harness';

const U = DEMO.users;
const AUDIT_42 = `/api/v1/schools/${DEMO.schools.school42.id}/audit`;

type Page<T> = { items: T[]; total: number; page: number; pageSize: number };

describe('admin: identity in person, and the audit log', () => {
  let server: TestServer;
  const tokens: Record<string, string> = {};

  before(async () => {
    server = await startTestServer();
    for (const key of ['admin42', 'admin17', 'parentIvanova', 'teacherMath'] as const) {
      tokens[key] = (await server.login(U[key].phone)).accessToken;
    }
  });
  after(() => server.close());

  const audit = (who: string, query: Record<string, string> = {}) =>
    server.call<Page<AuditEntry> & ErrorResponse>('GET', AUDIT_42, { token: tokens[who], query });
  const confirm = (
    who: string,
    userId: string,
    person: { phone: string; snils: string } = U.parentNew,
  ) =>
    server.call<User & ErrorResponse>('POST', `/api/v1/admin/users/${userId}/identity`, {
      token: tokens[who],
      body: {
        phone: person.phone,
        snils: person.snils,
        document: 'passport',
        note: 'Паспорт предъявлен лично',
      },
    });
  const find = (who: string, query: Record<string, string>) =>
    server.call<{ items: User[] }>('GET', '/api/v1/admin/users', { token: tokens[who], query });

  it("finds by phone alone only the school's own families, typed any way, and never staff", async () => {
    const own = await find('admin42', { phone: '8 (999) 000-00-01' });
    assert.equal(own.status, 200, own.text);
    assert.deepEqual(
      own.body.items.map((u) => u.id),
      [U.parentIvanova.id],
    );
    assert.doesNotMatch(own.text, /password|passport|snils/i);
    // A parent of Лицей № 17, and a parent with no school yet, are not the admin's to look up.
    assert.deepEqual((await find('admin42', { phone: U.parentPetrov.phone })).body.items, []);
    assert.deepEqual((await find('admin42', { phone: U.parentNew.phone })).body.items, []);
    assert.deepEqual((await find('admin17', { phone: U.parentIvanova.phone })).body.items, []);
    assert.deepEqual((await find('admin42', { phone: U.teacherMath.phone })).body.items, []);
  });

  it('finds anyone by phone and SNILS together, and audits every look-up', async () => {
    const res = await find('admin42', { phone: U.parentNew.phone, snils: U.parentNew.snils });
    assert.equal(res.status, 200, res.text);
    assert.deepEqual(
      res.body.items.map((u) => u.id),
      [U.parentNew.id],
    );
    const wrong = await find('admin42', { phone: U.parentNew.phone, snils: U.parentPetrov.snils });
    assert.deepEqual(wrong.body.items, []);
    const log = await audit('admin42', { action: 'admin.find_user' });
    assert.ok(
      log.body.items.some((e) => e.target === U.parentNew.id && e.actorId === U.admin42.id),
    );
  });

  it('refuses the in-person confirmation unless phone and SNILS both match, and audits it', async () => {
    const res = await confirm('admin42', U.parentNew.id, {
      ...U.parentNew,
      snils: U.parentPetrov.snils,
    });
    assert.equal(res.status, 404, res.text);
    const log = await audit('admin42', {
      action: 'admin.identity_confirmed_in_person',
      outcome: 'failure',
    });
    assert.equal(log.body.items[0]?.target, U.parentNew.id);
  });

  it("confirms a parent's identity in person and records who did it", async () => {
    const res = await confirm('admin42', U.parentNew.id);
    assert.equal(res.status, 200, res.text);
    assert.equal(res.body.identityStatus, 'confirmed_in_person');
    const log = await audit('admin42', {
      action: 'admin.identity_confirmed_in_person',
      outcome: 'success',
    });
    assert.equal(log.status, 200, log.text);
    assert.equal(log.body.items[0]?.actorId, U.admin42.id);
    assert.equal(log.body.items[0]?.actorName, 'Кириллова Н. П.');
    assert.equal(log.body.items[0]?.actorRole, 'school_admin');
    assert.equal(log.body.items[0]?.target, U.parentNew.id);
  });

  it('answers 404 for staff and unknown users, and 403 to non-admins', async () => {
    assert.equal((await confirm('admin42', U.teacherMath.id)).status, 404);
    assert.equal((await confirm('admin42', 'usr_nobody')).status, 404);
    assert.equal((await confirm('parentIvanova', U.parentNew.id)).status, 403);
    assert.equal((await confirm('teacherMath', U.parentNew.id)).status, 403);
  });

  it('records failed school links for the school, filterable by outcome', async () => {
    const petrov = (await server.login(U.parentPetrov.phone)).accessToken;
    const link = await server.call(
      'POST',
      `/api/v1/children/${DEMO.children.alexander.id}/school-links`,
      {
        token: petrov,
        body: { schoolCode: DEMO.schools.school42.code, rosterId: 'R42-5A-01' },
      },
    );
    assert.equal(link.status, 400);
    const failures = await audit('admin42', { outcome: 'failure' });
    const entry = failures.body.items.find((e) => e.action === 'children.link_school');
    assert.equal(entry?.actorId, U.parentPetrov.id);
    assert.equal(entry?.detail, 'roster_mismatch');
    assert.ok(failures.body.items.every((e) => e.outcome === 'failure'));
  });

  it('lists newest first, in pages, within a date range of the school', async () => {
    const all = await audit('admin42');
    assert.ok(all.body.total >= 2);
    const ats = all.body.items.map((e) => e.at);
    assert.deepEqual(ats, [...ats].sort().reverse());
    const page = await audit('admin42', { pageSize: '1', page: '2' });
    assert.equal(page.body.items.length, 1);
    assert.equal(page.body.total, all.body.total);
    assert.deepEqual(page.body.items[0], all.body.items[1]);
    const today = await audit('admin42', { from: '2026-11-24', to: '2026-11-24' });
    assert.equal(today.body.total, all.body.total);
    const earlier = await audit('admin42', { from: '2026-11-01', to: '2026-11-23' });
    assert.equal(earlier.body.total, 0);
  });

  it('rejects a range that ends before it starts', async () => {
    const res = await audit('admin42', { from: '2026-11-24', to: '2026-11-01' });
    assert.equal(res.status, 400);
    assert.deepEqual(
      res.body.error.fields.map((f) => [f.path, f.code]),
      [['to', 'date_order']],
    );
  });

  it('rejects an action core does not name, on the field, in Russian and English', async () => {
    for (const [lang, words] of [
      ['ru', /Журнал действий не знает такого действия/],
      ['en', /The audit log has no such action/],
    ] as const) {
      const res = await server.call<ErrorResponse>('GET', AUDIT_42, {
        token: tokens.admin42,
        lang,
        query: { action: 'audit.list' },
      });
      assert.equal(res.status, 400, res.text);
      const fields = res.body.error.fields ?? [];
      assert.deepEqual(
        fields.map((f) => [f.path, f.code]),
        [['action', 'invalid_option']],
      );
      assert.match(fields[0]?.message ?? '', words);
    }
  });

  it('records only core’s actions, and finds the entries of each by its code', async () => {
    const recorded = await server.database.db
      .selectFrom('audit')
      .select((eb) => ['action', eb.fn.countAll<number>().as('n')])
      .where('school_id', '=', DEMO.schools.school42.id)
      .groupBy('action')
      .execute();
    // Sign-ins, look-ups, in-person confirmations, school links: more than the old 24 words.
    assert.ok(recorded.length >= 4, JSON.stringify(recorded));
    for (const { action, n } of recorded) {
      assert.ok(isAuditAction(action), `${action} is not one of core's audit actions`);
      const page = await audit('admin42', { action, pageSize: '100' });
      assert.equal(page.status, 200, page.text);
      assert.equal(page.body.total, Number(n), action);
      assert.ok(
        page.body.items.every((e) => e.action === action),
        action,
      );
    }
  });

  it("hides a school's audit log from another school's admin and from everyone else", async () => {
    assert.equal((await audit('admin17')).status, 404);
    assert.equal((await audit('teacherMath')).status, 403);
    assert.equal((await audit('parentIvanova')).status, 403);
  });
});
