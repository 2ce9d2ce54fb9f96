// One person, one record: one parent account per SNILS, and one card per child, however many
// parents register it. A second parent becomes a second guardian once the school confirms them.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { snilsControlNumber } from '@school-diary/core';
import type { Challenge, Child, ErrorResponse, GuardianClaim, User } from '@school-diary/core';
import { DEMO } from '../seed/demo';
import { testDataKeys } from '../testing/data-key';
import { startTestServer, type TestServer } from '../testing/harness';

const U = DEMO.users;
const MARIA = { lastName: 'Иванова', firstName: 'Мария', birthDate: '2015-04-12', sex: 'female' };
const MARIA_SNILS = '112-233-445 95';

describe('one person, one record', () => {
  let server: TestServer;
  let petrov: string;
  let ivanova: string;
  let admin42: string;

  before(async () => {
    server = await startTestServer();
    petrov = (await server.login(U.parentPetrov.phone)).accessToken;
    ivanova = (await server.login(U.parentIvanova.phone)).accessToken;
    admin42 = (await server.login(U.admin42.phone)).accessToken;
  });
  after(() => server.close());

  // The SNILS is stored encrypted: rows are counted by its keyed hash.
  const count = async (table: 'users' | 'children', column: 'snils', value: string) =>
    (
      await server.database.db
        .selectFrom(table)
        .select('id')
        .where(`${column}_hash`, '=', testDataKeys().index('snils', value))
        .execute()
    ).length;

  it('makes no second parent account for a SNILS already registered', async () => {
    const res = await server.call<{ user: User; challenge: Challenge }>(
      'POST',
      '/api/v1/auth/register',
      {
        body: {
          phone: '+79990005555',
          password: 'tikhiy-vecher-u-reki',
          lastName: 'Петров',
          firstName: 'Андрей',
          snils: U.parentPetrov.snils,
          passport: '45 12 345678',
        },
      },
    );
    // Answered like any registration (nothing revealed), but no account is made.
    assert.equal(res.status, 201, res.text);
    assert.equal(await count('users', 'snils', U.parentPetrov.snils), 1);
    const phone = await server.database.db
      .selectFrom('users')
      .select('id')
      .where('phone', '=', '+79990005555')
      .execute();
    assert.equal(phone.length, 0);
  });

  it("makes a second parent's card of the same child a claim the school confirms", async () => {
    const card = await server.call<ErrorResponse>('POST', '/api/v1/children', {
      token: petrov,
      body: { ...MARIA, snils: MARIA_SNILS },
      lang: 'en',
    });
    assert.equal(card.status, 409, card.text);
    assert.deepEqual(
      card.body.error.fields.map((f) => [f.path, f.code]),
      [['snils', 'already_registered']],
    );
    assert.match(card.body.error.fields[0]?.message ?? '', /second parent/);
    assert.equal(await count('children', 'snils', MARIA_SNILS), 1);
    // Nothing of the child until the school confirms.
    const before = await server.call('GET', `/api/v1/children/${DEMO.children.maria.id}`, {
      token: petrov,
    });
    assert.equal(before.status, 404);

    const claims = await server.call<{ items: GuardianClaim[] }>(
      'GET',
      '/api/v1/admin/guardian-claims',
      { token: admin42 },
    );
    assert.equal(claims.status, 200, claims.text);
    const claim = claims.body.items.find((c) => c.parentId === U.parentPetrov.id);
    assert.equal(claim?.childId, DEMO.children.maria.id);
    assert.equal(claim?.parentPhone, U.parentPetrov.phone);
    const lyceum = (await server.login(U.admin17.phone)).accessToken;
    const elsewhere = await server.call<{ items: GuardianClaim[] }>(
      'GET',
      '/api/v1/admin/guardian-claims',
      { token: lyceum },
    );
    assert.deepEqual(elsewhere.body.items, []);
    const foreign = await server.call(
      'POST',
      `/api/v1/admin/guardian-claims/${claim?.id}/approve`,
      {
        token: lyceum,
      },
    );
    assert.equal(foreign.status, 404);

    const approved = await server.call<GuardianClaim>(
      'POST',
      `/api/v1/admin/guardian-claims/${claim?.id}/approve`,
      { token: admin42 },
    );
    assert.equal(approved.status, 200, approved.text);
    assert.equal(approved.body.status, 'approved');
    const after = await server.call<Child>('GET', `/api/v1/children/${DEMO.children.maria.id}`, {
      token: petrov,
    });
    assert.equal(after.status, 200, after.text);
    assert.equal(await count('children', 'snils', MARIA_SNILS), 1);
    // Both parents are the guardians the teacher sees.
    const math = (await server.login(U.teacherMath.phone)).accessToken;
    const seen = await server.call<Child>('GET', `/api/v1/children/${DEMO.children.maria.id}`, {
      token: math,
    });
    assert.deepEqual(seen.body.guardians?.map((g) => g.phone).sort(), [
      U.parentIvanova.phone,
      U.parentPetrov.phone,
    ]);
  });

  it("answers a SNILS of someone else's child alike, without a claim", async () => {
    const res = await server.call<ErrorResponse>('POST', '/api/v1/children', {
      token: ivanova,
      body: { ...MARIA, firstName: 'Дарья', snils: '148-481-255 85' },
    });
    assert.equal(res.status, 409, res.text);
    assert.deepEqual(
      res.body.error.fields.map((f) => [f.path, f.code]),
      [['snils', 'already_registered']],
    );
    const claims = await server.database.db
      .selectFrom('guardian_claims')
      .select('id')
      .where('parent_id', '=', U.parentIvanova.id)
      .execute();
    assert.equal(claims.length, 0);
  });

  it('makes one account of two registrations racing with one SNILS, the index refusing a second', async () => {
    const snils = `200-300-400 ${snilsControlNumber('200300400')}`;
    const register = (phone: string) =>
      server.call('POST', '/api/v1/auth/register', {
        body: {
          phone,
          password: 'tikhiy-vecher-u-reki',
          lastName: 'Орлова',
          firstName: 'Вера',
          snils,
          passport: '45 12 345678',
        },
      });
    const answers = await Promise.all([register('+79990006601'), register('+79990006602')]);
    assert.deepEqual(
      answers.map((a) => a.status),
      [201, 201],
    );
    assert.equal(await count('users', 'snils', snils), 1);
    // The database itself holds one account per SNILS, whatever writes to it.
    const [existing] = await server.database.db
      .selectFrom('users')
      .selectAll()
      .where('snils_hash', '=', testDataKeys().index('snils', snils))
      .execute();
    assert.ok(existing);
    await assert.rejects(
      server.database.db
        .insertInto('users')
        .values({ ...existing, id: 'usr_twin', phone: '+79990006603' })
        .execute(),
      /unique|UNIQUE/,
    );
  });
});
