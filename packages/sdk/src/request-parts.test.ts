import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { listRoutes, pathParams, routeManifest, routes } from '@school-diary/core';
import { requestParts } from './request-parts';

const keys = (schema: unknown) =>
  Object.keys((schema as { shape?: object } | undefined)?.shape ?? {});

describe('requestParts', () => {
  it('puts path parameters in the path, query fields in the query, the rest in the body', () => {
    const week = requestParts(routes.schedule.setWeek, {
      classId: 'cls 5/A',
      week: '2026-W48',
      lessons: [],
    });
    assert.equal(week.path, '/api/v1/classes/cls%205%2FA/timetable');
    assert.equal(week.query.toString(), 'week=2026-W48');
    assert.deepEqual(week.body, { lessons: [] });
  });

  it("places the same input by the schema-free manifest's query names alone", () => {
    const input = { classId: 'cls 5/A', week: '2026-W48', lessons: [] };
    assert.deepEqual(
      requestParts(routeManifest.schedule.setWeek, input),
      requestParts(routes.schedule.setWeek, input),
    );
  });

  it('writes flags and numbers as text and leaves out what is undefined', () => {
    const feed = requestParts(routes.notifications.list, {
      unread: true,
      page: 2,
      pageSize: undefined,
    });
    assert.equal(feed.query.toString(), 'unread=true&page=2');
    assert.equal(feed.body, undefined);
  });

  it('sends an upload as form data with one file part', () => {
    const upload = requestParts(routes.attachments.upload, {
      file: new Blob(['x']),
      fileName: 'a.txt',
    });
    assert.ok(upload.body instanceof FormData);
    assert.equal((upload.body.get('file') as File).name, 'a.txt');
  });

  it('can merge every route: no field name is both a path, query and body field', () => {
    for (const { group, name, route } of listRoutes()) {
      const all = [...pathParams(route.path), ...keys(route.query), ...keys(route.body)];
      assert.equal(new Set(all).size, all.length, `${group}.${name} repeats a field name`);
      if (route.body)
        assert.ok(keys(route.body).length > 0, `${group}.${name}: the body is an object`);
    }
  });
});
