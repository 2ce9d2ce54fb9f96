import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { routeGroups, routeManifest, type RouteGroupName, type Routes } from '@school-diary/core';
import { DEMO, signIn } from '../test-support/demo';
import { startDiaryServer, type DiaryServer } from '../test-support/diary-server.mjs';
import { controlFetch } from '../test-support/fetch-control';
import { createLazyClient, type GroupLoader } from './create-client';
import { createDiaryClient } from './create-diary-client';
import { DiaryApiError, DiaryContractError } from './errors';

let server: DiaryServer;
const network = controlFetch();
const closers: (() => void)[] = [];

before(async () => {
  server = await startDiaryServer();
});
after(async () => {
  for (const close of closers) close();
  await server.stop();
});

/** A client over core's manifest whose schema loads are counted. */
async function signedIn(validateResponses: boolean) {
  const loads: string[] = [];
  const load: GroupLoader = async (group) => {
    loads.push(group);
    return (await routeGroups[group as RouteGroupName]()).operations as never;
  };
  const client = createLazyClient<Routes>(
    {
      baseUrl: server.url,
      fetch: network.fetch,
      storage: false,
      syncTabs: false,
      validateResponses,
    },
    routeManifest,
    load,
  );
  closers.push(() => client.close());
  await signIn(client, server.url, DEMO.parent);
  return { client, loads };
}

const breakPortfolio = () =>
  network.inject(
    { kind: 'rewrite', change: () => ({ items: [{ id: 'prt_1', title: 42 }] }) },
    { match: (request) => request.url.pathname.endsWith('/portfolio'), count: 1 },
  );

describe('validateResponses', () => {
  it('is off by default: an answer that breaks the contract is handed over as it came', async () => {
    const client = createDiaryClient({
      baseUrl: server.url,
      fetch: network.fetch,
      storage: false,
      syncTabs: false,
    });
    closers.push(() => client.close());
    await signIn(client, server.url, DEMO.parent);
    breakPortfolio();
    const answer = await client.portfolio.list({ childId: DEMO.maria });
    assert.deepEqual(answer, { items: [{ id: 'prt_1', title: 42 }] });
  });

  it('off, loads no schema: not to sign in, read, write, refresh or sign out', async () => {
    const { client, loads } = await signedIn(false);
    const { items } = await client.grades.list({ childId: DEMO.maria, from: '2026-09-01' });
    assert.ok(items.length > 0);
    assert.ok(items.every((mark) => mark.childId === DEMO.maria && mark.date >= '2026-09-01'));
    // A query is placed by the manifest's names alone.
    const week = await client.schedule.week({ classId: DEMO.mariaClass, week: '2026-W48' });
    assert.equal(week.week, '2026-W48');
    await client.auth.refresh();
    await client.auth.logout();
    assert.deepEqual(loads, []);
  });

  it('on, rejects the same answer with DiaryContractError naming the operation and the field', async () => {
    const { client, loads } = await signedIn(true);
    breakPortfolio();
    await assert.rejects(client.portfolio.list({ childId: DEMO.maria }), (error: unknown) => {
      assert.ok(error instanceof DiaryContractError);
      assert.equal(error.operation, 'GET /api/v1/children/{childId}/portfolio');
      assert.ok(error.issues.some((issue) => issue.path.startsWith('items.0')));
      return true;
    });
    assert.ok(loads.includes('portfolio'));
  });

  it('either way, answers a server error with DiaryApiError and its field errors', async () => {
    for (const validateResponses of [false, true]) {
      const { client } = await signedIn(validateResponses);
      await assert.rejects(
        client.grades.list({ childId: DEMO.maria, from: 'вчера' }),
        (error: unknown) => {
          assert.ok(error instanceof DiaryApiError, String(error));
          assert.equal(error.code, 'validation_failed');
          assert.deepEqual(
            error.fields.map((field) => field.path),
            ['from'],
          );
          return true;
        },
      );
    }
  });

  it('either way, reports an error answer that breaks its shape as a contract error', async () => {
    for (const validateResponses of [false, true]) {
      const { client } = await signedIn(validateResponses);
      network.inject(
        { kind: 'status', status: 404, body: '{"error":{"code":"gone","message":1}}' },
        { match: (request) => request.url.pathname.endsWith('/portfolio'), count: 1 },
      );
      await assert.rejects(client.portfolio.list({ childId: DEMO.maria }), (error: unknown) => {
        assert.ok(error instanceof DiaryContractError);
        assert.deepEqual(
          error.issues.map((issue) => issue.path),
          ['error.code', 'error.message', 'error.fields'],
        );
        return true;
      });
    }
  });
});
