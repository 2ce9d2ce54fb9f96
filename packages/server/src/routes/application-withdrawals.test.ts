import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Application, Child, ErrorResponse, Notification } from '@school-diary/core';
import { DEMO } from '../seed/demo';
import { startTestServer, type TestServer } from '../testing/harness';
import { ANNA, annaCard, annaOnLyceumRoster, changeSchools } from '../testing/unlinked-child';

const U = DEMO.users;
const LYCEUM = DEMO.schools.lyceum17;
const YEAR = '2026/2027';

type Page<T> = { items: T[] };

describe('applications end with the link to their school', () => {
  let server: TestServer;
  let parent: string;
  let admin42: string;
  let admin17: string;
  let anna: Child;

  before(async () => {
    server = await startTestServer({ config: { authRateLimit: 1000 } });
    parent = (await server.login(U.parentNew.phone)).accessToken;
    admin42 = (await server.login(U.admin42.phone)).accessToken;
    admin17 = (await server.login(U.admin17.phone)).accessToken;
    anna = await annaCard(server, parent, U.parentNew.phone);
  });
  after(() => server.close());

  const change = (body: Record<string, unknown>) =>
    changeSchools(server, { token: parent, phone: U.parentNew.phone }, anna.id, body);
  const linkTo42 = () =>
    change({ kind: 'link', schoolCode: ANNA.schoolCode, rosterId: ANNA.rosterId });
  const apply = async () => {
    const res = await server.call<Application>('POST', '/api/v1/applications', {
      token: parent,
      body: { childId: anna.id, schoolYear: YEAR },
    });
    assert.equal(res.status, 201, res.text);
    return res.body;
  };
  const move = (token: string, id: string, status: string, lang?: string) =>
    server.call<Application & ErrorResponse>('POST', `/api/v1/applications/${id}/status`, {
      token,
      body: { status },
      ...(lang ? { lang } : {}),
    });
  const get = async (token: string, id: string) =>
    (await server.call<Application>('GET', `/api/v1/applications/${id}`, { token })).body;
  const queue = async (token: string) =>
    (
      await server.call<Page<Application>>('GET', '/api/v1/applications', {
        token,
        query: { childId: anna.id },
      })
    ).body.items;
  const feed = async (token: string) =>
    (await server.call<Page<Notification>>('GET', '/api/v1/notifications', { token })).body.items;
  const audited = (target: string) =>
    server.database.db
      .selectFrom('audit')
      .select(['action', 'school_id', 'actor_id', 'detail', 'at'])
      .where('target', '=', target)
      .where('outcome', '=', 'success')
      .orderBy('at')
      .orderBy('action')
      .execute();
  /** Every application's status but Anna's, to show other families are untouched. */
  const othersStatuses = async () =>
    (
      await server.database.db
        .selectFrom('applications')
        .select(['id', 'status', 'updated_at'])
        .where('child_id', '!=', anna.id)
        .orderBy('id')
        .execute()
    ).map((r) => `${r.id} ${r.status} ${r.updated_at}`);

  it('withdraws the open application when the parent unlinks the child, and the school cannot move it', async () => {
    const [link] = await linkTo42();
    const application = await apply();
    assert.equal((await move(admin42, application.id, 'checking')).status, 200);
    const others = await othersStatuses();
    server.clock.advance(60_000);
    const unlinkedAt = server.clock.now().toISOString();

    assert.deepEqual(await change({ kind: 'unlink', linkId: link?.id }), []);

    const seen = await get(parent, application.id);
    assert.equal(seen.status, 'withdrawn');
    assert.deepEqual(seen.history.at(-1), {
      status: 'withdrawn',
      at: unlinkedAt,
      reasonCode: 'child_unlinked',
    });
    assert.deepEqual(
      seen.history.map((h) => h.status),
      ['submitted', 'checking', 'withdrawn'],
    );
    const inQueue = (await queue(admin42)).find((a) => a.id === application.id);
    assert.equal(inQueue?.status, 'withdrawn', "the old school's queue shows it withdrawn");
    const told = (await feed(admin42)).find((n) => n.targetId === application.id);
    assert.match(told?.body ?? '', /отозвано\. Причина: родитель отвязал ребёнка от школы/);

    const refused = await move(admin42, application.id, 'ready');
    assert.equal(refused.status, 409, refused.text);
    assert.equal(refused.body.error.code, 'application_withdrawn');
    assert.match(refused.body.error.message, /отозвано/);
    const inEnglish = await move(admin42, application.id, 'rejected', 'en');
    assert.equal(inEnglish.status, 400, 'a rejection still needs its reason first');
    const ready = await move(admin42, application.id, 'ready', 'en');
    assert.match(ready.body.error.message, /withdrawn: the parent unlinked the child/);
    const activated = await server.call<ErrorResponse>(
      'POST',
      `/api/v1/applications/${application.id}/activate`,
      { token: parent },
    );
    assert.equal(activated.status, 409);
    assert.equal(activated.body.error.code, 'application_withdrawn');
    assert.equal((await get(parent, application.id)).status, 'withdrawn');

    assert.deepEqual(await othersStatuses(), others, "another family's applications are untouched");
    const entries = await audited(application.id);
    assert.deepEqual(
      entries.map((e) => [e.action, e.school_id, e.actor_id, e.detail]),
      [
        ['applications.create', 'sch_42', U.parentNew.id, null],
        ['applications.set_status', 'sch_42', U.admin42.id, 'submitted → checking'],
        ['applications.withdraw', 'sch_42', U.parentNew.id, 'checking → withdrawn: child_unlinked'],
      ],
    );
    const unlink = (await audited(anna.id)).filter((e) => e.action === 'children.unlink_school');
    assert.deepEqual(
      unlink.map((e) => [e.school_id, e.at]),
      [['sch_42', unlinkedAt]],
    );
  });

  it('lets the family apply again after coming back to the school', async () => {
    const [link] = await linkTo42();
    const again = await apply();
    assert.equal(again.status, 'submitted');
    assert.deepEqual(await change({ kind: 'unlink', linkId: link?.id }), []);
    assert.equal((await get(parent, again.id)).status, 'withdrawn');
  });

  it('on a change of school ends the active application and applies at the new school', async () => {
    const rosterId = await annaOnLyceumRoster(server, admin17);
    const snils = await server.call<Child>('PATCH', `/api/v1/children/${anna.id}`, {
      token: parent,
      body: { snils: '987-654-321 83' },
    });
    assert.equal(snils.status, 200, 'the lyceum asks for a SNILS');
    const [link] = await linkTo42();
    const application = await apply();
    for (const status of ['checking', 'ready'])
      assert.equal((await move(admin42, application.id, status)).status, 200);
    const activated = await server.call<Application>(
      'POST',
      `/api/v1/applications/${application.id}/activate`,
      { token: parent },
    );
    assert.equal(activated.body.status, 'active', activated.text);
    const placed = await server.call<Child>('GET', `/api/v1/children/${anna.id}`, {
      token: parent,
    });
    assert.equal(placed.body.schoolId, 'sch_42');
    const others = await othersStatuses();

    const moved = await change({
      kind: 'change',
      linkId: link?.id,
      schoolCode: LYCEUM.code,
      rosterId,
    });
    assert.deepEqual(
      moved.map((l) => l.schoolId),
      [LYCEUM.id],
    );

    const old = await get(admin42, application.id);
    assert.equal(old.status, 'withdrawn');
    assert.deepEqual(
      old.history.map((h) => [h.status, h.reasonCode]),
      [
        ['submitted', undefined],
        ['checking', undefined],
        ['ready', undefined],
        ['active', undefined],
        ['withdrawn', 'child_unlinked'],
      ],
    );
    const left = await server.call<Child>('GET', `/api/v1/children/${anna.id}`, { token: parent });
    assert.equal(left.body.schoolId, undefined, 'the active one ended: the child left the class');
    const fresh = (await queue(admin17)).filter((a) => a.schoolId === LYCEUM.id);
    assert.deepEqual(
      fresh.map((a) => [a.status, a.schoolYear]),
      [['submitted', YEAR]],
      'the new school has a fresh application for the same year',
    );
    const mine = await queue(parent);
    assert.deepEqual(
      mine.filter((a) => a.status !== 'withdrawn').map((a) => a.id),
      fresh.map((a) => a.id),
    );
    const refused = await move(admin42, application.id, 'checking');
    assert.equal(refused.body.error.code, 'application_withdrawn');
    assert.equal((await move(admin17, fresh[0]?.id ?? '', 'checking')).status, 200);
    assert.deepEqual(await othersStatuses(), others, "another family's applications are untouched");
    const entries = (await audited(application.id)).filter(
      (e) => e.action === 'applications.withdraw',
    );
    assert.deepEqual(
      entries.map((e) => e.detail),
      ['active → withdrawn: child_unlinked'],
    );
    assert.equal((await audited(fresh[0]?.id ?? ''))[0]?.action, 'applications.create');
  });
});
