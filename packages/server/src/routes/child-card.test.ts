import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Challenge, Child, ErrorResponse, SchoolLink } from '@school-diary/core';
import { DEMO } from '../seed/demo';
import { startTestServer, type TestServer } from '../testing/harness';
import { ANNA, annaCard, annaOnLyceumRoster, changeSchools } from '../testing/unlinked-child';

const U = DEMO.users;
const LYCEUM = DEMO.schools.lyceum17;

type Links = { items: SchoolLink[] };

describe('child card: edit, and school changes confirmed by SMS', () => {
  let server: TestServer;
  let parent: string;
  let petrov: string;
  let anna: Child;

  before(async () => {
    server = await startTestServer({ config: { authRateLimit: 1000 } });
    parent = (await server.login(U.parentNew.phone)).accessToken;
    petrov = (await server.login(U.parentPetrov.phone)).accessToken;
    anna = await annaCard(server, parent, U.parentNew.phone);
  });
  after(() => server.close());

  const patch = (token: string, body: unknown, childId = anna.id) =>
    server.call<Child & ErrorResponse>('PATCH', `/api/v1/children/${childId}`, { token, body });
  const start = (body: unknown, token = parent) =>
    server.call<Challenge & ErrorResponse>('POST', `/api/v1/children/${anna.id}/school-change`, {
      token,
      body,
    });
  const confirm = (challengeId: string, code: string) =>
    server.call<Links & ErrorResponse>(
      'POST',
      `/api/v1/children/${anna.id}/school-change/confirm`,
      { token: parent, body: { challengeId, code } },
    );
  const change = (body: unknown) =>
    changeSchools(server, { token: parent, phone: U.parentNew.phone }, anna.id, body);

  it('rejects bad documents field by field, in the language asked, as on a new card', async () => {
    const res = await server.call<ErrorResponse>('PATCH', `/api/v1/children/${anna.id}`, {
      token: parent,
      lang: 'en',
      body: { snils: '123-456-789 00', inn: '12', birthDate: '2031-01-01', lastName: 'A1' },
    });
    assert.equal(res.status, 400);
    const paths = res.body.error.fields?.map((f) => f.path).sort();
    assert.deepEqual(paths, ['birthDate', 'inn', 'lastName', 'snils']);
    assert.match(res.body.error.fields?.find((f) => f.path === 'snils')?.message ?? '', /SNILS/);
  });

  it('saves a change, seals the documents and logs which fields changed', async () => {
    const res = await patch(parent, {
      middleName: 'Олеговна',
      snils: '987-654-321 83',
      birthCertificate: 'IV-МЮ 123456',
    });
    assert.equal(res.status, 200, res.text);
    assert.equal(res.body.middleName, 'Олеговна');
    assert.equal(res.body.snils, '987-654-321 83');
    assert.equal(res.body.birthCertificate, 'IV-МЮ 123456');
    const row = await server.database.db
      .selectFrom('children')
      .select(['snils', 'birth_certificate'])
      .where('id', '=', anna.id)
      .executeTakeFirstOrThrow();
    assert.doesNotMatch(`${row.snils} ${row.birth_certificate}`, /987-654|123456/);
    const audit = await server.database.db
      .selectFrom('audit')
      .select('detail')
      .where('action', '=', 'children.update')
      .where('target', '=', anna.id)
      .execute();
    assert.deepEqual(
      audit.map((a) => a.detail),
      ['["middleName","snils","birthCertificate"]'],
    );
    const cleared = await patch(parent, { birthCertificate: '' });
    assert.equal(cleared.body.birthCertificate, undefined);
  });

  it("refuses another child's SNILS on the card", async () => {
    const res = await patch(parent, { snils: '112-233-445 95' });
    assert.equal(res.status, 400);
    assert.equal(res.body.error.fields?.[0]?.path, 'snils');
    assert.equal(res.body.error.fields?.[0]?.code, 'already_registered');
  });

  it('answers 404 to other parents and 403 to other roles', async () => {
    assert.equal((await patch(petrov, { firstName: 'Ольга' })).status, 404);
    assert.equal((await start({ kind: 'unlink', linkId: 'lnk_x' }, petrov)).status, 404);
    const admin = (await server.login(U.admin42.phone)).accessToken;
    assert.equal((await patch(admin, { firstName: 'Ольга' })).status, 403);
  });

  it('links only after the SMS code, and not by the old route once the card code is stale', async () => {
    server.clock.advance(31 * 60 * 1000);
    parent = (await server.login(U.parentNew.phone)).accessToken;
    const old = await server.call<ErrorResponse>(
      'POST',
      `/api/v1/children/${anna.id}/school-links`,
      { token: parent, body: { schoolCode: ANNA.schoolCode, rosterId: ANNA.rosterId } },
    );
    assert.equal(old.status, 409);
    assert.equal(old.body.error.code, 'link_code_required');
    const started = await start({
      kind: 'link',
      schoolCode: ANNA.schoolCode,
      rosterId: 'R42-5A-98',
    });
    assert.equal(started.status, 400, 'a wrong roster id is refused before any code is sent');
    const sms = await start({ kind: 'link', schoolCode: ANNA.schoolCode, rosterId: ANNA.rosterId });
    assert.equal(sms.status, 200, sms.text);
    assert.equal(sms.body.sentTo, '+7 999 ***-**-03');
    const none = await server.call<Links>('GET', `/api/v1/children/${anna.id}/school-links`, {
      token: parent,
    });
    assert.deepEqual(none.body.items, []);
    const wrong = await confirm(sms.body.challengeId, '000000');
    assert.equal(wrong.status, 400);
    const links = await confirm(sms.body.challengeId, await server.lastCode(U.parentNew.phone));
    assert.equal(links.status, 200, links.text);
    assert.deepEqual(
      links.body.items.map((l) => l.rosterId),
      [ANNA.rosterId],
    );
    const again = await confirm(sms.body.challengeId, await server.lastCode(U.parentNew.phone));
    assert.equal(again.status, 400, 'a code confirms one change once');
  });

  it('moves to another school in one confirmed step, then unlinks', async () => {
    const admin17 = (await server.login(U.admin17.phone)).accessToken;
    const rosterId = await annaOnLyceumRoster(server, admin17);
    const [current] = (
      await server.call<Links>('GET', `/api/v1/children/${anna.id}/school-links`, {
        token: parent,
      })
    ).body.items;
    const moved = await change({
      kind: 'change',
      linkId: current?.id,
      schoolCode: LYCEUM.code,
      rosterId,
    });
    assert.deepEqual(
      moved.map((l) => l.schoolId),
      [LYCEUM.id],
    );
    const left = await change({ kind: 'unlink', linkId: moved[0]?.id });
    assert.deepEqual(left, []);
    const actions = await server.database.db
      .selectFrom('audit')
      .select(['action', 'school_id'])
      .where('target', '=', anna.id)
      .where('action', 'in', ['children.link_school', 'children.unlink_school'])
      .where('outcome', '=', 'success')
      .orderBy('at')
      .execute();
    assert.deepEqual(
      actions.map((a) => `${a.action} ${a.school_id}`),
      [
        'children.link_school sch_42',
        'children.unlink_school sch_42',
        'children.link_school sch_17',
        'children.unlink_school sch_17',
      ],
    );
  });

  it('locks a change after too many wrong codes', async () => {
    const sms = await start({ kind: 'link', schoolCode: ANNA.schoolCode, rosterId: ANNA.rosterId });
    assert.equal(sms.status, 200, sms.text);
    const statuses = [];
    for (let i = 0; i < 5; i += 1)
      statuses.push((await confirm(sms.body.challengeId, '000000')).status);
    assert.deepEqual(statuses, [400, 400, 400, 400, 429]);
    const right = await confirm(sms.body.challengeId, await server.lastCode(U.parentNew.phone));
    assert.equal(right.status, 429);
  });
});
