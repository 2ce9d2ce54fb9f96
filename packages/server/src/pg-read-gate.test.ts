import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { request } from 'node:http';
import { sql } from 'kysely';
import { createApp, type DiaryApp } from './app';
import { openPostgres, type PostgresDiaryDatabase } from './db/postgres';
import { DEMO } from './seed/demo';
import { startTestServer, type TestServer } from './testing/harness';
import { testPostgresUrl } from './testing/test-database';

const U = DEMO.users;
const MARIA = DEMO.children.maria.id;
const GRADES = `/api/v1/children/${MARIA}/grades`;
const WEEK = `/api/v1/classes/${DEMO.classes.c5a.id}/timetable?week=2026-W48`;

/** A GET on an instance: status, ETag and the body parsed. */
function get(
  base: string,
  path: string,
  headers: Record<string, string>,
): Promise<{
  status: number;
  etag: string;
  body: { items?: { id: string }[]; error?: { code: string } };
}> {
  return new Promise((resolve, reject) => {
    request(new URL(path, base), { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString();
        resolve({
          status: res.statusCode ?? 0,
          etag: String(res.headers.etag ?? ''),
          body: text ? (JSON.parse(text) as never) : {},
        });
      });
    })
      .on('error', reject)
      .end();
  });
}

describe(
  'the read gate on PostgreSQL: two instances, what A commits B honours on its next request',
  { skip: testPostgresUrl() ? false : 'runs in the PostgreSQL pass (DIARY_TEST_BACKEND=postgres)' },
  () => {
    let a: TestServer;
    let databaseB: PostgresDiaryDatabase;
    let b: DiaryApp;
    let bUrl: string;

    before(async () => {
      a = await startTestServer();
      assert.ok(a.databaseUrl);
      databaseB = await openPostgres(a.databaseUrl, { poolSize: 4 });
      b = await createApp({
        database: databaseB,
        clock: a.clock,
        config: { storageDir: a.dir, dev: true, checkResponses: true, authRateLimit: 10_000 },
      });
      await b.app.listen({ host: '127.0.0.1', port: 0 });
      const address = b.app.server.address();
      bUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    });
    after(async () => {
      await b?.app.close();
      await databaseB?.close();
      await a?.close();
    });

    const leanB = () => {
      assert.ok(b.lean, 'the lean path is on on PostgreSQL too');
      return b.lean;
    };

    /** Reads on B until it answers from what it kept (the lean path), at most a few times. */
    async function keptOnB(path: string, token: string): Promise<void> {
      const headers = { authorization: `Bearer ${token}` };
      for (let i = 0; i < 5; i += 1) {
        const before = leanB().served;
        assert.equal((await get(bUrl, path, headers)).status, 200);
        if (leanB().served > before) return;
      }
      assert.fail(`B never answered ${path} from what it kept`);
    }

    it('B’s change stamp, once synced, reflects every commit made before, each time', async () => {
      const changes = databaseB.changes;
      assert.ok(changes.sync, 'PostgreSQL needs a sync before each probe');
      for (let i = 0; i < 20; i += 1) {
        await changes.sync();
        const before = changes.probe();
        assert.notEqual(before, null, 'listening');
        await a.database.db
          .insertInto('settings')
          .values({ key: `gate-sync-${i}`, value: '1' })
          .execute();
        await changes.sync();
        assert.notEqual(changes.probe(), before, `commit ${i} seen after the sync`);
      }
      // A transaction that rolls back never committed: nothing to forget.
      await changes.sync();
      const steady = changes.probe();
      await assert.rejects(
        a.database.db.transaction().execute(async (trx) => {
          await trx.insertInto('settings').values({ key: 'gate-rollback', value: '1' }).execute();
          throw new Error('roll back');
        }),
      );
      await changes.sync();
      assert.equal(changes.probe(), steady);
    });

    it('keeps sessions and grants on B: repeated reads take the lean path', async () => {
      const session = await a.login(U.parentIvanova.phone);
      await keptOnB(WEEK, session.accessToken);
      assert.ok(b.services.gate.enabled);
      assert.ok(b.services.gate.size > 0);
    });

    it('a logout on A refuses the session on B next, though B kept it', async () => {
      const session = await a.login(U.parentIvanova.phone);
      await keptOnB(WEEK, session.accessToken);
      const out = await a.call('POST', '/api/v1/auth/logout', {
        token: session.accessToken,
        body: {},
      });
      assert.equal(out.status, 204, out.text);
      const next = await get(bUrl, WEEK, { authorization: `Bearer ${session.accessToken}` });
      assert.equal(next.status, 401);
      assert.equal(next.body.error?.code, 'unauthorized');
    });

    it('a revocation written by A shows on B next', async () => {
      const session = await a.login(U.parentIvanova.phone);
      await keptOnB(GRADES, session.accessToken);
      await a.database.db
        .updateTable('sessions')
        .set({ revoked_at: a.clock.now().toISOString() })
        .where('user_id', '=', U.parentIvanova.id)
        .where('revoked_at', 'is', null)
        .execute();
      const next = await get(bUrl, GRADES, { authorization: `Bearer ${session.accessToken}` });
      assert.equal(next.status, 401);
    });

    it('a role change committed on A shows on B next', async () => {
      const session = await a.login(U.parentPetrov.phone);
      const me = () =>
        new Promise<string>((resolve, reject) => {
          fetch(`${bUrl}/api/v1/auth/me`, {
            headers: { authorization: `Bearer ${session.accessToken}` },
          }).then(async (res) => resolve(((await res.json()) as { role: string }).role), reject);
        });
      assert.equal(await me(), 'parent');
      assert.equal(await me(), 'parent');
      const db = a.database.db;
      await db
        .updateTable('users')
        .set({ role: 'student' })
        .where('id', '=', U.parentPetrov.id)
        .execute();
      try {
        assert.equal(await me(), 'student');
      } finally {
        await db
          .updateTable('users')
          .set({ role: 'parent' })
          .where('id', '=', U.parentPetrov.id)
          .execute();
      }
    });

    it('a mark entered on A is in B’s next marks list (no stale 200, no stale 304)', async () => {
      const parent = await a.login(U.parentIvanova.phone);
      const teacher = await a.login(U.teacherMath.phone);
      await keptOnB(GRADES, parent.accessToken);
      const headers = { authorization: `Bearer ${parent.accessToken}` };
      const kept = await get(bUrl, GRADES, headers);
      const created = await a.call<{ id: string }>('POST', '/api/v1/marks', {
        token: teacher.accessToken,
        body: {
          childId: MARIA,
          subjectId: 'sub_42_math',
          value: 4,
          kind: 'oral',
          date: '2026-11-23',
        },
      });
      assert.equal(created.status, 201, created.text);
      const next = await get(bUrl, GRADES, { ...headers, 'if-none-match': kept.etag });
      assert.equal(next.status, 200);
      assert.ok(next.body.items?.some((m) => m.id === created.body.id));
    });

    it('with its listener dropped B keeps nothing and asks the database, then resumes', async () => {
      const session = await a.login(U.parentIvanova.phone);
      await keptOnB(WEEK, session.accessToken);
      const killed = await sql<{ done: boolean }>`
        select pg_terminate_backend(pid) as done from pg_stat_activity
        where application_name = ${(databaseB.fanOut as { listenerName?: string }).listenerName ?? ''}`.execute(
        a.database.db,
      );
      assert.deepEqual(
        killed.rows.map((r) => r.done),
        [true],
      );
      // A revocation now: B's listener is not there to hear it.
      await a.database.db
        .updateTable('sessions')
        .set({ revoked_at: a.clock.now().toISOString() })
        .where('user_id', '=', U.parentIvanova.id)
        .where('revoked_at', 'is', null)
        .execute();
      const served = leanB().served;
      const next = await get(bUrl, WEEK, { authorization: `Bearer ${session.accessToken}` });
      assert.equal(next.status, 401, 'B asked the database');
      assert.equal(leanB().served, served);
      // Once reconnected (within a second or two), B keeps again.
      const fresh = await a.login(U.parentIvanova.phone);
      const deadline = Date.now() + 10_000;
      for (;;) {
        const before = leanB().served;
        await get(bUrl, WEEK, { authorization: `Bearer ${fresh.accessToken}` });
        await get(bUrl, WEEK, { authorization: `Bearer ${fresh.accessToken}` });
        if (leanB().served > before) break;
        assert.ok(Date.now() < deadline, 'B keeps again after reconnecting');
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
      assert.ok(b.services.gate.enabled);
    });
  },
);
