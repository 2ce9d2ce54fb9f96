import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { request, type IncomingMessage, type ServerResponse } from 'node:http';
import SQLite from 'better-sqlite3';
import { gunzipSync } from 'node:zlib';
import { createApp, type DiaryApp } from '../app';
import { DEMO } from '../seed/demo';
import { hashToken } from '../services/secrets';
import { startTestServer, type TestServer } from '../testing/harness';
import { testPostgresUrl } from '../testing/test-database';

const U = DEMO.users;
const MARIA = DEMO.children.maria.id;
const GRADES = `/api/v1/children/${MARIA}/grades?from=2026-09-01&to=2026-12-31`;
const WEEK = `/api/v1/classes/${DEMO.classes.c5a.id}/timetable?week=2026-W48`;
const ORIGIN = 'https://school.example';

interface Raw {
  readonly status: number;
  readonly headers: Record<string, string>;
  readonly body: Buffer;
}

/** A GET as it goes over the wire: status, headers (without the moment's `date`), raw bytes. */
function get(base: string, path: string, headers: Record<string, string>): Promise<Raw> {
  return new Promise((resolve, reject) => {
    request(new URL(path, base), { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        const { date: _date, ...rest } = res.headers;
        resolve({
          status: res.statusCode ?? 0,
          headers: Object.fromEntries(Object.entries(rest).map(([k, v]) => [k, String(v)])),
          body: Buffer.concat(chunks),
        });
      });
    })
      .on('error', reject)
      .end();
  });
}

