import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { listRoutes, pathParams } from '@school-diary/core';
import { startDiaryServer, type DiaryServer } from '../test-support/diary-server.mjs';
import { controlFetch } from '../test-support/fetch-control';
import { createDiaryClient, type DiaryClient } from './create-diary-client';

let server: DiaryServer;
const network = controlFetch();
let client: DiaryClient;

before(async () => {
  server = await startDiaryServer();
  // The schools registry is public and the demo holds a dozen schools: several pages of 5.
  client = createDiaryClient({
    baseUrl: server.url,
    fetch: network.fetch,
    storage: false,
    syncTabs: false,
    validateResponses: true,
  });
});
after(async () => {
  client.close();
  await server.stop();
});

describe('paged lists: .all()', () => {
  it('walks every page, in order, to the same items as one big page', async () => {
    const whole = await client.schools.search({ pageSize: 100 });
    assert.ok(whole.total > 10 && whole.total <= 100, `total ${whole.total}`);
    const before = network.count('/schools');
    const ids: string[] = [];
    for await (const school of client.schools.search.all({ pageSize: 5 })) ids.push(school.id);
    assert.deepEqual(
      ids,
      whole.items.map((school) => school.id),
    );
    assert.equal(network.count('/schools') - before, Math.ceil(whole.total / 5));
  });

  it('starts at the page asked for, and asks for the next only when the loop reaches it', async () => {
    const second = await client.schools.search({ pageSize: 5, page: 2 });
    const before = network.count('/schools');
    const ids: string[] = [];
    for await (const school of client.schools.search.all({ pageSize: 5, page: 2 })) {
      ids.push(school.id);
      if (ids.length === 6) break;
    }
    assert.deepEqual(
      ids.slice(0, 5),
      second.items.map((school) => school.id),
    );
    assert.equal(network.count('/schools') - before, 2);
  });

  it('is offered on exactly the reads whose query takes page and pageSize', () => {
    const paged = new Set<string>();
    for (const { group, name, route } of listRoutes()) {
      const method = (client as unknown as Record<string, Record<string, object>>)[group]?.[name];
      const keys = Object.keys((route.query as { shape?: object } | undefined)?.shape ?? {});
      if (method && 'all' in method) paged.add(`${group}.${name}`);
      assert.equal(
        method !== undefined && 'all' in method,
        keys.includes('page') && keys.includes('pageSize'),
        `${group}.${name} (${pathParams(route.path).join(', ')})`,
      );
    }
    assert.deepEqual([...paged].sort(), [
      'audit.list',
      'news.list',
      'notifications.list',
      'schools.search',
    ]);
  });
});
