import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  applicationSchema,
  markSchema,
  schoolLinkSchema,
  schoolSchema,
  thresholdSchema,
  validate,
  type Application,
} from '@school-diary/core';
import { DiaryApiError } from '../errors';
import { demoFixtures } from './fixtures';
import { createMemoryClient } from './memory-client';
import { MEMORY_CODE, MEMORY_PASSWORD } from './memory-diary';

const failure = async (promise: Promise<unknown>): Promise<DiaryApiError> => {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  assert.ok(error instanceof DiaryApiError, `expected a DiaryApiError, got ${String(error)}`);
  return error;
};

const anna = {
  lastName: 'Смирнова',
  firstName: 'Анна',
  birthDate: '2015-03-14',
  sex: 'female',
} as const;

describe('memory client: joining the diary', () => {
  it('has registry, roster, link, threshold and last-year fixtures that match core’s schemas', () => {
    const f = demoFixtures();
    const sets: [unknown[], Parameters<typeof validate>[0]][] = [
      [f.schools, schoolSchema],
      [f.schoolLinks, schoolLinkSchema],
      [f.thresholds, thresholdSchema],
      [f.previousYearMarks, markSchema],
    ];
    for (const [items, schema] of sets) {
      assert.ok(items.length > 0);
      for (const item of items)
        assert.deepEqual(validate(schema, item, 'en'), { ok: true, value: item });
    }
    assert.equal(f.roster[0]?.rosterId, 'R42-5A-99');
  });

  it('creates a child card, confirms it with the code and links it to a school', async () => {
    const client = createMemoryClient();
    const { child, challenge } = await client.children.create({ ...anna, snils: '' });
    assert.equal(child.status, 'pending_confirmation');
    assert.equal(child.snils, undefined, 'an empty identifier is dropped');
    const unconfirmed = await failure(
      client.children.linkSchool({
        childId: child.id,
        schoolCode: '770042',
        rosterId: 'R42-5A-99',
      }),
    );
    assert.deepEqual([unconfirmed.status, unconfirmed.code], [409, 'identity_unconfirmed']);

    const wrong = await failure(
      client.children.confirm({
        childId: child.id,
        challengeId: challenge.challengeId,
        code: '000000',
      }),
    );
    assert.equal(wrong.field('code')?.code, 'wrong_code');
    const confirmed = await client.children.confirm({
      childId: child.id,
      challengeId: challenge.challengeId,
      code: MEMORY_CODE,
    });
    assert.equal(confirmed.status, 'confirmed');

    const link = await client.children.linkSchool({
      childId: child.id,
      schoolCode: '770 042',
      rosterId: 'r42-5a-99',
    });
    assert.deepEqual(
      [link.schoolName, link.className, link.rosterId],
      ['Школа № 42', '5А', 'R42-5A-99'],
    );
    assert.equal((await client.children.get({ childId: child.id })).classId, 'cls_42_5a');
    const { items: links } = await client.children.schoolLinks({ childId: child.id });
    assert.deepEqual(links, [link]);
    const again = await failure(
      client.children.linkSchool({
        childId: child.id,
        schoolCode: '770042',
        rosterId: 'R42-5A-99',
      }),
    );
    assert.deepEqual([again.status, again.code], [409, 'already_linked']);
    const { items: children } = await client.children.list();
    assert.ok(children.some((c) => c.id === child.id));
    client.close();
  });

  it('rejects a bad card field by field in the caller’s language', async () => {
    const client = createMemoryClient({ language: 'en' });
    const error = await failure(
      client.children.create({ ...anna, firstName: '', snils: '112-233-445 00' }),
    );
    assert.equal(error.code, 'validation_failed');
    assert.ok(error.field('firstName'), 'names the empty first name');
    assert.ok(error.field('snils'), 'names the SNILS with a wrong check number');
    assert.match(error.field('snils')?.message ?? '', /[A-Za-z]/);
    assert.equal(client.memory.data.children.length, 2, 'nothing was stored');
    client.close();
  });

  it('refuses a link to an unknown school, an unconnected one, or someone else’s roster id', async () => {
    const client = createMemoryClient({ language: 'ru' });
    const { child, challenge } = await client.children.create({ ...anna, firstName: 'Алина' });
    await client.children.confirm({
      childId: child.id,
      challengeId: challenge.challengeId,
      code: MEMORY_CODE,
    });
    const unknown = await failure(
      client.children.linkSchool({
        childId: child.id,
        schoolCode: '779999',
        rosterId: 'R42-5A-99',
      }),
    );
    assert.deepEqual([unknown.status, unknown.code], [404, 'school_not_found']);
    assert.ok(unknown.field('schoolCode'));
    const closed = await failure(
      client.children.linkSchool({
        childId: child.id,
        schoolCode: '770108',
        rosterId: 'R42-5A-99',
      }),
    );
    assert.equal(closed.code, 'school_not_connected');
    const mismatch = await failure(
      client.children.linkSchool({
        childId: child.id,
        schoolCode: '770042',
        rosterId: 'R42-5A-99',
      }),
    );
    assert.deepEqual(
      [mismatch.code, mismatch.field('rosterId')?.code],
      ['roster_mismatch', 'roster_mismatch'],
    );
    assert.match(mismatch.message, /[А-Яа-я]/);
    const stranger = await failure(
      client.children.linkSchool({
        childId: 'chd_alexander',
        schoolCode: '770042',
        rosterId: 'R42-5A-99',
      }),
    );
    assert.equal(stranger.status, 404);
    client.close();
  });

  it('finds schools in the registry by name, code and profile, paged', async () => {
    const client = createMemoryClient({ signedInAs: null });
    const all = await client.schools.search({});
    assert.equal(all.total, 3);
    const byName = await client.schools.search({ q: 'лицей' });
    assert.deepEqual(
      byName.items.map((s) => s.code),
      ['770017'],
    );
    const byCode = await client.schools.search({ q: '770042' });
    assert.equal(byCode.items[0]?.id, 'sch_42');
    const paged = await client.schools.search({ page: 2, pageSize: 2 });
    assert.deepEqual([paged.items.length, paged.total, paged.page], [1, 3, 2]);
    assert.equal((await client.schools.search({ profile: 'математ' })).total, 2);
    const bad = await failure(client.schools.search({ level: 'university' as 'primary' }));
    assert.ok(bad.field('level'));
    assert.equal((await client.schools.get({ schoolId: 'sch_17' })).shortName, 'Лицей № 17');
    client.close();
  });

  it('numbers an application and refuses a second open one for the same year', async () => {
    const client = createMemoryClient();
    const application = await client.applications.create({
      childId: 'chd_maria',
      schoolYear: '2026/2027',
    });
    assert.deepEqual(validate(applicationSchema, application, 'en').ok, true);
    assert.equal(application.number, 'ЭД-2026-000001');
    assert.equal(application.status, 'submitted');
    const twice = await failure(
      client.applications.create({ childId: 'chd_maria', schoolYear: '2026/2027' }),
    );
    assert.deepEqual([twice.status, twice.code], [409, 'application_exists']);
    const next = await client.applications.create({ childId: 'chd_petr', schoolYear: '2026/2027' });
    assert.equal(next.number, 'ЭД-2026-000002');
    const { items } = await client.applications.list({ childId: 'chd_maria' });
    assert.deepEqual(
      items.map((a) => a.id),
      [application.id],
    );
    assert.equal((await client.applications.get({ applicationId: next.id })).childId, 'chd_petr');
    const unlinked = await client.children.create(anna);
    const early = await failure(
      client.applications.create({ childId: unlinked.child.id, schoolYear: '2026/2027' }),
    );
    assert.equal(early.code, 'identity_unconfirmed');
    client.close();
  });

  it("moves the school's queue on for its admin: to checking and ready, rejected only with a reason", async () => {
    const at = '2026-09-01T08:00:00.000Z';
    const submitted: Application = {
      id: 'app_queue',
      number: 'ЭД-2026-000009',
      childId: 'chd_maria',
      schoolId: 'sch_42',
      schoolYear: '2026/2027',
      rosterId: 'R42-5A-01',
      status: 'submitted',
      history: [{ status: 'submitted', at }],
      createdAt: at,
      updatedAt: at,
    };
    const other = { ...submitted, id: 'app_other', schoolId: 'sch_17', rosterId: 'R17-7V-01' };
    const admin = createMemoryClient({
      signedInAs: 'school_admin',
      fixtures: { ...demoFixtures(), applications: [submitted, other] },
    });
    const queue = await admin.applications.list({ status: 'submitted' });
    assert.deepEqual(
      queue.items.map((a) => [a.id, a.rosterId]),
      [['app_queue', 'R42-5A-01']],
    );
    const refused = await failure(
      admin.applications.setStatus({ applicationId: 'app_queue', status: 'rejected' }),
    );
    assert.deepEqual([refused.status, refused.fields.map((f) => f.path)], [400, ['reason']]);
    await admin.applications.setStatus({ applicationId: 'app_queue', status: 'checking' });
    const ready = await admin.applications.setStatus({
      applicationId: 'app_queue',
      status: 'ready',
    });
    assert.deepEqual(
      ready.history.map((h) => h.status),
      ['submitted', 'checking', 'ready'],
    );
    const elsewhere = await failure(
      admin.applications.setStatus({ applicationId: 'app_other', status: 'checking' }),
    );
    assert.equal(elsewhere.status, 403);
    admin.close();
  });

  it('accepts only the current or the next school year, and moves an application on live', async () => {
    const client = createMemoryClient({ language: 'en' });
    const closed = await failure(
      client.applications.create({ childId: 'chd_maria', schoolYear: '1999/2000' }),
    );
    assert.deepEqual(
      closed.fields.map((f) => [f.path, f.code]),
      [['schoolYear', 'school_year_closed']],
    );
    assert.match(closed.fields[0]?.message ?? '', /current \(2026\/2027\) or the next/);
    const seen: string[] = [];
    const heardAll = new Promise<void>((resolve) =>
      client.events.on('application.updated', (e) => {
        seen.push(e.data.status);
        if (e.data.status === 'active') resolve();
      }),
    );
    const application = await client.applications.create({
      childId: 'chd_maria',
      schoolYear: '2027/2028',
    });
    client.memory.moveApplication(application.id, 'checking');
    client.memory.moveApplication(application.id, 'ready');
    const active = await client.applications.activate({ applicationId: application.id });
    assert.deepEqual(
      active.history.map((h) => h.status),
      ['submitted', 'checking', 'ready', 'active'],
    );
    await heardAll;
    assert.deepEqual(seen, ['submitted', 'checking', 'ready', 'active']);
    client.close();
  });

  it('recovers a password: the new one works, the old one and open sessions do not', async () => {
    const client = createMemoryClient();
    const phone = '+79990000001';
    const { challengeId } = await client.auth.recoveryStart({ phone });
    const wrong = await failure(
      client.auth.recoveryComplete({
        challengeId,
        code: '000000',
        newPassword: 'Новый-пароль-2026',
      }),
    );
    assert.ok(wrong.field('code'));
    await client.auth.recoveryComplete({
      challengeId,
      code: MEMORY_CODE,
      newPassword: 'Новый-пароль-2026',
    });
    const revoked = await failure(client.children.list());
    assert.equal(revoked.status, 401);
    const old = await failure(client.auth.login({ phone, password: MEMORY_PASSWORD }));
    assert.equal(old.code, 'invalid_credentials');
    const { challengeId: login } = await client.auth.login({
      phone,
      password: 'Новый-пароль-2026',
    });
    await client.auth.verify({ challengeId: login, code: MEMORY_CODE });
    assert.equal(client.session.user?.phone, phone);
    // An unknown phone gets an answer of the same shape, but no code completes it.
    const ghost = await client.auth.recoveryStart({ phone: '+79995556677' });
    const never = await failure(
      client.auth.recoveryComplete({
        challengeId: ghost.challengeId,
        code: MEMORY_CODE,
        newPassword: 'Новый-пароль-2026',
      }),
    );
    assert.ok(never.field('challengeId'));
    client.close();
  });
});
