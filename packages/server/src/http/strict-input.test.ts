import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { ErrorResponse } from '@school-diary/core';
import { DEMO } from '../seed/demo';
import { startTestServer, type TestServer } from '../testing/harness';

const U = DEMO.users;

type OpenApi = {
  paths: Record<
    string,
    Record<string, { requestBody?: { content: Record<string, { schema: JsonSchema }> } }>
  >;
};
type JsonSchema = { properties?: Record<string, { maxLength?: number }> };

describe('strict input: unknown fields, empty patches, documented limits', () => {
  let server: TestServer;
  let parent: string;
  let teacher: string;

  before(async () => {
    server = await startTestServer();
    parent = (await server.login(U.parentIvanova.phone)).accessToken;
    teacher = (await server.login(U.teacherMath.phone)).accessToken;
  });
  after(() => server.close());

  const card = {
    lastName: 'Щукин',
    firstName: 'Игорь',
    birthDate: '2016-05-20',
    sex: 'male',
  };

  it('refuses a field the body does not have, naming it, and creates nothing', async () => {
    const res = await server.call<ErrorResponse>('POST', '/api/v1/children', {
      token: parent,
      body: { ...card, isAdmin: true },
      lang: 'en',
    });
    assert.equal(res.status, 400, res.text);
    assert.equal(res.body.error.code, 'validation_failed');
    assert.deepEqual(
      res.body.error.fields?.map((f) => [f.path, f.code]),
      [['isAdmin', 'unknown_field']],
    );
    assert.match(res.body.error.fields?.[0]?.message ?? '', /not supported/);
    const made = await server.database.db
      .selectFrom('children')
      .select('id')
      .where('last_name', '=', 'Щукин')
      .execute();
    assert.equal(made.length, 0);
  });

  it('reports unknown fields together with invalid ones', async () => {
    const res = await server.call<ErrorResponse>('POST', '/api/v1/children', {
      token: parent,
      body: { ...card, sex: 'x', role: 'school_admin' },
    });
    assert.equal(res.status, 400, res.text);
    assert.deepEqual(res.body.error.fields?.map((f) => [f.path, f.code]).sort(), [
      ['role', 'unknown_field'],
      ['sex', 'invalid_option'],
    ]);
  });

  it('refuses an unknown channel in notification settings, at any depth', async () => {
    const top = await server.call<ErrorResponse>('PATCH', '/api/v1/notification-settings', {
      token: parent,
      body: { push: true },
    });
    assert.equal(top.status, 400, top.text);
    assert.deepEqual(
      top.body.error.fields?.map((f) => [f.path, f.code]),
      [['push', 'unknown_field']],
    );
    const nested = await server.call<ErrorResponse>('PATCH', '/api/v1/notification-settings', {
      token: parent,
      body: { kinds: { mark: { push: true } } },
    });
    assert.equal(nested.status, 400, nested.text);
    assert.deepEqual(
      nested.body.error.fields?.map((f) => f.path),
      ['kinds.mark.push'],
    );
  });

  it('refuses a PATCH that changes nothing', async () => {
    const empties: [string, string][] = [
      ['/api/v1/notification-settings', parent],
      ['/api/v1/notes/nte_none', parent],
      ['/api/v1/marks/mrk_none', teacher],
      ['/api/v1/homework/hw_none', teacher],
    ];
    for (const [path, token] of empties) {
      const res = await server.call<ErrorResponse>('PATCH', path, { token, body: {} });
      assert.equal(res.status, 400, `${path}: ${res.text}`);
      assert.deepEqual(
        res.body.error.fields?.map((f) => f.code),
        ['nothing_to_change'],
        path,
      );
    }
    const nestedEmpty = await server.call<ErrorResponse>('PATCH', '/api/v1/notification-settings', {
      token: parent,
      body: { kinds: {} },
    });
    assert.equal(nestedEmpty.status, 400, nestedEmpty.text);
  });

  it('enforces exactly the text limits the OpenAPI document states', async () => {
    const doc = (await server.call<OpenApi>('GET', '/api/v1/openapi.json')).body;
    const schema =
      doc.paths['/api/v1/support/tickets']?.post?.requestBody?.content['application/json']?.schema;
    const subjectMax = schema?.properties?.subject?.maxLength ?? 0;
    const textMax = schema?.properties?.text?.maxLength ?? 0;
    assert.ok(subjectMax > 0 && textMax > 0);
    const open = (subject: string, text: string) =>
      server.call<ErrorResponse>('POST', '/api/v1/support/tickets', {
        token: parent,
        body: { subject, text },
      });
    const over = await open('т'.repeat(subjectMax + 1), 'т'.repeat(textMax + 1));
    assert.equal(over.status, 400, over.text);
    assert.deepEqual(over.body.error.fields?.map((f) => [f.path, f.code]).sort(), [
      ['subject', 'too_long'],
      ['text', 'too_long'],
    ]);
    const atLimit = await open('т'.repeat(subjectMax), 'т'.repeat(textMax));
    assert.equal(atLimit.status, 201, atLimit.text);
  });
});