describe('the lean path answers repeated cached reads exactly as the full path does', () => {
  let server: TestServer;
  /** A second app on the same database with the lean path off: the reference. */
  let full: DiaryApp;
  let fullUrl: string;
  let parent: string;
  let stranger: string;
  let teacher: string;

  before(async () => {
    server = await startTestServer({ config: { corsOrigins: [ORIGIN] } });
    full = await createApp({
      database: server.database,
      clock: server.clock,
      config: {
        storageDir: server.dir,
        dev: true,
        checkResponses: true,
        corsOrigins: [ORIGIN],
        leanReads: false,
      },
    });
    await full.app.listen({ host: '127.0.0.1', port: 0 });
    const address = full.app.server.address();
    fullUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    parent = (await server.login(U.parentIvanova.phone)).accessToken;
    stranger = (await server.login(U.parentPetrov.phone)).accessToken;
    teacher = (await server.login(U.teacherMath.phone)).accessToken;
  });
  after(async () => {
    await full?.app.close();
    await server.close();
  });

  const lean = () => {
    const path = server.diary.lean;
    assert.ok(path, 'the lean path is on by default');
    return path;
  };

  for (const [name, path] of [
    ['marks list', GRADES],
    ['week timetable', WEEK],
  ] as const) {
    for (const encoding of ['gzip, deflate, br', undefined]) {
      it(`${name}, ${encoding ? 'gzip' : 'identity'}: same status, headers and bytes for 200 and 304`, async () => {
        const headers: Record<string, string> = { authorization: `Bearer ${parent}` };
        if (encoding) headers['accept-encoding'] = encoding;
        // The first read of the URL goes the full way and teaches the lean path the URL.
        const first = await get(server.url, path, headers);
        assert.equal(first.status, 200);
        const before = lean().served;
        const fast = await get(server.url, path, headers);
        assert.equal(lean().served, before + 1, 'answered on the lean path');
        const reference = await get(fullUrl, path, headers);
        assert.equal(fast.status, reference.status);
        assert.deepEqual(fast.headers, reference.headers);
        assert.deepEqual(fast.body, reference.body);
        assert.equal(fast.headers['content-encoding'], encoding ? 'gzip' : undefined);
        const json = JSON.parse(
          (encoding ? gunzipSync(fast.body) : fast.body).toString(),
        ) as object;
        assert.ok(json);

        const etag = fast.headers.etag ?? '';
        const revalidate = { ...headers, 'if-none-match': etag };
        const notModified = await get(server.url, path, revalidate);
        assert.equal(lean().served, before + 2);
        const referenceNotModified = await get(fullUrl, path, revalidate);
        assert.equal(notModified.status, 304);
        assert.deepEqual(notModified.headers, referenceNotModified.headers);
        assert.equal(notModified.body.length, 0);
      });
    }
  }

  it('leaves requests with an Origin to fastify (CORS headers exactly as before)', async () => {
    const headers = { authorization: `Bearer ${parent}`, origin: ORIGIN };
    await get(server.url, WEEK, headers);
    const before = lean().served;
    const answer = await get(server.url, WEEK, headers);
    assert.equal(lean().served, before, 'not on the lean path');
    assert.equal(answer.status, 200);
    assert.equal(answer.headers['access-control-allow-origin'], ORIGIN);
    assert.deepEqual(answer.headers, (await get(fullUrl, WEEK, headers)).headers);
  });

  it('never answers a stranger from what the owner read: 404 from the full path', async () => {
    await get(server.url, GRADES, { authorization: `Bearer ${parent}` });
    for (let i = 0; i < 2; i += 1) {
      const denied = await get(server.url, GRADES, { authorization: `Bearer ${stranger}` });
      assert.equal(denied.status, 404);
      assert.equal(JSON.parse(denied.body.toString()).error.code, 'not_found');
    }
  });

  it('refuses bad, missing and expired tokens exactly as the full path', async () => {
    await get(server.url, WEEK, { authorization: `Bearer ${parent}` });
    for (const authorization of ['Bearer at_bogus', 'Basic abc', '']) {
      const headers = authorization ? { authorization } : ({} as Record<string, string>);
      const fast = await get(server.url, WEEK, headers);
      const reference = await get(fullUrl, WEEK, headers);
      assert.equal(fast.status, 401, authorization);
      assert.equal(fast.status, reference.status);
      assert.deepEqual(fast.body, reference.body);
    }
    const session = await server.login(U.parentIvanova.phone);
    await get(server.url, WEEK, { authorization: `Bearer ${session.accessToken}` });
    server.clock.advance(session.expiresIn * 1000);
    const expired = await get(server.url, WEEK, {
      authorization: `Bearer ${session.accessToken}`,
    });
    assert.equal(expired.status, 401);
    assert.equal(JSON.parse(expired.body.toString()).error.code, 'token_expired');
    server.clock.set('2026-11-24T09:00:00.000Z');
    parent = (await server.login(U.parentIvanova.phone)).accessToken;
  });

  it('never learns a URL whose input is bad: 400 with field errors in ru and en, every time', async () => {
    const bad = `/api/v1/children/${MARIA}/grades?from=not-a-date`;
    for (const lang of ['ru', 'en']) {
      const answer = await get(server.url, bad, {
        authorization: `Bearer ${parent}`,
        'accept-language': lang,
      });
      assert.equal(answer.status, 400);
      const error = JSON.parse(answer.body.toString()).error as {
        code: string;
        fields: { path: string }[];
        message: string;
      };
      assert.equal(error.code, 'validation_failed');
      assert.ok(error.fields.some((f) => f.path === 'from'));
      assert.ok(
        lang === 'ru' ? /[а-я]/i.test(error.message) : /^[\x20-\x7e]+$/.test(error.message),
      );
    }
  });

  it('a new mark shows on the next read, never a stale lean answer or 304', async () => {
    const headers = { authorization: `Bearer ${parent}` };
    const path = `/api/v1/children/${MARIA}/grades`;
    await get(server.url, path, headers);
    const kept = await get(server.url, path, headers);
    const etag = kept.headers.etag ?? '';
    const created = await server.call<{ id: string }>('POST', '/api/v1/marks', {
      token: teacher,
      body: {
        childId: MARIA,
        subjectId: 'sub_42_math',
        value: 5,
        kind: 'oral',
        date: '2026-11-23',
      },
    });
    assert.equal(created.status, 201, created.text);
    const next = await get(server.url, path, { ...headers, 'if-none-match': etag });
    assert.equal(next.status, 200);
    const items = (JSON.parse(next.body.toString()) as { items: { id: string }[] }).items;
    assert.ok(items.some((m) => m.id === created.body.id));
  });

  /** Waits (a turn, or on PostgreSQL the sync with its listener) until `done` holds. */

  async function settled(done: () => boolean): Promise<void> {
    await new Promise((resolve) => setImmediate(resolve));

    for (let waited = 0; !done() && waited < 5000; waited += 5)
      await new Promise((resolve) => setTimeout(resolve, 5));
  }

  /** A request as node:http hands it over, and a response that records what it is sent. */
  function fakeExchange(token: string) {
    const req = {
      method: 'GET',
      url: WEEK,
      headers: { authorization: `Bearer ${token}`, 'accept-encoding': 'gzip' },
    } as unknown as IncomingMessage;
    const sent: { status?: number; headers?: Record<string, unknown>; body?: Buffer } = {};
    const res: { headersSent: boolean; [name: string]: unknown } = {
      headersSent: false,
      writeHead(status: number, headers: Record<string, unknown>) {
        sent.status = status;
        sent.headers = headers;
        res.headersSent = true;
        return res;
      },
      end(body?: Buffer) {
        sent.body = body;
        return res;
      },
    };
    return { req, res: res as unknown as ServerResponse, sent };
  }

  it('answers the requests taken in one turn after one probe, each as a real one', async () => {
    const headers = { authorization: `Bearer ${parent}`, 'accept-encoding': 'gzip' };
    await get(server.url, WEEK, headers);
    const reference = await get(server.url, WEEK, headers);
    const path = lean();
    const [served, batches] = [path.served, path.batches];
    const handedOn: IncomingMessage[] = [];
    const exchanges = [1, 2, 3].map(() => fakeExchange(parent));
    for (const { req, res } of exchanges)
      assert.equal(
        path.serve(req, res, (r) => handedOn.push(r)),
        true,
      );
    assert.ok(
      exchanges.every((e) => e.sent.status === undefined),
      'nothing answered before the turn ends',
    );
    await settled(() => exchanges.every((e) => e.sent.status !== undefined) || handedOn.length > 0);
    assert.equal(path.batches, batches + 1, 'one batch, one probe');
    assert.equal(path.served, served + 3);
    assert.deepEqual(handedOn, []);
    for (const { sent } of exchanges) {
      assert.equal(sent.status, 200);
      assert.deepEqual(sent.body, reference.body);
      assert.equal(sent.headers?.etag, reference.headers.etag);
    }
  });

  it(
    'sees a commit of another connection made before the batch: hands it to fastify',
    {
      skip: testPostgresUrl() ? 'SQLite (PostgreSQL: pg-read-gate.test.ts)' : false,
    },
    async () => {
      if (server.database.engine !== 'sqlite') return;
      const session = await server.login(U.parentIvanova.phone);
      const headers = { authorization: `Bearer ${session.accessToken}` };
      await get(server.url, WEEK, headers);
      assert.equal((await get(server.url, WEEK, headers)).status, 200);
      const other = new SQLite(server.database.sqlite.name);
      try {
        other
          .prepare('UPDATE sessions SET revoked_at = ? WHERE access_hash = ?')
          .run('2026-11-24T09:00:00.000Z', hashToken(session.accessToken));
      } finally {
        other.close();
      }
      const path = lean();
      const served = path.served;
      const handedOn: IncomingMessage[] = [];
      const exchanges = [1, 2].map(() => fakeExchange(session.accessToken));
      for (const { req, res } of exchanges) path.serve(req, res, (r) => handedOn.push(r));
      await settled(() => handedOn.length === exchanges.length);
      assert.equal(path.served, served, 'nothing answered from what was kept');
      assert.deepEqual(
        handedOn,
        exchanges.map((e) => e.req),
      );
      assert.ok(exchanges.every((e) => e.sent.status === undefined));
      const refused = await get(server.url, WEEK, headers);
      assert.equal(refused.status, 401);
      assert.equal(JSON.parse(refused.body.toString()).error.code, 'unauthorized');
    },
  );

  it('a logout takes effect on the next lean read', async () => {
    const session = await server.login(U.parentIvanova.phone);
    const headers = { authorization: `Bearer ${session.accessToken}` };
    await get(server.url, WEEK, headers);
    assert.equal((await get(server.url, WEEK, headers)).status, 200);
    const out = await server.call('POST', '/api/v1/auth/logout', {
      token: session.accessToken,
      body: {},
    });
    assert.equal(out.status, 204);
    assert.equal((await get(server.url, WEEK, headers)).status, 401);
  });
});
