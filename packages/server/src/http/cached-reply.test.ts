import { after, before, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import Fastify, { type FastifyInstance } from 'fastify';
import { createApp } from '../app';
import { DEMO } from '../seed/demo';
import { bumpVersions } from '../read-cache/versions';
import { sessionResolver } from '../services/sessions';
import { startTestServer, type TestServer } from '../testing/harness';
import { CACHED_ROUTES } from '../routes/cached-reads';
import { bearerAuthenticate } from './authenticate';
import { createReadCache } from './cached-reply';
import { installErrorHandling } from './error-handler';
import { registerRoutes, type Handlers } from './register-routes';
import { testDataKeys } from '../testing/data-key';

const U = DEMO.users;
const MARIA = DEMO.children.maria.id;
const GRADES = `/api/v1/children/${MARIA}/grades`;
const WEEK = `/api/v1/classes/${DEMO.classes.c5a.id}/timetable?week=2026-W48`;

describe('cached reads over HTTP: ETag, 304, invalidation by versions, no sharing between users', () => {
  let server: TestServer;
  let app: FastifyInstance;
  const tokens: Record<string, string> = {};
  /** What the fake handlers have been asked for, by user. */
  let calls: string[] = [];
  /** The "data" of the fake marks list; a write changes it and bumps the child's version. */
  let marks: string[] = ['5'];
  /** How long the fake marks list takes to load (a slow query), in ms. */
  let loadMs = 0;
  /** How many times the database was asked whether it changed. */
  let changeChecks = 0;

  before(async () => {
    server = await startTestServer();
    const s = server.diary.services;
    for (const [name, user] of Object.entries(U)) {
      if (name === 'parentNew') continue;
      tokens[name] = (await server.login(user.phone)).accessToken;
    }
    // The real registration path with stand-in handlers, so the test controls what a read costs.
    const handlers = {
      grades: {
        list: async ({ user }: { user: { id: string } }) => {
          calls.push(user.id);
          if (loadMs > 0) await new Promise((resolve) => setTimeout(resolve, loadMs));
          return marks.map((value) => ({ value, seenBy: user.id }));
        },
      },
      schedule: {
        week: ({ user }: { user: { id: string } }) => {
          calls.push(user.id);
          return { week: '2026-W48', lessons: marks.length };
        },
      },
    } as unknown as Handlers;
    app = Fastify();
    installErrorHandling(app);
    registerRoutes(app, {
      handlers,
      authenticate: bearerAuthenticate(sessionResolver(s)),
      changes: { check: () => ((changeChecks += 1), s.changes.check()) },
      dev: false,
      checkResponses: false,
      readCache: createReadCache(s, CACHED_ROUTES),
    });
  });
  after(async () => {
    await app.close();
    await server.close();
  });
  beforeEach(() => {
    calls = [];
  });

  const get = (url: string, who: string, headers: Record<string, string> = {}) =>
    app.inject({
      method: 'GET',
      url,
      headers: { authorization: `Bearer ${tokens[who] ?? ''}`, ...headers },
    });
  const write = async (value: string) => {
    marks = [...marks, value];
    await bumpVersions(server.database.db, [`child:${MARIA}`]);
  };

  it('answers with a strong ETag and no-store; a repeat is served from memory', async () => {
    const first = await get(GRADES, 'parentIvanova');
    assert.equal(first.statusCode, 200);
    assert.match(String(first.headers.etag), /^"[^"]+"$/);
    assert.equal(first.headers['cache-control'], 'no-store');
    assert.equal(first.headers['content-type'], 'application/json; charset=utf-8');
    const second = await get(GRADES, 'parentIvanova');
    assert.equal(second.body, first.body);
    assert.equal(second.headers.etag, first.headers.etag);
    assert.deepEqual(calls, [U.parentIvanova.id], 'the handler ran once');
  });

  it('asks the database once per warm read whether it changed (session and authorisation)', async () => {
    await get(GRADES, 'parentIvanova');
    await get(WEEK, 'parentIvanova');
    changeChecks = 0;
    assert.equal((await get(GRADES, 'parentIvanova')).statusCode, 200);
    assert.equal((await get(WEEK, 'parentIvanova')).statusCode, 200);
    assert.equal(changeChecks, 2);
  });

  it('answers If-None-Match with 304 and no body', async () => {
    const { etag } = (await get(GRADES, 'parentIvanova')).headers;
    for (const header of [String(etag), `W/${etag}`, `"other", ${etag}`]) {
      const res = await get(GRADES, 'parentIvanova', { 'if-none-match': header });
      assert.equal(res.statusCode, 304, header);
      assert.equal(res.body, '');
      assert.equal(res.headers.etag, etag);
    }
    assert.equal((await get(GRADES, 'parentIvanova', { 'if-none-match': '"x"' })).statusCode, 200);
  });

  it('changes the ETag and the body after a write bumps the version', async () => {
    const before = await get(GRADES, 'parentIvanova');
    await write('3');
    const after = await get(GRADES, 'parentIvanova', {
      'if-none-match': String(before.headers.etag),
    });
    assert.equal(after.statusCode, 200, 'the old ETag no longer matches');
    assert.notEqual(after.headers.etag, before.headers.etag);
    assert.deepEqual(
      (JSON.parse(after.body) as { value: string }[]).map((m) => m.value),
      marks,
    );
    const again = await get(GRADES, 'parentIvanova', {
      'if-none-match': String(after.headers.etag),
    });
    assert.equal(again.statusCode, 304);
  });

  it('computes a missed entry once when many readers miss it together after a write', async () => {
    // Over real sockets, so that the eight requests are in flight at the same time.
    const base = await app.listen({ port: 0, host: '127.0.0.1' });
    await get(GRADES, 'parentIvanova');
    await write('3');
    calls = [];
    loadMs = 50;
    const answers = await Promise.all(
      Array.from({ length: 8 }, () =>
        fetch(`${base}${GRADES}`, {
          headers: { authorization: `Bearer ${tokens.parentIvanova ?? ''}` },
        }).then(async (res) => ({
          status: res.status,
          etag: res.headers.get('etag'),
          text: await res.text(),
        })),
      ),
    ).finally(() => (loadMs = 0));
    assert.deepEqual(calls, [U.parentIvanova.id], 'the handler ran once for eight readers');
    assert.equal(new Set(answers.map((res) => res.etag)).size, 1);
    for (const res of answers) {
      assert.equal(res.status, 200);
      assert.ok(res.text.includes('"3"'), 'every reader gets the data after the write');
    }
  });

  it("keeps the ETag when another child's data changes", async () => {
    const before = await get(GRADES, 'parentIvanova');
    await bumpVersions(server.database.db, [`child:${DEMO.children.petr.id}`]);
    const after = await get(GRADES, 'parentIvanova');
    assert.equal(after.headers.etag, before.headers.etag);
  });

  it("changes a child's ETag when their class's data changes, and serves the new answer", async () => {
    const before = await get(GRADES, 'parentIvanova');
    calls = [];
    await bumpVersions(server.database.db, [`class:${DEMO.classes.c5a.id}`]);
    const after = await get(GRADES, 'parentIvanova', {
      'if-none-match': String(before.headers.etag),
    });
    assert.equal(after.statusCode, 200, 'the class write is never hidden');
    assert.notEqual(after.headers.etag, before.headers.etag);
    assert.deepEqual(calls, [U.parentIvanova.id], 'the handler ran again');
    const other = await get(GRADES.replace(MARIA, DEMO.children.petr.id), 'parentIvanova');
    assert.equal(other.statusCode, 200, other.body);
  });

  it("never serves one user's entry to another, even for the same child", async () => {
    const parent = await get(GRADES, 'parentIvanova');
    const student = await get(GRADES, 'studentMaria', {
      'if-none-match': String(parent.headers.etag),
    });
    assert.equal(student.statusCode, 200, "the parent's ETag is not the student's");
    assert.notEqual(student.headers.etag, parent.headers.etag);
    const seenBy = (JSON.parse(student.body) as { seenBy: string }[]).map((m) => m.seenBy);
    assert.deepEqual([...new Set(seenBy)], [U.studentMaria.id]);
    assert.ok(calls.includes(U.studentMaria.id), "the student's read ran the handler");
  });

  it('authorises every request before the cache: a stranger gets 404, never the cached body', async () => {
    const { etag } = (await get(GRADES, 'parentIvanova')).headers;
    const stranger = await get(GRADES, 'parentPetrov', { 'if-none-match': String(etag) });
    assert.equal(stranger.statusCode, 404);
    assert.doesNotMatch(stranger.body, /seenBy/);
    const otherTeacher = await get(GRADES, 'teacherLyceum');
    assert.equal(otherTeacher.statusCode, 404);
    assert.equal((await get(GRADES, 'nobody')).statusCode, 401);
  });

  it('stops serving a cached entry as soon as the access is gone', async () => {
    assert.equal((await get(GRADES, 'parentIvanova')).statusCode, 200);
    const db = server.database.db;
    const link = { parent_id: U.parentIvanova.id, child_id: MARIA };
    await db
      .deleteFrom('parent_children')
      .where('parent_id', '=', link.parent_id)
      .where('child_id', '=', link.child_id)
      .execute();
    try {
      assert.equal((await get(GRADES, 'parentIvanova')).statusCode, 404);
    } finally {
      await db.insertInto('parent_children').values(link).execute();
    }
  });

  it('shares a per-role answer between users of that role only', async () => {
    const math = await get(WEEK, 'teacherMath');
    assert.equal(math.statusCode, 200);
    const russian = await get(WEEK, 'teacherRussian');
    assert.equal(russian.body, math.body);
    assert.deepEqual(calls, [U.teacherMath.id], "the second teacher's read was a hit");
    await get(WEEK, 'parentIvanova');
    assert.deepEqual(calls, [U.teacherMath.id, U.parentIvanova.id], 'another role, another entry');
    assert.equal((await get(WEEK, 'parentPetrov')).statusCode, 404, 'not a family of the class');
  });

  it('serves a large body brotli- or gzip-compressed as the client accepts, each under its own ETag', async () => {
    marks = Array.from({ length: 200 }, (_, i) => String((i % 4) + 2));
    await bumpVersions(server.database.db, [`child:${MARIA}`]);
    const plain = await get(GRADES, 'parentIvanova');
    const browser = await get(GRADES, 'parentIvanova', { 'accept-encoding': 'gzip, deflate, br' });
    assert.equal(browser.statusCode, 200);
    assert.equal(browser.headers['content-encoding'], 'br');
    assert.match(String(browser.headers.vary), /accept-encoding/);
    assert.equal(brotliDecompressSync(browser.rawPayload).toString(), plain.body);
    assert.ok(browser.rawPayload.length < plain.rawPayload.length / 3);
    const zipped = await get(GRADES, 'parentIvanova', { 'accept-encoding': 'gzip' });
    assert.equal(zipped.headers['content-encoding'], 'gzip');
    assert.equal(gunzipSync(zipped.rawPayload).toString(), plain.body);
    const tags = new Set([plain.headers.etag, zipped.headers.etag, browser.headers.etag]);
    assert.equal(tags.size, 3, 'each representation has its own strong tag');
    for (const [res, encoding] of [
      [zipped, 'gzip'],
      [browser, 'br'],
    ] as const) {
      const revalidated = await get(GRADES, 'parentIvanova', {
        'accept-encoding': encoding,
        'if-none-match': String(res.headers.etag),
      });
      assert.equal(revalidated.statusCode, 304);
    }
    const refused = await get(GRADES, 'parentIvanova', { 'accept-encoding': 'gzip;q=0, br;q=0' });
    assert.equal(refused.headers['content-encoding'], undefined);
    assert.equal(refused.body, plain.body);
  });

  it('keys by the canonical query: the same filters in any order hit the same entry', async () => {
    const a = await get(`${GRADES}?from=2026-09-01&to=2026-12-31`, 'parentIvanova');
    const b = await get(`${GRADES}?to=2026-12-31&from=2026-09-01`, 'parentIvanova');
    assert.equal(b.headers.etag, a.headers.etag);
    const c = await get(`${GRADES}?from=2026-10-01&to=2026-12-31`, 'parentIvanova');
    assert.notEqual(c.headers.etag, a.headers.etag);
    assert.equal(calls.length, 2);
  });

  it('lets each role see exactly the children it may, hit or miss', async () => {
    const expected: Record<string, number> = {
      parentIvanova: 200,
      studentMaria: 200,
      teacherMath: 200,
      admin42: 200,
      parentPetrov: 404,
      teacherLyceum: 404,
      admin17: 404,
    };
    for (const round of [1, 2])
      for (const [who, status] of Object.entries(expected)) {
        if (!(who in tokens)) throw new Error(`no demo user ${who}`);
        const res = await get(GRADES, who);
        assert.equal(res.statusCode, status, `${who}, round ${round}: ${res.body}`);
      }
    const unknown = await get(`/api/v1/children/chd_nobody/grades`, 'admin42');
    assert.equal(unknown.statusCode, 404);
  });
});

describe('cached reads of the real diary routes', () => {
  let server: TestServer;
  let parent: string;
  let teacher: string;
  let student: string;

  before(async () => {
    server = await startTestServer();
    parent = (await server.login(U.parentIvanova.phone)).accessToken;
    teacher = (await server.login(U.teacherMath.phone)).accessToken;
    student = (await server.login(U.studentMaria.phone)).accessToken;
  });
  after(() => server.close());

  const list = (token: string, etag?: string) =>
    server.call<{ items: { id: string }[] }>('GET', GRADES, {
      token,
      headers: etag ? { 'if-none-match': etag } : {},
    });

  it('gives the same ETag from every instance on the database, so another instance answers 304', async () => {
    const first = await list(parent);
    assert.equal(first.status, 200);
    const etag = String(first.headers.get('etag'));
    // A second server process on the same database, as behind a load balancer.
    const other = await createApp({
      database: server.database,
      dataKeys: testDataKeys(),
      clock: server.clock,
    });
    try {
      const res = await other.app.inject({
        method: 'GET',
        url: GRADES,
        headers: {
          authorization: `Bearer ${parent}`,
          'accept-encoding': 'gzip, deflate',
          'if-none-match': etag,
        },
      });
      assert.equal(res.statusCode, 304);
      assert.equal(res.headers.etag, etag);
    } finally {
      await other.app.close();
    }
  });

  it('revalidates the marks list with 304 until a teacher gives a mark, then serves the new one', async () => {
    const first = await list(parent);
    assert.equal(first.status, 200, first.text);
    const etag = first.headers.get('etag') ?? '';
    assert.equal((await list(parent, etag)).status, 304);
    const created = await server.call<{ id: string }>('POST', '/api/v1/marks', {
      token: teacher,
      body: {
        childId: MARIA,
        subjectId: 'sub_42_math',
        value: 4,
        kind: 'oral',
        date: '2026-11-24',
      },
    });
    assert.equal(created.status, 201, created.text);
    const after = await list(parent, etag);
    assert.equal(after.status, 200, 'the write is never hidden by the cached entry');
    assert.notEqual(after.headers.get('etag'), etag);
    assert.ok(after.body.items.some((m) => m.id === created.body.id));
    assert.equal(after.body.items.length, first.body.items.length + 1);
  });

  it("gives the child's own account its own entry and ETag", async () => {
    const mine = await list(parent);
    const theirs = await list(student, mine.headers.get('etag') ?? '');
    assert.equal(theirs.status, 200);
    assert.notEqual(theirs.headers.get('etag'), mine.headers.get('etag'));
  });

  it('stops answering a cached read at once when the session is revoked by logout', async () => {
    const own = (await server.login(U.parentIvanova.phone)).accessToken;
    const week = `/api/v1/classes/${DEMO.classes.c5a.id}/timetable`;
    const query = { week: '2026-W48' };
    const marks = await list(own);
    assert.equal(marks.status, 200, marks.text);
    assert.equal((await list(own)).status, 200, 'a repeat comes from the cache');
    assert.equal((await server.call('GET', week, { token: own, query })).status, 200);
    const out = await server.call('POST', '/api/v1/auth/logout', { token: own, body: {} });
    assert.equal(out.status, 204, out.text);
    const etag = marks.headers.get('etag') ?? '';
    for (const res of [
      await list(own),
      await list(own, etag),
      await server.call('GET', week, { token: own, query }),
    ]) {
      assert.equal(res.status, 401, res.text);
      assert.equal((res.body as unknown as { error: { code: string } }).error.code, 'unauthorized');
    }
    assert.equal((await list(parent)).status, 200, "another session's reads go on");
  });

  it('stops answering a cached read at once when the access token expires', async () => {
    const own = (await server.login(U.parentIvanova.phone)).accessToken;
    assert.equal((await list(own)).status, 200);
    assert.equal((await list(own)).status, 200);
    const now = server.clock.now();
    server.clock.advance(server.diary.services.config.accessTokenTtl * 1000 + 1);
    try {
      const res = await list(own);
      assert.equal(res.status, 401, res.text);
      assert.equal(
        (res.body as unknown as { error: { code: string } }).error.code,
        'token_expired',
      );
    } finally {
      server.clock.set(now);
    }
  });

  it('revalidates the week timetable with 304', async () => {
    const path = `/api/v1/classes/${DEMO.classes.c5a.id}/timetable`;
    const query = { week: '2026-W48' };
    const first = await server.call('GET', path, { token: parent, query });
    assert.equal(first.status, 200, first.text);
    const etag = first.headers.get('etag') ?? '';
    const again = await server.call('GET', path, {
      token: parent,
      query,
      headers: { 'if-none-match': etag },
    });
    assert.equal(again.status, 304);
  });
});
