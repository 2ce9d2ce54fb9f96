import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { z } from 'zod/mini';
import { buildPath, isIdempotent, MissingPathParamError, pathParams } from './route.js';
import { loadGroup, loadThreadsRoutes, routeGroups } from './route-groups.js';
import { listRouteInfos, routeManifest } from './route-manifest.js';
import { listRoutes, routes } from './routes.js';
import { ROLES } from '../schemas/user.js';

describe('route table', () => {
  const all = listRoutes();

  it('declares every route under /api/v1 with a unique method and path', () => {
    const seen = new Set<string>();
    for (const { group, name, route } of all) {
      assert.match(route.path, /^\/api\/v1\//, `${group}.${name}`);
      const key = `${route.method} ${route.path}`;
      assert.ok(!seen.has(key), `duplicate ${key}`);
      seen.add(key);
    }
    assert.ok(all.length >= 70, `expected a complete table, got ${all.length} routes`);
  });

  it('declares exactly the path parameters its path has', () => {
    for (const { group, name, route } of all) {
      const names = pathParams(route.path).sort();
      const declared = route.params
        ? Object.keys((route.params as z.ZodMiniObject).shape).sort()
        : [];
      assert.deepEqual(declared, names, `${group}.${name}`);
    }
  });

  it('derives each path parameter from the path as a required entity id', () => {
    const params = routes.thresholds.remove.params;
    const good: z.input<typeof params> = { childId: 'chd_maria', thresholdId: 'thr-1' };
    assert.deepEqual(params.parse(good), good);
    for (const bad of [
      {},
      { childId: 'chd_maria' },
      { childId: '', thresholdId: 'thr-1' },
      { childId: 'a/b', thresholdId: 'thr-1' },
      { childId: 'x'.repeat(65), thresholdId: 'thr-1' },
      { childId: 7, thresholdId: 'thr-1' },
    ]) {
      assert.equal(params.safeParse(bad).success, false, JSON.stringify(bad));
    }
    assert.equal(routes.children.get.path, '/api/v1/children/{childId}');
    assert.equal(routes.children.get.method, 'GET');
    assert.equal('params' in routes.children.list, false);
  });

  it('gives every JSON route a response schema and every empty route status 204', () => {
    for (const { group, name, route } of all) {
      const type = route.responseType ?? 'json';
      if (type === 'json') assert.ok(route.response, `${group}.${name} has no response schema`);
      if (type === 'none') assert.equal(route.status, 204, `${group}.${name}`);
      if (route.status === 204) assert.equal(type, 'none', `${group}.${name}`);
    }
  });

  it('names only known roles and never takes a body on GET', () => {
    for (const { group, name, route } of all) {
      if (Array.isArray(route.access)) {
        for (const role of route.access)
          assert.ok(ROLES.includes(role), `${group}.${name}: ${role}`);
      } else {
        assert.ok(route.access === 'public' || route.access === 'authenticated');
      }
      if (route.method === 'GET') assert.equal(route.body, undefined, `${group}.${name}`);
    }
  });

  it('keeps writes behind roles: only auth, registry search and dev routes are public', () => {
    const publicRoutes = all
      .filter(({ route }) => route.access === 'public')
      .map((r) => `${r.group}.${r.name}`);
    for (const id of publicRoutes) assert.match(id, /^(auth|schools|dev)\./);
    assert.ok(routes.dev.sentMessages.devOnly);
  });

  it('covers the operations the mission names', () => {
    assert.equal(routes.auth.login.path, '/api/v1/auth/login');
    assert.equal(routes.auth.verify.path, '/api/v1/auth/verify');
    assert.equal(routes.children.create.path, '/api/v1/children');
    assert.equal(routes.children.get.path, '/api/v1/children/{childId}');
    assert.equal(routes.grades.csv.path, '/api/v1/children/{childId}/grades.csv');
    assert.equal(routes.events.stream.path, '/api/v1/events');
    assert.equal(routes.dev.sentMessages.path, '/api/v1/dev/outbox');
  });

  it('treats GET, PUT and DELETE as retry-safe and POST only when declared', () => {
    assert.equal(isIdempotent(routes.children.list), true);
    assert.equal(isIdempotent(routes.children.create), false);
    assert.equal(isIdempotent(routes.threads.send), true);
  });

  it('builds paths with encoded parameters and refuses missing ones', () => {
    assert.equal(
      buildPath(routes.children.get.path, { childId: 'a b/c' }),
      '/api/v1/children/a%20b%2Fc',
    );
    assert.throws(() => buildPath(routes.children.get.path, {}), MissingPathParamError);
  });
});

describe('route manifest', () => {
  const infos = listRouteInfos();

  it('lists the same operations as the table, in the same order, with the same info', () => {
    const full = listRoutes();
    assert.deepEqual(
      infos.map(({ group, name }) => `${group}.${name}`),
      full.map(({ group, name }) => `${group}.${name}`),
    );
    for (const [i, { group, name, info }] of infos.entries()) {
      const route = full[i]?.route;
      assert.ok(route, `${group}.${name}`);
      for (const key of [
        'method',
        'path',
        'access',
        'status',
        'responseType',
        'idempotent',
      ] as const)
        assert.deepEqual(info[key], route[key], `${group}.${name}.${key}`);
      for (const key of ['upload', 'devOnly', 'rateLimit'] as const)
        assert.equal(info[key], route[key], `${group}.${name}.${key}`);
    }
  });

  it('names a query and marks a body exactly where the table has their schemas', () => {
    const full = new Map(listRoutes().map((r) => [`${r.group}.${r.name}`, r.route]));
    for (const { group, name, info } of infos) {
      const route = full.get(`${group}.${name}`);
      assert.ok(route, `${group}.${name}`);
      const keys = Object.keys((route.query as { shape?: object } | undefined)?.shape ?? {});
      assert.deepEqual(info.query ?? [], keys, `${group}.${name} query`);
      assert.equal(info.body === true, route.body !== undefined, `${group}.${name} body`);
      for (const part of [route.query, route.body, route.response, route.params])
        assert.notEqual(part as unknown, true, `${group}.${name} kept a marker`);
    }
  });

  it('holds no schema: only strings, numbers, booleans and lists of roles', () => {
    const plain = (value: unknown): boolean =>
      ['string', 'number', 'boolean'].includes(typeof value) ||
      (Array.isArray(value) && value.every((v) => typeof v === 'string'));
    for (const { group, name, info } of infos)
      for (const [key, value] of Object.entries(info))
        assert.ok(plain(value), `${group}.${name}.${key} is not plain data`);
    assert.deepEqual(JSON.parse(JSON.stringify(routeManifest)).grades.list.query, [
      'from',
      'to',
      'subjectId',
      'kind',
      'periodId',
    ]);
  });

  it('loads each group of the table through routeGroups', async () => {
    assert.deepEqual(Object.keys(routeGroups), Object.keys(routes));
    for (const group of Object.keys(routeGroups) as (keyof typeof routeGroups)[]) {
      const { operations } = await routeGroups[group]();
      assert.equal(operations, routes[group], group);
      assert.equal((await loadGroup(group)).operations, routes[group], group);
    }
    assert.equal((await loadThreadsRoutes()).operations, routes.threads);
  });

  it("answers a route that breaks its response schema with the schema's issues", () => {
    const parsed = routes.grades.list.response.safeParse({ items: [{ id: 7 }] });
    assert.equal(parsed.success, false);
    const good = routes.grades.list.query.safeParse({ from: '2026-09-01' });
    assert.equal(good.success, true);
  });
});
